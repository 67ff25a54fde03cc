import Foundation

/// 批量装入的来源 — a scratch store filled through the use cases (the generator's lived year),
/// whose rows a bulk load copies into the installation's database.
public protocol BulkLoadSource: Sendable {
    /// Copies every row written since the last copy into `store`, table by table, in
    /// transactions of about `batch` rows, through the store's own write code, then hands the
    /// log's sequenced entries, in their order and in batches, to `place` (each batch in one
    /// transaction of its own). `progress` hears each table's name and how many rows it copied.
    func copyNew(into store: any Store, batch: Int,
                 place: @escaping @Sendable (any Store, [SequencedLedgerEntry]) async throws -> Void,
                 progress: @escaping @Sendable (String, Int) -> Void) async throws -> BulkLoadCount
}

/// What a bulk load copied.
public struct BulkLoadCount: Sendable, Equatable {
    /// Rows of records (every table but the log's).
    public var records = 0
    /// Log entries sequenced (leaves once integrated).
    public var leaves = 0

    public init(records: Int = 0, leaves: Int = 0) {
        self.records = records
        self.leaves = leaves
    }

    public static func + (a: BulkLoadCount, b: BulkLoadCount) -> BulkLoadCount {
        BulkLoadCount(records: a.records + b.records, leaves: a.leaves + b.leaves)
    }
}

extension Sunlight {
    /// 批量装入 — copies what `source` wrote since its last copy into this installation's
    /// store, then places the copied entries in the log as the integrator does, under the head
    /// lock, one signed checkpoint per batch of ``integrationBatch`` (REC-5). The entries were
    /// sequenced in the scratch store when their records were written; placing them here
    /// directly spares writing, reading and deleting each one in `ledger_sequence` again.
    /// Whatever already waits in this store's sequence is integrated first.
    public func bulkLoad(from source: any BulkLoadSource, batch: Int = 2000,
                         progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }) async throws -> BulkLoadCount {
        try await integrateAllSequenced()
        let time = LedgerTime.truncated(clock.now)
        let settings = ledger
        return try await source.copyNew(into: kernel.store, batch: batch, place: { tx, entries in
            try await LedgerIntegrator.place(entries, after: try await tx.ledger.lockHead(), at: time, settings: settings, in: tx)
        }, progress: progress)
    }

    /// After the last ``bulkLoad(from:batch:progress:)``: rebuilds the read models the copied
    /// cases need (the case-clock summaries, REC-13, and the legal-review flags, REV-9), as
    /// ``prepareReadModels()`` does for a store that never built them.
    public func finishBulkLoad() async throws {
        let calendar = try await kernel.calendars.current()
        try await kernel.store.transaction { try await ReadModels.rebuild(in: $0, calendar: calendar) }
    }
}
