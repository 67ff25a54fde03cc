import Foundation
import SunlightCore
import SunlightDemo
import Testing

/// The demo's "today": pinned, or the machine's date inside the shipped holiday notices (CAL-1).
@Suite("演示日期 CAL-1")
struct DemoDayTests {
    let shipped = WorkingDayCalendar(ShippedCalendars.notices())
    func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test("CAL-1: a pinned day inside the shipped notices is the demo's day")
    func pinned() throws {
        let chosen = try DemoData.day(pinned: day("2026-09-21"), today: day("2031-05-05"), shipped: shipped)
        #expect(chosen.day == day("2026-09-21") && chosen.pinned)
    }

    @Test("CAL-1: a pinned day in a year without a shipped notice is refused, never guessed")
    func pinnedOutside() {
        #expect { try DemoData.day(pinned: day("2031-05-05"), today: day("2026-09-21"), shipped: shipped) } throws: { error in
            (error as? SunlightError)?.rule == .cal1
        }
    }

    @Test("CAL-1: unpinned, the demo runs on the machine's date while the notices cover it, else on that date of the newest year")
    func unpinned() throws {
        let inside = try DemoData.day(pinned: nil, today: day("2026-12-02"), shipped: shipped)
        #expect(inside.day == day("2026-12-02") && !inside.pinned)
        let later = try DemoData.day(pinned: nil, today: day("2031-05-05"), shipped: shipped)
        #expect(later.day == day("2026-05-05") && later.pinned)
        #expect(try DemoData.day(pinned: nil, today: day("2028-02-29"), shipped: shipped).day == day("2026-02-28"))
    }

    @Test("CAL-3: a pinned clock starts at 09:00 Beijing time on its day and then runs")
    func pinnedClock() {
        let machine = SteppedClock()
        let clock = PinnedClock(day("2026-11-23"), base: machine)
        machine.advance(90)
        #expect(clock.today == day("2026-11-23"))
        #expect(ChinaTime.minuteText(clock.now) == "2026-11-23 09:01")
    }
}

/// A machine clock the test moves by hand.
private final class SteppedClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant = Date(timeIntervalSince1970: 1_800_000_000)
    var now: Date { lock.withLock { instant } }
    func advance(_ seconds: TimeInterval) { lock.withLock { instant += seconds } }
}
