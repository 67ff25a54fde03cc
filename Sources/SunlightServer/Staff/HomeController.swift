import SunlightCore
import Vapor

/// 我的待办 — the staff home page: tasks and deadlines, and a deadline calculator (CAL-3).
struct HomeController {
    struct TaskRow: Encodable {
        let title, detail, due, stateClass, stateText: String
        let link, rule: String?
    }

    struct Calculator: Encodable {
        var from = ""
        var days = ""
        var working = true
        var calendar = false
        var due: String?
        var stateClass = ""
        var stateText = ""
        var explanation = ""
        var error: String?
    }

    struct HomePage: Encodable {
        let page: PageContext
        let tasks: [TaskRow]
        let hasTasks: Bool
        let calc: Calculator
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", use: home)
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let calendar = try await request.sunlight.calendars.current()
        let tasks = try await request.sunlight.tasks(for: staff.actor).map { task in
            let badge = DeadlineBadge(task.state)
            return TaskRow(title: task.title, detail: task.detail, due: calendar.shown(task.due), stateClass: badge.cssClass,
                           stateText: badge.text, link: task.link.map(Links.url(for:)), rule: task.rule?.legalBasis)
        }
        return try await Page.render("staff/home", HomePage(
            page: PageContext(request, title: "我的待办"), tasks: tasks, hasTasks: !tasks.isEmpty,
            calc: try await calculate(request)), on: request)
    }

    /// Answers the calculator form (a GET, so it works without JavaScript and can be bookmarked).
    private func calculate(_ request: Request) async throws -> Calculator {
        var calc = Calculator()
        calc.from = request.query[String.self, at: "from"] ?? request.sunlight.clock.today.iso
        calc.days = request.query[String.self, at: "days"] ?? ""
        let unit = request.query[String.self, at: "unit"].flatMap(PeriodUnit.init(rawValue:)) ?? .workingDays
        calc.working = unit == .workingDays
        calc.calendar = unit == .calendarDays
        guard !calc.days.isEmpty else { return calc }
        guard let from = CivilDate(iso: calc.from) else { calc.error = "起算日格式应为 YYYY-MM-DD"; return calc }
        guard let days = Int(calc.days) else { calc.error = "期限应为整数天数"; return calc }
        do {
            let answer = try await request.sunlight.calendar.deadline(from: from, Period(days, unit))
            let badge = DeadlineBadge(answer.state)
            calc.due = "\(answer.due.iso)（\(answer.due.chineseWeekday)）"
            calc.stateClass = badge.cssClass
            calc.stateText = badge.text
            calc.explanation = "自 \(from.chinese) 次日起算 \(answer.period)" +
                (answer.workingDaysLeft.map { $0 >= 0 ? "，距今还有 \($0) 个工作日" : "，已逾期 \(-$0) 个工作日" } ?? "")
        } catch let error as SunlightError {
            calc.error = error.description
        }
        return calc
    }
}
