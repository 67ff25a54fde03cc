import Foundation

/// A year of the calendar in force, for display.
public struct CalendarYearSummary: Sendable {
    public let year: Int
    public let source: String
    public let holidayCount: Int
    public let makeUpWorkdayCount: Int
    public let workingDayCount: Int
    /// `内置` or who loaded it and when.
    public let origin: String
}

/// A computed deadline, with the calendar facts that explain it.
public struct DeadlineAnswer: Sendable, Codable, Equatable {
    public let from: CivilDate
    public let period: Period
    public let due: CivilDate
    public let state: DeadlineState
    /// Working days from today to the due date (negative when overdue).
    public let workingDaysLeft: Int?
}

extension CalendarUseCases {
    /// The due date of a period starting on `from` (CAL-2, CAL-3), with its state today.
    public func deadline(from: CivilDate, _ period: Period) async throws -> DeadlineAnswer {
        let calendar = try await calendars.current()
        let due = try calendar.dueDate(from: from, period)
        let today = clock.today
        let left = calendar.covers(today) ? try calendar.workingDaysLeft(from: today, until: due) : nil
        let state = try calendar.covers(today) ? calendar.state(of: due, on: today, dueSoonMargin: settings.dueSoonMargin)
            : (today > due ? .overdue : .onTime)
        return DeadlineAnswer(from: from, period: period, due: due, state: state, workingDaysLeft: left)
    }

    /// Loads a year's official holiday notice (administrator or console), validated (CAL-1).
    /// Every load is kept; the newest load of a year is in force from now on.
    public func loadHolidayNotice(_ data: Data, by actor: Actor) async throws -> HolidayNotice {
        try await guarded(actor, "calendar", id: nil, in: actor.organisation) { try DeskPermissions(actor: actor).check(.loadCalendar) }
        let notice = try HolidayNotice.parse(data)
        let loaded = LoadedHolidayNotice(notice: notice, loadedAt: now, loadedBy: actor.displayName)
        let earlier = try await calendars.current()
        var later = earlier
        later.load(notice)
        let calendar = later, today = clock.today
        try await commit(actor, .create, "calendar", id: String(notice.year), in: actor.organisation,
                         "加载 \(notice.year) 年节假日安排：\(notice.source)") { tx, at in
            try await tx.holidayNotices.insert(loaded)
            // Due dates counted provisionally through this year are counted again (CAL-4).
            let recounted = try await Self.recountDueDates(year: notice.year, earlier: earlier, later: calendar, at: at, on: today,
                                                           by: actor.user?.id, in: tx)
            // Every running case's due dates are counted again on the new calendar (CAL-4, REC-13).
            try await CaseClockSummaries.rebuild(in: tx, calendar: calendar)
            return ((), [loaded.ledgerRecord(organisationID: actor.organisation?.id)] + recounted)
        }
        try await calendars.reload()
        return notice
    }

    /// The years in force, ascending, with where each comes from.
    public func calendarYears() async throws -> [CalendarYearSummary] {
        let calendar = try await calendars.current()
        let loads = Dictionary(try await store.holidayNotices.all().map { ($0.notice.year, $0) }, uniquingKeysWith: { $1 })
        return try calendar.years.map { year in
            let notice = calendar.notices[year]!
            var working = 0
            var day = CivilDate(year: year, month: 1, day: 1)!
            while day.year == year {
                if try calendar.isWorkingDay(day) { working += 1 }
                day = day.adding(days: 1)
            }
            let origin = loads[year].map { "\($0.loadedBy) 于 \(ChinaTime.minuteText($0.loadedAt)) 加载" } ?? "随系统内置"
            return CalendarYearSummary(year: year, source: notice.source, holidayCount: notice.holidays.count,
                                       makeUpWorkdayCount: notice.workdays.count, workingDayCount: working, origin: origin)
        }
    }
}

extension UseCaseArea {
    /// The state of a deadline today (CAL-3), with the installation's due-soon margin; `nil` only
    /// when there is no date. Days in a year whose notice is not loaded count Monday to Friday
    /// (CAL-4), so a deadline's state is never hidden.
    func deadlineState(of due: CivilDate?, calendar: WorkingDayCalendar) -> DeadlineState? {
        guard let due else { return nil }
        return calendar.provisionalState(of: due, on: clock.today, dueSoonMargin: settings.dueSoonMargin)
    }
}

extension CalendarUseCases {
    /// The state of a deadline today (CAL-3, CAL-4), with the installation's due-soon margin;
    /// `nil` only when there is no date.
    public func state(of due: CivilDate?, calendar: WorkingDayCalendar) -> DeadlineState? {
        deadlineState(of: due, calendar: calendar)
    }
}
