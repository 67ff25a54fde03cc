import Foundation
import SunlightLedger

/// 追加 — puts a commit's records in the log inside the caller's transaction, so the records
/// and their entries commit together or not at all (REC-5). Under ``LedgerIntegration/atCommit``
/// the entries are placed in the tree and a checkpoint signed in the same transaction; under
/// ``LedgerIntegration/sequenced`` they are only sequenced, and ``LedgerIntegrator`` places
/// them later, so a commit never waits on the tree.
enum LedgerWriter {
    static func append(_ records: [LedgerRecord], at time: Date, settings: LedgerSettings, in store: any Store) async throws {
        guard !records.isEmpty else { return }
        let entries = records.map { record in
            SequencedLedgerEntry(entry: record.entry(at: time).bytes, content: record.content.bytes,
                                 table: record.table, recordID: record.id, sequencedAt: time)
        }
        switch settings.integration {
        case .atCommit: try await LedgerIntegrator.place(entries, after: try await store.ledger.lockHead(), at: time, settings: settings, in: store)
        case .sequenced: try await store.ledger.sequence(entries)
        }
    }
}

/// 整合 — gives sequenced entries their leaf indices in one batch: locks the head (one
/// integrator at a time, across processes), extends the tree, stores the new subtree hashes
/// and signs one checkpoint for the batch.
enum LedgerIntegrator {
    /// Integrates up to `limit` sequenced entries in one transaction; returns how many.
    static func integrate(limit: Int, at time: Date, settings: LedgerSettings, in store: any Store) async throws -> Int {
        try await store.transaction { tx in
            // The head lock first: a second integrator waits here, then sees what this one left.
            let size = try await tx.ledger.lockHead()
            let batch = try await tx.ledger.sequenced(limit: limit)
            guard !batch.isEmpty else { return 0 }
            try await place(batch, after: size, at: time, settings: settings, in: tx)
            try await tx.ledger.removeSequenced(batch.map(\.sequence))
            return batch.count
        }
    }

    /// Integrates until nothing waits (another integrator may take part of it); returns how
    /// many entries this one placed. A cheap read first: when nothing waits, no write
    /// transaction is opened (an idle server, a verify of a stopped database).
    static func integrateAll(batch: Int, at time: Date, settings: LedgerSettings, in store: any Store) async throws -> Int {
        guard try await store.ledger.sequencedBacklog().count > 0 else { return 0 }
        var total = 0
        while true {
            let placed = try await integrate(limit: batch, at: time, settings: settings, in: store)
            total += placed
            if placed < batch { return total }
        }
    }

    /// Before a read of the tree (a proof, a case file, the newest checkpoint): integrates what
    /// waits, so everything committed before the read is in what it returns.
    static func catchUp(at time: Date, settings: LedgerSettings, in store: any Store) async throws {
        guard settings.integration == .sequenced else { return }
        _ = try await integrateAll(batch: Sunlight.integrationBatch, at: time, settings: settings, in: store)
    }

    /// Places `entries` after the head of `size` (locked by the caller), in their order, and
    /// signs the new checkpoint.
    static func place(_ entries: [SequencedLedgerEntry], after size: UInt64, at time: Date, settings: LedgerSettings,
                      in store: any Store) async throws {
        let ledger = store.ledger
        // The right edge of the tree: every left sibling an append can need.
        let frontier = MerkleMath.decompose(begin: 0, end: size)
        var known = Dictionary(uniqueKeysWithValues: zip(frontier, try await ledger.hashes(frontier)))
        var created: [(SubtreeID, LedgerHash)] = []
        var leaves: [StoredLedgerEntry] = []
        leaves.reserveCapacity(entries.count)
        var next = size
        for entry in entries {
            leaves.append(StoredLedgerEntry(index: next, entry: entry.entry, content: entry.content,
                                            table: entry.table, recordID: entry.recordID))
            var id = SubtreeID(level: 0, index: next)
            var hash = RFC6962.leafHash(entry.entry)
            while true {
                known[id] = hash
                created.append((id, hash))
                guard id.index & 1 == 1 else { break }
                let leftID = SubtreeID(level: id.level, index: id.index - 1)
                guard let left = known[leftID] else { throw LedgerError.missingSubtree(leftID) }
                hash = RFC6962.nodeHash(left, hash)
                id = SubtreeID(level: id.level + 1, index: id.index >> 1)
            }
            next += 1
        }
        let root = MerkleMath.fold(try MerkleMath.decompose(begin: 0, end: next).map { id in
            guard let hash = known[id] else { throw LedgerError.missingSubtree(id) }
            return hash
        })!
        let checkpoint = Checkpoint(origin: settings.origin, size: next, root: root)
        try await ledger.insert(entries: leaves)
        try await ledger.insert(subtrees: created)
        try await ledger.setHead(size: next, root: root)
        try await ledger.insert(checkpoint: StoredCheckpoint(size: next, root: root, note: try checkpoint.signed(by: settings.signer),
                                                             createdAt: time))
    }
}
