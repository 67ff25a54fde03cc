import Foundation
import SunlightCore
import Vapor

/// 协调事项 — disputes, assistance requests, approval links, decided items and accountability
/// records: the list with clocks, each matter's steps and the forms to raise and advance them
/// (SUP-3, SUP-7, SUP-11, SUP-12, SUP-13).
struct CoordinationController {
    struct Row: Encodable {
        let id, kind, subject, from, to, status, due: String
        let overdue, open: Bool
    }
    struct ListPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let kinds: [Option]
        let kind: String
        let departments, towns, organisations, assistanceKinds: [Option]
        /// ``CoordinationStart`` → allowed.
        let start: [String: Bool]
        let problem: String?
    }
    struct StepView: Encodable { let action, on, by, option, text: String }
    struct ActionForm: Encodable { let action, label, prompt: String; let minText, maxText: Int; let options: [String]; let choose: Bool }
    struct DetailPage: Encodable {
        let page: PageContext
        let id, kind, rule, subject, details, from, to, coordinator, reference, link, person, option, status, due, created: String
        let overdue: Bool
        let steps: [StepView]
        let actions: [ActionForm]
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "coordination", use: list)
        routes.post("staff", "coordination", "disputes", use: dispute)
        routes.post("staff", "coordination", "assistance", use: assistance)
        routes.post("staff", "coordination", "accountability", use: accountability)
        routes.get("staff", "coordination", ":matter", use: show)
        routes.post("staff", "coordination", ":matter", "steps", use: advance)
    }

    @Sendable func list(_ request: Request) async throws -> Response { try await renderList(request, problem: nil) }

    func renderList(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let kind = request.query[String.self, at: "kind"].flatMap(CoordinationMatter.Kind.init(rawValue:))
        let desk = try await sunlight.supervision.coordinationDesk(kind: kind, by: actor)
        let today = sunlight.clock.today
        let rows = desk.items.map { item in
            let m = item.matter
            return Row(id: m.id.uuidString.lowercased(), kind: m.kind.chineseName, subject: m.subject, from: item.raiser, to: item.counterpart,
                       status: m.status.chineseName, due: m.dueOn?.iso ?? "", overdue: m.isOverdue(today: today), open: m.status.isOpen)
        }
        func choices(_ start: CoordinationStart) -> [Option] { (desk.candidates[start] ?? []).map { Option($0) } }
        return try await Page.render("staff/coordination/list", ListPage(
            page: PageContext(request, title: "协调事项"), rows: rows,
            kinds: CaseText.options(CoordinationMatter.Kind.self, \.chineseName), kind: kind?.rawValue ?? "",
            departments: choices(.dispute), towns: choices(.assistance), organisations: choices(.accountability),
            assistanceKinds: CoordinationFlow.assistanceKinds.map { Option(value: $0, label: $0) },
            start: Can.flags(desk.start), problem: problem), on: request, status: status)
    }

    @Sendable func show(_ request: Request) async throws -> Response { try await renderDetail(request, problem: nil) }

    func renderDetail(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let detail = try await sunlight.supervision.coordinationMatterDetail(try request.uuid("matter", "协调事项"), by: actor)
        let (matter, names) = (detail.matter, detail.names)
        func name(_ id: Organisation.ID?) -> String { id.flatMap { names[$0] } ?? "" }
        var steps: [StepView] = []
        for step in matter.steps {
            steps.append(StepView(action: step.action.chineseName, on: ChinaTime.minuteText(step.at), by: "\(step.byName)（\(name(step.organisationID))）",
                                  option: step.option ?? "", text: step.text))
        }
        let actions = detail.steps.map {
            ActionForm(action: $0.action.rawValue, label: $0.action.chineseName, prompt: $0.prompt, minText: $0.text.lowerBound,
                       maxText: $0.text.upperBound, options: $0.options, choose: !$0.options.isEmpty)
        }
        return try await Page.render("staff/coordination/matter", DetailPage(
            page: PageContext(request, title: matter.subject), id: matter.id.uuidString.lowercased(), kind: matter.kind.chineseName,
            rule: matter.kind.rule.legalBasis ?? "", subject: matter.subject, details: matter.details, from: name(matter.organisationID),
            to: name(matter.counterpartID), coordinator: name(matter.coordinatorID), reference: matter.reference ?? "",
            link: matter.link ?? "", person: matter.responsiblePerson ?? "", option: matter.option ?? "", status: matter.status.chineseName,
            due: matter.dueOn?.iso ?? "", created: matter.createdOn.iso, overdue: matter.isOverdue(today: sunlight.clock.today),
            steps: steps, actions: actions, problem: problem), on: request, status: status)
    }

    @Sendable func dispute(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.applyForDisputeCoordination(against: try organisation(request, "respondent"), subject: request.field("subject") ?? "",
                                                                      details: request.field("details") ?? "", consultation: request.field("consultation") ?? "",
                                                                      by: actor)
        }
    }

    @Sendable func assistance(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.requestAssistance(from: try organisation(request, "helper"), kind: request.field("kind") ?? "",
                                                            subject: request.field("subject") ?? "", details: request.field("details") ?? "", by: actor)
        }
    }

    @Sendable func accountability(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.recordAccountability(of: try organisation(request, "organisation"), person: request.field("person") ?? "",
                                                               fault: request.field("fault") ?? "", basis: request.field("basis") ?? "", by: actor)
        }
    }

    @Sendable func advance(_ request: Request) async throws -> Response {
        let id = try request.uuid("matter", "协调事项")
        return try await Page.submit(request, to: "/staff/coordination/\(id.uuidString.lowercased())", { actor in
            guard let action = request.field("action").flatMap(CoordinationMatter.Action.init(rawValue:)) else {
                throw SunlightError.invalid("action", "未知的办理步骤", rule: .sup3)
            }
            _ = try await request.sunlight.supervision.advanceCoordination(id, action, text: request.field("text") ?? "", option: request.field("option"), by: actor)
        }) { try await renderDetail(request, problem: $0, status: $1) }
    }

    func organisation(_ request: Request, _ key: String) throws -> Organisation.ID {
        guard let id = request.field(key).flatMap(UUID.init(uuidString:)) else { throw SunlightError.invalid(key, "请选择机构", rule: .sup3) }
        return id
    }

    func act(_ request: Request, _ work: (Actor) async throws -> Void) async throws -> Response {
        try await Page.submit(request, to: "/staff/coordination", work) { try await renderList(request, problem: $0, status: $1) }
    }
}
