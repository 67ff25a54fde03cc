import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 网上巡查 — the supervisor runs the quarterly inspection of publicity from a button (a GET
/// form: running it changes nothing but the access log) and gets the report as a page or CSV (SUP-5).
struct PublicityInspectionController {
    struct FindingRow: Encodable { let kind, rule, detail, link: String }
    struct OrganisationRow: Encodable {
        let name: String
        let count: Int
        let findings: [FindingRow]
    }
    struct ReportPage: Encodable {
        let page: PageContext
        let quarter, quarterName, asOf: String
        let ran: Bool
        let total: Int
        let organisations: [OrganisationRow]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "supervision", "inspect-publicity", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let today = request.sunlight.clock.today
        let previous = today.month <= 3 ? "\(today.year - 1)Q4" : "\(today.year)Q\((today.month - 1) / 3)"
        let text = request.query[String.self, at: "quarter"] ?? ""
        guard !text.isEmpty else {
            return try await Page.render("staff/supervision/inspect-publicity", ReportPage(
                page: PageContext(request, title: "网上巡查"), quarter: previous, quarterName: "", asOf: "", ran: false, total: 0, organisations: []), on: request)
        }
        guard let quarter = Quarter(text) else { throw SunlightError.invalid("quarter", "季度格式应为 2026Q3", rule: .sup5) }
        let report = try await request.sunlight.supervision.inspectPublicity(quarter, by: staff.actor)
        if request.query[String.self, at: "format"] == "csv" {
            return request.csvResponse(CSV.document(report.table(url: Links.url(for:))), filename: "网上巡查\(quarter).csv")
        }
        return try await Page.render("staff/supervision/inspect-publicity", ReportPage(
            page: PageContext(request, title: "网上巡查 \(quarter.chineseName)"), quarter: quarter.description, quarterName: quarter.chineseName,
            asOf: report.asOf.iso, ran: true, total: report.findingCount,
            organisations: report.organisations.map { o in
                OrganisationRow(name: o.organisation.name, count: o.findings.count,
                                findings: o.findings.map { FindingRow(kind: $0.kind.chineseName, rule: $0.rule.legalBasis ?? "", detail: $0.detail, link: $0.link.map(Links.url(for:)) ?? "") })
            }), on: request)
    }
}
