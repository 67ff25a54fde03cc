import Foundation
import SunlightCore
import Vapor

/// 投诉举报台账 — the ledger of complaints for the organisation (and, for the justice bureau,
/// every organisation below it) with their deadlines; one complaint with the complainant's
/// contact (logged read), its history and the steps: assign or hand over, take (supervisor),
/// answer, close (SUP-1).
struct ComplaintsController {
    struct Row: Encodable { let id, code, subject, received, handling, receivedOn, due, dueClass, dueText, status: String }
    struct ListPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let empty: Bool
    }
    struct Step: Encodable { let at, what, note: String }
    struct DetailPage: Encodable {
        let page: PageContext
        let id, code, subject, description, location, channel, receivedBy, handledBy, receivedOn, due, dueClass, dueText, status, feedback: String
        let contact: [Option]
        let anonymous, open, answered: Bool
        /// ``ComplaintAction`` → allowed now.
        let can: [String: Bool]
        let handlers, organisations: [Option]
        let steps: [Step]
        let problem: String?
        /// 案件线索 it became (REC-18), what the reader may start (``CaseLeadStart``) and the open leads it may join.
        var leads: [Option] = []
        var leadStart: [String: Bool] = [:]
        var openLeads: [Option] = []
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "complaints", use: list)
        routes.get("staff", "complaints", ":complaint", use: detail)
        routes.post("staff", "complaints", ":complaint", "assign", use: assign)
        routes.post("staff", "complaints", ":complaint", "take", use: take)
        routes.post("staff", "complaints", ":complaint", "answer", use: answer)
        routes.post("staff", "complaints", ":complaint", "close", use: close)
        routes.post("staff", "complaints", ":complaint", "lead", use: lead)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let sunlight = request.sunlight
        let items = try await sunlight.supervision.complaintList(by: staff.actor)
        let calendar = try await sunlight.calendars.current()
        let rows = items.map { item in
            let c = item.complaint
            let badge = DeadlineBadge(c.isOpen ? sunlight.calendar.state(of: c.dueOn, calendar: calendar) : nil)
            return Row(id: c.id.uuidString.lowercased(), code: c.trackingCode, subject: c.subject, received: item.receivedBy,
                       handling: item.handledBy, receivedOn: c.receivedOn.iso, due: calendar.shown(c.dueOn, none: ""),
                       dueClass: c.isOpen ? badge.cssClass : "done", dueText: c.isOpen ? badge.text : c.status.chineseName, status: c.status.chineseName)
        }
        return try await Page.render("staff/supervision/complaints", ListPage(page: PageContext(request, title: "投诉举报"), rows: rows, empty: rows.isEmpty), on: request)
    }

    @Sendable func detail(_ request: Request) async throws -> Response {
        try await render(request, problem: nil)
    }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let sunlight = request.sunlight
        let detail = try await sunlight.supervision.complaint(try request.uuid("complaint", "投诉举报"), by: staff.actor)
        let c = detail.complaint
        let calendar = try await sunlight.calendars.current()
        let badge = DeadlineBadge(sunlight.calendar.state(of: c.dueOn, calendar: calendar))
        let organisations = detail.actions.contains(.assign)
            ? try await sunlight.organisations.publicOrganisationTree().nodes.map { Option($0.organisation) } : []
        let steps = detail.events.map { step in
            Step(at: ChinaTime.minuteText(step.event.at), what: step.event.kind.chineseName + (step.by.map { "（\($0)）" } ?? ""), note: step.event.note ?? "")
        }
        let labels = ["name": "姓名", "phone": "电话", "email": "电子邮箱"]
        var page = DetailPage(
            page: PageContext(request, title: "投诉举报 \(c.trackingCode)"), id: c.id.uuidString.lowercased(), code: c.trackingCode, subject: c.subject,
            description: c.description, location: c.location ?? "", channel: c.channel.chineseName, receivedBy: detail.receivedBy.name,
            handledBy: detail.handledBy.name, receivedOn: c.receivedOn.iso, due: calendar.shown(c.dueOn),
            dueClass: c.isOpen ? badge.cssClass : "done", dueText: c.isOpen ? badge.text : c.status.chineseName, status: c.status.chineseName,
            feedback: c.feedback ?? "",
            contact: ["name", "phone", "email"].compactMap { key in detail.contact[key].map { Option(value: labels[key]!, label: $0) } },
            anonymous: c.anonymous, open: c.isOpen, answered: c.status == .answered,
            can: Can.flags(detail.actions), handlers: detail.handlers.map(Option.init), organisations: organisations, steps: steps, problem: problem)
        page.leads = detail.leads.map { Option(value: $0.id.uuidString.lowercased(), label: "\($0.number)（\($0.status.chineseName)）") }
        page.leadStart = Can.flags(detail.leadStart)
        page.openLeads = detail.openLeads.map { Option(value: $0.id.uuidString.lowercased(), label: "\($0.number) \($0.summary.prefix(30))") }
        return try await Page.render("staff/supervision/complaint", page, on: request, status: status)
    }

    /// 反映违法行为 — the complaint becomes a case lead or joins an open one (REC-18).
    @Sendable func lead(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            _ = try await request.sunlight.cases.leadFromComplaint(id, joining: request.field("lead").flatMap(UUID.init(uuidString:)), by: actor)
        }
    }

    @Sendable func assign(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            let organisation = request.field("organisation").flatMap(UUID.init(uuidString:))
            let handler = request.field("handler").flatMap(UUID.init(uuidString:))
            _ = try await request.sunlight.supervision.assignComplaint(id, to: organisation, handler: handler,
                                                           note: request.field("note") ?? "", by: actor)
        }
    }

    @Sendable func take(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            _ = try await request.sunlight.supervision.takeComplaint(id, note: request.field("note") ?? "", by: actor)
        }
    }

    @Sendable func answer(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            _ = try await request.sunlight.supervision.answerComplaint(id, feedback: request.field("feedback") ?? "", by: actor)
        }
    }

    @Sendable func close(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in _ = try await request.sunlight.supervision.closeComplaint(id, by: actor) }
    }

    func act(_ request: Request, _ work: (UUID, Actor) async throws -> Void) async throws -> Response {
        let id = try request.uuid("complaint", "投诉举报")
        return try await Page.submit(request, to: "/staff/complaints/\(id.uuidString.lowercased())", { try await work(id, $0) }) {
            try await render(request, problem: $0, status: $1)
        }
    }
}
