/// 右边界 — the right edge of a growing tree: one hash per level, O(log n) memory. Appending
/// leaves one by one reports every complete subtree as it completes, and gives the root of
/// the tree so far — what a verifier needs to rebuild a log of any size in one pass.
public struct MerkleFrontier: Sendable {
    /// `nodes[level]` is the hash of the pending left subtree at that level, if any.
    private var nodes: [LedgerHash?] = []
    public private(set) var size: UInt64 = 0

    public init() {}

    /// Appends a leaf hash; returns the complete subtrees it completes, lowest first.
    public mutating func append(_ leafHash: LedgerHash) -> [(SubtreeID, LedgerHash)] {
        var completed: [(SubtreeID, LedgerHash)] = [(SubtreeID(level: 0, index: size), leafHash)]
        var hash = leafHash
        var level = 0
        var index = size
        while index & 1 == 1 {
            hash = RFC6962.nodeHash(nodes[level]!, hash)
            nodes[level] = nil
            level += 1
            index >>= 1
            completed.append((SubtreeID(level: level, index: index), hash))
        }
        if nodes.count == level { nodes.append(nil) }
        nodes[level] = hash
        size += 1
        return completed
    }

    /// The root of the tree so far.
    public var root: LedgerHash {
        var result: LedgerHash?
        for node in nodes {
            guard let node else { continue }
            result = result.map { RFC6962.nodeHash(node, $0) } ?? node
        }
        return result ?? RFC6962.emptyRoot
    }
}
