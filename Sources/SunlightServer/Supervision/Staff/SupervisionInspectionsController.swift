import Foundation
import SunlightCore
import Vapor

/// 监督检查 — the bureau's inspections of the listed kinds, each with what it found and the notices
/// issued from it (SUP-4).
struct SupervisionInspectionsController {
    struct Row: Encodable {
        let id, method, organisation, title, period, scope, assessor, findings, notices: String
        let problems: Bool
        /// ``InspectionAction`` → allowed now.
        let can: [String: Bool]
    }
    struct InspectionsPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let methods, organisations: [Option]
        let canRecord: Bool
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "supervision", "inspections", use: list)
        routes.post("staff", "supervision", "inspections", use: record)
        routes.post("staff", "supervision", "inspections", ":inspection", "notice", use: notify)
    }

    @Sendable func list(_ request: Request) async throws -> Response { try await render(request, problem: nil) }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let desk = try await sunlight.supervision.inspectionDesk(by: actor)
        let rows = desk.items.map { item in
            let i = item.inspection
            return Row(id: i.id.uuidString.lowercased(), method: i.method.chineseName, organisation: item.organisationName, title: i.title,
                       period: i.from == i.to ? i.from.iso : "\(i.from.iso) 至 \(i.to.iso)", scope: i.scope, assessor: i.assessor ?? "", findings: i.findings,
                       notices: item.notices.joined(separator: "、"), problems: i.problemsFound, can: Can.flags(item.actions))
        }
        return try await Page.render("staff/supervision/inspections", InspectionsPage(
            page: PageContext(request, title: "监督检查"), rows: rows,
            methods: CaseText.options(SupervisionInspection.Method.self, \.chineseName),
            organisations: desk.inspectable.map { Option($0) }, canRecord: !desk.inspectable.isEmpty,
            problem: problem), on: request, status: status)
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            guard let method = request.field("method").flatMap(SupervisionInspection.Method.init(rawValue:)),
                  let organisation = request.field("organisation").flatMap(UUID.init(uuidString:)) else {
                throw SunlightError.invalid("method", "请选择监督方式和被检查单位", rule: .sup4)
            }
            _ = try await request.sunlight.supervision.recordSupervisionInspection(
                method, of: organisation, title: request.field("title") ?? "", from: try request.dateField("from", "开始日期", rule: .sup4),
                to: try request.dateField("to", "结束日期", rule: .sup4), scope: request.field("scope") ?? "", findings: request.field("findings") ?? "",
                problemsFound: request.field("problems") == "yes", assessor: request.field("assessor"), by: actor)
        }
    }

    @Sendable func notify(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.notifyFromInspection(try request.uuid("inspection", "监督检查记录"), requirement: request.field("requirement") ?? "",
                                                               rectifyBy: try request.dateField("rectifyBy", "整改期限", rule: .sup4), by: actor)
        }
    }

    func act(_ request: Request, _ work: (Actor) async throws -> Void) async throws -> Response {
        try await Page.submit(request, to: "/staff/supervision/inspections", work) { try await render(request, problem: $0, status: $1) }
    }
}
