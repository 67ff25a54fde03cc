import Foundation

extension Sunlight {
    /// The most entries one integration batch places (one transaction, one checkpoint).
    public static let integrationBatch = 5000

    /// 整合日志 — places up to `limit` sequenced entries in the tree and signs one checkpoint
    /// for them (REC-5); returns how many. Safe to call from several places and processes at
    /// once: the head lock lets one integrator in at a time.
    @discardableResult
    public func integrateLog(limit: Int = Sunlight.integrationBatch) async throws -> Int {
        try await LedgerIntegrator.integrate(limit: limit, at: LedgerTime.truncated(clock.now), settings: ledger, in: kernel.store)
    }

    /// Integrates until nothing waits: what a proof, a case file or `sunlight verify` needs
    /// before it reads the tree. Returns how many entries it placed.
    @discardableResult
    public func integrateAllSequenced() async throws -> Int {
        try await LedgerIntegrator.integrateAll(batch: Sunlight.integrationBatch, at: LedgerTime.truncated(clock.now),
                                                settings: ledger, in: kernel.store)
    }

    /// 整合延迟 — what waits for the integrator, for the log page and metrics.
    public func integrationBacklog() async throws -> SequencedBacklog {
        try await kernel.store.ledger.sequencedBacklog()
    }
}
