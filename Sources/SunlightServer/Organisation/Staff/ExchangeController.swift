import Foundation
import SunlightCore
import Vapor

/// 数据交换 — the administrator's view of the push to the upper-level platform (PUB-10,
/// PUB-13): what is waiting, what fails and why, a button to retry now; and the publication
/// policy per category (PUB-6).
struct ExchangeController {
    struct MessageRow: Encodable {
        let id, kind, subject, createdAt, status, statusClass, attempts, nextAttempt, lastError, deliveredAt: String
        let pending: Bool
    }

    struct PolicyRow: Encodable {
        let category, name: String
        let workingDays: Int
        let exemptWarnings, exemptSimple, penalty: Bool
    }

    struct ExchangePage: Encodable {
        let page: PageContext
        let upstream: String
        let pending, failing, delivered: Int
        let messages: [MessageRow]
        let policies: [PolicyRow]
        let pendingOnly: Bool
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "admin", "exchange", use: show)
        routes.post("staff", "admin", "exchange", ":message", "retry", use: retry)
        routes.post("staff", "admin", "exchange", "policy", use: savePolicy)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, problem: nil)
    }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let pendingOnly = request.query[String.self, at: "pending"] == "1"
        let overview = try await request.sunlight.publicity.outboxOverview(pendingOnly: pendingOnly, by: staff.actor)
        let rows = overview.messages.map { m in
            MessageRow(id: m.id.uuidString.lowercased(), kind: m.kind.chineseName, subject: m.subject, createdAt: ChinaTime.secondText(m.createdAt),
                       status: m.status == .pending && m.lastError != nil ? "推送失败，等待重试" : m.status.chineseName,
                       statusClass: m.status == .delivered ? "on_time" : (m.lastError != nil ? "overdue" : "due_soon"),
                       attempts: String(m.attempts), nextAttempt: m.status == .pending ? ChinaTime.secondText(m.nextAttemptAt) : "",
                       lastError: m.lastError ?? "", deliveredAt: m.deliveredAt.map(ChinaTime.secondText) ?? "", pending: m.status == .pending)
        }
        let policies = try await request.sunlight.publicity.publicationPolicies().map {
            PolicyRow(category: $0.category.rawValue, name: $0.category.chineseName, workingDays: $0.workingDays,
                      exemptWarnings: $0.exemptWarnings, exemptSimple: $0.exemptSimple, penalty: $0.category == .penalty)
        }
        return try await Page.render("admin/exchange", ExchangePage(
            page: PageContext(request, title: "数据交换"), upstream: request.application.sunlightUpstreamDescription,
            pending: overview.pending, failing: overview.failing, delivered: overview.delivered, messages: rows, policies: policies,
            pendingOnly: pendingOnly, problem: problem), on: request, status: status)
    }

    @Sendable func retry(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        try await request.sunlight.publicity.retryOutboxMessage(try request.uuid("message", "推送消息"), by: staff.actor)
        return Page.redirect("/staff/admin/exchange", notice: "outbox_retry")
    }

    @Sendable func savePolicy(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        do {
            guard let category = (try? request.content.get(String.self, at: "category")).flatMap(EnforcementCategory.init(rawValue:)) else {
                throw SunlightError.invalid("category", "未知的执法类别", rule: .pub6)
            }
            guard let days = (try? request.content.get(String.self, at: "workingDays")).flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw SunlightError.invalid("workingDays", "公开期限应为整数个工作日", rule: .pub6)
            }
            let yes: (String) -> Bool = { key in (try? request.content.get(String.self, at: key)) == "yes" }
            try await request.sunlight.publicity.savePublicationPolicy(
                PublicationPolicy(category: category, workingDays: days, exemptWarnings: yes("exemptWarnings"), exemptSimple: yes("exemptSimple")),
                by: staff.actor)
            return Page.redirect("/staff/admin/exchange", notice: "saved")
        } catch let error as SunlightError where error.belongsInForm {
            return try await render(request, problem: error.description, status: error.httpStatus)
        }
    }
}
