import Foundation
import SunlightCore
import Vapor

/// 年度统计报告 — the draft of an organisation's annual enforcement statistics report, printable,
/// and its published versions; a head publishes it, or a correction, before 31 January (PUB-12).
struct AnnualReportController {
    struct Row: Encodable { let category: String; let opened, decided, closed: Int }
    struct VersionRow: Encodable { let version: Int; let publishedOn, publishedBy, timeliness: String; let correction: String? }
    struct ReportPage: Encodable {
        let page: PageContext
        let organisation, organisationID, due: String
        let year: Int
        let paragraphs: [String]
        let rows: [Row]
        let versions: [VersionRow]
        let published: Bool
        /// ``AnnualReportAction`` → allowed now.
        let can: [String: Bool]
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "annual-report", use: show)
        routes.post("staff", "annual-report", "publish", use: publish)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, problem: nil, status: .ok)
    }

    @Sendable func publish(_ request: Request) async throws -> Response {
        let (organisationID, year) = try target(request)
        let correction = request.content[String.self, at: "correction"] ?? ""
        return try await Page.submit(request, to: "/staff/annual-report?o=\(organisationID.uuidString.lowercased())&year=\(year)", { actor in
            _ = try await request.sunlight.publicity.publishAnnualReport(of: organisationID, year: year, correction: correction, by: actor)
        }) { try await render(request, problem: $0, status: $1) }
    }

    /// The organisation and year asked for: by default one's own, and in January last year's.
    func target(_ request: Request) throws -> (Organisation.ID, Int) {
        let staff = try request.requireStaff()
        let today = request.sunlight.clock.today
        let year = request.query[Int.self, at: "year"] ?? request.content[Int.self, at: "year"] ?? (today.month == 1 ? today.year - 1 : today.year)
        guard let organisationID = (request.query[String.self, at: "o"] ?? request.content[String.self, at: "o"]).flatMap(UUID.init(uuidString:))
            ?? staff.actor.organisation?.id else {
            throw SunlightError.notFound("机构")
        }
        return (organisationID, year)
    }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus) async throws -> Response {
        let staff = try request.requireStaff()
        let (organisationID, year) = try target(request)
        let publicity = request.sunlight.publicity
        let report = try await publicity.annualReport(of: organisationID, year: year, by: staff.actor)
        let versions = try await publicity.publishedAnnualReports(of: organisationID).filter { $0.year == year }
        return try await Page.render("staff/publicity/annual-report", ReportPage(
            page: PageContext(request, title: "\(year) 年度行政执法数据统计报告"), organisation: report.organisation.name,
            organisationID: organisationID.uuidString.lowercased(), due: report.dueOn.iso, year: year, paragraphs: report.paragraphs,
            rows: report.rows.map { Row(category: $0.category.chineseName, opened: $0.opened, decided: $0.decided, closed: $0.closed) },
            versions: versions.map(Self.versionRow), published: !versions.isEmpty,
            can: Can.flags(try await publicity.annualReportActions(of: organisationID, year: year, by: staff.actor)), problem: problem), on: request, status: status)
    }

    static func versionRow(_ report: PublishedAnnualReport) -> VersionRow {
        VersionRow(version: report.version, publishedOn: report.publishedOn.iso, publishedBy: report.publishedBy, timeliness: report.timelinessText,
                   correction: report.correction)
    }
}
