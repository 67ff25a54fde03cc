import Foundation
@testable import SunlightCore
import SunlightDemo
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("工作人员登录、会话与 CSRF")
struct StaffLoginTests {
    @Test("logging in sets an HttpOnly session cookie, shows the home page, and logging out ends it")
    func loginLogout() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            let login = try await browser.logIn("admin")
            #expect(login.status == .seeOther)
            #expect(login.location == "/staff")
            let cookie = try #require(login.headers.setCookie?["sunlight_session"])
            #expect(cookie.isHTTPOnly && cookie.sameSite == .lax)

            let home = try await browser.get("/staff")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("我的待办与期限"))
            #expect(home.body.string.contains("杨建国"))
            #expect(home.headers.first(name: .cacheControl) == "no-store")

            let logout = try await browser.post("/staff/logout", [])
            #expect(logout.status == .seeOther)
            let after = try await browser.get("/staff")
            #expect(after.status == .seeOther)
            #expect(after.location?.hasPrefix("/staff/login") == true)
        }
    }

    @Test("a wrong password and an unknown user both get 401 and the same Chinese message; no session is made")
    func wrongCredentials() async throws {
        try await TestServer.with { server in
            for username in ["admin", "nobody.here"] {
                let browser = server.browser()
                let response = try await browser.logIn(username, password: "not-the-password-1")
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains("用户名或密码错误"))
                #expect(response.headers.setCookie?["sunlight_session"] == nil)
            }
            #expect(try await server.accessLog().filter { $0.action == .loginFailed }.count == 2)
        }
    }

    @Test("repeated failures back off with 429 and Retry-After, even for the right password")
    func backoff() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            for _ in 0..<5 { try await browser.logIn("jiandu", password: "guess-guess-1") }
            let response = try await browser.logIn("jiandu")
            #expect(response.status == .tooManyRequests)
            #expect(response.headers.first(name: .retryAfter) == "30")
            #expect(response.body.string.contains("登录失败次数过多"))
        }
    }

    @Test("a login form without its CSRF token is refused with 403 and nothing happens")
    func loginWithoutCSRF() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.get("/staff/login")
            let response = try await browser.post("/staff/login", [("username", "admin"), ("password", DemoData.password)], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("防跨站请求伪造令牌"))
            #expect(response.headers.setCookie?["sunlight_session"] == nil)
        }
    }

    @Test("a logged-in form without or with a wrong CSRF token is refused and changes nothing")
    func formWithoutCSRF() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            try await browser.get("/staff/admin/users/new")
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let fields = [("organisationID", market.id.uuidString), ("username", "csrf.victim"), ("displayName", "某"),
                          ("roles[]", "officer"), ("password", "Welcome-2026")]
            let missing = try await browser.post("/staff/admin/users", fields, csrf: false)
            #expect(missing.status == .forbidden)
            let wrong = try await browser.post("/staff/admin/users", [("_csrf", "forged")] + fields, csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await server.app.sunlight.store.users.find(username: "csrf.victim") == nil)
        }
    }

    @Test("an expired session sends pages to the login page and refuses forms with 401, saving nothing")
    func expiredSession() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            try await browser.get("/staff/admin/users/new")
            server.clock.advance(2 * 3600 + 5)
            let page = try await browser.send(.GET, "/staff/admin/users", body: nil)
            #expect(page.status == .seeOther)
            #expect(page.location == "/staff/login?next=%2Fstaff%2Fadmin%2Fusers&expired=1")
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let form = try await browser.post("/staff/admin/users", [("organisationID", market.id.uuidString), ("username", "late.user"),
                                                                     ("displayName", "迟"), ("roles[]", "officer"), ("password", "Welcome-2026")])
            #expect(form.status == .unauthorized)
            #expect(form.body.string.contains("登录已过期"))
            #expect(try await server.app.sunlight.store.users.find(username: "late.user") == nil)
            let login = try await browser.get("/staff/login?expired=1")
            #expect(login.body.string.contains("登录已过期或已退出"))
        }
    }

    @Test("Changing your own password ends every session you had open, here and elsewhere; the new password logs in (issue 15 item 12)")
    func passwordChangeEndsSessions() async throws {
        try await TestServer.with { server in
            let here = server.browser(), elsewhere = server.browser()
            try await here.logIn("scj.zhangwei")
            try await elsewhere.logIn("scj.zhangwei")
            #expect(try await elsewhere.send(.GET, "/staff", body: nil).status == .ok)
            try await here.get("/staff/account")
            let changed = try await here.post("/staff/account/password", [("current", "Yuanmou-2026"), ("new", "Changed-Pass-2026")])
            #expect(changed.status == .seeOther && changed.location == "/staff/login?notice=password")
            #expect(try await elsewhere.send(.GET, "/staff", body: nil).status == .seeOther, "the other session has ended")
            #expect(try await here.send(.GET, "/staff", body: nil).status == .seeOther, "so has this one")
            let again = server.browser()
            #expect(try await again.logIn("scj.zhangwei", password: "Changed-Pass-2026").status == .seeOther)
            #expect(try await again.send(.GET, "/staff", body: nil).status == .ok)
        }
    }

    @Test("after login the person returns to the page they asked for, never to another site")
    func next() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.get("/staff/login")
            let back = try await browser.post("/staff/login", [("username", "admin"), ("password", DemoData.password), ("next", "/staff/admin/calendar")])
            #expect(back.location == "/staff/admin/calendar")
            for evil in ["https://evil.example/", "//evil.example/staff", "/staff\\@evil"] {
                #expect(LoginController.safeNext(evil) == "/staff")
            }
        }
    }
}
