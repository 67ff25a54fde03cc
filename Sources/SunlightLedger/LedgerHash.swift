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
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.bytes = bytes
    }

    public var base64: String { Data(bytes).base64EncodedString() }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

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
