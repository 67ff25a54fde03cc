import SunlightCore
import Vapor

/// 登录与退出 — the login page, the session cookie and logout.
struct LoginController {
    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    struct LoginPage: Encodable {
        let page: PageContext
        let username: String
        let next: String
        let expired: Bool
        let error: String?
    }

    func register(public routes: any RoutesBuilder, session: any RoutesBuilder) {
        routes.get("staff", "login", use: show)
        routes.grouped(CSRFMiddleware()).post("staff", "login", use: login)
        session.post("staff", "logout", use: logout)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        // Someone already logged in goes on to the staff area; an ended session shows the form.
        // Any other failure (the database, say) is an error, not "not logged in".
        if let token = request.cookies[SessionCookie.name]?.string, !token.isEmpty {
            do {
                _ = try await request.sunlight.access.resumeSession(cookieToken: token, address: request.clientAddress)
                return Page.redirect("/staff")
            } catch let error as SunlightError where error.kind == .unauthenticated {}
        }
        return try await render(request, username: "", next: request.query[String.self, at: "next"] ?? "",
                                expired: request.query[String.self, at: "expired"] == "1", error: nil)
    }

    @Sendable func login(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let username = form.username ?? ""
        do {
            let result = try await request.sunlight.access.logIn(
                username: username, password: form.password ?? "", address: request.clientAddress,
                userAgent: request.headers.first(name: .userAgent))
            let response = Page.redirect(Self.safeNext(form.next))
            // Max-Age, counted on the server's clock, wins over Expires in browsers: a demo pinned
            // to another day (PinnedClock) still keeps its sessions.
            response.cookies[SessionCookie.name] = HTTPCookies.Value(
                string: result.cookieToken, expires: result.session.expiresAt,
                maxAge: max(0, Int(result.session.expiresAt.timeIntervalSince(request.sunlight.clock.now))), path: "/",
                isSecure: request.application.sunlightConfiguration.secureCookies, isHTTPOnly: true, sameSite: .lax)
            response.cookies[SessionCookie.csrfName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0),
                                                                         path: "/staff/login")
            return response
        } catch let error as SunlightError {
            let presentation = ErrorPresentation(error, maxBodyBytes: 0)
            let response = try await render(request, username: username, next: form.next ?? "", expired: false,
                                            error: error.message, status: presentation.httpStatus)
            if let retry = presentation.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retry)) }
            return response
        }
    }

    @Sendable func logout(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        try await request.sunlight.access.logOut(staff.session, actor: staff.actor)
        let response = Page.redirect("/staff/login", notice: "logged_out")
        response.cookies[SessionCookie.name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
                                                                 isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Renders the login form with a fresh double-submit CSRF token.
    private func render(_ request: Request, username: String, next: String, expired: Bool, error: String?,
                        status: HTTPResponseStatus = .ok) async throws -> Response {
        let token = Secrets.token(request.sunlight.secrets)
        request.anonymousCSRFToken = token
        let context = LoginPage(page: PageContext(request, title: "登录"), username: username, next: next,
                                expired: expired, error: error)
        let response = try await Page.render("staff/login", context, on: request, status: status)
        response.cookies[SessionCookie.csrfName] = HTTPCookies.Value(
            string: token, path: "/staff/login", isSecure: request.application.sunlightConfiguration.secureCookies,
            isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// Only a path inside the staff area is followed after login: never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/staff"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.hasPrefix("/staff/login") else { return "/staff" }
        return next
    }
}
