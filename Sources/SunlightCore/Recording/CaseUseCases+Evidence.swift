import Foundation
import SunlightLedger

/// The metadata of a file being recorded (REC-4).
public struct NewEvidence: Sendable, Codable {
    public var kind: EvidenceFile.Kind
    public var title: String
    public var filename: String
    public var mediaType: String
    public var recordedAt: Date
    public var place: String
    public var recordedBy: StaffUser.ID
    public var device: String
    public var parties: String?
    public var corrects: EvidenceFile.ID?
    public var correctionReason: String?

    public init(kind: EvidenceFile.Kind, title: String, filename: String, mediaType: String, recordedAt: Date, place: String,
                recordedBy: StaffUser.ID, device: String, parties: String? = nil, corrects: EvidenceFile.ID? = nil,
                correctionReason: String? = nil) {
        self.kind = kind
        self.title = title
        self.filename = filename
        self.mediaType = mediaType
        self.recordedAt = recordedAt
        self.place = place
        self.recordedBy = recordedBy
        self.device = device
        self.parties = parties
        self.corrects = corrects
        self.correctionReason = correctionReason
    }
}

extension CaseUseCases {
    /// 记录文件 — records a stored file with its REC-4 metadata in the actor's organisation,
    /// and logs it. If the record is refused, a file stored only for it is removed again, so a
    /// refused upload leaves nothing behind.
    public func recordEvidence(_ input: NewEvidence, blob: BlobReceipt, by actor: Actor) async throws -> EvidenceFile {
        do {
            return try await recordEvidenceChecked(input, blob: blob, by: actor)
        } catch {
            if blob.isNew { try? blobs.remove(blob.sha256) }
            throw error
        }
    }

    private func recordEvidenceChecked(_ input: NewEvidence, blob: BlobReceipt, by actor: Actor) async throws -> EvidenceFile {
        let (file, sealed, organisation) = try await checkedEvidenceFile(input, blob: blob, by: actor)
        try await commit(actor, .create, "evidence", id: file.id.uuidString, in: organisation, Self.summary(of: file)) { tx, _ in
            ((), try await Self.insert(file, sealed: sealed, in: tx))
        }
        return file
    }

    static func summary(of file: EvidenceFile) -> String {
        "记录\(file.kind.chineseName)“\(file.title)”（\(ByteCounts.text(file.size))，SHA-256 \(file.sha256.hex.prefix(12))…）"
    }

    static func insert(_ file: EvidenceFile, sealed: PersonalValue?, in tx: any Store) async throws -> [LedgerRecord] {
        try await tx.evidence.insert(file)
        if let sealed { try await tx.personalData.insert([sealed]) }
        return [file.ledgerRecord(parties: sealed)]
    }

