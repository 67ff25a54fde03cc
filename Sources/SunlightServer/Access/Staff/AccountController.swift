import SunlightCore
import Vapor

/// 我的账号 — one's own profile and password.
struct AccountController {
    struct PasswordForm: Content {
        var current: String?
        var new: String?
    }

    struct AccountPage: Encodable {
        let page: PageContext
        let error: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "account", use: show)
        routes.post("staff", "account", "password", use: changePassword)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await Page.render("staff/account", AccountPage(page: PageContext(request, title: "我的账号"), error: nil), on: request)
    }

    @Sendable func changePassword(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = try request.content.decode(PasswordForm.self)
        do {
            try await request.sunlight.organisations.changeOwnPassword(current: form.current ?? "", new: form.new ?? "", by: staff.actor)
            // Every session ended with the old password, this one too: log in again with the new one.
            let response = Page.redirect("/staff/login", notice: "password")
            response.cookies[SessionCookie.name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
                                                                     isHTTPOnly: true, sameSite: .lax)
            return response
        } catch let error as SunlightError where error.kind == .invalidInput {
            return try await Page.render("staff/account", AccountPage(page: PageContext(request, title: "我的账号"),
                                                                      error: error.description), on: request, status: .badRequest)
        }
    }
}
