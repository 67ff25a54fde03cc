import Foundation

/// 北京时间 — Asia/Shanghai, UTC+8 without daylight saving since 1991.
///
/// Times are stored in UTC and shown in Beijing time; legal deadlines are calendar dates in
/// Beijing time (DESIGN.md "Conventions"). A fixed offset is exact for every date the
/// product handles and does not depend on the machine's time-zone database.
public enum ChinaTime {
    public static let secondsFromGMT = 8 * 3600

    /// The calendar date in Beijing at the given instant.
    public static func date(of instant: Date) -> CivilDate {
        let seconds = Int((instant.timeIntervalSince1970 + Double(secondsFromGMT)).rounded(.down))
        return CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    /// The instant at which the given date begins in Beijing.
    public static func startOfDay(_ date: CivilDate) -> Date {
        Date(timeIntervalSince1970: Double(date.dayNumber * 86_400 - secondsFromGMT))
    }

    /// `2026-11-22 09:05` in Beijing time.
    public static func minuteText(_ instant: Date) -> String {
        let local = Int((instant.timeIntervalSince1970 + Double(secondsFromGMT)).rounded(.down))
        let dayNumber = Int((Double(local) / 86_400).rounded(.down))
        let secondOfDay = local - dayNumber * 86_400
        let hh = secondOfDay / 3600, mm = (secondOfDay % 3600) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(CivilDate(dayNumber: dayNumber).iso) \(two(hh)):\(two(mm))"
    }

    /// `2026-11-22 09:05:07` in Beijing time.
    public static func secondText(_ instant: Date) -> String {
        let local = Int((instant.timeIntervalSince1970 + Double(secondsFromGMT)).rounded(.down))
        let s = ((local % 60) + 60) % 60
        return minuteText(instant) + ":" + (s < 10 ? "0\(s)" : "\(s)")
    }
}

/// 时钟 — the source of the current time, injected so tests are reproducible.
public protocol Clock: Sendable {
    var now: Date { get }
}

extension Clock {
    /// Today's date in Beijing.
    public var today: CivilDate { ChinaTime.date(of: now) }
}

/// The machine's clock.
public struct SystemClock: Clock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that stands still at a given instant (tests, demo fixtures).
public struct FixedClock: Clock {
    public let now: Date
    public init(_ now: Date) { self.now = now }
    public init(_ date: CivilDate, hour: Int = 9) {
        self.now = ChinaTime.startOfDay(date).addingTimeInterval(Double(hour * 3600))
    }
}

/// A clock pinned to one day: it starts at `hour` o'clock Beijing time on `day` and then runs
/// at the machine's pace (`sunlight demo --today`, `SUNLIGHT_TODAY`). Every record, session and
/// deadline of a pinned demo is dated as if that day were today, whatever the machine's date,
/// so a demo — and the browser test that drives one — behaves the same in any year.
public struct PinnedClock: Clock {
    /// The instant the clock reads at `started`.
    public let origin: Date
    /// When the clock was pinned, by the clock it runs on.
    public let started: Date
    /// The clock whose passing time this one follows (the machine's, by default).
    public let base: any Clock

    public init(_ day: CivilDate, hour: Int = 9, base: any Clock = SystemClock()) {
        self.origin = ChinaTime.startOfDay(day).addingTimeInterval(Double(hour * 3600))
        self.base = base
        self.started = base.now
    }

    public var now: Date { origin.addingTimeInterval(base.now.timeIntervalSince(started)) }
}
