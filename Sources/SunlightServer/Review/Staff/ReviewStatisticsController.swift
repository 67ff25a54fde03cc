import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 法制审核统计 — per organisation, of the rounds submitted in a period: decisions, rounds,
/// reviewed, approved, pass rate, mean working days to the opinion, pending and overdue; the
/// table as CSV with a BOM for Excel (REV-5).
struct ReviewStatisticsController {
    struct RowView: Encodable {
        let key, label, passRate, meanDays: String
        let decisions, rounds, reviewed, approved, pending, overdue: Int
        let organisation: Bool

        init(_ row: ReviewStatistics.Row) {
            key = row.key
            label = row.label
            decisions = row.decisions
            rounds = row.rounds
            reviewed = row.reviewed
            approved = row.approved
            pending = row.pending
            overdue = row.overdue
            passRate = row.passRate.map { String(format: "%.1f%%", $0) } ?? "—"
            meanDays = row.meanWorkingDays.map { String(format: "%.1f", $0) } ?? "—"
            organisation = row.key != "all"
        }
    }

    struct StatisticsPage: Encodable {
        let page: PageContext
        let from, to, csvQuery: String
        let error: String?
        let rows: [RowView]
        let total: RowView
        let empty: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "reviews", "statistics", use: show)
        routes.get("staff", "reviews", "statistics.csv", use: csv)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let (fromText, toText) = CaseStatisticsController.period(request)
        var error: String?
        var statistics: ReviewStatistics
        do {
            statistics = try await Self.compute(request, from: fromText, to: toText, by: staff.actor)
        } catch let refusal as SunlightError where refusal.belongsInForm {
            error = refusal.description
            let today = request.sunlight.clock.today
            statistics = try await request.sunlight.reviews.reviewStatistics(from: CaseStatisticsController.startOfYear(today), to: today, by: staff.actor)
        }
        return try await Page.render("staff/review/statistics", StatisticsPage(
            page: ReviewText.page(request, title: "法制审核统计"), from: error == nil ? statistics.from.iso : fromText,
            to: error == nil ? statistics.to.iso : toText, csvQuery: "?from=\(statistics.from.iso)&to=\(statistics.to.iso)", error: error,
            rows: statistics.byOrganisation.map(RowView.init), total: RowView(statistics.total), empty: statistics.byOrganisation.isEmpty),
                                     on: request, status: error == nil ? .ok : .badRequest)
    }

    /// The table as CSV, UTF-8 with BOM (`ReviewStatistics.csv`).
    @Sendable func csv(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let (from, to) = CaseStatisticsController.period(request)
        let statistics = try await Self.compute(request, from: from, to: to, by: staff.actor)
        return request.csvResponse(CSV.document(statistics.table), filename: "法制审核统计-\(statistics.from.iso)-\(statistics.to.iso).csv")
    }

    static func compute(_ request: Request, from: String, to: String, by actor: Actor) async throws -> ReviewStatistics {
        guard let start = CivilDate(iso: from) else { throw SunlightError.invalid("from", "开始日期应为 YYYY-MM-DD", rule: .rev5) }
        guard let end = CivilDate(iso: to) else { throw SunlightError.invalid("to", "结束日期应为 YYYY-MM-DD", rule: .rev5) }
        return try await request.sunlight.reviews.reviewStatistics(from: start, to: end, by: actor)
    }
}
