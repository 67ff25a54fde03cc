import SunlightCore
import SunlightRendering
import Vapor

/// 访问日志 — who read or changed what, when, from where (REC-11), for administrators and
/// supervisors; also as CSV.
struct AccessLogController {
    struct EntryRow: Encodable {
        let at, actor, channel, action, resource, summary, address: String
    }

    struct LogPage: Encodable {
        let page: PageContext
        let entries: [EntryRow]
        let count: Int
        let actions: [Option]
        let selectedAction: String
        let csvQuery: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "access-log", use: show)
        routes.get("staff", "access-log.csv", use: csv)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let action = request.query[String.self, at: "action"] ?? ""
        let rows = try await rows(request, limit: 300)
        return try await Page.render("staff/access-log", LogPage(
            page: PageContext(request, title: "访问日志"), entries: rows, count: rows.count, actions: Options.actions,
            selectedAction: action, csvQuery: action.isEmpty ? "" : "?action=\(action)"), on: request)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let rows = try await rows(request, limit: 5000)
        let text = CSV.document(header: ["时间", "操作人", "渠道", "操作", "对象", "说明", "来源地址"],
                                rows: rows.map { [$0.at, $0.actor, $0.channel, $0.action, $0.resource, $0.summary, $0.address] })
        return request.csvResponse(text, filename: "访问日志.csv")
    }

    private func rows(_ request: Request, limit: Int) async throws -> [EntryRow] {
        let staff = try request.requireStaff()
        let action = request.query[String.self, at: "action"].flatMap(AccessLogEntry.Action.init(rawValue:))
        return try await request.sunlight.access.accessLog(AccessLogQuery(organisationPaths: [], action: action, limit: limit), by: staff.actor)
            .map { entry in
                EntryRow(at: ChinaTime.secondText(entry.at), actor: entry.actorName, channel: entry.channel.chineseName,
                         action: entry.action.chineseName, resource: entry.resourceType + (entry.resourceID.map { " \($0.prefix(8))" } ?? ""),
                         summary: entry.summary, address: entry.address.orDash)
            }
    }
}
