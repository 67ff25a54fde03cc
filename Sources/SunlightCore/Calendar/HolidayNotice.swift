import Foundation

/// 节假日安排 — one year's official holiday notice (国务院办公厅关于…部分节假日安排的通知).
///
/// The file format is the one shipped in `shared/data/calendar/cn-YYYY.json`:
/// holidays as inclusive date ranges and make-up workdays (调休上班) as single dates.
public struct HolidayNotice: Codable, Sendable, Equatable {
    /// 假期 — a named holiday, inclusive on both ends.
    public struct Holiday: Codable, Sendable, Equatable {
        public let name: String
        public let from: CivilDate
        public let to: CivilDate

        public init(name: String, from: CivilDate, to: CivilDate) {
            self.name = name
            self.from = from
            self.to = to
        }
    }

    public let year: Int
    /// Where the notice comes from, e.g. `国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04`.
    public let source: String
    public let holidays: [Holiday]
    /// 调休上班 — weekend days that are working days.
    public let workdays: [CivilDate]

    public init(year: Int, source: String, holidays: [Holiday], workdays: [CivilDate]) {
        self.year = year
        self.source = source
        self.holidays = holidays
        self.workdays = workdays
    }

    /// Decodes and validates a notice file; every problem is reported, with the rule (CAL-1).
    public static func parse(_ data: Data) throws -> HolidayNotice {
        let notice: HolidayNotice
        do {
            notice = try JSONDecoder().decode(HolidayNotice.self, from: data)
        } catch let error as DecodingError {
            throw SunlightError.invalid("file", "节假日安排文件格式错误：\(error.sunlightDescription)", rule: .cal1)
        } catch {
            throw SunlightError.invalid("file", "节假日安排文件不是有效的 JSON", rule: .cal1)
        }
        let problems = notice.problems()
        guard problems.isEmpty else {
            throw SunlightError.invalid("file", "节假日安排文件有误：" + problems.joined(separator: "；"), rule: .cal1)
        }
        return notice
    }

    /// Everything wrong with this notice, in Chinese; empty when it is valid.
    public func problems() -> [String] {
        var problems: [String] = []
        if !(2000...2100).contains(year) { problems.append("年份 \(year) 不在 2000–2100 之间") }
        if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("缺少来源（source），应写明通知名称和日期")
        }
        if holidays.isEmpty { problems.append("没有任何假期") }
        var holidayDays: [CivilDate: String] = [:]
        for holiday in holidays {
            if holiday.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("有假期缺少名称") }
            if holiday.from > holiday.to {
                problems.append("\(holiday.name) 的开始日期 \(holiday.from) 晚于结束日期 \(holiday.to)")
                continue
            }
            // 元旦 may begin on 31 December of the year before; everything else lies in the year.
            if holiday.to.year != year || holiday.from.year < year - 1 {
                problems.append("\(holiday.name)（\(holiday.from)–\(holiday.to)）不在 \(year) 年")
            }
            if holiday.from.days(until: holiday.to) > 15 {
                problems.append("\(holiday.name) 超过 15 天，请核对")
                continue
            }
            var day = holiday.from
            while day <= holiday.to {
                if let other = holidayDays[day] { problems.append("\(day) 同时属于 \(other) 和 \(holiday.name)") }
                holidayDays[day] = holiday.name
                day = day.adding(days: 1)
            }
        }
        var seen = Set<CivilDate>()
        for workday in workdays {
            if workday.year != year { problems.append("调休上班日 \(workday) 不在 \(year) 年") }
            if !workday.isWeekend { problems.append("调休上班日 \(workday) 是\(workday.chineseWeekday)，本来就是工作日") }
            if let name = holidayDays[workday] { problems.append("调休上班日 \(workday) 在 \(name) 假期内") }
            if !seen.insert(workday).inserted { problems.append("调休上班日 \(workday) 重复") }
        }
        return problems
    }
}

extension DecodingError {
    /// A short Chinese description of where decoding failed.
    public var sunlightDescription: String {
        func path(_ context: Context) -> String {
            context.codingPath.reduce(into: "") { text, key in
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
        }
        switch self {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return (parent.isEmpty ? "" : parent + " ") + "缺少字段 \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context)
            return field.isEmpty ? "内容类型不对" : "\(field) 类型不对"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "不是有效的 JSON" }
            // Our own decoders explain in Chinese; Foundation's explain in English and are not shown.
            let ours = context.debugDescription.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            return "\(path(context)) 的值无效" + (ours ? "：\(context.debugDescription)" : "")
        @unknown default:
            return "无法解析"
        }
    }
}
