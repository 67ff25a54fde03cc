/// 内存中的日志树 — a whole tree kept in memory: for tests, the verifier's rebuild and
/// offline tools. Stores every complete-subtree hash, like the database does.
public struct MemoryTree: SubtreeHashSource {
    /// `levels[l][i]` is the hash of complete subtree (l, i).
    public private(set) var levels: [[LedgerHash]] = [[]]

    public init() {}

    public init(leafHashes: some Sequence<LedgerHash>) {
        for hash in leafHashes { append(leafHash: hash) }
    }

    public var size: UInt64 { UInt64(levels[0].count) }

    /// Appends a leaf and every complete subtree it completes; returns the new subtrees, lowest first.
    @discardableResult
    public mutating func append(leafHash: LedgerHash) -> [(SubtreeID, LedgerHash)] {
        var created: [(SubtreeID, LedgerHash)] = []
        var level = 0
        var hash = leafHash
        var index = UInt64(levels[0].count)
        while true {
            if levels.count == level { levels.append([]) }
            levels[level].append(hash)
            created.append((SubtreeID(level: level, index: index), hash))
            guard index & 1 == 1 else { break }
            hash = RFC6962.nodeHash(levels[level][Int(index - 1)], hash)
            index >>= 1
            level += 1
        }
        return created
    }

    public func hashes(_ subtrees: [SubtreeID]) async throws -> [LedgerHash] {
        try subtrees.map { try hash($0) }
    }

    public func hash(_ id: SubtreeID) throws -> LedgerHash {
        guard id.level < levels.count, id.index < UInt64(levels[id.level].count) else { throw LedgerError.missingSubtree(id) }
        return levels[id.level][Int(id.index)]
    }

    /// The root of the first `size` leaves, computed without suspension.
    public func root(size: UInt64? = nil) throws -> LedgerHash {
        let size = size ?? self.size
        guard size > 0 else { return RFC6962.emptyRoot }
        return MerkleMath.fold(try MerkleMath.decompose(begin: 0, end: size).map(hash))!
    }
}
