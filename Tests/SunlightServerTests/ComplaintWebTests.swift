import Foundation
@testable import SunlightCore
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// 投诉举报 over HTTP: an Open311 GeoReport v2 client, the portal form with its CSRF token,
/// the staff ledger (SUP-1).
@Suite struct ComplaintWebTests {
    static func json(_ response: TestingHTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body.string.utf8))
    }

    @Test("An Open311 client lists services, files a request and follows it to closed with the answer (SUP-1)")
    func open311() async throws {
        try await TestServer.with { server in
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString.lowercased()
            let tester = try server.app.testing()
            let services = try #require(try Self.json(try await tester.sendRequest(.GET, "/open311/v2/services.json")) as? [[String: Any]])
            #expect(services.contains { $0["service_code"] as? String == market && ($0["service_name"] as? String)?.contains("市场监督管理局") == true })

            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let form = "service_code=\(market)&description=" + Browser.encode("菜市场门口的摊贩使用未经检定的电子秤，短斤少两。")
                + "&first_name=" + Browser.encode("五") + "&last_name=" + Browser.encode("王") + "&email=wangwu%40example.com&lat=25.70&long=101.87"
            let created = try await tester.sendRequest(.POST, "/open311/v2/requests.json", headers: headers, body: ByteBuffer(string: form))
            #expect(created.status == .ok)
            let code = try #require((try Self.json(created) as? [[String: Any]])?.first?["service_request_id"] as? String)
            let missing = try await tester.sendRequest(.POST, "/open311/v2/requests.json", headers: headers, body: ByteBuffer(string: "description=x"))
            let failure = try Self.json(missing) as? [[String: Any]]
            #expect(missing.status == .badRequest && failure?.first?["code"] as? Int == 400)

            var status = try #require((try Self.json(try await tester.sendRequest(.GET, "/open311/v2/requests/\(code).json")) as? [[String: Any]])?.first)
            #expect(status["status"] as? String == "open" && status["agency_responsible"] as? String == "元谋县市场监督管理局" && status["service_code"] as? String == market)
            let complaint = try #require(try await server.app.sunlight.store.complaints.find(trackingCode: code))
            #expect(complaint.channel == .open311 && complaint.latitude == "25.7")
            let head = try await server.app.sunlight.access.actor(for: try #require(try await server.app.sunlight.store.users.find(username: "scj.wangfang")), channel: .staff, address: nil)
            _ = try await server.app.sunlight.supervision.answerComplaint(complaint.id, feedback: "已责令摊贩停止使用并送检电子秤。", by: head)
            let list = try await tester.sendRequest(.GET, "/open311/v2/requests.json?service_request_id=\(code),TS2026-ZZZZ-ZZZZ")
            status = try #require((try Self.json(list) as? [[String: Any]])?.first)
            #expect(status["status"] as? String == "closed" && status["status_notes"] as? String == "已责令摊贩停止使用并送检电子秤。")
            #expect(try await tester.sendRequest(.GET, "/open311/v2/requests.json").status == .badRequest, "no listing of everyone's complaints")
            #expect(try await tester.sendRequest(.GET, "/open311/v2/requests/TS2026-ZZZZ-ZZZZ.json").status == .notFound)
        }
    }

    @Test("The portal form needs its CSRF token, files, and shows the tracking code; the staff ledger lists it (SUP-1)")
    func portalForm() async throws {
        try await TestServer.with { server in
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString.lowercased()
            let visitor = server.browser()
            let fields = [("organisation", market), ("subject", "无证经营"), ("description", "龙川街有一家小吃店没有营业执照和食品经营许可证。"),
                          ("anonymous", "yes")]
            #expect(try await visitor.post("/complaints", fields, csrf: false).status == .forbidden)
            #expect(try await visitor.get("/complaints/new").status == .ok)
            let short = try await visitor.post("/complaints", [("organisation", market), ("subject", "无证经营"), ("description", "短"), ("anonymous", "yes")])
            #expect(short.status == .badRequest && short.body.string.contains("form-problem"))
            _ = try await visitor.get("/complaints/new")
            let filed = try await visitor.post("/complaints", fields)
            #expect(filed.status == .seeOther)
            let location = try #require(filed.headers.first(name: .location))
            let page = try await visitor.get(location)
            #expect(page.status == .ok && page.body.string.contains("tracking-code") && page.body.string.contains("元谋县市场监督管理局"))

            let clerk = server.browser()
            try await clerk.logIn("scj.gongshi")
            let ledger = try await clerk.get("/staff/complaints")
            #expect(ledger.body.string.contains("无证经营"))
            let clerkUser = try #require(try await server.app.sunlight.store.users.find(username: "scj.gongshi"))
            let clerkActor = try await server.app.sunlight.access.actor(for: clerkUser, channel: .staff, address: nil)
            let complaint = try #require(try await server.app.sunlight.supervision.complaints(by: clerkActor).first)
            #expect(try await clerk.get("/staff/complaints/\(complaint.id.uuidString.lowercased())").body.string.contains("assign-form"))
            let outsider = server.browser()
            try await outsider.logIn("daj.zhoujun")
            #expect(try await outsider.get("/staff/complaints/\(complaint.id.uuidString.lowercased())").status == .forbidden)
            #expect(try await visitor.get("/complaints/track?code=TS2026-ZZZZ-ZZZZ").status == .notFound)
        }
    }
}
