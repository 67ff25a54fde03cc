import Foundation
import SunlightCore
import Vapor

/// 公示门户的监督信息 — published guiding cases (SUP-10) and assessment results, self-assessments
/// and officer evaluations (SUP-8).
struct PublicSupervisionController {
    struct CaseRow: Encodable { let id, title, organisation, category, year, publishedOn, reasons: String }
    struct CasesPage: Encodable { let page: PageContext; let rows: [CaseRow] }
    struct CasePage: Encodable { let page: PageContext; let row: CaseRow; let text, opinion: String }
    struct RatingRow: Encodable { let organisation, year, total, grade, approval, publishedOn: String }
    struct FilingRow: Encodable { let organisation, kind, period, filedOn, text: String; let officers: [String] }
    struct AssessmentsPage: Encodable { let page: PageContext; let ratings: [RatingRow]; let filings: [FilingRow] }

    func register(_ app: Application) {
        app.get("guiding-cases", use: cases)
        app.get("guiding-cases", ":case", use: guidingCase)
        app.get("assessments", use: assessments)
    }

    func names(_ request: Request) async throws -> [Organisation.ID: String] {
        Dictionary(try await request.sunlight.organisations.publicOrganisationTree().nodes.map { ($0.organisation.id, $0.organisation.name) }, uniquingKeysWith: { a, _ in a })
    }

    func row(_ c: GuidingCase, _ names: [Organisation.ID: String]) -> CaseRow {
        CaseRow(id: c.id.uuidString.lowercased(), title: c.portalTitle, organisation: names[c.organisationID] ?? "", category: c.category.chineseName,
                year: "\(c.year)", publishedOn: c.publishedOn?.iso ?? "", reasons: c.reasons.joined(separator: "、"))
    }

    @Sendable func cases(_ request: Request) async throws -> Response {
        let names = try await names(request)
        return try await Page.render("portal/guiding-cases", CasesPage(page: PageContext(request, title: "行政执法指导案例"),
                                                                  rows: try await request.sunlight.supervision.publishedGuidingCases().map { row($0, names) }), on: request)
    }

    @Sendable func guidingCase(_ request: Request) async throws -> Response {
        let found = try await request.sunlight.supervision.publishedGuidingCase(try request.uuid("case", "指导案例"))
        return try await Page.render("portal/guiding-case", CasePage(page: PageContext(request, title: found.portalTitle), row: row(found, try await names(request)),
                                                                  text: found.publishedText ?? "", opinion: found.reviewOpinion ?? ""), on: request)
    }

    @Sendable func assessments(_ request: Request) async throws -> Response {
        let names = try await names(request)
        let (ratings, filings) = try await request.sunlight.supervision.publicAssessments()
        return try await Page.render("portal/assessments", AssessmentsPage(
            page: PageContext(request, title: "考核评价公开"),
            ratings: ratings.map { RatingRow(organisation: names[$0.organisationID] ?? "", year: "\($0.year)", total: OrganisationAssessment.pointsText($0.totalTenths),
                                             grade: $0.grade.chineseName, approval: $0.approval ?? "", publishedOn: $0.publishedOn?.iso ?? "") },
            filings: filings.map { FilingRow(organisation: names[$0.organisationID] ?? "", kind: $0.kind.chineseName, period: $0.period, filedOn: $0.filedOn.iso,
                                             text: $0.text, officers: $0.officers.map { "\($0.name)：\($0.grade.chineseName)" }) }), on: request)
    }
}
