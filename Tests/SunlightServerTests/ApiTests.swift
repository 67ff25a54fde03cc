import Foundation
@testable import SunlightCore
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("JSON 接口 /api/v1")
struct ApiTests {
    @Test("no token, a wrong token: 401 with a Chinese message and WWW-Authenticate")
    func unauthenticated() async throws {
        try await TestServer.with { server in
            let missing = try await server.api(.GET, "/api/v1/me", token: nil)
            #expect(missing.status == .unauthorized)
            #expect(missing.apiError?.code == "token.missing")
            #expect(missing.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            let wrong = try await server.api(.GET, "/api/v1/me", token: "sl_not-a-real-token")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.apiError?.message == "接口令牌无效、已过期或已被吊销")
        }
    }

    @Test("a token acts as its user")
    func me() async throws {
        try await TestServer.with { server in
            let response = try await server.api(.GET, "/api/v1/me", token: try await server.token(for: "scj.zhangwei"))
            #expect(response.status == .ok)
            #expect(response.body.string.contains(#""username":"scj.zhangwei""#))
            #expect(response.body.string.contains(#""channel":"api""#))
        }
    }

    @Test("malformed JSON, wrong types and missing fields get 400 and create nothing")
    func badJSON() async throws {
        try await TestServer.with { server in
            let token = try await server.token(for: "admin")
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString
            let bodies: [(String, String)] = [
                (#"{"organisationID": "#, "不是有效的 JSON"),
                (#"{"organisationID": "\#(market)", "username": "api.bad", "displayName": "某", "roles": "officer", "password": "Welcome-2026"}"#, "roles 类型不对"),
                (#"{"organisationID": 42, "username": "api.bad", "displayName": "某", "roles": ["officer"], "password": "Welcome-2026"}"#, "organisationID"),
                (#"{"organisationID": "\#(market)", "username": "api.bad", "displayName": "某", "roles": ["boss"], "password": "Welcome-2026"}"#, "roles[0] 的值无效"),
                (#"{"organisationID": "\#(market)", "displayName": "某", "roles": ["officer"], "password": "Welcome-2026"}"#, "缺少字段 username"),
            ]
            for (body, fragment) in bodies {
                let response = try await server.api(.POST, "/api/v1/users", token: token, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.apiError?.message.contains(fragment) == true, "\(response.body.string)")
            }
            #expect(try await server.app.sunlight.store.users.find(username: "api.bad") == nil)
        }
    }

    @Test("an oversized body gets 413; a form sent to a JSON endpoint gets 415")
    func bodyLimits() async throws {
        try await TestServer.with { server in
            let token = try await server.token(for: "admin")
            let huge = #"{"name": ""# + String(repeating: "长", count: TestServer.maxBodyBytes) + #"", "shortName": "x"}"#
            let response = try await server.api(.POST, "/api/v1/organisations", token: token, json: huge, overHTTP: true)
            #expect(response.status == .payloadTooLarge)
            #expect(response.apiError?.message.contains("请求内容过大") == true)
            let form = try await server.api(.POST, "/api/v1/calendar/years", token: token, json: "year=2027", contentType: .urlEncodedForm)
            #expect(form.status == .unsupportedMediaType)
        }
    }

    @Test("unknown and malformed IDs, unknown paths: 404 JSON")
    func notFound() async throws {
        try await TestServer.with { server in
            let token = try await server.token(for: "admin")
            for path in ["/api/v1/users/\(UUID().uuidString)", "/api/v1/users/xyz", "/api/v1/organisations/\(UUID().uuidString)", "/api/v1/nothing"] {
                let response = try await server.api(.GET, path, token: token)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.apiError != nil)
            }
        }
    }

    @Test("§0: another organisation's data is refused with 403 in the use case, and the refusal is logged")
    func otherOrganisation() async throws {
        try await TestServer.with { server in
            let officer = try await server.token(for: "scj.zhangwei")
            let archives = server.seeded.organisation("元谋县档案局").id.uuidString
            let read = try await server.api(.GET, "/api/v1/organisations/\(archives)", token: officer)
            #expect(read.status == .forbidden)
            #expect(read.apiError?.code == "scope.outside")
            #expect(try await server.accessLog().first?.action == .denied)

            let admin = try await server.token(for: "admin")
            let prefecture = server.seeded.organisation("楚雄州司法局").id.uuidString
            let create = try await server.api(.POST, "/api/v1/users", token: admin, json: """
                {"organisationID": "\(prefecture)", "username": "far.away", "displayName": "远", "roles": ["officer"], "password": "Welcome-2026"}
                """)
            #expect(create.status == .forbidden)
            #expect(try await server.app.sunlight.store.users.find(username: "far.away") == nil)

            let supervisor = try await server.token(for: "jiandu")
            #expect(try await server.api(.GET, "/api/v1/organisations/\(archives)", token: supervisor).status == .ok)
        }
    }

    @Test("users are created (201), conflicts are 409, and reads are logged")
    func users() async throws {
        try await TestServer.with { server in
            let token = try await server.token(for: "admin")
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString
            let body = #"{"organisationID": "\#(market)", "username": "api.user", "displayName": "接口用户", "roles": ["officer"], "password": "Welcome-2026"}"#
            let created = try await server.api(.POST, "/api/v1/users", token: token, json: body)
            #expect(created.status == .created)
            #expect(!created.body.string.contains("password"))
            let again = try await server.api(.POST, "/api/v1/users", token: token, json: body)
            #expect(again.status == .conflict)
            let list = try await server.api(.GET, "/api/v1/users?organisation=\(market)", token: token)
            #expect(list.body.string.contains("api.user"))
            #expect(try await server.accessLog().first?.summary.hasPrefix("查看用户列表") == true)
        }
    }

    @Test("CAL-2/CAL-3: the deadline endpoint answers, refuses dates outside the calendars with CAL-1, and bad input with 400")
    func deadline() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-10-14")!) { server in
            let token = try await server.token(for: "scj.zhangwei")
            let ok = try await server.api(.GET, "/api/v1/calendar/deadline?from=2026-09-30&days=7&unit=working", token: token)
            #expect(ok.status == .ok)
            #expect(ok.body.string.contains(#""due":"2026-10-15""#))
            #expect(ok.body.string.contains(#""state":"due_soon""#))
            let outside = try await server.api(.GET, "/api/v1/calendar/deadline?from=2026-12-20&days=10", token: token)
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.apiError?.rule == "CAL-1")
            let bad = try await server.api(.GET, "/api/v1/calendar/deadline?from=2026-13-01&days=7", token: token)
            #expect(bad.status == .badRequest)
            let unit = try await server.api(.GET, "/api/v1/calendar/deadline?from=2026-09-30&days=7&unit=weeks", token: token)
            #expect(unit.status == .badRequest)
        }
    }

    @Test("CAL-1: an administrator loads a year through the API; others are refused")
    func loadCalendar() async throws {
        try await TestServer.with { server in
            let notice = #"{"year": 2027, "source": "测试", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}], "workdays": []}"#
            let refused = try await server.api(.POST, "/api/v1/calendar/years", token: try await server.token(for: "jiandu"), json: notice)
            #expect(refused.status == .forbidden)
            let loaded = try await server.api(.POST, "/api/v1/calendar/years", token: try await server.token(for: "yn.admin"), json: notice)
            #expect(loaded.status == .created)
            let years = try await server.api(.GET, "/api/v1/calendar/years", token: try await server.token(for: "yn.admin"))
            #expect(years.body.string.contains(#""year":2027"#))
        }
    }

    @Test("tokens are issued (secret once) and revoked through the API")
    func tokens() async throws {
        try await TestServer.with { server in
            let admin = try await server.token(for: "admin")
            let officer = try #require(try await server.app.sunlight.store.users.find(username: "scj.lina"))
            let issued = try await server.api(.POST, "/api/v1/tokens", token: admin,
                                              json: #"{"userID": "\#(officer.id.uuidString)", "name": "对接测试", "expiresOn": "2026-12-31"}"#)
            #expect(issued.status == .created)
            let object = try JSONSerialization.jsonObject(with: Data(issued.body.string.utf8)) as! [String: Any]
            let secret = try #require(object["secret"] as? String)
            let id = try #require(object["id"] as? String)
            #expect(try await server.api(.GET, "/api/v1/me", token: secret).status == .ok)
            let listed = try await server.api(.GET, "/api/v1/tokens", token: admin)
            #expect(!listed.body.string.contains(secret))
            #expect(try await server.api(.POST, "/api/v1/tokens/\(id)/revoke", token: admin).status == .noContent)
            #expect(try await server.api(.GET, "/api/v1/me", token: secret).status == .unauthorized)
        }
    }

    @Test("the OpenAPI document describes exactly the routes under /api/v1, and /metrics (issue 16 item 7)")
    func openAPI() async throws {
        try await TestServer.with { server in
            let response = try await server.api(.GET, "/api/v1/openapi.json", token: nil)
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var described = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys where method != "parameters" { described.insert("\(method.uppercased()) \(path)") }
            }
            let registered = Set(server.app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return path.hasPrefix("/api/v1") || path == "/metrics" ? "\(route.method.rawValue) \(path)" : nil
            })
            #expect(described == registered)
        }
    }

    @Test("the public organisation list needs no token")
    func publicOrganisations() async throws {
        try await TestServer.with { server in
            let response = try await server.api(.GET, "/api/v1/public/organisations", token: nil)
            #expect(response.status == .ok)
            #expect(response.body.string.contains("元谋县司法局"))
        }
    }
}
