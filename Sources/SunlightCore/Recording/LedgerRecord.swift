import Foundation
import SunlightLedger

/// 留痕记录 — a record as the log sees it: its identity and a canonical snapshot of its
/// content after a change. Every change to a logged record appends one (REC-5); the newest
/// snapshot of each record must always match the record as stored, which is how `sunlight
/// verify` finds a row changed behind the system's back.
///
/// `content` is written under `contentVersion`, the current version of its type's encoding
/// (``LoggedContent``); `earlier` gives the content under an older version the type still
/// verifies, for records whose newest leaf was written before the type moved on.
public struct LedgerRecord: Sendable, Equatable {
    public let type: String
    public let table: String
    public let id: String
    public let organisationID: UUID?
    public let content: CanonicalJSON
    public let corrects: String?
    public let contentVersion: Int
    /// The case the record belongs to (a case, its event or its document), so the commit keeps
    /// that case's read models in step; not part of what is hashed.
    public private(set) var caseID: UUID?
    let earlier: (@Sendable (Int) throws -> CanonicalJSON?)?

    public init(type: String, table: String, id: String, organisationID: UUID?, content: CanonicalJSON, corrects: String? = nil,
                contentVersion: Int = 1, earlier: (@Sendable (Int) throws -> CanonicalJSON?)? = nil) {
        self.type = type
        self.table = table
        self.id = id
        self.organisationID = organisationID
        self.content = content
        self.corrects = corrects
        self.contentVersion = contentVersion
        self.earlier = earlier
    }

    /// This record, marked as belonging to `caseID`.
    func about(case caseID: UUID) -> LedgerRecord {
        var record = self
        record.caseID = caseID
        return record
    }

    public var contentHash: LedgerHash { LedgerHash.sha256(content.bytes) }

    public func entry(at time: Date) -> LedgerEntry {
        LedgerEntry(type: type, table: table, recordID: id, organisationID: organisationID, recordedAt: time,
                    contentHash: contentHash, corrects: corrects, contentVersion: contentVersion)
    }

    /// The content under `version`: the current one, or an earlier one the type still
    /// encodes; `nil` when the type does not know that version.
    public func content(version: Int) throws -> CanonicalJSON? {
        version == contentVersion ? content : try earlier?(version)
    }

    public static func == (a: LedgerRecord, b: LedgerRecord) -> Bool {
        a.type == b.type && a.table == b.table && a.id == b.id && a.organisationID == b.organisationID && a.content == b.content
            && a.corrects == b.corrects && a.contentVersion == b.contentVersion
    }
}

/// 内容版本 — a kind of record the log commits to, and the version of the encoding of its
/// canonical content that is written now (REC-5). What a version hashes never changes: a new
/// encoding is a new version, and records whose newest leaf names an older one are verified
/// under it (see docs/ledger.md, "How the format may evolve"). Every hashed type is listed in
/// `LoggedContent.swift`.
public protocol LoggedContent {
    /// The content version written now; 1 for every type so far.
    static var contentVersion: Int { get }
}

extension LoggedContent {
    /// A ledger record of this type, its content written under ``contentVersion``.
    static func logged(type: String, table: String, id: String, organisationID: UUID?, content: CanonicalJSON, corrects: String? = nil,
                       earlier: (@Sendable (Int) throws -> CanonicalJSON?)? = nil) -> LedgerRecord {
        LedgerRecord(type: type, table: table, id: id, organisationID: organisationID, content: content, corrects: corrects,
                     contentVersion: contentVersion, earlier: earlier)
    }
}

/// 个人信息承诺 — personal data is never hashed into the log in the clear (REC-5): the log
/// commits to `SHA-256("sunlight-pii-v1" ‖ table ‖ id ‖ field ‖ salt ‖ value)` with a random
/// per-field salt kept beside the value. Erasing the value and destroying the salt where the
/// law requires leaves the commitment, so the log still verifies.
public enum PersonalData {
    public static func commitment(table: String, id: String, field: String, salt: [UInt8], value: String) -> LedgerHash {
        var bytes = Array("sunlight-pii-v1\n\(table)\n\(id)\n\(field)\n".utf8)
        bytes += salt
        bytes += Array(value.utf8)
        return LedgerHash.sha256(bytes)
    }

    /// How a committed personal field appears in canonical content.
    public static func json(_ commitment: LedgerHash) -> CanonicalJSON { .object(["pii": .string(commitment.hex)]) }
}

/// A personal value of a logged record, stored apart so it can be erased (REC-5).
public struct PersonalValue: Sendable, Equatable {
    public let table: String
    public let recordID: String
    public let field: String
    public let commitment: LedgerHash
    /// `nil` once erased.
    public let value: String?
    public let salt: [UInt8]?
    public let erasedAt: Date?

    public init(table: String, recordID: String, field: String, commitment: LedgerHash, value: String?, salt: [UInt8]?, erasedAt: Date?) {
        self.table = table
        self.recordID = recordID
        self.field = field
        self.commitment = commitment
        self.value = value
        self.salt = salt
        self.erasedAt = erasedAt
    }

    /// A new value with a fresh salt.
    public static func seal(_ value: String, table: String, recordID: String, field: String,
                            secrets: any SecretGenerator) -> PersonalValue {
        let salt = secrets.randomBytes(32)
        return PersonalValue(table: table, recordID: recordID, field: field,
                             commitment: PersonalData.commitment(table: table, id: recordID, field: field, salt: salt, value: value),
                             value: value, salt: salt, erasedAt: nil)
    }

    /// Whether value and salt still produce the commitment (always true once erased).
    public var isIntact: Bool {
        guard let value, let salt else { return erasedAt != nil }
        return PersonalData.commitment(table: table, id: recordID, field: field, salt: salt, value: value) == commitment
    }
}
