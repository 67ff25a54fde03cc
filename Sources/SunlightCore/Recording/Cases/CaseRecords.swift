import Foundation
import SunlightLedger

/// 执法文书 — a document of a case: drafted from its template, reviewed, signed, issued with its
/// number (REC-6). Once signed it never changes; a correction is a new document.
public struct CaseDocument: Identifiable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case draft, review, signed, issued

        public var chineseName: String {
            switch self {
            case .draft: "草稿"
            case .review: "待审签"
            case .signed: "已签发"
            case .issued: "已出具"
            }
        }
    }

    public let id: UUID
    public let caseID: EnforcementCase.ID
    public let type: DocumentType
    public let stage: String
    public var fields: [String: String]
    public var status: Status
    /// Assigned when issued, for numbered types.
    public var number: String?
    public let draftedBy: StaffUser.ID?
    public let draftedAt: Date
    public var signedBy: StaffUser.ID?
    public var signedAt: Date?
    public var issuedOn: CivilDate?
    /// The document this one corrects.
    public let corrects: UUID?

    public init(id: UUID = UUID(), caseID: EnforcementCase.ID, type: DocumentType, stage: String, fields: [String: String],
                status: Status = .draft, number: String? = nil, draftedBy: StaffUser.ID?, draftedAt: Date, signedBy: StaffUser.ID? = nil,
                signedAt: Date? = nil, issuedOn: CivilDate? = nil, corrects: UUID? = nil) {
        self.id = id
        self.caseID = caseID
        self.type = type
        self.stage = stage
        self.fields = fields
        self.status = status
        self.number = number
        self.draftedBy = draftedBy
        self.draftedAt = draftedAt
        self.signedBy = signedBy
        self.signedAt = signedAt
        self.issuedOn = issuedOn
        self.corrects = corrects
    }

    var ledgerContent: CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "case": Snapshot.uuid(caseID), "type": .string(type.rawValue), "stage": .string(stage),
                 "fields": .object(fields.mapValues(CanonicalJSON.string)), "status": .string(status.rawValue), "number": Snapshot.text(number),
                 "draftedBy": Snapshot.uuid(draftedBy), "draftedAt": Snapshot.time(draftedAt), "signedBy": Snapshot.uuid(signedBy),
                 "signedAt": signedAt.map(Snapshot.time) ?? .null, "issuedOn": Snapshot.text(issuedOn?.iso), "corrects": Snapshot.uuid(corrects)])
    }
}

/// 证据 — a piece of evidence with its confirmation by the party (REC-8, seed 001 (十三)).
public struct CaseEvidence: Identifiable, Sendable, Equatable {
    /// 证据种类 (行政诉讼法 第三十三条).
    public enum Kind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case documentary, physical, audiovisual, electronic, witness, statement, expert, inspection

