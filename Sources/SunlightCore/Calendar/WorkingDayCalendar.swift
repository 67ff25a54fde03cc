/// 工作日历 — which days are working days, for the years whose official notice is loaded (CAL-1).
///
/// A working day is Monday–Friday, minus official holidays, plus official make-up workdays.
/// A date in a year without a loaded notice is an error, never a guess.
public struct WorkingDayCalendar: Sendable {
    public private(set) var notices: [Int: HolidayNotice] = [:]
    private var holidays: [CivilDate: String] = [:]
    private var makeUpWorkdays: Set<CivilDate> = []

    public init(_ notices: [HolidayNotice] = []) {
        for notice in notices { load(notice) }
    }

    /// Adds or replaces the notice for its year.
    public mutating func load(_ notice: HolidayNotice) {
        if let old = notices[notice.year] {
            for holiday in old.holidays { for day in Self.days(holiday) where holidays[day] == holiday.name { holidays[day] = nil } }
            for day in old.workdays { makeUpWorkdays.remove(day) }
        }
        notices[notice.year] = notice
        for holiday in notice.holidays { for day in Self.days(holiday) { holidays[day] = holiday.name } }
        makeUpWorkdays.formUnion(notice.workdays)
    }

    /// The years this calendar can answer for, ascending.
    public var years: [Int] { notices.keys.sorted() }

    public func covers(_ date: CivilDate) -> Bool { notices[date.year] != nil }

    /// Whether the date is a working day (CAL-1); throws for a date outside the loaded years.
    public func isWorkingDay(_ date: CivilDate) throws -> Bool {
        try requireCovered(date)
        if makeUpWorkdays.contains(date) { return true }
        if holidays[date] != nil { return false }
        return !date.isWeekend
    }

    /// The holiday's name if the date is an official holiday.
    public func holidayName(_ date: CivilDate) -> String? { holidays[date] }

    /// Whether the date is an official make-up workday (调休上班).
    public func isMakeUpWorkday(_ date: CivilDate) -> Bool { makeUpWorkdays.contains(date) }

    func requireCovered(_ date: CivilDate) throws {
        guard covers(date) else {
            let loaded = years.isEmpty ? "尚未加载任何年份" : "已加载 " + years.map { "\($0)" }.joined(separator: "、") + " 年"
            throw SunlightError(.ruleViolation, code: "calendar.outside",
                                "\(date.iso) 所在的 \(date.year) 年节假日安排尚未加载（\(loaded)），无法计算工作日，请管理员先加载该年度的节假日安排",
                                rule: .cal1, field: "date")
        }
    }

    private static func days(_ holiday: HolidayNotice.Holiday) -> [CivilDate] {
        (holiday.from.dayNumber...holiday.to.dayNumber).map(CivilDate.init(dayNumber:))
    }
}
