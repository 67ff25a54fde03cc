import Foundation
@testable import SunlightCore
import SunlightDemo
import SunlightLedger
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// The holes an attacker found (issue 15 items 1, 4, 5): each is closed in the Core decision.
@Suite("数据范围：文件认领、推送队列与管理员的查阅范围 REC-4 REC-11 PUB-10 CAL-1")
struct ScopeHoleTests {
    let bytes = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) }

    func evidence(_ sha: String, recordedBy officer: String, at: String = "2026-11-23T00:30:00Z") -> String {
        """
        {"sha256": "\(sha)", "kind": "photo", "title": "现场照片", "filename": "a.jpg", "mediaType": "image/jpeg",
         "recordedAt": "\(at)", "place": "元马镇龙川街 12 号", "recordedBy": "\(officer)", "device": "执法记录仪 #0032"}
        """
    }

    @Test("issue 15 item 1 (REC-4, REC-11): a file is recorded only by the token that uploaded it; another bureau's hash and an unknown hash answer alike")
    func claimingByHash() async throws {
        try await TestServer.with { server in
            let uploader = try await server.token(for: "scj.zhangwei")
            let sha = try server.json(try await server.uploadBlob(bytes, token: uploader))["sha256"] as! String
            let archives = try #require(try await server.app.sunlight.store.users.find(username: "daj.chenming")).id.uuidString
            let market = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei")).id.uuidString

            let stolen = try await server.api(.POST, "/api/v1/evidence", token: try await server.token(for: "daj.chenming"),
                                              json: evidence(sha, recordedBy: archives))
            let unknown = try await server.api(.POST, "/api/v1/evidence", token: try await server.token(for: "daj.chenming"),
                                               json: evidence(LedgerHash.sha256([9, 9, 9]).hex, recordedBy: archives))
            #expect(stolen.status == .notFound && stolen.apiError?.code == "blob.unclaimed", "\(stolen.body.string)")
            #expect(unknown.status == .notFound && unknown.apiError?.code == "blob.unclaimed", "\(unknown.body.string)")
            #expect(stolen.apiError?.message.contains("空") == false && unknown.apiError?.message.contains("空") == false)
            // Another token of the same officer did not upload it either.
            let otherToken = try await server.api(.POST, "/api/v1/evidence", token: try await server.token(for: "scj.zhangwei"),
                                                  json: evidence(sha, recordedBy: market))
            #expect(otherToken.status == .notFound)
            let own = try await server.api(.POST, "/api/v1/evidence", token: uploader, json: evidence(sha, recordedBy: market))
            #expect(own.status == .created, "\(own.body.string)")
        }
    }

    @Test("issue 15 item 5 (REC-11): an administrator administers, but reads no case, document or file of the departments below; the supervisor does")
    func administratorsDoNotReadOperationalRecords() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server, also: ["admin"])
            let id = try #require(try await api.openCase()[string: "id"])
            try await api.refused(.GET, "/api/v1/cases/\(id)", as: "admin", status: .forbidden, code: "scope.outside", rule: nil)
            let listed = try await api.ok(.GET, "/api/v1/cases", as: "admin")[objects: "items"]
            #expect(!listed.contains { $0[string: "id"]?.lowercased() == id.lowercased() })
            #expect(try await api.ok(.GET, "/api/v1/evidence", as: "admin")[objects: "items"].isEmpty)
            try await api.ok(.GET, "/api/v1/cases/\(id)", as: "jiandu")
            // Administering still works: the market bureau's users are the administrator's to read.
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString
            try await api.ok(.GET, "/api/v1/organisations/\(market)", as: "admin")
        }
    }

    @Test("issue 15 item 5 (CAL-1): only the installation's administrator loads the holiday calendar, not a county's")
    func calendarIsTheInstallations() async throws {
        try await TestServer.with { server in
            let notice = #"{"year": 2027, "source": "测试", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}], "workdays": []}"#
            let county = try await server.api(.POST, "/api/v1/calendar/years", token: try await server.token(for: "admin"), json: notice)
            #expect(county.status == .forbidden && county.apiError?.code == "calendar.installation_only", "\(county.body.string)")
            let installation = try await server.api(.POST, "/api/v1/calendar/years", token: try await server.token(for: "yn.admin"), json: notice)
            #expect(installation.status == .created || installation.status == .ok, "\(installation.body.string)")
            // The menu offers the calendar exactly to whoever may load it.
            let county2 = server.browser()
            try await county2.logIn("admin")
            #expect(!(try await county2.get("/staff")).body.string.contains("/staff/admin/calendar"))
            let top = server.browser()
            try await top.logIn("yn.admin")
            #expect((try await top.get("/staff")).body.string.contains("/staff/admin/calendar"))
        }
    }

    @Test("issue 15 item 4 (PUB-10): an administrator sees and retries only the outbox messages of the organisations they administer")
    func outboxIsScoped() async throws {
        try await TestServer.with { server in
            let sunlight = server.app.sunlight
            let town = server.seeded.organisation("元马镇人民政府")
            _ = try await sunlight.organisations.createUser(NewStaffUser(
                organisationID: town.id, username: "ym.admin", displayName: "何平", post: "党政办科员", roles: [.administrator],
                password: DemoData.password), by: .console("test"))
            try await sunlight.publicity.queueCheckpointIfGrown()
            let all = try await sunlight.store.outbox.recent(limit: 500, pendingOnly: false)
            let checkpoint = try #require(all.first { $0.organisationID == nil })
            let county = try await server.api(.GET, "/api/v1/outbox", token: try await server.token(for: "admin"))
            #expect(county.status == .ok)
            let countyIDs = (try server.json(county)["messages"] as? [[String: Any]] ?? []).compactMap { $0["deliveryId"] as? String }
            #expect(!countyIDs.contains { $0.lowercased() == checkpoint.id.uuidString.lowercased() }, "the installation's checkpoint is not a county's")
            let townToken = try await server.token(for: "ym.admin")
            let townView = try server.json(try await server.api(.GET, "/api/v1/outbox", token: townToken))
            #expect((townView["messages"] as? [[String: Any]] ?? []).isEmpty)
            let retry = try await server.api(.POST, "/api/v1/outbox/\(checkpoint.id.uuidString)/retry", token: townToken)
            #expect(retry.status == .forbidden, "\(retry.body.string)")
            let installation = try server.json(try await server.api(.GET, "/api/v1/outbox", token: try await server.token(for: "yn.admin")))
            #expect((installation["messages"] as? [[String: Any]] ?? []).contains { ($0["deliveryId"] as? String)?.lowercased() == checkpoint.id.uuidString.lowercased() })
        }
    }

    @Test("issue 15 item 6 (REC-11): a file of a classified case is sealed as its case: not for the clerk, the supervisor only after a logged reason")
    func classifiedFiles() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server)
            let id = try #require(try await api.openCase()[string: "id"])
            let token = try #require(api.tokens["scj.zhangwei"])
            let sha = try server.json(try await server.uploadBlob(bytes, token: token))["sha256"] as! String
            let officer = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei")).id.uuidString
            let recorded = try await server.api(.POST, "/api/v1/evidence", token: token, json: evidence(sha, recordedBy: officer, at: "2026-09-21T00:30:00Z"))
            try #require(recorded.status == .created, "\(recorded.body.string)")
            let fileID = try #require(try server.json(recorded)["id"] as? String)
            try await api.ok(.POST, "/api/v1/cases/\(id)/evidence", ["kind": "audiovisual", "description": "现场照片", "source": "执法人员现场拍摄",
                                                                     "original": true, "confirmedBy": "王小明", "confirmedOn": "2026-09-21", "fileID": fileID],
                             status: .created)
            try await api.ok(.GET, "/api/v1/evidence/\(fileID)", as: "scj.gongshi")
            try await api.ok(.POST, "/api/v1/cases/\(id)/classification", as: "scj.wangfang", ["classification": "private", "reason": "涉及当事人健康信息"])

            try await api.refused(.GET, "/api/v1/evidence/\(fileID)/content", as: "scj.gongshi", status: .forbidden, code: "case.classified", rule: "REC-11")
            #expect(!(try await api.ok(.GET, "/api/v1/evidence", as: "scj.gongshi")[objects: "items"]).contains { $0[string: "id"] == fileID })
            try await api.refused(.GET, "/api/v1/evidence/\(fileID)", as: "jiandu", status: .forbidden, code: "case.classified_reason", rule: "REC-11")
            try await api.ok(.POST, "/api/v1/cases/\(id)/classified-reason", as: "jiandu", ["reason": "核查投诉反映的问题"], status: .noContent)
            try await api.ok(.GET, "/api/v1/evidence/\(fileID)", as: "jiandu")
            try await api.ok(.GET, "/api/v1/evidence/\(fileID)", as: "scj.lina")
        }
    }
}
