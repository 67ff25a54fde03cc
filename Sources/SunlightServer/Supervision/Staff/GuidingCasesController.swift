import Foundation
import SunlightCore
import Vapor

/// 指导案例 — departments nominate closed cases for the year, the bureau reviews and publishes the
/// accepted ones; the count per department against the yearly minimum (SUP-10).
struct GuidingCasesController {
    struct Row: Encodable {
        let id, title, organisation, caseNumber, category, year, reasons, summary, status, opinion: String
        let published: Bool
        /// ``GuidingCaseAction`` → allowed now.
        let can: [String: Bool]
    }
    struct Quota: Encodable { let organisation: String; let count: Int; let short: Bool }
    struct GuidingPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let quotas: [Quota]
        let year: Int
        let minimum: Int
        let cases, reasons: [Option]
        let years: [Int]
        let canNominate: Bool
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "guiding-cases", use: list)
        routes.post("staff", "guiding-cases", use: nominate)
        routes.post("staff", "guiding-cases", ":nomination", "review", use: review)
        routes.post("staff", "guiding-cases", ":nomination", "publish", use: publish)
    }

    @Sendable func list(_ request: Request) async throws -> Response { try await render(request, problem: nil) }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let desk = try await sunlight.supervision.guidingCaseDesk(by: actor)
        let today = sunlight.clock.today
        let rows = desk.items.map { item in
            let n = item.nomination
            return Row(id: n.id.uuidString.lowercased(), title: n.title, organisation: item.organisationName, caseNumber: n.caseNumber,
                       category: n.category.chineseName, year: "\(n.year)", reasons: n.reasons.joined(separator: "、"), summary: n.summary,
                       status: n.status.chineseName, opinion: n.reviewOpinion ?? "", published: n.status == .published, can: Can.flags(item.actions))
        }
        let quotas = desk.quotas.map { Quota(organisation: $0.organisation.name, count: $0.count, short: $0.count < GuidingCase.yearlyMinimum) }
        return try await Page.render("staff/supervision/guiding-cases", GuidingPage(
            page: PageContext(request, title: "行政执法指导案例"), rows: rows, quotas: quotas, year: desk.year, minimum: GuidingCase.yearlyMinimum,
            cases: desk.nominable.map { Option(value: $0.id.uuidString.lowercased(), label: "\($0.number) \($0.title)（\(desk.names[$0.organisationID] ?? "")）") },
            reasons: GuidingCase.reasons.map { Option(value: $0, label: $0) }, years: [today.year, today.year - 1],
            canNominate: !desk.nominable.isEmpty, problem: problem), on: request, status: status)
    }

    @Sendable func nominate(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            guard let caseID = request.field("case").flatMap(UUID.init(uuidString:)), let year = request.field("year").flatMap(Int.init) else {
                throw SunlightError.invalid("case", "请选择案件和年度", rule: .sup10)
            }
            _ = try await request.sunlight.supervision.nominateGuidingCase(case: caseID, year: year, title: request.field("title") ?? "",
                                                              reasons: (try? request.content.get([String].self, at: "reasons")) ?? [],
                                                              summary: request.field("summary") ?? "", by: actor)
        }
    }

    @Sendable func review(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.reviewGuidingCase(try request.uuid("nomination", "指导案例"), accept: request.field("accept") == "yes",
                                                            opinion: request.field("opinion") ?? "", by: actor)
        }
    }

    @Sendable func publish(_ request: Request) async throws -> Response {
        try await act(request) { actor in _ = try await request.sunlight.supervision.publishGuidingCase(try request.uuid("nomination", "指导案例"), by: actor) }
    }

    func act(_ request: Request, _ work: (Actor) async throws -> Void) async throws -> Response {
        try await Page.submit(request, to: "/staff/guiding-cases", work) { try await render(request, problem: $0, status: $1) }
    }
}
