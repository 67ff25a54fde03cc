import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 办案期限摘要 (issue 16 item 2; REC-13): the home page, the supervisor's dashboard, clues and
/// statistics ask the summaries which cases can be late, and get exactly the cases that every
/// running case's clocks, computed one by one, would give (行政处罚法第六十条).
@Suite struct CaseClockSummaryTests {
    @Test("REC-13: through openings, a suspension that stops the clock, a resumption, a termination and the days passing, the summaries give exactly the late cases")
    func sameAsComputingEveryCase() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-08-03")!) { world in
            let mismatches = try await CaseClockScenario.mismatches(in: world)
            #expect(mismatches.isEmpty, "\(mismatches)")
        }
    }

    @Test("REC-13: the dashboard's overdue cases are counted from the summaries, and a loaded holiday notice counts every due date again (CAL-4)")
    func dashboardAndCalendar() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            // 90 days from 23 November end on Sunday 21 February 2027: provisionally the 22nd, 1 March once 春节 is known.
            let driver = try await CaseDriver.open(in: world)
            func summary() async throws -> CaseClockSummary? {
                try await world.sunlight.store.caseClocks.summaries(offset: 0, limit: 100).first { $0.caseID == driver.id }
            }
            func overdueOnDashboard() async throws -> Int {
                try await world.sunlight.supervision.supervisorDashboard(by: try await world.actor("jiandu")).rows.reduce(0) { $0 + $1.overdueCases }
            }
            #expect(try await summary()?.earliestDue?.iso == "2027-02-22")
            _ = try await world.sunlight.calendar.loadHolidayNotice(Data(ProvisionalDueDateTests.notice2027.utf8), by: try await world.actor("yn.admin"))
            #expect(try await summary()?.earliestDue?.iso == "2027-03-01", "counted again on the loaded notice")
            world.clock.set(CivilDate(iso: "2027-02-24")!)
            var overdue = try await CaseClockScenario.bruteForce(world, dueSoon: false)
            #expect(try await overdueOnDashboard() == overdue.count && !overdue.contains(driver.id))
            world.clock.set(CivilDate(iso: "2027-03-02")!)
            overdue = try await CaseClockScenario.bruteForce(world, dueSoon: false)
            #expect(try await overdueOnDashboard() == overdue.count && overdue.contains(driver.id))
        }
    }
}
