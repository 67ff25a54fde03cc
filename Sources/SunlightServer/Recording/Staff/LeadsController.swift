import Foundation
import SunlightCore
import Vapor

/// 线索登记 — the register of case leads with their check deadlines, the form that registers
/// one, and one lead's page with its history and the steps the reader may take: ask for the one
/// extension, approve it, propose or decide 不予立案, transfer, open the case (REC-18).
struct LeadsController {
    struct Row: Encodable { let id, number, organisation, source, receivedOn, summary, due, dueClass, dueText, status: String }
    struct ListPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let filter: String
        let filters: [Option]
        let sources, partyKinds: [Option]
        let today: String
        /// ``CaseLeadStart`` → allowed.
        let start: [String: Bool]
        let empty: Bool
        let problem: String?
    }
    struct Step: Encodable { let at, what, by, text: String }
    struct DetailPage: Encodable {
        let page: PageContext
        let id, number, organisation, source, receivedOn, summary, party, due, dueClass, dueText, status: String
        let caseID, caseNumber, complaints, extensionText, declineText, transferText: String
        /// ``CaseLeadAction`` → allowed now.
        let can: [String: Bool]
        let grounds, receivers: [Option]
        let steps: [Step]
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "leads", use: list)
        routes.post("staff", "leads", use: create)
        routes.get("staff", "leads", ":lead", use: detail)
        routes.post("staff", "leads", ":lead", "extend", use: extend)
        routes.post("staff", "leads", ":lead", "approve-extension", use: approveExtension)
        routes.post("staff", "leads", ":lead", "decline", use: decline)
        routes.post("staff", "leads", ":lead", "approve-decline", use: approveDecline)
        routes.post("staff", "leads", ":lead", "transfer", use: transfer)
    }

    @Sendable func list(_ request: Request) async throws -> Response { try await renderList(request, problem: nil) }

    func renderList(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let filter = request.query[String.self, at: "filter"].flatMap(CaseLeadFilter.init(rawValue:)) ?? .all
        let items = try await request.sunlight.cases.leads(filter, by: staff.actor)
        let calendar = try await request.sunlight.calendars.current()
        let rows = items.map { item in
            let lead = item.lead
            let badge = DeadlineBadge(item.state)
            return Row(id: lead.id.uuidString.lowercased(), number: lead.number, organisation: item.organisationName, source: lead.source.chineseName,
                       receivedOn: lead.receivedOn.iso, summary: String(lead.summary.prefix(60)), due: calendar.shown(lead.dueOn),
                       dueClass: lead.status.isOpen ? badge.cssClass : "done", dueText: lead.status.isOpen ? badge.text : lead.status.chineseName,
                       status: lead.status.chineseName)
        }
        let names: [CaseLeadFilter: String] = [.all: "全部", .open: "核查中", .overdue: "核查超期"]
        return try await Page.render("staff/cases/leads", ListPage(
            page: PageContext(request, title: "线索登记"), rows: rows, filter: filter.rawValue,
            filters: CaseLeadFilter.allCases.map { Option(value: $0.rawValue, label: names[$0] ?? $0.rawValue, checked: $0 == filter) },
            sources: CaseText.options(CaseLead.Source.self, \.chineseName), partyKinds: [CaseParty.Kind.person, .organisation].map { Option(value: $0.rawValue, label: $0.chineseName) },
            today: request.sunlight.clock.today.iso, start: Can.flags(CaseLeadStart.allowed(for: staff.actor)), empty: rows.isEmpty,
            problem: problem), on: request, status: status)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        do {
            guard let source = request.field("source").flatMap(CaseLead.Source.init(rawValue:)) else {
                throw SunlightError.invalid("source", "请选择线索来源", rule: .rec18)
            }
            let receivedOn = try request.dateField("receivedOn", "收到线索的日期", rule: .rec18)
            let lead = try await request.sunlight.cases.registerLead(NewCaseLead(
                source: source, receivedOn: receivedOn, summary: request.field("summary") ?? "",
                partyKind: request.field("partyKind").flatMap(CaseParty.Kind.init(rawValue:)), partyName: request.field("partyName")), by: staff.actor)
            return Page.redirect("/staff/leads/\(lead.id.uuidString.lowercased())", notice: "saved")
        } catch let error as SunlightError where error.belongsInForm {
            return try await renderList(request, problem: error.description, status: error.httpStatus)
        }
    }

    @Sendable func detail(_ request: Request) async throws -> Response { try await render(request, problem: nil) }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let detail = try await request.sunlight.cases.lead(try request.uuid("lead", "案件线索"), by: staff.actor)
        let lead = detail.lead
        let badge = DeadlineBadge(detail.state)
        func name(_ id: StaffUser.ID?) -> String { id.flatMap { detail.people[$0] } ?? "" }
        let states: [CaseLead.Extension.Status: String] = [.requested: "待负责人批准", .approved: "已批准", .refused: "不予批准"]
        let extensionText = lead.checkExtension.map { "申请延长 \($0.days) 个工作日（\($0.requestedOn.iso)）：\($0.reason)；\(states[$0.status] ?? "")" } ?? ""
        let declineText = lead.decline.map { "\($0.ground.chineseName)。\($0.reason)" } ?? ""
        let transferText = lead.transferredToName.map { "已移送\($0)" } ?? ""
        return try await Page.render("staff/cases/lead", DetailPage(
            page: PageContext(request, title: "案件线索 \(lead.number)"), id: lead.id.uuidString.lowercased(), number: lead.number,
            organisation: detail.organisation.name, source: lead.source.chineseName, receivedOn: lead.receivedOn.iso, summary: lead.summary,
            party: detail.party.map { "\(lead.partyKind?.chineseName ?? "")：\($0)" } ?? "未登记", due: try await request.sunlight.calendars.current().shown(lead.dueOn),
            dueClass: lead.status.isOpen ? badge.cssClass : "done", dueText: lead.status.isOpen ? badge.text : lead.status.chineseName,
            status: lead.status.chineseName, caseID: lead.caseID?.uuidString.lowercased() ?? "", caseNumber: detail.caseNumber ?? "",
            complaints: detail.complaintCodes.joined(separator: "、"), extensionText: extensionText, declineText: declineText, transferText: transferText,
            can: Can.flags(detail.actions), grounds: CaseText.options(CaseLead.DeclineGround.self, \.chineseName),
            receivers: detail.receivers.map { Option($0) },
            steps: lead.steps.map { Step(at: ChinaTime.minuteText($0.at), what: $0.action.chineseName, by: name($0.by), text: $0.text) },
            problem: problem), on: request, status: status)
    }

    @Sendable func extend(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            guard let days = request.field("days").flatMap({ Int($0) }) else { throw SunlightError.invalid("days", "请填写延长的工作日数（1–15）", rule: .rec18) }
            _ = try await request.sunlight.cases.requestLeadExtension(id, days: days, reason: request.field("reason") ?? "", by: actor)
        }
    }

    @Sendable func approveExtension(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            _ = try await request.sunlight.cases.decideLeadExtension(id, approve: request.field("approve") == "yes", note: request.field("note") ?? "", by: actor)
        }
    }

    @Sendable func decline(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            guard let ground = request.field("ground").flatMap(CaseLead.DeclineGround.init(rawValue:)) else {
                throw SunlightError.invalid("ground", "请选择不予立案的理由类别", rule: .rec18)
            }
            _ = try await request.sunlight.cases.declineLead(id, ground: ground, reason: request.field("reason") ?? "", by: actor)
        }
    }

    @Sendable func approveDecline(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            _ = try await request.sunlight.cases.decideLeadDecline(id, approve: request.field("approve") == "yes", note: request.field("note") ?? "", by: actor)
        }
    }

    @Sendable func transfer(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            _ = try await request.sunlight.cases.transferLead(id, to: request.field("organisation").flatMap(UUID.init(uuidString:)),
                                                              recipient: request.field("recipient"), reason: request.field("reason") ?? "", by: actor)
        }
    }

    func act(_ request: Request, _ work: (UUID, Actor) async throws -> Void) async throws -> Response {
        let id = try request.uuid("lead", "案件线索")
        return try await Page.submit(request, to: "/staff/leads/\(id.uuidString.lowercased())", { try await work(id, $0) }) {
            try await render(request, problem: $0, status: $1)
        }
    }
}
