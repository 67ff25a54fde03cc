import Foundation
import SunlightCore
import Vapor

/// 案件移送 — transfers from and to the organisation with their clocks, the forms to decide a
/// transfer or report a suspected crime, and each next step (SUP-2).
struct TransfersController {
    struct Row: Encodable {
        let id, kind, caseNumber, recipient, status, reason, clock, overdue, copies, outcome: String
        let police: Bool
        /// ``TransferAction`` → allowed now.
        let can: [String: Bool]
    }
    struct TransfersPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let cases, organisations, officers, attachments: [Option]
        /// ``TransferStart`` → allowed.
        let start: [String: Bool]
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "transfers", use: list)
        routes.post("staff", "transfers", "organisation", use: toOrganisation)
        routes.post("staff", "transfers", "crime", use: crime)
        routes.post("staff", "transfers", ":transfer", "decide", use: decide)
        routes.post("staff", "transfers", ":transfer", "send", use: send)
        routes.post("staff", "transfers", ":transfer", "outcome", use: outcome)
        routes.post("staff", "transfers", ":transfer", "object", use: object)
    }

    @Sendable func list(_ request: Request) async throws -> Response { try await render(request, problem: nil) }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let actor = staff.actor
        let sunlight = request.sunlight
        let desk = try await sunlight.supervision.transferDesk(by: actor)
        let rows = desk.items.map { item in
            let t = item.transfer
            let clock = [t.decideBy.map { "决定期限 \($0.iso)" }, t.sendByDate.map { "移送期限 \($0.iso)" }, t.sendByTime.map { "移送期限 \(ChinaTime.minuteText($0))" },
                         t.policeDecideBy.map { "公安机关决定期限 \($0.iso)" }, t.objectBy.map { "复议期限 \($0.iso)" }].compactMap { $0 }.joined(separator: "；")
            return Row(id: t.id.uuidString.lowercased(), kind: t.kind.chineseName, caseNumber: item.caseNumber, recipient: t.recipient,
                       status: t.status.chineseName, reason: t.refusalReason.map { "不批准理由：\($0)" } ?? t.reason, clock: clock,
                       overdue: t.overdue(now: sunlight.clock.now, today: sunlight.clock.today) ?? "", copies: t.copiesTo.joined(separator: "、"),
                       outcome: t.outcome ?? "", police: t.kind == .police, can: Can.flags(item.actions))
        }
        return try await Page.render("staff/supervision/transfers", TransfersPage(
            page: PageContext(request, title: "案件移送"), rows: rows,
            cases: desk.openCases.map { Option(value: $0.id.uuidString.lowercased(), label: "\($0.number) \($0.title)") },
            organisations: desk.receivers.map { Option($0) },
            officers: desk.colleagues.map(Option.init),
            attachments: CaseText.options(CaseTransfer.Attachment.self, \.chineseName),
            start: Can.flags(desk.start), problem: problem), on: request, status: status)
    }

    @Sendable func toOrganisation(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            guard let caseID = request.field("case").flatMap(UUID.init(uuidString:)), let to = request.field("organisation").flatMap(UUID.init(uuidString:)) else {
                throw SunlightError.invalid("case", "请选择案件和接收机关", rule: .sup2)
            }
            _ = try await request.sunlight.supervision.decideOrganisationTransfer(case: caseID, to: to, reason: request.field("reason") ?? "",
                                                                      urgent: request.field("urgent") == "yes", by: actor)
        }
    }

    @Sendable func crime(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            guard let caseID = request.field("case").flatMap(UUID.init(uuidString:)) else { throw SunlightError.invalid("case", "请选择案件", rule: .sup2) }
            _ = try await request.sunlight.supervision.reportSuspectedCrime(case: caseID, officers: [request.field("officer").flatMap(UUID.init(uuidString:))].compactMap { $0 },
                                                                facts: request.field("facts") ?? "", police: request.field("police") ?? "", by: actor)
        }
    }

    @Sendable func decide(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.decideCrimeTransfer(try request.uuid("transfer", "案件移送"), approve: request.field("approve") == "yes",
                                                               reason: request.field("reason") ?? "", by: actor)
        }
    }

    @Sendable func send(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            let chosen = (try? request.content.get([String].self, at: "attachments")) ?? []
            _ = try await request.sunlight.supervision.sendTransfer(try request.uuid("transfer", "案件移送"),
                                                        attachments: Set(chosen.compactMap(CaseTransfer.Attachment.init(rawValue:))), by: actor)
        }
    }

    @Sendable func outcome(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            let on = try request.dateField("on", "日期", rule: .sup2)
            _ = try await request.sunlight.supervision.recordTransferOutcome(try request.uuid("transfer", "案件移送"), accepted: request.field("accepted") == "yes",
                                                                 outcome: request.field("outcome") ?? "", on: on, by: actor)
        }
    }

    @Sendable func object(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.objectToTransferRefusal(try request.uuid("transfer", "案件移送"), objection: request.field("objection") ?? "", by: actor)
        }
    }

    func act(_ request: Request, _ work: (Actor) async throws -> Void) async throws -> Response {
        try await Page.submit(request, to: "/staff/transfers", work) { try await render(request, problem: $0, status: $1) }
    }
}
