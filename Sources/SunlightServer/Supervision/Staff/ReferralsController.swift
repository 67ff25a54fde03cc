import Foundation
import SunlightCore
import Vapor

/// 监察执纪衔接 — cases whose penalised party is a Party member or public official, with the
/// 10-working-day clock from closing and the referral form for the head (SUP-9).
struct ReferralsController {
    struct Row: Encodable {
        let caseID, number, title, organisation, closedOn, due, dueClass, dueText, referred: String
        /// ``ReferralAction`` → allowed now.
        let can: [String: Bool]
    }
    struct ReferralsPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let empty: Bool
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "supervision", "referrals", use: list)
        routes.post("staff", "supervision", "referrals", ":case", use: refer)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, problem: nil)
    }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let sunlight = request.sunlight
        let items = try await sunlight.supervision.referralDesk(by: staff.actor)
        let calendar = try await sunlight.calendars.current()
        let rows = items.map { item in
            let o = item.obligation
            let badge = DeadlineBadge(o.referral == nil ? sunlight.calendar.state(of: o.dueOn, calendar: calendar) : nil)
            return Row(caseID: o.enforcementCase.id.uuidString.lowercased(), number: o.enforcementCase.number, title: o.enforcementCase.title,
                       organisation: o.organisationName, closedOn: o.closedOn.iso, due: o.dueOn?.iso ?? "日历未加载",
                       dueClass: o.referral == nil ? badge.cssClass : "done", dueText: o.referral == nil ? badge.text : (o.late ? "逾期移送" : "已移送"),
                       referred: o.referral.map { "\($0.referredOn.iso) 移送\($0.recipient)：\($0.note)" } ?? "",
                       can: Can.flags(item.actions))
        }
        return try await Page.render("staff/supervision/referrals", ReferralsPage(page: PageContext(request, title: "移送纪检监察"), rows: rows,
                                                                                 empty: rows.isEmpty, problem: problem), on: request, status: status)
    }

    @Sendable func refer(_ request: Request) async throws -> Response {
        try await Page.submit(request, to: "/staff/supervision/referrals", { actor in
            _ = try await request.sunlight.supervision.referToDiscipline(case: try request.uuid("case", "案件"),
                                                             recipient: request.field("recipient") ?? "",
                                                             note: request.field("note") ?? "", by: actor)
        }) { try await render(request, problem: $0, status: $1) }
    }
}
