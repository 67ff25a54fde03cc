import Foundation
import SunlightLedger

/// 留痕记录 — a record as the log sees it: its identity and a canonical snapshot of its
/// content after a change. Every change to a logged record appends one (REC-5); the newest
/// snapshot of each record must always match the record as stored, which is how `sunlight
/// verify` finds a row changed behind the system's back.
public struct LedgerRecord: Sendable, Equatable {
    public let type: String
    public let table: String
    public let id: String
    public let organisationID: UUID?
    public let content: CanonicalJSON
    public let corrects: String?

    public init(type: String, table: String, id: String, organisationID: UUID?, content: CanonicalJSON, corrects: String? = nil) {
        self.type = type
        self.table = table
        self.id = id
        self.organisationID = organisationID
        self.content = content
        self.corrects = corrects
    }

    public var contentHash: LedgerHash { LedgerHash.sha256(content.bytes) }

    public func entry(at time: Date) -> LedgerEntry {
        LedgerEntry(type: type, table: table, recordID: id, organisationID: organisationID, recordedAt: time,
                    contentHash: contentHash, corrects: corrects)
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
