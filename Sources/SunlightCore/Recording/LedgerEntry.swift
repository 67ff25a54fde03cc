import Foundation
import SunlightLedger

/// 日志条目 — what one leaf of the tamper-evident log commits to (REC-5): the kind of change,
/// the record it concerns, the organisation, the time, and the SHA-256 of the record's canonical
/// content. Encoded as canonical JSON, format version 1:
///
/// `{"at":"2026-11-23T01:02:03.456Z","content":"<sha-256 hex>","id":"<record id>","org":"<uuid>","table":"users","type":"user.created","v":1}`
///
/// plus `"corrects"` when the record corrects an earlier one, and `"cv"` when the record's
/// content is written under a content version other than 1 (absent means 1, so every entry
/// written before content versions existed reads the same, byte for byte).
public struct LedgerEntry: Sendable, Equatable {
    public static let formatVersion: Int64 = 1

    /// `organisation.created`, `user.updated`, `evidence.recorded`, `access.read`, …
    public let type: String
    /// The table of the record, e.g. `users`.
    public let table: String
    /// The record's ID in that table.
    public let recordID: String
    public let organisationID: UUID?
    /// When the change was made (UTC, whole milliseconds).
    public let recordedAt: Date
    /// SHA-256 of the record's canonical content.
    public let contentHash: LedgerHash
    /// `table/id` of the record this one corrects, if any.
    public let corrects: String?
    /// The version of the encoding the content was written under (see ``LoggedContent``).
    public let contentVersion: Int

    public init(type: String, table: String, recordID: String, organisationID: UUID?, recordedAt: Date,
                contentHash: LedgerHash, corrects: String? = nil, contentVersion: Int = 1) {
        self.type = type
        self.table = table
        self.recordID = recordID
        self.organisationID = organisationID
        self.recordedAt = recordedAt
        self.contentHash = contentHash
        self.corrects = corrects
        self.contentVersion = contentVersion
    }

    public var canonical: CanonicalJSON {
        var members: [String: CanonicalJSON] = [
            "v": .int(Self.formatVersion), "type": .string(type), "table": .string(table), "id": .string(recordID),
            "org": organisationID.map { .string($0.uuidString.lowercased()) } ?? .null,
            "at": .string(LedgerTime.text(recordedAt)), "content": .string(contentHash.hex),
        ]
        if let corrects { members["corrects"] = .string(corrects) }
        if contentVersion != 1 { members["cv"] = .int(Int64(contentVersion)) }
        return .object(members)
    }

    /// The leaf data: the canonical bytes.
    public var bytes: [UInt8] { canonical.bytes }

    /// Parses stored entry bytes; anything but a well-formed, canonical version-1 entry is refused
    /// (`"cv":1` included: version 1 is written by leaving `cv` out).
    public init(parsing bytes: [UInt8]) throws {
        let json = try CanonicalJSON(parsing: bytes)
        guard json["v"]?.intValue == Self.formatVersion,
              let type = json["type"]?.stringValue, let table = json["table"]?.stringValue,
              let id = json["id"]?.stringValue, let at = json["at"]?.stringValue.flatMap(LedgerTime.date),
              let content = json["content"]?.stringValue.flatMap(LedgerHash.init(hex:)) else {
            throw LedgerEntryError.malformed
        }
        var contentVersion = 1
        if let cv = json["cv"] {
            guard let version = cv.intValue, version > 1, version <= Int64(Int32.max) else { throw LedgerEntryError.malformed }
            contentVersion = Int(version)
        }
        var organisation: UUID?
        if case .string(let text)? = json["org"] {
            guard let id = UUID(uuidString: text) else { throw LedgerEntryError.malformed }
            organisation = id
        }
        self.init(type: type, table: table, recordID: id, organisationID: organisation, recordedAt: at,
                  contentHash: content, corrects: json["corrects"]?.stringValue, contentVersion: contentVersion)
        guard self.bytes == bytes else { throw LedgerEntryError.notCanonical }
    }
}

enum LedgerEntryError: Error, CustomStringConvertible {
    case malformed, notCanonical
    var description: String {
        switch self {
        case .malformed: "日志条目格式错误"
        case .notCanonical: "日志条目不是规范编码"
        }
    }
}

/// Times in the log: UTC, ISO 8601, whole milliseconds — computed by hand so the text never
/// depends on a formatter's version or locale.
public enum LedgerTime {
    /// The instant truncated to whole milliseconds (what is stored and hashed).
    public static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    public static func text(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let days = Int((Double(millis) / 86_400_000).rounded(.down))
        let inDay = millis - Int64(days) * 86_400_000
        func pad(_ n: Int64, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let date = CivilDate(dayNumber: days)
        return "\(date.iso)T\(pad(inDay / 3_600_000, 2)):\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1000 % 60, 2)).\(pad(inDay % 1000, 3))Z"
    }

    public static func date(_ text: String) -> Date? {
        guard text.count == 24, text.hasSuffix("Z"), let day = CivilDate(iso: text.prefix(10)) else { return nil }
        let time = text.dropFirst(11).dropLast()
        let parts = time.split(separator: ":")
        guard parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let secondParts = parts[2].split(separator: ".")
        guard secondParts.count == 2, let s = Int(secondParts[0]), let ms = Int(secondParts[1]), secondParts[1].count == 3 else { return nil }
        let millis = Int64(day.dayNumber) * 86_400_000 + Int64(((h * 60 + m) * 60 + s) * 1000 + ms)
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        return text == self.text(date) ? date : nil
    }
}
