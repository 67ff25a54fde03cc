import Foundation
import SunlightFixtures
import SunlightTestSupport
import Testing
@testable import SunlightCore

/// 暂定期限: a deadline running into a year whose holiday notice is not loaded is counted on
/// weekends only — the earliest it can be — marked 暂定, and counted again when the notice is
/// loaded; no deadline is ever left empty (CAL-4; 国务院办公厅当年发布的部分节假日安排通知).
@Suite("暂定期限 CAL-4")
struct ProvisionalDueDateTests {
    /// A 2027 notice for the tests: 元旦 1–3 January, 春节 20–26 February.
    static let notice2027 = """
        {"year": 2027, "source": "测试用 2027 年节假日安排",
         "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}, {"name": "春节", "from": "2027-02-20", "to": "2027-02-26"}],
         "workdays": []}
        """

    static func loaded() throws -> WorkingDayCalendar {
        var calendar = shipped
        calendar.load(try HolidayNotice.parse(Data(notice2027.utf8)))
        return calendar
    }

    @Test("90 days from 23 November 2026 end on Sunday 21 February 2027: provisionally Monday the 22nd, exactly 1 March once 春节 is known (CAL-4, CAL-3)")
    func calendarDays() throws {
        let provisional = try shipped.due(from: day("2026-11-23"), .calendarDays(90))
        #expect(provisional.date.iso == "2027-02-22" && provisional.provisional && provisional.missingYears == [2027])
        #expect(provisional.provisionalNote?.contains("暂定：2027 年节假日安排尚未加载") == true)
        let exact = try Self.loaded().due(from: day("2026-11-23"), .calendarDays(90))
        #expect(exact.date.iso == "2027-03-01" && !exact.provisional)
        #expect(provisional.date <= exact.date, "the provisional date is never later than the real one")
    }

    @Test("5 working days from 28 December 2026 count 1 January provisionally; with 元旦 known they end a day later; the state is never hidden (CAL-4)")
    func workingDays() throws {
        let provisional = try shipped.due(from: day("2026-12-28"), .workingDays(5))
        #expect(provisional.date.iso == "2027-01-04" && provisional.provisional)
        #expect(try Self.loaded().due(from: day("2026-12-28"), .workingDays(5)).date.iso == "2027-01-05")
        #expect(shipped.provisionalState(of: day("2027-01-04"), on: day("2026-12-31")) == .onTime)
        #expect(shipped.provisionalState(of: day("2027-01-04"), on: day("2027-01-01")) == .dueSoon)
        #expect(shipped.provisionalState(of: day("2027-01-04"), on: day("2027-01-05")) == .overdue)
        #expect(shipped.provisionalWorkingDays(from: day("2026-12-28"), until: day("2027-01-04")) == 5, "a duration across the year is counted, not dropped")
        #expect(try Self.loaded().provisionalWorkingDays(from: day("2026-12-28"), until: day("2027-01-04")) == 4)
        let recounted = try Self.loaded().recounted(workingDaysFrom: day("2026-12-28"), to: provisional.date, earlier: shipped, year: 2027)
        #expect(recounted?.iso == "2027-01-05")
        #expect(try Self.loaded().recounted(workingDaysFrom: day("2026-10-08"), to: day("2026-10-15"), earlier: shipped, year: 2027) == nil)
    }

    @Test("In late December a case's decision clock, a complaint's and a lead's due dates are provisional, never empty; loading the 2027 notice counts them again, logged (CAL-4, REC-13, REC-18, SUP-1)")
    func recountedOnLoad() async throws {
        try await DemoWorld.with { world in
            let sunlight = world.sunlight
            let officer = try await world.actor("scj.zhangwei")
            let driver = try await CaseDriver.open(in: world)
            world.clock.set(CivilDate(iso: "2026-12-28")!)
            var clock = try #require(try await sunlight.cases.caseDetail(driver.id, by: officer).clocks.first { $0.kind == "decision" })
            #expect(clock.due?.iso == "2027-02-22" && clock.provisional && clock.state == .onTime, "23 Nov + 90 = Sunday 21 February → Monday")
            let complaint = try await sunlight.supervision.fileComplaint(
                NewComplaint(organisationID: world.market.id, subject: "超市销售过期食品", description: "元谋县好又多超市货架上有过期的牛肉干。", anonymous: true),
                channel: .portal, by: .visitor(address: "198.51.100.7"))
            #expect(complaint.dueOn?.iso == "2027-01-18", "15 working days counting 1 January provisionally")
            let lead = try await sunlight.cases.registerLead(NewCaseLead(source: .hotline, receivedOn: world.clock.today, summary: "12345 热线：超市销售过期牛肉干。",
                                                                         partyKind: nil, partyName: nil), by: officer)
            #expect(lead.dueOn?.iso == "2027-01-18", "the lead's 15 working days too (REC-18)")
            let tasks = try await sunlight.tasks(for: try await world.actor("yn.admin"))
            #expect(tasks.contains { $0.title == "加载 2027 年节假日安排" && $0.detail.contains("暂定") })

            _ = try await sunlight.calendar.loadHolidayNotice(Data(Self.notice2027.utf8), by: try await world.actor("yn.admin"))
            clock = try #require(try await sunlight.cases.caseDetail(driver.id, by: officer).clocks.first { $0.kind == "decision" })
            #expect(clock.due?.iso == "2027-03-01" && !clock.provisional, "21 February falls in 春节: the next working day")
            let recounted = try #require(try await sunlight.store.complaints.find(complaint.id))
            #expect(recounted.dueOn?.iso == "2027-01-19", "元旦 is a holiday: one working day later")
            #expect(try await sunlight.store.complaints.events(of: complaint.id).contains { $0.kind == .rescheduled })
            let recountedLead = try #require(try await sunlight.store.records(CaseLead.self).find(lead.id))
            #expect(recountedLead.dueOn?.iso == "2027-01-19" && recountedLead.steps.last?.action == .reschedule)
            #expect(try await sunlight.cases.verify().isClean)
        }
    }

    @Test("A review round submitted on 30 December is due provisionally on 4 January, and on the 5th once 元旦 is known, whatever its record says (CAL-4, REV-5)")
    func reviewRound() throws {
        let submission = ReviewSubmission(form: .sample, draftHash: "", catalogueVersion: 0, matchedRules: [], collectiveDiscussion: false, evidence: [],
                                          submittedOn: day("2026-12-30"), dueOn: day("2027-01-04"), reviewDays: 3)
        #expect(submission.due(on: shipped).iso == "2027-01-04")
        #expect(submission.due(on: try Self.loaded()).iso == "2027-01-05")
    }
}
