import Foundation
import SunlightCore
import Vapor

/// 年度统计报告 — the draft of an organisation's annual enforcement statistics report, printable,
/// to publish before 31 January (PUB-12).
struct AnnualReportController {
    struct Row: Encodable { let category: String; let opened, decided, closed: Int }
    struct ReportPage: Encodable {
        let page: PageContext
        let organisation, organisationID, due: String
        let year: Int
        let paragraphs: [String]
        let rows: [Row]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "annual-report", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let today = request.sunlight.clock.today
        // In January the report due is last year's.
        let year = request.query[Int.self, at: "year"] ?? (today.month == 1 ? today.year - 1 : today.year)
        guard let organisationID = request.query[String.self, at: "o"].flatMap(UUID.init(uuidString:)) ?? staff.actor.organisation?.id else {
            throw SunlightError.notFound("机构")
        }
        let report = try await request.sunlight.publicity.annualReport(of: organisationID, year: year, by: staff.actor)
        return try await Page.render("staff/publicity/annual-report", ReportPage(
            page: PageContext(request, title: "\(year) 年度行政执法数据统计报告"), organisation: report.organisation.name,
            organisationID: organisationID.uuidString.lowercased(), due: report.dueOn.iso, year: year, paragraphs: report.paragraphs,
            rows: report.rows.map { Row(category: $0.category.chineseName, opened: $0.opened, decided: $0.decided, closed: $0.closed) }), on: request)
    }
}
