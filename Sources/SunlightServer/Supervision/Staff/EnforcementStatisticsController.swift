import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 执法统计 — decisions per organisation by the six categories and major decisions, for a period;
/// a page with a chart, and CSV (SUP-6).
struct EnforcementStatisticsController {
    struct Row: Encodable {
        let name: String
        let counts: [Int]
        let total, major, fines: Int
    }
    struct StatisticsPage: Encodable {
        let page: PageContext
        let from, to: String
        let categories: [String]
        let rows: [Row]
        let chart: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "supervision", "statistics", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let today = request.sunlight.clock.today
        let statistics = try await request.sunlight.supervision.enforcementStatistics(
            from: try request.queryDate("from", rule: .sup6) ?? CivilDate(year: today.year, month: 1, day: 1)!,
            to: try request.queryDate("to", rule: .sup6) ?? today, by: staff.actor)
        if request.query[String.self, at: "format"] == "csv" {
            return request.csvResponse(CSV.document(statistics.table), filename: "执法统计\(statistics.from.iso)至\(statistics.to.iso).csv")
        }
        let chart = BarChartSVG.render(id: "chart-decisions", title: "各机构作出的执法决定", bars: statistics.rows.filter { $0.total > 0 }.map {
            BarChartSVG.Bar(label: $0.organisation.name, value: Double($0.total), text: "\($0.total) 件")
        })
        return try await Page.render("staff/supervision/statistics", StatisticsPage(
            page: PageContext(request, title: "执法统计"), from: statistics.from.iso, to: statistics.to.iso,
            categories: EnforcementStatistics.categories.map(\.chineseName),
            rows: statistics.rows.map { row in
                Row(name: row.organisation.name, counts: EnforcementStatistics.categories.map { row.counts[$0] ?? 0 }, total: row.total,
                    major: row.majorDecisions, fines: row.fines)
            }, chart: chart), on: request)
    }
}
