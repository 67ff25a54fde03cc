import Foundation
import SunlightLedger

/// 音像及电子文件 — a document, photo, recording, video or data file kept as a record of
/// enforcement, with the metadata REC-4 requires: when and where it was recorded, by which
/// officer, on which device, of which parties, about what. The file itself is in the blob
/// store under its SHA-256, which is what the log commits to. Never changed: a correction is
/// a new file record that points at the one it corrects (REC-5).
public struct EvidenceFile: Identifiable, Sendable, Equatable {
    public typealias ID = UUID

    /// 记录形式.
    public enum Kind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case document, photo, audio, video, data

        public var chineseName: String {
            switch self {
            case .document: "文书"
            case .photo: "照片"
            case .audio: "录音"
            case .video: "录像"
            case .data: "电子数据"
            }
        }
    }

    public let id: ID
    public let organisationID: Organisation.ID
    public let kind: Kind
    /// 事由 — what was recorded.
    public let title: String
    public let filename: String
    public let mediaType: String
    public let sha256: LedgerHash
    public let size: UInt64
    public let recordedAt: Date
    public let place: String
    /// 记录人 — the officer who recorded it.
    public let recordedBy: StaffUser.ID
    /// 记录设备, e.g. `执法记录仪 DSJ-A8 #0032`.
    public let device: String
    /// 当事人 — personal data: sealed apart, `nil` when none or erased.
    public let parties: String?
    public let uploadedBy: StaffUser.ID?
    public let uploadedAt: Date
    public let corrects: ID?
    public let correctionReason: String?

    public init(id: ID = UUID(), organisationID: Organisation.ID, kind: Kind, title: String, filename: String, mediaType: String,
                sha256: LedgerHash, size: UInt64, recordedAt: Date, place: String, recordedBy: StaffUser.ID, device: String,
                parties: String?, uploadedBy: StaffUser.ID?, uploadedAt: Date, corrects: ID? = nil, correctionReason: String? = nil) {
        self.id = id
        self.organisationID = organisationID
        self.kind = kind
        self.title = title
        self.filename = filename
        self.mediaType = mediaType
        self.sha256 = sha256
        self.size = size
        self.recordedAt = recordedAt
        self.place = place
        self.recordedBy = recordedBy
        self.device = device
        self.parties = parties
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
        self.corrects = corrects
        self.correctionReason = correctionReason
    }

    public func with(parties: String?) -> EvidenceFile {
        EvidenceFile(id: id, organisationID: organisationID, kind: kind, title: title, filename: filename, mediaType: mediaType,
                     sha256: sha256, size: size, recordedAt: recordedAt, place: place, recordedBy: recordedBy, device: device,
                     parties: parties, uploadedBy: uploadedBy, uploadedAt: uploadedAt, corrects: corrects, correctionReason: correctionReason)
    }

    func ledgerContent(parties sealed: PersonalValue?) -> CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "organisation": Snapshot.uuid(organisationID), "kind": .string(kind.rawValue),
                 "title": .string(title), "filename": .string(filename), "mediaType": .string(mediaType),
                 "sha256": .string(sha256.hex), "size": .int(Int64(size)), "recordedAt": Snapshot.time(recordedAt),
                 "place": .string(place), "recordedBy": Snapshot.uuid(recordedBy), "device": .string(device),
                 "parties": sealed.map { PersonalData.json($0.commitment) } ?? .null,
                 "uploadedBy": Snapshot.uuid(uploadedBy), "uploadedAt": Snapshot.time(uploadedAt),
                 "corrects": Snapshot.uuid(corrects), "correctionReason": Snapshot.text(correctionReason)])
    }

    func ledgerRecord(parties sealed: PersonalValue?) -> LedgerRecord {
        Self.logged(type: corrects == nil ? "evidence.recorded" : "evidence.corrected", table: "evidence_files",
                    id: id.uuidString.lowercased(), organisationID: organisationID, content: ledgerContent(parties: sealed),
                    corrects: corrects.map { "evidence_files/\($0.uuidString.lowercased())" })
    }
}

/// 文件存储 — evidence file records; append-only.
public protocol EvidenceRepository: Sendable {
    func insert(_ file: EvidenceFile) async throws
    /// Inserts many files' records at once (a bulk load).
    func insert(_ files: [EvidenceFile]) async throws
    func find(_ id: EvidenceFile.ID) async throws -> EvidenceFile?
    /// Newest first, for these organisations.
    func list(in organisations: [Organisation.ID], limit: Int) async throws -> [EvidenceFile]
    /// Every record in the order stored, a page at a time.
    func chronological(offset: Int, limit: Int) async throws -> [EvidenceFile]
}
