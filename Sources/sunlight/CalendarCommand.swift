import ArgumentParser
import Foundation
import SunlightCore
import SunlightServer

/// `sunlight calendar load FILE` and `sunlight calendar list` (CAL-1).
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "节假日安排（工作日历）",
        subcommands: [Load.self, List.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "校验并加载一个年度的节假日安排（JSON，格式同 cn-2026.json）")

        @Argument(help: "节假日安排文件") var file: String

        func run() async throws {
            bootstrapLogging(.notice)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw fail(SunlightError.invalid("file", "无法读取文件 \(file)"))
            }
            let configuration = try ServerConfiguration.from()
            do {
                let notice = try await SunlightRuntime.withSunlight(configuration) { sunlight, _ in
                    try await sunlight.calendar.loadHolidayNotice(data, by: configuration.console)
                }
                print("已加载 \(notice.year) 年节假日安排：\(notice.source)（\(notice.holidays.count) 个假期，\(notice.workdays.count) 个调休上班日）")
            } catch let error as SunlightError {
                throw fail(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出已加载的年份")

        func run() async throws {
            bootstrapLogging(.notice)
            let configuration = try ServerConfiguration.from()
            let years = try await SunlightRuntime.withSunlight(configuration) { sunlight, _ in try await sunlight.calendar.calendarYears() }
            for year in years {
                print("\(year.year)  工作日 \(year.workingDayCount) 天  \(year.source)  [\(year.origin)]")
            }
        }
    }
}

/// `sunlight deadline --from 2026-09-30 --days 7 --unit working` → `2026-10-15` (CAL-2, CAL-3).
struct Deadline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "计算期限届满日（起算日当天不计入），输出 YYYY-MM-DD",
        discussion: "工作日不含法定节假日、含调休上班日；自然日期限的最后一日是休息日的，顺延至其后第一个工作日。日期超出已加载日历时退出码为 1。")

    @Option(help: "起算日（事件发生之日），YYYY-MM-DD") var from: String
    @Option(help: "期限天数") var days: Int
    @Option(help: "working（工作日）或 calendar（自然日）") var unit: String = "working"

    func run() async throws {
        bootstrapLogging(.error)
        do {
            guard let start = CivilDate(iso: from) else { throw SunlightError.invalid("from", "起算日格式应为 YYYY-MM-DD：\(from)") }
            guard let unit = PeriodUnit(rawValue: unit) else { throw SunlightError.invalid("unit", "单位应为 working 或 calendar：\(unit)") }
            let calendar = try await Self.calendar()
            print(try calendar.dueDate(from: start, Period(days, unit)).iso)
        } catch let error as SunlightError {
            throw fail(error)
        }
    }

    /// The shipped years plus any loaded into the configured database; a database that does
    /// not exist yet is not created just to answer.
    static func calendar() async throws -> WorkingDayCalendar {
        let configuration = try ServerConfiguration.from()
        if case .sqlite(let path) = configuration.store, !FileManager.default.fileExists(atPath: path) {
            return WorkingDayCalendar(ShippedCalendars.notices())
        }
        return try await SunlightRuntime.withSunlight(configuration) { sunlight, _ in try await sunlight.calendars.current() }
    }
}
