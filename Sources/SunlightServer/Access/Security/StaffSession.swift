import SunlightCore
import Vapor

/// The logged-in staff member of a request: their session and the actor they act as.
struct StaffContext: Sendable {
    let session: StaffSession
    let actor: Actor
}

enum SessionCookie {
    static let name = "sunlight_session"
    static let csrfName = "sunlight_csrf"
}

extension Request {
    private struct StaffKey: StorageKey { typealias Value = StaffContext }
    private struct AnonymousCSRFKey: StorageKey { typealias Value = String }
    private struct ApiActorKey: StorageKey { typealias Value = Actor }

    /// The logged-in staff member, if the request carries a live session.
    var staff: StaffContext? {
        get { storage[StaffKey.self] }
        set { storage[StaffKey.self] = newValue }
    }

    /// The staff member, or a 401 for a route that requires one.
    func requireStaff() throws -> StaffContext {
        guard let staff else { throw SunlightError(.unauthenticated, code: "session.expired", "登录已过期或已退出，请重新登录") }
        return staff
    }

    /// The CSRF token of a form shown before login (double-submit cookie).
    var anonymousCSRFToken: String? {
        get { storage[AnonymousCSRFKey.self] }
        set { storage[AnonymousCSRFKey.self] = newValue }
    }

    /// The actor of an API request, set by ``ApiTokenMiddleware``.
    var apiActor: Actor? {
        get { storage[ApiActorKey.self] }
        set { storage[ApiActorKey.self] = newValue }
    }

    func requireApiActor() throws -> Actor {
        guard let apiActor else { throw SunlightError(.unauthenticated, code: "token.missing", "缺少接口令牌：请在 Authorization 头中使用 Bearer 令牌") }
        return apiActor
    }
}

/// Resumes the staff session from its cookie; pages without one redirect to the login page,
/// which then returns the person to where they were.
struct StaffSessionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[SessionCookie.name]?.string, !token.isEmpty {
            do {
                let (session, actor) = try await request.sunlight.access.resumeSession(cookieToken: token, address: request.clientAddress)
                request.staff = StaffContext(session: session, actor: actor)
            } catch let error as SunlightError where error.kind == .unauthenticated {
                return try Self.toLogin(request, expired: true)
            }
        } else {
            return try Self.toLogin(request, expired: false)
        }
        return try await next.respond(to: request)
    }

    /// Pages redirect to the login page; a form posted without a live session is refused with
    /// 401 and a message, rather than silently dropped.
    static func toLogin(_ request: Request, expired: Bool) throws -> Response {
        guard request.method == .GET || request.method == .HEAD else {
            throw SunlightError(.unauthenticated, code: "session.expired", "登录已过期或已退出，本次提交未保存，请重新登录后再试")
        }
        var target = "/staff/login"
        var query: [String] = []
        let path = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
        if path != "/staff" && path != "/staff/" { query.append("next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        if expired { query.append("expired=1") }
        if !query.isEmpty { target += "?" + query.joined(separator: "&") }
        return Response(status: .seeOther, headers: ["Location": target])
    }
}

/// Refuses any state-changing request whose form does not carry the session's CSRF token
/// (or, before login, the token of the double-submit cookie).
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let refusal = SunlightError(.forbidden, code: "csrf.invalid",
                                       "安全校验失败：表单缺少或带有无效的防跨站请求伪造令牌（CSRF）。请刷新页面后重新提交")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else { return try await next.respond(to: request) }
        // A streamed upload form carries its token in the query string: its body is not read here.
        let sent = (try? request.content.get(String.self, at: Self.field)) ?? request.headers.first(name: "X-CSRF-Token")
            ?? request.query[String.self, at: Self.field]
        let expected = request.staff?.session.csrfToken ?? request.cookies[SessionCookie.csrfName]?.string
        guard let sent, let expected, !expected.isEmpty, Secrets.constantTimeEquals(sent, expected) else {
            throw Self.refusal
        }
        return try await next.respond(to: request)
    }
}

/// Accepts `Authorization: Bearer sl_…` on the JSON API.
struct ApiTokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw SunlightError(.unauthenticated, code: "token.missing", "缺少接口令牌：请在 Authorization 头中使用 Bearer 令牌")
        }
        request.apiActor = try await request.sunlight.access.authenticate(apiToken: bearer.token, address: request.clientAddress)
        return try await next.respond(to: request)
    }
}

/// Headers that keep pages from being framed, sniffed or leaking where people came from.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        // A page that sets its own, stricter policy keeps it (the A4 print view allows its one style by hash).
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.add(name: "Content-Security-Policy",
                                 value: "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'")
        }
        return response
    }
}
