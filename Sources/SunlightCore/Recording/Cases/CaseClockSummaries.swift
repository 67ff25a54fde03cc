import Foundation

/// Keeps ``CaseClockSummary`` in step with the records: every commit that changes a case, its
/// events or its documents refreshes that case's summary in the same transaction; loading a
/// holiday notice rebuilds them all in its transaction; `sunlight verify` recomputes them all.
enum CaseClockSummaries {
    static let name = "case_clock_summaries"

    /// What clocks read of each case: the case, its events and its documents.
    static func clockSnapshots(of rows: CaseRows) -> [CaseSnapshot] {
        rows.cases.map {
            CaseSnapshot(enforcementCase: $0, parties: [], events: rows.events[$0.id] ?? [], documents: rows.documents[$0.id] ?? [],
                         evidence: [], fileKinds: [:], officers: [], audioVideoStages: [])
        }
    }

    /// The summaries these cases should have now.
    static func expected(_ rows: CaseRows, calendar: WorkingDayCalendar) -> [CaseClockSummary] {
        clockSnapshots(of: rows).filter { $0.enforcementCase.status == .open || $0.enforcementCase.status == .suspended }
            .compactMap { CaseClockSummary.of($0, calendar: calendar) }
    }

    /// Recomputes the summaries of these cases from their rows, in the caller's transaction.
    static func refresh(_ ids: Set<EnforcementCase.ID>, rows: CaseRows, in tx: any Store, calendar: WorkingDayCalendar) async throws {
        guard !ids.isEmpty else { return }
        let summaries = expected(rows, calendar: calendar)
        let kept = Set(summaries.map(\.caseID))
        try await tx.caseClocks.save(summaries, removing: ids.filter { !kept.contains($0) }.sorted { $0.uuidString < $1.uuidString })
    }

    /// Every running case's summary, recomputed, organisation by organisation.
    static func allExpected(in store: any Store, calendar: WorkingDayCalendar,
                            each: ([CaseClockSummary]) async throws -> Void) async throws {
        let organisations = try await store.organisations.all().map(\.id)
        for chunk in stride(from: 0, to: organisations.count, by: 50).map({ Array(organisations[$0..<min($0 + 50, organisations.count)]) }) {
            let running = try await store.cases.matching(organisations: chunk, filter: .running)
            for start in stride(from: 0, to: running.count, by: 500) {
                try await each(expected(try await CaseRows.load(Array(running[start..<min(start + 500, running.count)]), in: store), calendar: calendar))
            }
        }
    }

    /// Drops every summary and computes them again (a holiday notice was loaded, the way
    /// summaries are computed changed, or records were bulk-loaded).
    static func rebuild(in tx: any Store, calendar: WorkingDayCalendar) async throws {
        try await tx.caseClocks.removeAll()
        try await allExpected(in: tx, calendar: calendar) { try await tx.caseClocks.save($0, removing: []) }
        try await tx.readModels.markBuilt(name, version: CaseClockSummary.version)
    }
}

extension LedgerVerifier {
    /// 期限摘要校验: every stored summary is what the records give, and every running case
    /// that runs a clock has one (REC-13).
    func verifyCaseClocks(_ report: inout VerificationReport) async throws {
        try await verifyPerCase(table: CaseClockSummaries.name, label: "办案期限摘要", &report,
                                stored: { try await store.caseClocks.summaries(offset: $0, limit: $1) }, caseOf: \.caseID,
                                expected: { each in try await CaseClockSummaries.allExpected(in: store, calendar: calendar, each: each) })
    }
}
