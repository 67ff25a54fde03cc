import Foundation
import SunlightCore
import SunlightLedger

/// The log in memory: leaves, tiles, the head and checkpoints, append-only like the SQL tables
/// (a leaf index, tile or checkpoint size taken twice is refused), so ``LedgerWriter`` and
/// ``LedgerVerifier`` run on it unchanged.
struct MemoryLedgerRepository: LedgerRepository {
    let context: MemoryContext

    /// Transactions already run one at a time, so the head needs no further lock.
    func lockHead() async throws -> UInt64 {
        context.read { $0.ledgerHead.size }
    }

    func setHead(size: UInt64, root: LedgerHash) async throws {
        try await context.write { t in t.ledgerHead = (size, root) }
    }

    func head() async throws -> (size: UInt64, root: LedgerHash) {
        context.read { $0.ledgerHead }
    }

    func insert(entries: [StoredLedgerEntry]) async throws {
        try await context.write { t in
            // The usual case: leaves after the last one, in order — appended without a look at the rest.
            var last = t.ledgerEntries.last?.index
            if entries.allSatisfy({ entry in
                defer { last = entry.index }
                return last.map { entry.index > $0 } ?? true
            }) {
                t.ledgerEntries += entries
                return
            }
            var taken = Set(t.ledgerEntries.map(\.index))
            for entry in entries {
                guard taken.insert(entry.index).inserted else { throw MemoryStoreError(description: "ledger_entries 叶子 \(entry.index) 已存在（只能追加）") }
            }
            t.ledgerEntries += entries
            t.ledgerEntries.sort { $0.index < $1.index }
        }
    }

    func insert(subtrees: [(SubtreeID, LedgerHash)]) async throws {
        try await context.write { t in
            for (id, hash) in subtrees {
                guard t.ledgerSubtrees[id] == nil else { throw MemoryStoreError(description: "ledger_subtrees \(id) 已存在（只能追加）") }
                t.ledgerSubtrees[id] = hash
            }
        }
    }

    func hashes(_ subtrees: [SubtreeID]) async throws -> [LedgerHash] {
        let stored = context.read { $0.ledgerSubtrees }
        return try subtrees.map { id in
            guard let hash = stored[id] else { throw LedgerError.missingSubtree(id) }
            return hash
        }
    }

    func insert(checkpoint: StoredCheckpoint) async throws {
        try await context.write { t in
            // The usual case: a checkpoint larger than the last one, appended in order.
            if let last = t.checkpoints.last, last.size < checkpoint.size {
                t.checkpoints.append(checkpoint)
                return
            }
            try MemoryTables.unique(t.checkpoints, \.size, checkpoint.size, "ledger_checkpoints 检查点")
            t.checkpoints.append(checkpoint)
            t.checkpoints.sort { $0.size < $1.size }
        }
    }

    func latestCheckpoint() async throws -> StoredCheckpoint? {
        context.read { $0.checkpoints.last }
    }

    func checkpoints(from size: UInt64, limit: Int) async throws -> [StoredCheckpoint] {
        context.read { $0.checkpoints }.filter { $0.size >= size }.limited(limit)
    }

    func entries(from index: UInt64, limit: Int) async throws -> [StoredLedgerEntry] {
        context.read { $0.ledgerEntries }.filter { $0.index >= index }.limited(limit)
    }

    func entries(table: String, recordIDs: [String]) async throws -> [StoredLedgerEntry] {
        let wanted = Set(recordIDs)
        return context.read { $0.ledgerEntries }.filter { $0.table == table && wanted.contains($0.recordID) }
    }

    func recordIDs(table: String, after: String?, limit: Int) async throws -> [String] {
        let ids = Set(context.read { $0.ledgerEntries }.filter { $0.table == table }.map(\.recordID))
        return ids.filter { after == nil || $0 > after! }.sorted(by: Self.textOrder).limited(limit)
    }

    func subtrees(level: Int, from index: UInt64, limit: Int) async throws -> [(UInt64, LedgerHash)] {
        context.read { $0.ledgerSubtrees }.filter { $0.key.level == level && $0.key.index >= index }
            .map { ($0.key.index, $0.value) }.sorted { $0.0 < $1.0 }.limited(limit)
    }

    func subtreeCounts() async throws -> [Int: UInt64] {
        var counts: [Int: UInt64] = [:]
        for id in context.read({ $0.ledgerSubtrees }).keys { counts[id.level, default: 0] += 1 }
        return counts
    }

    func sequence(_ entries: [SequencedLedgerEntry]) async throws {
        try await context.write { t in
            for e in entries {
                t.ledgerSequence.append(SequencedLedgerEntry(sequence: t.nextSequence, entry: e.entry, content: e.content,
                                                             table: e.table, recordID: e.recordID, sequencedAt: e.sequencedAt))
                t.nextSequence += 1
            }
        }
    }

    func sequenced(limit: Int) async throws -> [SequencedLedgerEntry] {
        context.read { $0.ledgerSequence }.limited(limit)
    }

    /// Like the SQL trigger: an entry leaves the sequence only once the same entry is in the tree.
    func removeSequenced(_ sequences: [Int64]) async throws {
        try await context.write { t in
            let leaving = Set(sequences)
            for e in t.ledgerSequence where leaving.contains(e.sequence) {
                guard t.ledgerEntries.contains(where: { $0.table == e.table && $0.recordID == e.recordID && $0.entry == e.entry }) else {
                    throw MemoryStoreError(description: "ledger_sequence 条目 \(e.sequence) 尚未进入日志，不能移出")
                }
            }
            t.ledgerSequence.removeAll { leaving.contains($0.sequence) }
        }
    }

    func sequencedBacklog() async throws -> SequencedBacklog {
        let waiting = context.read { $0.ledgerSequence }
        return SequencedBacklog(count: waiting.count, oldest: waiting.map(\.sequencedAt).min())
    }

    /// Text ordered by its bytes, as SQLite's BINARY and PostgreSQL's C collation order it.
    static func textOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }
}
