/// 期限单位 — whether a period counts working days or calendar days (CAL-2).
public enum PeriodUnit: String, Codable, Sendable, CaseIterable, ClosedChoice {
    /// 工作日 — e.g. 行政处罚法 二日/三日/五日/七日 (art. 85), every 行政许可法 period (art. 82),
    /// 行政强制法 periods of ten days or fewer (art. 69).
    case workingDays = "working"
    /// 自然日 — longer periods, e.g. the 90 days to decide a penalty case (行政处罚法 art. 60).
    case calendarDays = "calendar"

    public var chineseName: String {
        switch self {
        case .workingDays: "个工作日"
        case .calendarDays: "日（自然日）"
        }
    }
}

/// 期限 — a statutory period: a number of working or calendar days (CAL-2).
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    public let amount: Int
    public let unit: PeriodUnit

    public init(_ amount: Int, _ unit: PeriodUnit) {
        self.amount = amount
        self.unit = unit
    }

    public static func workingDays(_ n: Int) -> Period { Period(n, .workingDays) }
    public static func calendarDays(_ n: Int) -> Period { Period(n, .calendarDays) }

    public var description: String { "\(amount)\(unit.chineseName)" }
}

/// 期限状态 — where a deadline stands today (CAL-3).
public enum DeadlineState: String, Codable, Sendable {
    /// 正常 — more than the due-soon margin is left.
    case onTime = "on_time"
    /// 临期 — at most the due-soon margin (1 working day by default) is left.
    case dueSoon = "due_soon"
    /// 逾期 — the due date has passed.
    case overdue

    public var chineseName: String {
        switch self {
        case .onTime: "正常"
        case .dueSoon: "临期"
        case .overdue: "逾期"
        }
    }
}

extension WorkingDayCalendar {
    /// The due date of a period that starts with an event on `start` (CAL-3).
    ///
    /// The day of the event is not counted. Working-day periods count only working days
    /// (CAL-1). A calendar-day period whose last day is not a working day ends on the next
    /// working day (民法典 第二百零三条; 行政诉讼法 第五十一条 — 期间届满的最后一日是法定休假日的，
    /// 以法定休假日结束的次日为期间的最后一日). Dates outside the loaded calendars are refused.
    public func dueDate(from start: CivilDate, _ period: Period) throws -> CivilDate {
        try Self.checkAmount(period)
        try requireCovered(start)
        switch period.unit {
        case .workingDays:
            var day = start
            var counted = 0
            while counted < period.amount {
                day = day.adding(days: 1)
                if try isWorkingDay(day) { counted += 1 }
            }
            return day
        case .calendarDays:
            var day = start.adding(days: period.amount)
            while try !isWorkingDay(day) { day = day.adding(days: 1) }
            return day
        }
    }

    /// Working days from `today` (exclusive) to `due` (inclusive); negative when overdue.
    public func workingDaysLeft(from today: CivilDate, until due: CivilDate) throws -> Int {
        try requireCovered(today)
        try requireCovered(due)
        if due < today {
            var count = 0
            var day = due
            while day < today {
                day = day.adding(days: 1)
                if try isWorkingDay(day) { count += 1 }
            }
            return -max(count, 1)
        }
        var count = 0
        var day = today
        while day < due {
            day = day.adding(days: 1)
            if try isWorkingDay(day) { count += 1 }
        }
        return count
    }

    /// The state of a deadline on `today` (CAL-3): overdue after the due date, due soon when at
    /// most `dueSoonMargin` working days are left (the due date itself counts as 0 left).
    public func state(of due: CivilDate, on today: CivilDate, dueSoonMargin: Int = 1) throws -> DeadlineState {
        if today > due { return .overdue }
        return try workingDaysLeft(from: today, until: due) <= dueSoonMargin ? .dueSoon : .onTime
    }
}