    /// Checks a file's metadata (REC-4) and builds its record, with the parties sealed.
    func checkedEvidenceFile(_ input: NewEvidence, blob: BlobReceipt, by actor: Actor) async throws -> (EvidenceFile, PersonalValue?, Organisation) {
        guard let organisation = actor.organisation, actor.user != nil else {
            throw SunlightError(.forbidden, code: "evidence.staff_only", "只有本机构工作人员可以记录文件")
        }
        try await guarded(actor, "evidence", id: nil, in: organisation) { try DeskPermissions(actor: actor).check(.recordEvidence) }
        let title = input.title.trimmed, place = input.place.trimmed, device = input.device.trimmed
        let filename = input.filename.trimmed.replacingOccurrences(of: "/", with: "_")
        guard (2...100).contains(title.count) else { throw SunlightError.invalid("title", "请填写事由（2–100 字）", rule: .rec4) }
        guard (2...100).contains(place.count) else { throw SunlightError.invalid("place", "请填写记录地点（2–100 字）", rule: .rec4) }
        guard (2...60).contains(device.count) else { throw SunlightError.invalid("device", "请填写记录设备（2–60 字）", rule: .rec4) }
        guard (1...200).contains(filename.count) else { throw SunlightError.invalid("filename", "文件名不能为空", rule: .rec4) }
        guard input.recordedAt <= now.addingTimeInterval(300) else {
            throw SunlightError.invalid("recordedAt", "记录时间不能晚于现在", rule: .rec4)
        }
        // An unknown hash and another's file answer alike: nothing tells which hashes exist (issue 15 item 1).
        let held = blob.inHand ? true : try await mayClaim(blob.sha256, by: actor)
        guard held, blobs.size(of: blob.sha256) == blob.size else {
            throw SunlightError(.notFound, code: "blob.unclaimed",
                                "没有找到您上传的哈希为 \(blob.sha256.hex.prefix(16))… 的文件：请先用同一登录或令牌上传该文件", rule: .rec4)
        }
        guard blob.size > 0 else { throw SunlightError.invalid("file", "文件是空的", rule: .rec4) }
        guard let recorder = try await store.users.find(input.recordedBy), recorder.organisationID == organisation.id,
              recorder.has(.officer) else {
            throw SunlightError.invalid("recordedBy", "记录人应为本机构的执法人员", rule: .rec4)
        }
        var reason: String?
        if let corrected = input.corrects {
            guard let earlier = try await store.evidence.find(corrected), earlier.organisationID == organisation.id else {
                throw SunlightError.notFound("被更正的文件记录")
            }
            reason = input.correctionReason?.trimmed
            guard let reason, reason.count >= 4 else {
                throw SunlightError.invalid("correctionReason", "更正须写明理由；原记录保留不变", rule: .rec5)
            }
        }
        let parties = input.parties?.trimmed.nilIfEmpty
        let file = EvidenceFile(
            organisationID: organisation.id, kind: input.kind, title: title, filename: filename,
            mediaType: input.mediaType.trimmed.nilIfEmpty ?? "application/octet-stream", sha256: blob.sha256, size: blob.size,
            recordedAt: LedgerTime.truncated(input.recordedAt), place: place, recordedBy: recorder.id, device: device,
            parties: parties, uploadedBy: actor.user?.id, uploadedAt: now, corrects: input.corrects, correctionReason: reason)
        let sealed = parties.map { PersonalValue.seal($0, table: "evidence_files", recordID: file.id.uuidString.lowercased(),
                                                      field: "parties", secrets: secrets) }
        return (file, sealed, organisation)
    }

    /// The files of the organisations the actor may read, newest first; the read is logged (REC-11).
    public func evidenceFiles(by actor: Actor, limit: Int = 200) async throws -> [EvidenceFile] {
        guard actor.user != nil else { throw SunlightError.outsideScope }
        var organisations: [Organisation.ID] = []
        for path in actor.scope.readablePaths { organisations += try await store.organisations.subtree(path).map(\.id) }
        let listed = try await store.evidence.list(in: organisations, limit: limit)
        // Each classified case is judged once, however many of its files are listed.
        let usedBy = try await classifiedCases(usingFiles: listed.map(\.id))
        var readable: [EnforcementCase.ID: Bool] = [:]
        for theCase in usedBy.values.joined() where readable[theCase.id] == nil {
            readable[theCase.id] = try await mayReadClassified(theCase, in: try await requireOrganisation(theCase.organisationID), by: actor)
        }
        let sealed = Set(usedBy.filter { $0.value.contains { readable[$0.id] == false } }.keys)
        let files = try await withParties(listed.filter { !sealed.contains($0.id) })
        try await log(actor, .read, "evidence", id: nil, in: actor.organisation, "查看文件列表（\(files.count) 个）")
        return files
    }

    /// One file's record, if the actor may read its organisation; logged (REC-11).
    /// `download` logs the read as an export of the file itself.
    public func evidenceFile(_ id: EvidenceFile.ID, by actor: Actor, download: Bool = false) async throws -> EvidenceFile {
        guard let file = try await store.evidence.find(id) else { throw SunlightError.notFound("文件记录") }
        let organisation = try await requireOrganisation(file.organisationID)
        try await guarded(actor, "evidence", id: id.uuidString, in: organisation) { try actor.requireRead(organisation) }
        // A file of a classified case is sealed as its case is (REC-11; issue 15 item 6).
        for theCase in try await classifiedCases(usingFiles: [id])[id] ?? [] {
            try await requireClassifiedRead(theCase, in: try await requireOrganisation(theCase.organisationID), by: actor)
        }
        try await log(actor, download ? .export : .read, "evidence", id: id.uuidString, in: organisation,
                      (download ? "下载文件" : "查看文件记录") + "“\(file.title)”")
        return try await withParties([file])[0]
    }

