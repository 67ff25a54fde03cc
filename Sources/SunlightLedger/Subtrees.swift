/// 完整子树 — a perfect subtree of the log: `2^level` leaves starting at leaf `index << level`.
///
/// The store keeps the hash of every complete subtree (level 0 are the leaf hashes), so the
/// hash of any range the proofs need is a fold of at most ~2·log₂(n) stored hashes.
public struct SubtreeID: Hashable, Sendable, CustomStringConvertible {
    public let level: Int
    public let index: UInt64

    public init(level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }

    /// First leaf covered.
    public var begin: UInt64 { index << UInt64(level) }
    /// One past the last leaf covered.
    public var end: UInt64 { (index + 1) << UInt64(level) }

    public var description: String { "(\(level), \(index))" }
}

/// Somewhere the hashes of complete subtrees can be read: the database, or memory.
public protocol SubtreeHashSource: Sendable {
    /// The hashes of the given complete subtrees, in the same order. Throws if one is missing.
    func hashes(_ subtrees: [SubtreeID]) async throws -> [LedgerHash]
}

/// The arithmetic of RFC 6962 trees over complete subtrees.
public enum MerkleMath {
    /// The complete subtrees that make up leaves `[begin, end)`, left to right: the largest
    /// aligned power of two at each step. `begin` must be aligned as RFC 6962's recursion aligns it.
    public static func decompose(begin: UInt64, end: UInt64) -> [SubtreeID] {
        var nodes: [SubtreeID] = []
        var position = begin
        while position < end {
            // The largest power of two that fits in what is left and that `position` is aligned to.
            var level = 63 - (end - position).leadingZeroBitCount
            if position != 0 { level = min(level, position.trailingZeroBitCount) }
            nodes.append(SubtreeID(level: level, index: position >> UInt64(level)))
            position += UInt64(1) << UInt64(level)
        }
        return nodes
    }

    /// Folds subtree hashes right to left: `H(c₁, H(c₂, … H(cₖ₋₁, cₖ)))` — RFC 6962's MTH.
    public static func fold(_ hashes: [LedgerHash]) -> LedgerHash? {
        guard var result = hashes.last else { return nil }
        for hash in hashes.dropLast().reversed() { result = RFC6962.nodeHash(hash, result) }
        return result
    }

    /// The largest power of two strictly less than `n` (n ≥ 2).
    static func splitPoint(_ n: UInt64) -> UInt64 {
        precondition(n >= 2)
        return UInt64(1) << UInt64(63 - (n - 1).leadingZeroBitCount)
    }

    /// The hash of leaves `[begin, end)` (MTH of that range) from a source.
    public static func rangeHash(begin: UInt64, end: UInt64, from source: some SubtreeHashSource) async throws -> LedgerHash {
        guard end > begin else { return RFC6962.emptyRoot }
        return fold(try await source.hashes(decompose(begin: begin, end: end)))!
    }

    /// The root of the tree of the first `size` leaves.
    public static func root(size: UInt64, from source: some SubtreeHashSource) async throws -> LedgerHash {
        try await rangeHash(begin: 0, end: size, from: source)
    }

    /// The subtrees whose hashes form the inclusion proof (audit path) of `index` in a tree of
    /// `size` leaves, as ranges; RFC 6962 §2.1.1 PATH(m, D[n]), bottom first.
    public static func inclusionRanges(index: UInt64, size: UInt64) -> [(UInt64, UInt64)] {
        var ranges: [(UInt64, UInt64)] = []
        func path(_ m: UInt64, _ begin: UInt64, _ end: UInt64) {
            let n = end - begin
            guard n > 1 else { return }
            let k = splitPoint(n)
            if m < k {
                path(m, begin, begin + k)
                ranges.append((begin + k, end))
            } else {
                path(m - k, begin + k, end)
                ranges.append((begin, begin + k))
            }
        }
        path(index, 0, size)
        return ranges
    }

    /// The ranges whose hashes form the consistency proof from `size1` to `size2`;
    /// RFC 6962 §2.1.2 PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    public static func consistencyRanges(size1: UInt64, size2: UInt64) -> [(UInt64, UInt64)] {
        var ranges: [(UInt64, UInt64)] = []
        func subproof(_ m: UInt64, _ begin: UInt64, _ end: UInt64, _ complete: Bool) {
            let n = end - begin
            if m == n {
                if !complete { ranges.append((begin, end)) }
                return
            }
            let k = splitPoint(n)
            if m <= k {
                subproof(m, begin, begin + k, complete)
                ranges.append((begin + k, end))
            } else {
                subproof(m - k, begin + k, end, false)
                ranges.append((begin, begin + k))
            }
        }
        guard size1 > 0, size1 < size2 else { return [] }
        subproof(size1, 0, size2, true)
        return ranges
    }

    /// An inclusion proof read from a source in O(log n) subtree reads.
    public static func inclusionProof(index: UInt64, size: UInt64, from source: some SubtreeHashSource) async throws -> [LedgerHash] {
        guard index < size else { throw LedgerError.indexOutOfRange(index: index, size: size) }
        return try await hashes(of: inclusionRanges(index: index, size: size), from: source)
    }

    /// A consistency proof read from a source in O(log n) subtree reads.
    public static func consistencyProof(size1: UInt64, size2: UInt64, from source: some SubtreeHashSource) async throws -> [LedgerHash] {
        guard size1 <= size2 else { throw LedgerError.sizeOrder(size1: size1, size2: size2) }
        return try await hashes(of: consistencyRanges(size1: size1, size2: size2), from: source)
    }

    /// Reads every subtree the ranges need in one batch and folds each range.
    static func hashes(of ranges: [(UInt64, UInt64)], from source: some SubtreeHashSource) async throws -> [LedgerHash] {
        let parts = ranges.map { decompose(begin: $0.0, end: $0.1) }
        let all = try await source.hashes(parts.flatMap { $0 })
        var offset = 0
        return parts.map { part in
            defer { offset += part.count }
            return fold(Array(all[offset..<offset + part.count]))!
        }
    }
}
