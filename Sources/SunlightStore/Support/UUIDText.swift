import Foundation

/// 标识文本 — a UUID read from its 36-character text, as SQLite keeps it (issue 16 item 3).
///
/// Foundation's `UUID(uuidString:)` goes through `sscanf`, which was the largest cost of reading a
/// case list from SQLite (five UUIDs a row). This reads the hex digits directly: 32 of them, in
/// either case, with hyphens at 8, 13, 18 and 23, as Fluent writes them, and nothing else (it is
/// stricter than `sscanf`, which skips white space).
extension UUID {
    init?(storedText text: String) {
        let parsed = text.utf8.withContiguousStorageIfAvailable(UUID.parse)
        switch parsed {
        case .some(.some(let bytes)): self.init(uuid: bytes)
        case .some(.none): return nil
        case .none: self.init(uuidString: text)
        }
    }

    private static func parse(_ text: UnsafeBufferPointer<UInt8>) -> uuid_t? {
        guard text.count == 36, text[8] == hyphen, text[13] == hyphen, text[18] == hyphen, text[23] == hyphen else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let complete = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
            var position = 0
            for index in 0..<16 {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                guard let high = hexValue(text[position]), let low = hexValue(text[position + 1]) else { return false }
                out[index] = high << 4 | low
                position += 2
            }
            return true
        }
        return complete ? bytes : nil
    }

    private static let hyphen = UInt8(ascii: "-")

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }
}
