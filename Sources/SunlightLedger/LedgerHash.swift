import Crypto
import Foundation

/// 哈希值 — a SHA-256 hash in the log: a leaf, an interior node or a root.
public struct LedgerHash: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        precondition(bytes.count == 32, "a ledger hash has 32 bytes")
        self.bytes = bytes
    }

    /// A hash from its base64 text, or `nil` when it is not 32 bytes of base64.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64), data.count == 32 else { return nil }
        self.bytes = Array(data)
    }

    /// A hash from lower- or upper-case hex, or `nil`.
    public init?(hex: String) {
        guard hex.count == 64, let bytes = Hex.decode(hex) else { return nil }
        self.bytes = bytes
    }

    public var base64: String { Data(bytes).base64EncodedString() }

    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }

    /// SHA-256 of arbitrary bytes (not domain-separated: for content, not for tree nodes).
    public static func sha256(_ data: some DataProtocol) -> LedgerHash {
        LedgerHash(Array(SHA256.hash(data: data)))
    }
}

/// RFC 6962 hashing (§2.1): leaves and interior nodes are domain-separated by a prefix byte so
/// that a leaf can never be passed off as a node.
public enum RFC6962 {
    /// The root of the empty tree: SHA-256 of nothing.
    public static let emptyRoot = LedgerHash.sha256([UInt8]())

    /// `SHA-256(0x00 ‖ data)`.
    public static func leafHash(_ data: some DataProtocol) -> LedgerHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: data)
        return LedgerHash(Array(hasher.finalize()))
    }

    /// `SHA-256(0x01 ‖ left ‖ right)`.
    public static func nodeHash(_ left: LedgerHash, _ right: LedgerHash) -> LedgerHash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left.bytes)
        hasher.update(data: right.bytes)
        return LedgerHash(Array(hasher.finalize()))
    }
}

/// Lower-case hexadecimal, both ways.
public enum Hex {
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of an even-length hex string, or `nil`.
    public static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[i]), let low = value(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
