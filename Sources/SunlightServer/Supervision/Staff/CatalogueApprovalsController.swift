import Foundation
import SunlightCore
import Vapor

/// 目录审批 — the catalogue versions the supervising justice bureau approves or returns with a
/// reason; a version is not in force until approved, and never before the next working day (REV-10).
struct CatalogueApprovalsController {
    struct RuleRow: Encodable { let code, title, conditions, source: String; let statutory, collective: Bool }
    struct Row: Encodable {
        let id, organisation, version, requestedOn, submittedBy, submittedAt, note, status, statusClass, decision: String
        let rules: [RuleRow]
        /// ``CatalogueApprovalAction`` → allowed now.
        let can: [String: Bool]
    }
    struct ApprovalsPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let empty: Bool
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "supervision", "catalogues", use: list)
        routes.post("staff", "supervision", "catalogues", ":approval", "approve", use: approve)
        routes.post("staff", "supervision", "catalogues", ":approval", "return", use: returnVersion)
    }

    @Sendable func list(_ request: Request) async throws -> Response { try await render(request, problem: nil) }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try request.requireStaff().actor
        let desk = try await request.sunlight.reviews.catalogueApprovalDesk(by: actor)
        let rows = desk.map { item in
            let a = item.approval
            let decision = [a.decidedBy, a.decidedOn.map { "于 \($0.iso)" }, a.effectiveOn.map { "自 \($0.iso) 起施行" }, a.reason.map { "意见：\($0)" }]
                .compactMap { $0 }.joined(separator: " ")
            return Row(id: a.id.uuidString.lowercased(), organisation: item.organisation.name, version: "第 \(a.version) 版", requestedOn: a.requestedOn.iso,
                       submittedBy: a.submittedBy, submittedAt: ChinaTime.minuteText(a.createdAt), note: item.catalogue.note,
                       status: a.status.chineseName, statusClass: a.status.rawValue, decision: decision,
                       rules: item.catalogue.rules.map { rule in
                           RuleRow(code: rule.code, title: rule.title, conditions: rule.conditions.filter { $0 != "须集体讨论" }.joined(separator: "；"),
                                   source: rule.source, statutory: item.catalogue.isStatutory(rule), collective: rule.collectiveDiscussion)
                       },
                       can: Can.flags(item.actions))
        }
        return try await Page.render("staff/supervision/catalogues", ApprovalsPage(page: PageContext(request, title: "重大执法决定目录审批"), rows: rows,
                                                                                  empty: rows.isEmpty, problem: problem), on: request, status: status)
    }

    @Sendable func approve(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.reviews.approveCatalogue(try request.uuid("approval", "目录审批"), note: request.field("note") ?? "", by: actor)
        }
    }

    @Sendable func returnVersion(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.reviews.returnCatalogue(try request.uuid("approval", "目录审批"), reason: request.field("reason") ?? "", by: actor)
        }
    }

    func act(_ request: Request, _ work: (Actor) async throws -> Void) async throws -> Response {
        try await Page.submit(request, to: "/staff/supervision/catalogues", work) { try await render(request, problem: $0, status: $1) }
    }
}