        public var chineseName: String {
            switch self {
            case .documentary: "书证"
            case .physical: "物证"
            case .audiovisual: "视听资料"
            case .electronic: "电子数据"
            case .witness: "证人证言"
            case .statement: "当事人陈述"
            case .expert: "鉴定意见"
            case .inspection: "勘验笔录、现场笔录"
            }
        }
    }

    public let id: UUID
    public let caseID: EnforcementCase.ID
    public let stage: String
    public let kind: Kind
    public let description: String
    public let source: String
    /// 原件 or 复制件; a copy is marked 经核对与原件无误 when checked.
    public let original: Bool
    public let copyVerified: Bool
    /// 当事人确认: who confirmed and when.
    public let confirmedBy: String?
    public let confirmedOn: CivilDate?
    /// The file (photo, recording, video) kept in the blob store, if any.
    public let fileID: EvidenceFile.ID?
    public let recordedBy: StaffUser.ID?
    public let recordedAt: Date

    public init(id: UUID = UUID(), caseID: EnforcementCase.ID, stage: String, kind: Kind, description: String, source: String,
                original: Bool, copyVerified: Bool, confirmedBy: String?, confirmedOn: CivilDate?, fileID: EvidenceFile.ID?,
                recordedBy: StaffUser.ID?, recordedAt: Date) {
        self.id = id
        self.caseID = caseID
        self.stage = stage
        self.kind = kind
        self.description = description
        self.source = source
        self.original = original
        self.copyVerified = copyVerified
        self.confirmedBy = confirmedBy
        self.confirmedOn = confirmedOn
        self.fileID = fileID
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// 干预记录 — an attempt by any unit or person to interfere in a case, recorded in full and
/// kept (REC-9, seed 001 (十二)).
public struct InterferenceRecord: Identifiable, Sendable, Equatable {
    public let id: UUID
    public let caseID: EnforcementCase.ID
    public let occurredOn: CivilDate
    /// Who: the unit or person.
    public let source: String
    /// How: by phone, in person, by note…
    public let means: String
    public let content: String
    public let recordedBy: StaffUser.ID?
    public let recordedAt: Date

    public init(id: UUID = UUID(), caseID: EnforcementCase.ID, occurredOn: CivilDate, source: String, means: String, content: String,
                recordedBy: StaffUser.ID?, recordedAt: Date) {
        self.id = id
        self.caseID = caseID
        self.occurredOn = occurredOn
        self.source = source
        self.means = means
        self.content = content
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    func ledgerRecord(organisationID: UUID) -> LedgerRecord {
        Self.logged(type: "case.interference_recorded", table: "case_interference", id: id.uuidString.lowercased(), organisationID: organisationID,
                    content: .object(["id": Snapshot.uuid(id), "case": Snapshot.uuid(caseID), "occurredOn": .string(occurredOn.iso),
                                       "source": .string(source), "means": .string(means), "content": .string(content),
                                       "recordedBy": Snapshot.uuid(recordedBy), "recordedAt": Snapshot.time(recordedAt)]))
    }
}

/// 裁量基准 — for a penalty item, a circumstance and the range of fines it allows (STD-3).
public struct DiscretionBenchmark: Identifiable, Sendable, Equatable {
    public enum Circumstance: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case minor, general, serious, severe

        public var chineseName: String {
            switch self {
            case .minor: "轻微"
            case .general: "一般"
            case .serious: "较重"
            case .severe: "严重"
            }
        }
    }

    public let id: UUID
    public let organisationID: Organisation.ID
    public let itemEntryID: UUID
    public let circumstance: Circumstance
    /// Yuan.
    public let minFine: Int
    public let maxFine: Int
    /// Other measures and notes, e.g. 没收违法所得.
    public let measures: String

    public init(id: UUID = UUID(), organisationID: Organisation.ID, itemEntryID: UUID, circumstance: Circumstance, minFine: Int,
                maxFine: Int, measures: String) {
        self.id = id
        self.organisationID = organisationID
        self.itemEntryID = itemEntryID
        self.circumstance = circumstance
        self.minFine = minFine
        self.maxFine = maxFine
        self.measures = measures
    }

    public func allows(_ fine: Int) -> Bool { (minFine...maxFine).contains(fine) }

    func ledgerRecord() -> LedgerRecord {
        Self.logged(type: "discretion.benchmark_set", table: "discretion_benchmarks", id: id.uuidString.lowercased(), organisationID: organisationID,
                    content: .object(["id": Snapshot.uuid(id), "organisation": Snapshot.uuid(organisationID), "item": Snapshot.uuid(itemEntryID),
                                       "circumstance": .string(circumstance.rawValue), "minFine": .int(Int64(minFine)),
                                       "maxFine": .int(Int64(maxFine)), "measures": .string(measures)]))
    }
}

/// 执法人员指派 — an officer on a case, and, after recusal, why they left (REC-7).
public struct CaseOfficer: Sendable, Equatable {
    public let caseID: EnforcementCase.ID
    public let userID: StaffUser.ID
    public let assignedAt: Date
    public var removedAt: Date?
    public var removalReason: String?

    public init(caseID: EnforcementCase.ID, userID: StaffUser.ID, assignedAt: Date, removedAt: Date? = nil, removalReason: String? = nil) {
        self.caseID = caseID
        self.userID = userID
        self.assignedAt = assignedAt
        self.removedAt = removedAt
        self.removalReason = removalReason
    }

    public var isActive: Bool { removedAt == nil }

    func ledgerRecord(_ type: String, organisationID: UUID) -> LedgerRecord {
        Self.logged(type: type, table: "case_officers", id: "\(caseID.uuidString.lowercased())/\(userID.uuidString.lowercased())",
                    organisationID: organisationID,
                    content: .object(["case": Snapshot.uuid(caseID), "user": Snapshot.uuid(userID), "assignedAt": Snapshot.time(assignedAt),
                                       "removedAt": removedAt.map(Snapshot.time) ?? .null, "removalReason": Snapshot.text(removalReason)]))
    }
}
