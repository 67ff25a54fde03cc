import Foundation

/// 期限摘要 — a running case's clocks folded into what lists and dashboards ask of them
/// (REC-13): the earliest due date among its clocks, and whether a clock moves with today (the
/// decision clock of a suspended case, whose suspended days keep growing). A read model: kept
/// in the same transaction as the case's records, rebuilt from them after a holiday notice is
/// loaded, and compared with them by `sunlight verify`. Pages ask it which cases can be due
/// soon or overdue and compute only those cases' clocks, so a page costs what it shows.
public struct CaseClockSummary: Sendable, Equatable {
    public let caseID: EnforcementCase.ID
    public let organisationID: Organisation.ID
    /// The earliest due date among the clocks that do not move with today.
    public let earliestDue: CivilDate?
    /// A clock's due date moves with today (an open suspension stops the decision clock).
    public let moving: Bool

    public init(caseID: EnforcementCase.ID, organisationID: Organisation.ID, earliestDue: CivilDate?, moving: Bool) {
        self.caseID = caseID
        self.organisationID = organisationID
        self.earliestDue = earliestDue
        self.moving = moving
    }

    /// The version of how summaries are computed; a store whose summaries were built under
    /// another one is rebuilt on start.
    public static let version = 1

    /// The summary of a case, or `nil` when it has nothing to watch: it is not running, or
    /// it runs no clock. Only a moving clock's due date depends on the day it is computed, and
    /// it is left out of `earliestDue`, so the summary is the same whenever it is computed.
    public static func of(_ snapshot: CaseSnapshot, calendar: WorkingDayCalendar) -> CaseClockSummary? {
        let theCase = snapshot.enforcementCase
        guard theCase.status == .open || theCase.status == .suspended else { return nil }
        // Computed on two days far apart: a clock whose due date differs moves with today.
        let first = theCase.openedOn, second = theCase.openedOn.adding(days: 400)
        let early: [CaseClock], late: [CaseClock]
        do {
            early = try CaseClocks.clocks(for: snapshot, today: first, calendar: calendar)
            late = try CaseClocks.clocks(for: snapshot, today: second, calendar: calendar)
        } catch {
            return nil   // Clocks that cannot be computed are shown as such, never as overdue.
        }
        guard early.count == late.count else {
            // Clocks that come and go with the day are watched every day.
            return CaseClockSummary(caseID: theCase.id, organisationID: theCase.organisationID, earliestDue: nil, moving: true)
        }
        let pairs = zip(early, late)
        let moving = pairs.contains { $0.due != $1.due }
        let fixed = pairs.filter { $0.due == $1.due }.compactMap(\.0.due)
        guard moving || !fixed.isEmpty else { return nil }
        return CaseClockSummary(caseID: theCase.id, organisationID: theCase.organisationID, earliestDue: fixed.min(), moving: moving)
    }
}

/// 期限摘要存储 — the read model behind ``CaseClockSummary``; not logged (derived data).
public protocol CaseClockSummaryRepository: Sendable {
    /// Writes these summaries and drops those of `removed` (cases that stopped running).
    func save(_ summaries: [CaseClockSummary], removing removed: [EnforcementCase.ID]) async throws
    /// The summaries of the cases of these organisations with a fixed clock due before `day`,
    /// or a moving clock.
    func candidates(organisations: [Organisation.ID], dueBefore day: CivilDate) async throws -> [CaseClockSummary]
    /// How many cases of each organisation have a fixed clock due before `day` (one GROUP BY).
    func counts(organisations: [Organisation.ID], dueBefore day: CivilDate) async throws -> [Organisation.ID: Int]
    /// Every summary, by case ID (for verify and rebuilding).
    func summaries(offset: Int, limit: Int) async throws -> [CaseClockSummary]
    func removeAll() async throws
}
