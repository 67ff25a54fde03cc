import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 案件统计 — counts and durations of the cases opened in a period, by category, organisation,
/// month and stage, with bar charts drawn on the server and the tables as CSV (REC-12).
struct CaseStatisticsController {
    struct RowView: Encodable {
        let label: String
        let opened, running, decided, closed, terminated, overdue: Int
        let meanDecision, meanClose: String

        init(_ row: CaseStatistics.Row) {
            label = row.label
            opened = row.opened
            running = row.running
            decided = row.decided
            closed = row.closed
            terminated = row.terminated
            overdue = row.overdue
            meanDecision = row.meanDaysToDecision.map(Self.days) ?? "—"
            meanClose = row.meanDaysToClose.map(Self.days) ?? "—"
        }

        static func days(_ value: Double) -> String { String(format: "%.1f", value) }
    }

    struct StageView: Encodable { let category, stage, meanDays: String; let current, completed: Int }
    struct Chart: Encodable { let svg: String }

    struct StatisticsPage: Encodable {
        let page: PageContext
        let from, to, csvQuery: String
        let error: String?
        let total: RowView
        let byCategory, byOrganisation, byMonth: [RowView]
        let byStage: [StageView]
        let charts: [Chart]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "cases", "statistics", use: show)
        routes.get("staff", "cases", "statistics.csv", use: csv)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let (fromText, toText) = Self.period(request)
        var error: String?
        var statistics: CaseStatistics
        do {
            statistics = try await Self.compute(request, from: fromText, to: toText, by: staff.actor)
        } catch let refusal as SunlightError where refusal.belongsInForm {
            error = refusal.description
            let today = request.sunlight.clock.today
            statistics = try await request.sunlight.cases.caseStatistics(from: Self.startOfYear(today), to: today, by: staff.actor)
        }
        let charts = [
            BarChartSVG.render(id: "chart-category", title: "按执法类别：立案数",
                               bars: statistics.byCategory.map { BarChartSVG.Bar(label: $0.label, value: Double($0.opened), text: "\($0.opened) 件") }),
            BarChartSVG.render(id: "chart-month", title: "按月份：立案数",
                               bars: statistics.byMonth.map { BarChartSVG.Bar(label: $0.label, value: Double($0.opened), text: "\($0.opened) 件") }),
            BarChartSVG.render(id: "chart-decision", title: "按执法类别：平均决定用时（日）",
                               bars: statistics.byCategory.compactMap { row in
                                   row.meanDaysToDecision.map { BarChartSVG.Bar(label: row.label, value: $0, text: RowView.days($0) + " 日") }
                               }),
            BarChartSVG.render(id: "chart-stage", title: "各环节在办案件数",
                               bars: statistics.byStage.filter { $0.current > 0 }.map {
                                   BarChartSVG.Bar(label: "\($0.category.chineseName)·\($0.stage.name)", value: Double($0.current), text: "\($0.current) 件")
                               }),
        ]
        return try await Page.render("staff/cases/statistics", StatisticsPage(
            page: CaseText.page(request, title: "案件统计"), from: error == nil ? statistics.from.iso : fromText,
            to: error == nil ? statistics.to.iso : toText,
            csvQuery: "?from=\(statistics.from.iso)&to=\(statistics.to.iso)", error: error, total: RowView(statistics.total),
            byCategory: statistics.byCategory.map(RowView.init), byOrganisation: statistics.byOrganisation.map(RowView.init),
            byMonth: statistics.byMonth.map(RowView.init),
            byStage: statistics.byStage.map {
                StageView(category: $0.category.chineseName, stage: $0.stage.name, meanDays: $0.meanDays.map(RowView.days) ?? "—",
                          current: $0.current, completed: $0.completed)
            },
            charts: charts.map(Chart.init)), on: request, status: error == nil ? .ok : .badRequest)
    }

    /// The tables as CSV, UTF-8 with BOM (`CaseStatistics.csv`).
    @Sendable func csv(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let (from, to) = Self.period(request)
        let statistics = try await Self.compute(request, from: from, to: to, by: staff.actor)
        return request.csvResponse(CSV.document(statistics.table), filename: "案件统计-\(statistics.from.iso)-\(statistics.to.iso).csv")
    }

    /// The period asked for; by default this year up to today.
    static func period(_ request: Request) -> (String, String) {
        let today = request.sunlight.clock.today
        let from = request.query[String.self, at: "from"].flatMap { $0.isEmpty ? nil : $0 } ?? startOfYear(today).iso
        let to = request.query[String.self, at: "to"].flatMap { $0.isEmpty ? nil : $0 } ?? today.iso
        return (from, to)
    }

    static func startOfYear(_ date: CivilDate) -> CivilDate { CivilDate(year: date.year, month: 1, day: 1)! }

    static func compute(_ request: Request, from: String, to: String, by actor: Actor) async throws -> CaseStatistics {
        guard let start = CivilDate(iso: from) else { throw SunlightError.invalid("from", "开始日期应为 YYYY-MM-DD", rule: .rec12) }
        guard let end = CivilDate(iso: to) else { throw SunlightError.invalid("to", "结束日期应为 YYYY-MM-DD", rule: .rec12) }
        return try await request.sunlight.cases.caseStatistics(from: start, to: end, by: actor)
    }
}
