import Foundation
@testable import SunlightCore
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// 线索登记 over HTTP (REC-18, 《市场监督管理行政处罚程序规定》第十八条): the JSON API from clue
/// to case, its refusals that change nothing, the staff pages and the complainant's tracking page.
@Suite struct LeadWebTests {
    static func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
    }

    @Test("Clue to case through the API: register, one extension approved by the head, 立案 with leadID; the case and the lead link each other (REC-18, 第十八条)")
    func clueToCaseThroughTheAPI() async throws {
        try await TestServer.with { server in
            let officer = try await server.token(for: "scj.zhangwei"), head = try await server.token(for: "scj.wangfang")
            let created = try await server.api(.POST, "/api/v1/leads", token: officer, json: """
                {"source":"hotline","receivedOn":"2026-11-23","summary":"12345 热线：超市销售过期牛肉干。","partyKind":"organisation","partyName":"元谋县好又多超市有限公司"}
                """)
            #expect(created.status == .created)
            let lead = try Self.object(created)
            let id = try #require(lead["id"] as? String)
            #expect(lead["dueOn"] as? String == "2026-12-14" && lead["status"] as? String == "open")
            #expect(!created.body.string.contains("好又多"), "the party's name is only in the detail")

            let detail = try Self.object(try await server.api(.GET, "/api/v1/leads/\(id)", token: officer))
            #expect(detail["party"] as? String == "元谋县好又多超市有限公司")
            #expect(Set(try #require(detail["actions"] as? [String])) == ["lead.extend", "lead.propose-decline", "lead.open-case"])

            #expect(try await server.api(.POST, "/api/v1/leads/\(id)/extension", token: officer, json: #"{"days":15,"reason":"需送检，等待检验报告。"}"#).status == .ok)
            let own = try await server.api(.POST, "/api/v1/leads/\(id)/extension/decision", token: officer, json: #"{"approve":true}"#)
            #expect(own.status == .forbidden)
            let approved = try Self.object(try await server.api(.POST, "/api/v1/leads/\(id)/extension/decision", token: head, json: #"{"approve":true}"#))
            #expect(approved["dueOn"] as? String == "2027-01-04", "moved by 15 working days; provisional (1 January counted) while 2027 is not loaded (CAL-4)")
            let again = try await server.api(.POST, "/api/v1/leads/\(id)/extension", token: officer, json: #"{"days":5,"reason":"再次申请延长。"}"#)
            #expect(again.status == .unprocessableEntity && again.body.string.contains("lead.extension_once"))

            let lina = try #require(try await server.app.sunlight.store.users.find(username: "scj.lina"))
            let opened = try await server.api(.POST, "/api/v1/cases", token: officer, json: """
                {"title":"销售超过保质期的牛肉干","category":"penalty","source":"complaint","violationOn":"2026-11-20",
                 "parties":[{"kind":"organisation","name":"元谋县好又多超市有限公司"}],"officers":["\(lina.id.uuidString)"],"leadID":"\(id)"}
                """)
            #expect(opened.status == .created)
            let theCase = try Self.object(opened)
            #expect((theCase["leadID"] as? String)?.lowercased() == id.lowercased())
            let closed = try Self.object(try await server.api(.GET, "/api/v1/leads/\(id)", token: officer))
            let closedLead = try #require(closed["lead"] as? [String: Any])
            #expect(closedLead["status"] as? String == "opened" && (closedLead["caseID"] as? String)?.lowercased() == (theCase["id"] as? String)?.lowercased())
            #expect((closed["actions"] as? [String])?.isEmpty == true)
        }
    }

    @Test("Bad input changes nothing: malformed JSON, an unknown source, an unknown lead, another organisation's lead (REC-18)")
    func refusals() async throws {
        try await TestServer.with { server in
            let officer = try await server.token(for: "scj.zhangwei"), archives = try await server.token(for: "daj.zhoujun")
            let before = try await server.app.sunlight.cases.leads(.all, by: .console("test")).count
            let malformed = try await server.api(.POST, "/api/v1/leads", token: officer, json: #"{"source":"hotline","receivedOn":"#)
            #expect(malformed.status == .badRequest && malformed.body.string.contains("\"error\""))
            #expect(try await server.api(.POST, "/api/v1/leads", token: officer, json: #"{"source":"rumour","receivedOn":"2026-11-23","summary":"某处有违法行为。"}"#).status == .badRequest)
            let future = try await server.api(.POST, "/api/v1/leads", token: officer, json: #"{"source":"hotline","receivedOn":"2026-11-24","summary":"某处有违法行为。"}"#)
            #expect(future.status == .badRequest && future.body.string.contains("receivedOn"))
            #expect(try await server.api(.GET, "/api/v1/leads/\(UUID().uuidString)", token: officer).status == .notFound)
            #expect(try await server.api(.GET, "/api/v1/leads/not-a-uuid", token: officer).status == .notFound)
            #expect(try await server.api(.GET, "/api/v1/leads?filter=later", token: officer).status == .badRequest)
            let demo = try #require(try await server.app.sunlight.cases.leads(.all, by: .console("test")).first { $0.organisationName == "元谋县市场监督管理局" })
            #expect(try await server.api(.GET, "/api/v1/leads/\(demo.lead.id)", token: archives).status == .forbidden)
            #expect(try await server.api(.POST, "/api/v1/leads/\(demo.lead.id)/transfer", token: archives, json: #"{"recipient":"某局","reason":"不属于本机关管辖。"}"#).status == .forbidden)
            #expect(try await server.api(.POST, "/api/v1/leads/\(demo.lead.id)/decline", token: officer, json: #"{"ground":"no_violation"}"#).status == .badRequest)
            #expect(try await server.app.sunlight.cases.leads(.all, by: .console("test")).count == before)
            #expect(try await server.app.sunlight.cases.lead(demo.lead.id, by: .console("test")).lead.status == .open)
        }
    }

    @Test("Staff pages: the register lists the demo's leads and registers one; the lead page offers the head's steps; a complaint becomes a lead and its tracking page tells the outcome (REC-18, SUP-1)")
    func staffPages() async throws {
        try await TestServer.with { server in
            let officer = server.browser()
            try await officer.logIn("scj.zhangwei")
            let register = try await officer.get("/staff/leads")
            #expect(register.status == .ok && register.body.string.contains("线索登记") && register.body.string.contains("老杨烧烤店") == false)
            #expect(register.body.string.contains("data-action=\"lead-new.register\""))
            let posted = try await officer.post("/staff/leads", [("source", "inspection"), ("receivedOn", "2026-11-23"), ("summary", "日常检查发现冷柜温度异常。"),
                                                                  ("partyKind", "person"), ("partyName", "赵某某")])
            #expect(posted.status == .seeOther)
            let location = try #require(posted.headers.first(name: .location))
            let page = try await officer.get(String(location.split(separator: "?")[0]))
            #expect(page.status == .ok && page.body.string.contains("赵某某") && page.body.string.contains("data-action=\"lead.open-case\""))
            let short = try await officer.post("/staff/leads", [("source", "inspection"), ("receivedOn", "2026-11-23"), ("summary", "短")])
            #expect(short.status == .badRequest && short.body.string.contains("form-problem"))

            // A complaint the bureau handles becomes a lead; the complainant reads the outcome.
            let complaint = try await server.app.sunlight.supervision.fileComplaint(
                NewComplaint(organisationID: server.seeded.organisation("元谋县市场监督管理局").id, subject: "超市销售过期食品",
                             description: "元谋县好又多超市货架上有过期的牛肉干。", anonymous: true), channel: .portal, by: .visitor(address: nil))
            let complaintPage = try await officer.get("/staff/complaints/\(complaint.id.uuidString.lowercased())")
            #expect(complaintPage.body.string.contains("data-action=\"lead-new.complaint\""))
            #expect(try await officer.post("/staff/complaints/\(complaint.id.uuidString.lowercased())/lead", [("lead", "")]).status == .seeOther)
            let lead = try #require(try await server.app.sunlight.cases.leads(ofComplaint: complaint).first)
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            let headPage = try await head.get("/staff/leads/\(lead.id.uuidString.lowercased())")
            #expect(DriftWalk.offered(headPage.body.string) == ["lead.decline@page", "lead.transfer@page", "lead.open-case@page", "lead.extend@page"])
            #expect(try await head.post("/staff/leads/\(lead.id.uuidString.lowercased())/decline",
                                        [("ground", "no_violation"), ("reason", "经现场核查，货架上未发现过期食品。")]).status == .seeOther)
            let tracking = try await server.browser().get("/complaints/track?code=\(complaint.trackingCode)")
            #expect(tracking.body.string.contains("经核查，不予立案：经核查，违法事实不成立"))
            #expect(!tracking.body.string.contains("货架上未发现"), "the written reason stays inside")

            let other = server.browser()
            try await other.logIn("daj.zhoujun")
            #expect(try await other.get("/staff/leads/\(lead.id.uuidString.lowercased())").status == .forbidden)
        }
    }

    @Test("The check period is a setting: SUNLIGHT_LEAD_CHECK_WORKING_DAYS, 15 by default, never more than the statute's 15 (REC-18, 第十八条)")
    func setting() throws {
        #expect(try ServerConfiguration.from(environment: [:]).settings.leadCheckWorkingDays == 15)
        #expect(try ServerConfiguration.from(environment: ["SUNLIGHT_LEAD_CHECK_WORKING_DAYS": "10"]).settings.leadCheckWorkingDays == 10)
        #expect(throws: (any Error).self) { try ServerConfiguration.from(environment: ["SUNLIGHT_LEAD_CHECK_WORKING_DAYS": "16"]) }
    }
}
