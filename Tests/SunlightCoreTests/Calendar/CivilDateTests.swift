import Testing
@testable import SunlightCore

@Suite("日期 CivilDate")
struct CivilDateTests {
    @Test("parses only real YYYY-MM-DD dates")
    func parsing() {
        #expect(CivilDate(iso: "2026-09-30") == CivilDate(year: 2026, month: 9, day: 30))
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "2026-9-30") == nil)
        #expect(CivilDate(iso: "2026-09-30T00:00") == nil)
        #expect(CivilDate(iso: "２０２６-09-30") == nil)
        #expect(CivilDate(iso: "") == nil)
        for damaged in ["2026-09-3", "2026-09-300", "202609-30-", "2026--09-30", "+2026-09-3", "2026/09/30", "2026-09-3a", "0000-01-01"] {
            #expect(CivilDate(iso: damaged) == nil, "\(damaged)")
        }
        #expect(CivilDate(iso: "2026-09-30"[...]) == CivilDate(year: 2026, month: 9, day: 30))
    }

    @Test("day numbers round-trip and weekdays are right")
    func dayNumbers() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.isoWeekday == 4)  // Thursday
        #expect(CivilDate(iso: "2026-10-10")!.isoWeekday == 6)  // Saturday
        #expect(CivilDate(iso: "2026-11-22")!.chineseWeekday == "星期日")
        for n in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(iso: "2026-12-31")!.adding(days: 1).iso == "2027-01-01")
        #expect(CivilDate(iso: "2024-02-28")!.adding(days: 1).iso == "2024-02-29")
    }

    @Test("Beijing dates of UTC instants (DESIGN conventions)")
    func beijing() {
        // 2026-09-30 16:30 UTC is already 1 October in Beijing.
        let instant = ChinaTime.startOfDay(CivilDate(iso: "2026-10-01")!).addingTimeInterval(30 * 60)
        #expect(ChinaTime.date(of: instant).iso == "2026-10-01")
        #expect(ChinaTime.date(of: instant.addingTimeInterval(-3600)).iso == "2026-09-30")
        #expect(ChinaTime.minuteText(instant) == "2026-10-01 00:30")
    }
}
