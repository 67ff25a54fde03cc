import Testing
@testable import SunlightCore

@Suite("期限 CAL-2 CAL-3")
struct DeadlineTests {
    @Test("CAL-2/CAL-3: working-day periods skip holidays and weekends, count make-up days", arguments: [
        ("2026-09-30", 7, "2026-10-15"),  // 国庆: 8, 9, 10 (Sat, make-up), 12, 13, 14, 15
        ("2026-09-30", 1, "2026-10-08"),
        ("2026-09-30", 0, "2026-09-30"),
        ("2026-02-13", 3, "2026-02-25"),  // 14 (make-up Sat), then 春节 15–23, then 24, 25
        ("2025-12-31", 3, "2026-01-06"),  // across the year: 元旦 1–3, 4 (make-up Sun), 5, 6
        ("2026-11-20", 5, "2026-11-27"),  // Friday + 5 = next Friday
    ])
    func workingDays(from: String, days: Int, due: String) throws {
        #expect(try shipped.dueDate(from: day(from), .workingDays(days)).iso == due)
    }

    @Test("CAL-3: the day of the event is not counted")
    func eventDayNotCounted() throws {
        // A Monday event with a 1-working-day period ends on Tuesday, not Monday.
        #expect(try shipped.dueDate(from: day("2026-11-16"), .workingDays(1)).iso == "2026-11-17")
        #expect(try shipped.dueDate(from: day("2026-11-16"), .calendarDays(1)).iso == "2026-11-17")
    }

    @Test("CAL-2: calendar-day periods count every day; a last day that is a rest day moves to the next working day")
    func calendarDays() throws {
        // 90 days from 2026-07-01 is 2026-09-29, a Tuesday.
        #expect(try shipped.dueDate(from: day("2026-07-01"), .calendarDays(90)).iso == "2026-09-29")
        // 90 days from 2026-07-03 is 2026-10-01 (国庆): the period ends on 2026-10-08.
        #expect(try shipped.dueDate(from: day("2026-07-03"), .calendarDays(90)).iso == "2026-10-08")
        // Landing on the make-up Saturday 2026-10-10 stays there: it is a working day.
        #expect(try shipped.dueDate(from: day("2026-10-01"), .calendarDays(9)).iso == "2026-10-10")
    }

    @Test("CAL-1: a period running past the loaded calendars is refused", arguments: [
        ("2026-12-20", Period.workingDays(10)),
        ("2026-12-01", Period.calendarDays(60)),
        ("2024-12-31", Period.workingDays(1)),
    ])
    func pastCalendars(from: String, period: Period) {
        #expect { try shipped.dueDate(from: day(from), period) } throws: { ($0 as? SunlightError)?.rule == .cal1 }
    }

    @Test("CAL-3: negative periods are refused")
    func negative() {
        #expect { try shipped.dueDate(from: day("2026-05-06"), .workingDays(-1)) } throws: { ($0 as? SunlightError)?.kind == .invalidInput }
    }

    @Test("CAL-3: state is on time, due soon (≤ 1 working day left) or overdue", arguments: [
        ("2026-10-15", "2026-10-12", DeadlineState.onTime),   // 3 working days left
        ("2026-10-15", "2026-10-14", DeadlineState.dueSoon),  // 1 left
        ("2026-10-15", "2026-10-15", DeadlineState.dueSoon),  // due today
        ("2026-10-15", "2026-10-16", DeadlineState.overdue),
        ("2026-10-08", "2026-09-30", DeadlineState.dueSoon),  // only 1 working day across 国庆
        ("2026-10-12", "2026-10-09", DeadlineState.onTime),   // 10 (make-up) and 12: 2 left
    ])
    func states(due: String, today: String, expected: DeadlineState) throws {
        #expect(try shipped.state(of: day(due), on: day(today)) == expected)
    }

    @Test("CAL-3: the due-soon margin is configurable")
    func margin() throws {
        #expect(try shipped.state(of: day("2026-10-15"), on: day("2026-10-12"), dueSoonMargin: 3) == .dueSoon)
        #expect(try shipped.workingDaysLeft(from: day("2026-10-16"), until: day("2026-10-15")) == -1)
    }
}
