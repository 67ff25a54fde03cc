import Foundation
import SunlightCore
import Vapor

/// 监督工作台 — the ranking of organisations by open overdue items, with a chart (SUP-4).
struct SupervisorDashboardController {
    struct Row: Encodable {
        let rank: Int
        let name: String
        let overdue, cases, publications, complaints, reviews, rectifications, coordination, leads, openComplaints: Int
    }
    struct DashboardPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let total: Int
        let chart: String
        let today: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "supervision", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let dashboard = try await request.sunlight.supervision.supervisorDashboard(by: staff.actor)
        let rows = dashboard.rows.enumerated().map { index, row in
            Row(rank: index + 1, name: row.organisation.name, overdue: row.overdue, cases: row.overdueCases, publications: row.overduePublications,
                complaints: row.overdueComplaints, reviews: row.overdueReviews, rectifications: row.overdueRectifications, coordination: row.overdueCoordination,
                leads: row.overdueLeads, openComplaints: row.openComplaints)
        }
        let chart = BarChartSVG.render(id: "chart-overdue", title: "各机构超期未办结事项",
                                       bars: dashboard.rows.filter { $0.overdue > 0 }.map {
                                           BarChartSVG.Bar(label: $0.organisation.name, value: Double($0.overdue), text: "\($0.overdue) 项")
                                       })
        return try await Page.render("staff/supervision/dashboard", DashboardPage(
            page: PageContext(request, title: "监督工作台"), rows: rows, total: dashboard.totalOverdue, chart: chart, today: dashboard.today.iso), on: request)
    }
}
