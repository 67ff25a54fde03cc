import Foundation
@testable import SunlightCore
import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

@Suite("日历管理与待办 CAL-1 CAL-3")
struct CalendarUseCaseTests {
    static let notice2027 = """
        {"year": 2027, "source": "测试用 2027 年节假日安排",
         "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
         "workdays": []}
        """

    @Test("CAL-1: an administrator loads a new year; deadlines into it then work, on every instance")
    func loadYear() async throws {
        try await DemoWorld.onDatabase { world in
            let admin = try await world.actor("yn.admin")
            await #expect { try await world.sunlight.calendar.deadline(from: CivilDate(iso: "2026-12-28")!, .workingDays(5)) }
                throws: { "calendar.outside" ~= $0 }
            let notice = try await world.sunlight.calendar.loadHolidayNotice(Data(Self.notice2027.utf8), by: admin)
            #expect(notice.year == 2027)
            let answer = try await world.sunlight.calendar.deadline(from: CivilDate(iso: "2026-12-28")!, .workingDays(5))
            #expect(answer.due.iso == "2027-01-05")  // 29, 30, 31, then 元旦 1–3, 4, 5
            // A second instance over the same database sees the loaded year.
            let other = Sunlight(store: try world.host.store, clock: world.clock, passwords: TestPasswordHasher(), ledger: world.sunlight.ledger, blobs: world.sunlight.blobs)
            #expect(try await other.calendar.calendarYears().map(\.year) == [2025, 2026, 2027])
        }
    }

    @Test("CAL-1: a bad file is refused and nothing is stored")
    func badFile() async throws {
        try await DemoWorld.with { world in
            let admin = try await world.actor("yn.admin")
            await #expect { try await world.sunlight.calendar.loadHolidayNotice(Data("{}".utf8), by: admin) } throws: { "input.invalid" ~= $0 }
            #expect(try await world.sunlight.store.holidayNotices.all().isEmpty)
            await #expect { try await world.sunlight.calendar.loadHolidayNotice(Data(Self.notice2027.utf8), by: try await world.actor("jiandu")) }
                throws: { "role.missing" ~= $0 }
        }
    }

    @Test("CAL-3: answers carry the state today")
    func deadlineState() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-10-14")!) { world in
            let answer = try await world.sunlight.calendar.deadline(from: CivilDate(iso: "2026-09-30")!, .workingDays(7))
            #expect(answer.due.iso == "2026-10-15")
            #expect(answer.state == .dueSoon)
            #expect(answer.workingDaysLeft == 1)
        }
    }

    @Test("CAL-3 / STD-2: the home page lists the tasks of each person, most urgent first")
    func tasks() async throws {
        try await DemoWorld.with { world in
            let adminTasks = try await world.sunlight.tasks(for: try await world.actor("yn.admin"))
            #expect(adminTasks.map(\.title).contains("加载 2027 年节假日安排"))
            // 赵磊's certificate expired on 2026-06-30: overdue, first.
            #expect(adminTasks.first?.state == .overdue)
            #expect(adminTasks.first?.detail.contains("赵磊") == true)

            // The demo's hotline lead is due tomorrow: due soon, first, for every officer of the bureau (REC-18).
            let lina = try await world.sunlight.tasks(for: try await world.actor("scj.lina"))
            #expect(lina.map(\.title) == ["线索核查：元市监线索〔2026〕1号", "本人执法证即将到期"])
            #expect(lina.first?.state == .dueSoon && lina.first?.rule == .rec18)
            #expect(lina.last?.due?.iso == "2026-12-10")
            #expect(lina.last?.state == .onTime)

            #expect(try await world.sunlight.tasks(for: try await world.actor("scj.zhangwei")).map(\.title) == ["线索核查：元市监线索〔2026〕1号"])
        }
    }
}
