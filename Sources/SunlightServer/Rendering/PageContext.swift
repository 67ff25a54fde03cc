import SunlightCore
import Vapor

/// What every staff and portal page needs: title, the logged-in person, the CSRF token for
/// its forms, the navigation they may use, and a one-line notice after a change.
struct PageContext: Encodable {
    struct Me: Encodable {
        let name: String
        let username: String
        let organisation: String
        let roles: String
    }

    struct Nav: Encodable {
        let administrator: Bool
        let supervisor: Bool
        let accessLog: Bool
        /// 法制审核 — legal reviewers, heads and supervisors (REV-4, REV-7, REV-9).
        let review: Bool
        /// 节假日 — the installation's administrator only (CAL-1).
        let calendar: Bool
    }

    let title: String
    let csrf: String?
    let me: Me?
    let nav: Nav?
    let notice: String?
    let today: String

    init(_ request: Request, title: String, notice: String? = nil) {
        self.title = title
        let staff = request.staff
        self.csrf = staff?.session.csrfToken ?? request.anonymousCSRFToken
        if let actor = staff?.actor, let user = actor.user {
            self.me = Me(name: user.displayName, username: user.username, organisation: actor.organisation?.name ?? "",
                         roles: user.sortedRoles.map(\.chineseName).joined(separator: "、"))
            let desks = DeskPermissions(actor: actor).allowed
            self.nav = Nav(administrator: desks.contains(.administer), supervisor: desks.contains(.supervise),
                           accessLog: desks.contains(.readAccessLog), review: desks.contains(.review),
                           calendar: desks.contains(.loadCalendar))
        } else {
            self.me = nil
            self.nav = nil
        }
        self.notice = notice ?? request.query[String.self, at: "notice"].flatMap { Notices.text[$0] }
        let today = request.application.sunlight.clock.today
        self.today = "\(today.chinese) \(today.chineseWeekday)"
    }
}

/// The fixed messages shown after a change (`?notice=saved`), so no session state is needed
/// for post–redirect–get.
enum Notices {
    static let text: [String: String] = [
        "saved": "已保存。",
        "decision_published": "已公开。公开内容与决定书原件的哈希已记入防篡改日志，并已排入上级平台推送队列（依据《中华人民共和国政府信息公开条例》第十四条、第十五条、国办发〔2018〕118号）。",
        "change_reported": "已登记决定变更：请在 3 个工作日内撤下（依据《中华人民共和国行政处罚法》第四十八条第二款）。",
        "decision_withdrawn": "已撤下。公开页面保留并标明撤下及理由，撤下消息已排入上级平台推送队列（依据《中华人民共和国行政处罚法》第四十八条第二款、国办发〔2018〕118号）。",
        "outbox_retry": "已安排立即重试。",
        "created": "已新增。",
        "revoked": "令牌已吊销，立即失效。",
        "password": "密码已修改，所有已登录的会话均已退出，请用新密码重新登录。",
        "password_reset": "密码已重置，该用户的所有登录会话已结束。",
        "calendar_loaded": "节假日安排已加载并立即生效。",
        "certificate_added": "执法证已登记。",
        "logged_out": "您已安全退出。",
        "evidence_recorded": "文件已保存并记录，其 SHA-256 已写入防篡改日志。",
        "list_drafted": "已提交，待公示管理员审核后公示。",
        "list_imported": "已导入，全部条目待公示管理员审核后公示。",
        "list_published": "已审核并公示。",
        "list_rejected": "已退回起草人。",
        "review_recorded": "年度审验已登记。",
        "certificate_revoked": "执法证已注销，公示页面即时显示为“已注销”。",
        "training_recorded": "培训记录已登记。",
    ]
}

/// Rendering helpers for HTML pages.
enum Page {
    /// Renders a Leaf template as an HTML response that caches must not keep.
    static func render(_ template: String, _ context: some Encodable, on request: Request,
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = try await request.view.render(template, context)
        let response = try await view.encodeResponse(for: request)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// A staff form's action: runs `work` as the logged-in staff member; on success a 303 to
    /// `success` saying it was saved; a refusal that belongs in the form re-renders the page with
    /// it (`render` gets the message and the status).
    static func submit(_ request: Request, to success: String, _ work: (Actor) async throws -> Void,
                       render: (String, HTTPResponseStatus) async throws -> Response) async throws -> Response {
        let staff = try request.requireStaff()
        do {
            try await work(staff.actor)
            return redirect(success, notice: "saved")
        } catch let error as SunlightError where error.belongsInForm {
            return try await render(error.description, error.httpStatus)
        }
    }

    /// A 303 redirect after a POST.
    static func redirect(_ path: String, notice: String? = nil) -> Response {
        let target = notice.map { path + (path.contains("?") ? "&" : "?") + "notice=" + $0 } ?? path
        return Response(status: .seeOther, headers: ["Location": target])
    }
}
