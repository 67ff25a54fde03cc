import Foundation
import SunlightLedger

/// Sorted-key JSON with times as the log writes them (UTC, milliseconds) — no floating point,
/// so the text parses as canonical JSON. Encoding failure is an error, never `{}`: a state
/// that cannot be encoded must not be stored or logged (REC-5).
enum StateJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(LedgerTime.text(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = LedgerTime.date(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "时间格式错误：\(text)"))
            }
            return date
        }
        return try decoder.decode(type, from: Data(json.utf8))
    }
}

/// 整体状态记录 — a record kept whole as sorted-key JSON: the row's `state` column, the body of
/// its events and, parsed, its ledger content — one representation for all three (REC-5).
///
/// Because the JSON is hashed, every conforming type (and every Codable type inside it) names
/// its keys in an explicit `CodingKeys`: renaming a Swift property must not rename a key.
/// Its content version is in `LoggedContent.swift`.
public protocol StoredState: Codable, Identifiable, LoggedContent where ID == UUID {}

extension StoredState {
    public var stateJSON: String { get throws { try StateJSON.encode(self) } }

    public static func decode(stateJSON json: String) throws -> Self { try StateJSON.decode(Self.self, json) }

    /// The state as the log's canonical JSON.
    var stateContent: CanonicalJSON {
        get throws { try CanonicalJSON(parsing: Array(try stateJSON.utf8)) }
    }

    /// The ledger record of the whole state.
    func stateRecord(_ type: String, table: String, organisationID: UUID) throws -> LedgerRecord {
        Self.logged(type: type, table: table, id: id.uuidString.lowercased(), organisationID: organisationID, content: try stateContent)
    }
}
