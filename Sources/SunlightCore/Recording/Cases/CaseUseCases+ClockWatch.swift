import Foundation

/// 期限提醒 — which running cases have a clock overdue or due soon, asked of the case-clock
/// summaries (``CaseClockSummary``): only the cases that can be late are loaded and their
/// clocks computed, so a page costs what it shows, not how many cases run (REC-13).
extension CaseUseCases {
    /// The first day a clock is no longer due soon: one due before it is due soon or overdue
    /// (``WorkingDayCalendar/provisionalState(of:on:dueSoonMargin:)``).
    static func dueSoonHorizon(today: CivilDate, calendar: WorkingDayCalendar, margin: Int) -> CivilDate {
        var day = today, left = 0
        while left <= margin {
            day = day.adding(days: 1)
            if calendar.worksOrWeekday(day) { left += 1 }
        }
        return day
    }

    /// The running cases of these organisations with a clock overdue (and, with `dueSoon`, due
    /// soon), each with those clocks, most urgent first.
    func lateClocks(organisations: [Organisation.ID], dueSoon: Bool) async throws -> [(enforcementCase: EnforcementCase, clocks: [CaseClock])] {
        guard !organisations.isEmpty else { return [] }
        let calendar = try await calendars.current()
        let today = clock.today
        let horizon = dueSoon ? Self.dueSoonHorizon(today: today, calendar: calendar, margin: settings.dueSoonMargin) : today
        let candidates = try await store.caseClocks.candidates(organisations: organisations, dueBefore: horizon)
        let cases = try await store.cases.find(ids: candidates.map(\.caseID))
        let wanted: Set<DeadlineState> = dueSoon ? [.overdue, .dueSoon] : [.overdue]
        var late: [(enforcementCase: EnforcementCase, clocks: [CaseClock])] = []
        let byID = Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0) })
        for (id, clocks) in try await runningClocks(of: cases) {
            let due = clocks.filter { $0.state.map(wanted.contains) ?? false }
            if let theCase = byID[id], !due.isEmpty { late.append((theCase, due)) }
        }
        return late.sorted { ($0.clocks.compactMap(\.due).min() ?? today, $0.enforcementCase.number) < ($1.clocks.compactMap(\.due).min() ?? today, $1.enforcementCase.number) }
    }

    /// How many running cases of each organisation have a clock overdue today: counted in the
    /// database, but for cases whose clock moves with today, which are computed.
    func overdueCaseCounts(organisations: [Organisation.ID]) async throws -> [Organisation.ID: Int] {
        guard !organisations.isEmpty else { return [:] }
        let today = clock.today
        var counts = try await store.caseClocks.counts(organisations: organisations, dueBefore: today)
        let moving = try await store.caseClocks.candidates(organisations: organisations, dueBefore: today)
            .filter { summary in summary.moving && !(summary.earliestDue.map { $0 < today } ?? false) }
        for (id, clocks) in try await runningClocks(of: try await store.cases.find(ids: moving.map(\.caseID)))
        where clocks.contains(where: { $0.state == .overdue }) {
            if let organisation = moving.first(where: { $0.caseID == id })?.organisationID { counts[organisation, default: 0] += 1 }
        }
        return counts
    }
}
