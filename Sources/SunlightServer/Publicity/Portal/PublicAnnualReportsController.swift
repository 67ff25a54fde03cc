import Foundation
import SunlightCore
import Vapor

/// 年度行政执法数据报告 on the portal (PUB-12): every published version of every organisation's
/// report, each with its publication date and whether it met 31 January of the next year.
struct PublicAnnualReportsController {
    struct Version: Encodable {
        let organisation, publishedOn, timeliness: String
        let year, version: Int
        let onTime: Bool
        let correction: String?
        let paragraphs: [String]
    }
    struct ListPage: Encodable {
        let page: PageContext
        let reports: [Version]
    }
    struct ReportOut: Content {
        let id: UUID
        let organisationId: UUID
        let organisation: String
        let year, version: Int
        let publishedOn, dueOn: CivilDate
        let onTime: Bool
        let correction: String?
        let paragraphs: [String]

        init(_ report: PublishedAnnualReport, organisation: String) {
            id = report.id
            organisationId = report.organisationID
            self.organisation = organisation
            year = report.year
            version = report.version
            publishedOn = report.publishedOn
            dueOn = report.dueOn
            onTime = report.onTime
            correction = report.correction
            paragraphs = report.paragraphs
        }
    }

    func register(_ app: Application) {
        app.get("annual-reports", use: list)
        app.get("api", "v1", "public", "annual-reports", use: apiList)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let reports = try await request.sunlight.publicity.publishedAnnualReports()
        return try await Page.render("portal/annual-reports", ListPage(page: PageContext(request, title: "年度行政执法数据报告"), reports: reports.map { report, organisation in
            Version(organisation: organisation, publishedOn: report.publishedOn.iso, timeliness: report.timelinessText, year: report.year,
                    version: report.version, onTime: report.onTime, correction: report.correction, paragraphs: report.paragraphs)
        }), on: request)
    }

    @Sendable func apiList(_ request: Request) async throws -> API.ListOut<ReportOut> {
        API.ListOut(items: try await request.sunlight.publicity.publishedAnnualReports().map { ReportOut($0.report, organisation: $0.organisation) })
    }
}
