import Foundation
import SunlightCore
import Vapor

/// 监督文书 — notices, opinions and decisions with their rectification deadlines (SUP-4): the
/// supervisor issues and checks; the department's head reports; an unresolved notice escalates.
struct InstrumentsController {
    struct Row: Encodable {
        let id, kind, number, organisation, issuedOn, rectifyBy, status, findings, requirement, report, checkNote: String
        let overdue: Bool
        /// ``InstrumentAction`` → allowed now.
        let can: [String: Bool]
    }
    struct InstrumentsPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let organisations: [Option]
        let canIssue: Bool
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "supervision", "instruments", use: list)
        routes.post("staff", "supervision", "instruments", use: issue)
        routes.post("staff", "supervision", "instruments", ":instrument", "report", use: report)
        routes.post("staff", "supervision", "instruments", ":instrument", "check", use: check)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, problem: nil)
    }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let actor = staff.actor
        let sunlight = request.sunlight
        let desk = try await sunlight.supervision.instrumentDesk(by: actor)
        let today = sunlight.clock.today
        return try await Page.render("staff/supervision/instruments", InstrumentsPage(
            page: PageContext(request, title: "监督文书"),
            rows: desk.items.map { item in
                let i = item.instrument
                return Row(id: i.id.uuidString.lowercased(), kind: i.kind.chineseName, number: i.number, organisation: item.organisationName,
                           issuedOn: i.issuedOn.iso, rectifyBy: i.rectifyBy.iso, status: i.status.chineseName, findings: i.findings, requirement: i.requirement,
                           report: i.report ?? "", checkNote: i.checkNote ?? "", overdue: i.isOpen && i.isOverdue(today: today), can: Can.flags(item.actions))
            },
            organisations: desk.issuableTo.map { Option($0) }, canIssue: !desk.issuableTo.isEmpty,
            problem: problem), on: request, status: status)
    }

    @Sendable func issue(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            guard let organisation = request.field("organisation").flatMap(UUID.init(uuidString:)) else { throw SunlightError.invalid("organisation", "请选择被监督的机构", rule: .sup4) }
            let rectifyBy = try request.dateField("rectifyBy", "整改期限", rule: .sup4)
            _ = try await request.sunlight.supervision.issueSupervisionInstrument(to: organisation, findings: request.field("findings") ?? "", requirement: request.field("requirement") ?? "",
                                                                      rectifyBy: rectifyBy, evidence: request.field("evidence") ?? "",
                                                                      follows: request.field("follows").flatMap(UUID.init(uuidString:)), by: actor)
        }
    }

    @Sendable func report(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.reportRectification(try request.uuid("instrument", "监督文书"),
                                                               report: request.field("report") ?? "", by: actor)
        }
    }

    @Sendable func check(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.checkRectification(try request.uuid("instrument", "监督文书"),
                                                              accepted: request.field("accepted") == "yes",
                                                              note: request.field("note") ?? "", by: actor)
        }
    }

    func act(_ request: Request, _ work: (Actor) async throws -> Void) async throws -> Response {
        try await Page.submit(request, to: "/staff/supervision/instruments", work) { try await render(request, problem: $0, status: $1) }
    }
}
