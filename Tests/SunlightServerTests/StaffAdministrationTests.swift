import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("工作人员界面：管理与范围 §0")
struct StaffAdministrationTests {
    @Test("§0: an administrator creates a user through the form; the change is in the access log")
    func createUser() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            try await browser.get("/staff/admin/users/new")
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let response = try await browser.post("/staff/admin/users", [
                ("organisationID", market.id.uuidString), ("username", "scj.newbie"), ("displayName", "新同事"), ("post", "科员"),
                ("roles[]", "officer"), ("roles[]", "publicity_clerk"), ("legalQualification", ""), ("password", "Welcome-2026")])
            #expect(response.status == .seeOther)
            let user = try #require(try await server.app.sunlight.store.users.find(username: "scj.newbie"))
            #expect(user.roles == [.officer, .publicityClerk])
            #expect(response.location == "/staff/admin/users/\(user.id.uuidString)?notice=created")
            let detail = try await browser.get(response.location!)
            #expect(detail.body.string.contains("已新增"))
            #expect(try await server.accessLog().contains { $0.action == .create && $0.resourceID == user.id.uuidString })
        }
    }

    @Test("bad form input is shown again with a Chinese message and 400, and nothing is created")
    func badForm() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            try await browser.get("/staff/admin/users/new")
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let weak = try await browser.post("/staff/admin/users", [
                ("organisationID", market.id.uuidString), ("username", "weak.pass"), ("displayName", "弱密码"),
                ("roles[]", "officer"), ("password", "123")])
            #expect(weak.status == .badRequest)
            #expect(weak.body.string.contains("密码至少 10 个字符"))
            #expect(weak.body.string.contains("weak.pass"))  // the form keeps what was typed
            let duplicate = try await browser.post("/staff/admin/users", [
                ("organisationID", market.id.uuidString), ("username", "admin"), ("displayName", "重名"),
                ("roles[]", "officer"), ("password", "Welcome-2026")])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.body.string.contains("用户名 admin 已被使用"))
            #expect(try await server.app.sunlight.store.users.find(username: "weak.pass") == nil)
        }
    }

    @Test("§0: an officer reaching for administration gets 403 with the roles needed; the refusal is logged")
    func officerRefused() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let response = try await browser.get("/staff/admin/users")
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("需要以下角色之一：系统管理员"))
            #expect(try await server.accessLog().first?.action == .denied)
        }
    }

    @Test("§0: the county administrator cannot open the prefecture's organisation")
    func outsideJurisdiction() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            let prefecture = server.seeded.organisation("楚雄州司法局")
            let response = try await browser.get("/staff/admin/organisations/\(prefecture.id.uuidString)")
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("无权访问其他机构的数据"))
        }
    }

    @Test("unknown and malformed IDs are 404 with a message, not server errors")
    func unknownIDs() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            for path in ["/staff/admin/users/\(UUID().uuidString)", "/staff/admin/users/not-a-uuid", "/staff/admin/organisations/42",
                         "/staff/no-such-page"] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.body.string.contains("不存在") || response.body.string.contains("未找到"))
            }
        }
    }

    @Test("names are HTML-escaped wherever they are shown")
    func escaping() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            try await browser.get("/staff/admin/organisations")
            let county = server.seeded.organisation("元谋县人民政府")
            let created = try await browser.post("/staff/admin/organisations", [
                ("parentID", county.id.uuidString), ("name", "<script>alert(1)</script>局"), ("shortName", "<b>"),
                ("kind", "department"), ("level", "county")])
            #expect(created.status == .seeOther)
            let page = try await browser.get("/")
            #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;局"))
            #expect(!page.body.string.contains("<script>"))
        }
    }

    @Test("CAL-1: the installation's administrator uploads a year's notice as a file; a bad file is refused with the rule")
    func calendarUpload() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("yn.admin")
            try await browser.get("/staff/admin/calendar")
            let boundary = "----sunlight-test"
            func multipart(_ json: String) -> String {
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf!)\r\n" +
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cn-2027.json\"\r\nContent-Type: application/json\r\n\r\n\(json)\r\n" +
                "--\(boundary)--\r\n"
            }
            let type = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
            let bad = try await browser.send(.POST, "/staff/admin/calendar", body: multipart(#"{"year": 2027}"#), contentType: type)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("依据国务院办公厅当年发布的部分节假日安排通知"))
            let good = #"{"year": 2027, "source": "测试", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}], "workdays": []}"#
            let loaded = try await browser.send(.POST, "/staff/admin/calendar", body: multipart(good), contentType: type)
            #expect(loaded.status == .seeOther)
            let page = try await browser.get("/staff/admin/calendar?notice=calendar_loaded")
            #expect(page.body.string.contains("<td>2027</td>"))
            let due = try await browser.get("/staff?from=2026-12-28&days=5&unit=working")
            #expect(due.body.string.contains("2027-01-05"))
        }
    }

    @Test("CAL-3: the home page calculator answers, and refuses dates outside the calendars")
    func calculator() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let answer = try await browser.get("/staff?from=2026-09-30&days=7&unit=working")
            #expect(answer.body.string.contains(#"<span class="result" id="due">2026-10-15（星期四）</span>"#))
            let outside = try await browser.get("/staff?from=2026-12-20&days=10&unit=working")
            #expect(outside.body.string.contains("2027 年节假日安排尚未加载"))
            #expect(outside.body.string.contains("依据国务院办公厅当年发布的部分节假日安排通知"))
        }
    }

    @Test("tokens: the secret is shown once on issue, never listed, and revoking stops it at once")
    func tokens() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            try await browser.get("/staff/admin/tokens")
            let officer = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei"))
            let issued = try await browser.post("/staff/admin/tokens", [("userID", officer.id.uuidString), ("name", "省平台对接"), ("expiresOn", "")])
            #expect(issued.status == .created)
            let secret = try #require(issued.body.string.range(of: #"id="secret">"#).map { String(issued.body.string[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(secret.hasPrefix("sl_"))
            #expect(try await server.api(.GET, "/api/v1/me", token: secret).status == .ok)
            let list = try await browser.get("/staff/admin/tokens")
            #expect(!list.body.string.contains(secret))
            let token = try #require(try await server.app.sunlight.store.apiTokens.find(tokenHash: Secrets.digest(secret)))
            let revoked = try await browser.post("/staff/admin/tokens/\(token.id.uuidString)/revoke", [])
            #expect(revoked.status == .seeOther)
            #expect(try await server.api(.GET, "/api/v1/me", token: secret).status == .unauthorized)
        }
    }

    @Test("REC-11: the access log page and its CSV (UTF-8 with BOM) show who did what")
    func accessLog() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("admin")
            let page = try await browser.get("/staff/access-log")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("杨建国（admin）"))
            let csv = try await browser.get("/staff/access-log.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.body.string.contains("时间,操作人,渠道,操作,对象,说明,来源地址"))
            let users = try await browser.get("/staff/admin/users.csv")
            #expect(users.body.string.contains("张伟,scj.zhangwei,元谋县市场监督管理局"))
        }
    }

    @Test("pages carry security headers and work at phone width without scripts")
    func headers() async throws {
        try await TestServer.with { server in
            let page = try await server.browser().get("/")
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(page.body.string.contains(#"name="viewport""#))
            #expect(!page.body.string.contains("<script"))
            #expect(page.body.string.contains("元谋县市场监督管理局"))
        }
    }
}
