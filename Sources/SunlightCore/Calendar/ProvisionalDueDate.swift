/// 暂定期限 — a due date that never vanishes (CAL-4). Where a period runs into a year whose
/// holiday notice is not loaded, its days in that year are counted on weekends only — Monday to
/// Friday work — which is the earliest the real date can be, so acting on it is never late. The
/// date is marked provisional, and is exact again as soon as the notice is loaded.
public struct DueDate: Sendable, Equatable {
    public let date: CivilDate
    /// The years without a loaded notice the count ran through, ascending; empty for an exact date.
    public let missingYears: [Int]

    public var provisional: Bool { !missingYears.isEmpty }

    /// 暂定 and why, in the words pages use; `nil` for an exact date.
    public var provisionalNote: String? {
        guard provisional else { return nil }
        return "暂定：\(missingYears.map(String.init).joined(separator: "、")) 年节假日安排尚未加载，暂按周末推算（最早的可能日期），加载后自动重算"
    }
}

extension WorkingDayCalendar {
    /// The due date of a period starting on `start` (CAL-3), provisional where it runs through a
    /// year whose notice is not loaded (CAL-4). Throws only for a period that is not a period.
    public func due(from start: CivilDate, _ period: Period) throws -> DueDate {
        try Self.checkAmount(period)
        return count(from: start, period)
    }

    /// ``due(from:_:)`` for a period already known to be valid.
    func count(from start: CivilDate, _ period: Period) -> DueDate {
        var touched: Set<Int> = [start.year]
        var day = start
        switch period.unit {
        case .workingDays:
            var counted = 0
            while counted < period.amount {
                day = day.adding(days: 1)
                touched.insert(day.year)
                if worksOrWeekday(day) { counted += 1 }
            }
        case .calendarDays:
            day = start.adding(days: period.amount)
            touched.insert(day.year)
            while !worksOrWeekday(day) {
                day = day.adding(days: 1)
                touched.insert(day.year)
            }
        }
        return DueDate(date: day, missingYears: touched.filter { notices[$0] == nil }.sorted())
    }

    /// A working-day due date counted while `year` had no notice, counted again on this calendar,
    /// which has it (CAL-4): the same number of working days the `earlier` count found, on the days
    /// now known. `nil` when the count did not run through `year` or the date stays the same.
    public func recounted(workingDaysFrom start: CivilDate, to due: CivilDate, earlier: WorkingDayCalendar, year: Int) -> CivilDate? {
        guard start <= due, (start.year...due.year).contains(year), notices[year] != nil else { return nil }
        var days = 0
        var day = start
        while day < due {
            day = day.adding(days: 1)
            if earlier.worksOrWeekday(day) { days += 1 }
        }
        let recounted = count(from: start, .workingDays(days)).date
        return recounted == due ? nil : recounted
    }

    /// The years from `start` to `due` whose notice is not loaded: a stored date computed over
    /// them is provisional (CAL-4).
    public func missingYears(from start: CivilDate, to due: CivilDate) -> [Int] {
        (min(start.year, due.year)...max(start.year, due.year)).filter { notices[$0] == nil }
    }

    /// The state of a deadline on `today` (CAL-3), counting the days of a year without a loaded
    /// notice on weekends only (CAL-4): it never fails and never hides a deadline.
    public func provisionalState(of due: CivilDate, on today: CivilDate, dueSoonMargin: Int = 1) -> DeadlineState {
        if today > due { return .overdue }
        var left = 0
        var day = today
        while day < due && left <= dueSoonMargin {
            day = day.adding(days: 1)
            if worksOrWeekday(day) { left += 1 }
        }
        return left <= dueSoonMargin ? .dueSoon : .onTime
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not later), counting
    /// a year without a loaded notice Monday to Friday (CAL-4): a duration is never dropped.
    public func provisionalWorkingDays(from start: CivilDate, until end: CivilDate) -> Int {
        guard start < end else { return 0 }
        return (start.dayNumber + 1...end.dayNumber).filter { worksOrWeekday(CivilDate(dayNumber: $0)) }.count
    }

    /// A working day by the loaded notice; in a year without one, Monday to Friday.
    func worksOrWeekday(_ day: CivilDate) -> Bool {
        if isMakeUpWorkday(day) { return true }
        return holidayName(day) == nil && !day.isWeekend
    }

    static func checkAmount(_ period: Period) throws {
        guard period.amount >= 0 else { throw SunlightError.invalid("days", "期限天数不能为负数", rule: .cal3) }
        guard period.amount <= 3660 else { throw SunlightError.invalid("days", "期限天数过大（最多 3660 天）", rule: .cal3) }
    }
}
