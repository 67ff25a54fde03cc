import Foundation
import SunlightCore
import Vapor

/// 审批监管衔接路由 — the administrator decides which supervising department receives an approving
/// organisation's permit decisions (SUP-12).
struct ApprovalRoutesController {
    struct Row: Encodable {
        let id, from, to, keyword: String
        let active: Bool
        /// ``ApprovalRouteAction`` → allowed now.
        let can: [String: Bool]
    }
    struct RoutesPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let organisations: [Option]
        /// ``ApprovalRouteStart`` → allowed.
        let start: [String: Bool]
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "coordination", "routes", use: list)
        routes.post("staff", "coordination", "routes", use: add)
        routes.post("staff", "coordination", "routes", ":route", "retire", use: retire)
    }

    @Sendable func list(_ request: Request) async throws -> Response { try await render(request, problem: nil) }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let desk = try await sunlight.supervision.approvalRouteDesk(by: actor)
        return try await Page.render("staff/coordination/routes", RoutesPage(
            page: PageContext(request, title: "审批监管衔接路由"),
            rows: desk.items.map { Row(id: $0.route.id.uuidString.lowercased(), from: $0.approving, to: $0.supervising,
                                       keyword: $0.route.keyword ?? "（全部许可决定）", active: $0.route.active, can: Can.flags($0.actions)) },
            organisations: desk.organisations.map { Option($0) },
            start: Can.flags(desk.start), problem: problem), on: request, status: status)
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            guard let from = request.field("from").flatMap(UUID.init(uuidString:)), let to = request.field("to").flatMap(UUID.init(uuidString:)) else {
                throw SunlightError.invalid("from", "请选择审批机关和监管部门", rule: .sup12)
            }
            _ = try await request.sunlight.supervision.addApprovalRoute(from: from, to: to, keyword: request.field("keyword") ?? "", by: actor)
        }
    }

    @Sendable func retire(_ request: Request) async throws -> Response {
        try await act(request) { actor in _ = try await request.sunlight.supervision.retireApprovalRoute(try request.uuid("route", "衔接路由"), by: actor) }
    }

    func act(_ request: Request, _ work: (Actor) async throws -> Void) async throws -> Response {
        try await Page.submit(request, to: "/staff/coordination/routes", work) { try await render(request, problem: $0, status: $1) }
    }
}
