import Foundation
import Testing
@testable import SunlightCore

let shipped = WorkingDayCalendar(ShippedCalendars.notices())

func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

@Suite("工作日历 CAL-1")
struct WorkingDayCalendarTests {
    @Test("CAL-1: weekdays work, weekends rest, holidays rest, make-up Saturdays work", arguments: [
        ("2026-09-30", true),   // Wednesday before 国庆
        ("2026-10-01", false),  // 国庆节
        ("2026-10-07", false),  // 国庆节, a Wednesday
        ("2026-10-08", true),
        ("2026-10-10", true),   // 调休上班, a Saturday
        ("2026-10-11", false),  // ordinary Sunday
        ("2026-02-14", true),   // 调休上班 before 春节
        ("2026-02-23", false),  // last day of 春节, a Monday
        ("2025-01-01", false),  // 元旦 2025
        ("2025-10-08", false),  // 国庆 2025 runs to the 8th
        ("2025-09-28", true),   // 调休上班 2025, a Sunday
    ])
    func workingDays(date: String, working: Bool) throws {
        #expect(try shipped.isWorkingDay(day(date)) == working)
    }

    @Test("CAL-1: a date outside every loaded calendar is refused, never guessed")
    func outside() {
        #expect(throws: SunlightError.self) { try shipped.isWorkingDay(day("2027-01-04")) }
        do {
            _ = try shipped.isWorkingDay(day("2024-12-31"))
            Issue.record("expected a refusal")
        } catch let error as SunlightError {
            #expect(error.rule == .cal1)
            #expect(error.code == "calendar.outside")
            #expect(error.message.contains("2024 年节假日安排尚未加载"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("CAL-1: loading a corrected notice replaces the year's holidays")
    func reload() throws {
        var calendar = shipped
        let corrected = HolidayNotice(year: 2026, source: "更正通知", holidays: [
            .init(name: "测试假", from: day("2026-03-02"), to: day("2026-03-03")),
        ], workdays: [])
        calendar.load(corrected)
        #expect(try calendar.isWorkingDay(day("2026-10-01")))  // the old 国庆 is gone
        #expect(try !calendar.isWorkingDay(day("2026-03-02")))
        #expect(try !calendar.isWorkingDay(day("2026-10-10")))  // make-up day gone: plain Saturday
        #expect(try calendar.isWorkingDay(day("2025-10-09")))  // other years untouched
    }
}

@Suite("节假日安排文件 CAL-1")
struct HolidayNoticeTests {
    @Test("the shipped 2025 and 2026 notices are valid and loaded")
    func shippedNotices() {
        #expect(shipped.years == [2025, 2026])
        #expect(shipped.notices[2026]?.holidays.count == 7)
    }

    @Test("CAL-1: a notice with mistakes is refused with every problem named")
    func invalid() {
        let json = """
        {"year": 2027, "source": "",
         "holidays": [{"name": "国庆节", "from": "2027-10-07", "to": "2027-10-01"},
                      {"name": "春节", "from": "2027-02-06", "to": "2027-02-12"},
                      {"name": "元宵", "from": "2027-02-12", "to": "2027-02-12"}],
         "workdays": ["2027-02-08", "2026-10-10", "2027-02-20", "2027-02-20"]}
        """
        do {
            _ = try HolidayNotice.parse(Data(json.utf8))
            Issue.record("expected a refusal")
        } catch let error as SunlightError {
            #expect(error.rule == .cal1)
            #expect(error.kind == .invalidInput)
            for fragment in ["缺少来源", "开始日期 2027-10-07 晚于结束日期", "2027-02-12 同时属于 春节 和 元宵",
                             "2027-02-08 是星期一", "2026-10-10 不在 2027 年", "2027-02-20 重复"] {
                #expect(error.message.contains(fragment), "missing: \(fragment)")
            }
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("CAL-1: malformed files are refused with where they break", arguments: [
        ("not json", "不是有效的 JSON"),
        (#"{"year": 2027, "source": "x", "holidays": []}"#, "缺少字段 workdays"),
        (#"{"year": "2027", "source": "x", "holidays": [], "workdays": []}"#, "year 类型不对"),
        (#"{"year": 2027, "source": "x", "holidays": [{"name": "a", "from": "2027-1-1", "to": "2027-01-01"}], "workdays": []}"#, "YYYY-MM-DD"),
    ])
    func malformed(json: String, fragment: String) {
        #expect {
            try HolidayNotice.parse(Data(json.utf8))
        } throws: { error in
            (error as? SunlightError)?.message.contains(fragment) == true
        }
    }
}
