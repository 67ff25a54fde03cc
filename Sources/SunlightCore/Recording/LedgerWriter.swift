import Foundation
import SunlightLedger

/// 追加 — appends records to the log inside the caller's transaction and signs the new
/// checkpoint in the same transaction: the records, their leaves and the tree head commit
/// together or not at all, in one total order (REC-5).
enum LedgerWriter {
    /// Appends `records` and returns the leaf index of each.
    @discardableResult
    static func append(_ records: [LedgerRecord], at time: Date, settings: LedgerSettings,
                       in store: any Store) async throws -> [UInt64] {
        guard !records.isEmpty else { return [] }
        let ledger = store.ledger
        let size = try await ledger.lockHead()
        // The right edge of the tree: every left sibling an append can need.
        let frontier = MerkleMath.decompose(begin: 0, end: size)
        var known = Dictionary(uniqueKeysWithValues: zip(frontier, try await ledger.hashes(frontier)))
        var created: [(SubtreeID, LedgerHash)] = []
        var entries: [StoredLedgerEntry] = []
        var next = size
        for record in records {
            let entry = record.entry(at: time).bytes
            entries.append(StoredLedgerEntry(index: next, entry: entry, content: record.content.bytes,
                                             table: record.table, recordID: record.id))
            var id = SubtreeID(level: 0, index: next)
            var hash = RFC6962.leafHash(entry)
            while true {
                known[id] = hash
                created.append((id, hash))
                guard id.index & 1 == 1 else { break }
                guard let left = known[SubtreeID(level: id.level, index: id.index - 1)] else {
                    throw LedgerError.missingSubtree(SubtreeID(level: id.level, index: id.index - 1))
                }
                hash = RFC6962.nodeHash(left, hash)
                id = SubtreeID(level: id.level + 1, index: id.index >> 1)
            }
            next += 1
        }
        let root = MerkleMath.fold(MerkleMath.decompose(begin: 0, end: next).map { known[$0]! })!
        let checkpoint = Checkpoint(origin: settings.origin, size: next, root: root)
        try await ledger.insert(entries: entries)
        try await ledger.insert(subtrees: created)
        try await ledger.setHead(size: next, root: root)
        try await ledger.insert(checkpoint: StoredCheckpoint(size: next, root: root, note: try checkpoint.signed(by: settings.signer),
                                                             createdAt: time))
        return Array(size..<next)
    }
}