    func withParties(_ files: [EvidenceFile]) async throws -> [EvidenceFile] {
        let parties = try await access.unsealed(table: "evidence_files", field: "parties", ids: files.map(\.id))
        return files.map { $0.with(parties: parties[$0.id.uuidString.lowercased()]) }
    }
}

/// `12.5 MiB`.
public enum ByteCounts {
    public static func text(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: value == value.rounded() ? "%.0f %@" : "%.1f %@", value, units[unit])
    }
}

extension CaseUseCases {
    /// Whether the actor may put files into the store (officers and heads of an organisation);
    /// a refusal is logged.
    public func authoriseUpload(by actor: Actor) async throws {
        guard actor.user != nil else { throw SunlightError.missingRole([.officer, .head]) }
        try await guarded(actor, "blob", id: nil, in: actor.organisation) { try actor.require(anyOf: .officer, .head) }
    }

    /// Logs a stored upload (a change to the file store) in the access log and the log.
    /// An empty upload is refused and what it stored removed: nothing is kept, nothing logged (REC-4; issue 15 item 13).
    public func logUpload(_ receipt: BlobReceipt, filename: String?, by actor: Actor) async throws {
        guard receipt.size > 0 else {
            if receipt.isNew { try blobs.remove(receipt.sha256) }
            throw SunlightError.invalid("file", "文件是空的，未保存", rule: .rec4)
        }
        try await log(actor, .create, "blob", id: receipt.sha256.hex, in: actor.organisation,
                      "上传文件\(filename.map { "“\($0)”" } ?? "")（\(ByteCounts.text(receipt.size))\(receipt.isNew ? "" : "，与已有文件相同")）")
        if let credential = actor.credential {
            try await store.uploadClaims.insert(UploadClaim(sha256: receipt.sha256, credential: credential,
                                                            organisationID: actor.organisation?.id, claimedAt: now))
        }
    }

    /// Whether the actor may record the stored file `sha256`: the credential that uploaded it,
    /// an active officer of a case it is already evidence in, or the console (issue 15 item 1).
    func mayClaim(_ sha256: LedgerHash, by actor: Actor) async throws -> Bool {
        if actor.channel == .console { return true }
        if let credential = actor.credential, try await store.uploadClaims.holds(sha256, credential: credential) { return true }
        guard let user = actor.user else { return false }
        for caseID in try await store.cases.assigned(to: user.id) {
            guard try await store.cases.officers(of: caseID).contains(where: { $0.userID == user.id && $0.isActive }) else { continue }
            for fileID in Set(try await store.caseRecords.evidence(of: caseID).compactMap(\.fileID)) {
                if try await store.evidence.find(fileID)?.sha256 == sha256 { return true }
            }
        }
        return false
    }

    /// The officers of the actor's organisation, who may be named as recorder.
    public func recorders(for actor: Actor) async throws -> [StaffUser] {
        guard let organisation = actor.organisation else { return [] }
        return try await store.users.list(in: [organisation.id]).filter { $0.isActive && $0.has(.officer) }
    }
}

/// 文件记录详情 — one evidence file with the staff who recorded and uploaded it named (REC-4).
public struct EvidenceFileView: Sendable {
    public let file: EvidenceFile
    /// `姓名（用户名）`, if known.
    public let recorder: String?
    public let uploader: String?
}

extension CaseUseCases {
    /// One evidence file as its page shows it; the read is logged (REC-4, REC-11).
    public func evidenceFileView(_ id: EvidenceFile.ID, by actor: Actor) async throws -> EvidenceFileView {
        let file = try await evidenceFile(id, by: actor)
        let people = Dictionary(try await store.users.find(ids: [file.recordedBy, file.uploadedBy].compactMap { $0 })
            .map { ($0.id, "\($0.displayName)（\($0.username)）") }, uniquingKeysWith: { a, _ in a })
        return EvidenceFileView(file: file, recorder: people[file.recordedBy], uploader: file.uploadedBy.flatMap { people[$0] })
    }
}
