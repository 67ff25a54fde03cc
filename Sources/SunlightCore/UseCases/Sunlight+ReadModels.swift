import Foundation

/// 读模型登记 — which read models a store has built, and under which version of how they are
/// computed; not logged (derived data).
public protocol ReadModelRepository: Sendable {
    func builtVersion(of name: String) async throws -> Int?
    func markBuilt(_ name: String, version: Int) async throws
}

/// 读模型 — the derived tables pages read instead of every record: the case-clock summaries
/// (``CaseClockSummary``, REC-13), the legal-review flags (``ReviewFlag``, REV-9) and the
/// statistics' facts (``CaseFacts``, REC-12). Each is kept in the transaction of the records it
/// derives from and recomputed by `sunlight verify`.
enum ReadModels {
    /// Recomputes the read models of the cases a commit changed, in its transaction.
    static func refresh(cases: Set<EnforcementCase.ID>, in tx: any Store, calendar: WorkingDayCalendar) async throws {
        guard !cases.isEmpty else { return }
        // The cases, their events and documents, read once for the three.
        let rows = try await CaseRows.load(try await tx.cases.find(ids: Array(cases)), in: tx)
        try await CaseClockSummaries.refresh(cases, rows: rows, in: tx, calendar: calendar)
        try await ReviewFlagReadModel.refresh(cases, rows: rows, in: tx)
        try await CaseFactReadModel.refresh(cases, rows: rows, in: tx)
    }

    /// Rebuilds every read model (records were bulk-loaded).
    static func rebuild(in tx: any Store, calendar: WorkingDayCalendar) async throws {
        try await CaseClockSummaries.rebuild(in: tx, calendar: calendar)
        try await ReviewFlagReadModel.rebuild(in: tx)
        try await CaseFactReadModel.rebuild(in: tx)
    }

    /// Builds the read models this store has never built under their current version, each in
    /// its own transaction; returns whether it built any.
    static func buildIfNeverBuilt(in store: any Store, calendar: WorkingDayCalendar) async throws -> Bool {
        let models: [(name: String, version: Int, rebuild: @Sendable (any Store) async throws -> Void)] = [
            (CaseClockSummaries.name, CaseClockSummary.version, { try await CaseClockSummaries.rebuild(in: $0, calendar: calendar) }),
            (ReviewFlagReadModel.name, ReviewFlagReadModel.version, { try await ReviewFlagReadModel.rebuild(in: $0) }),
            (CaseFactReadModel.name, CaseFacts.version, { try await CaseFactReadModel.rebuild(in: $0) }),
        ]
        var built = false
        for model in models {
            guard try await store.readModels.builtVersion(of: model.name) != model.version else { continue }
            try await store.transaction { try await model.rebuild($0) }
            built = true
        }
        return built
    }
}

extension Sunlight {
    /// 读模型准备 — builds the read models (``ReadModels``) this store has never built under
    /// their current version: a database from before them, one whose models were computed
    /// another way, or one filled by a bulk load. Returns whether it built any. Servers and
    /// command-line tools call it after migrating.
    @discardableResult
    public func prepareReadModels() async throws -> Bool {
        try await ReadModels.buildIfNeverBuilt(in: kernel.store, calendar: try await kernel.calendars.current())
    }
}
