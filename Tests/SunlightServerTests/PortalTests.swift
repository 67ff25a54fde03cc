import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SunlightCore
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

extension TestServer {
    var market: Organisation { seeded.organisation("元谋县市场监督管理局") }
    var marketID: String { market.id.uuidString.lowercased() }
    func get(_ path: String) async throws -> TestingHTTPResponse { try await browser().get(path) }
}

@Suite("公示门户 PUB-1..5 PUB-10 PUB-11")
struct PortalTests {
    @Test("PUB-1/PUB-3: an organisation's page shows its subject information and lists; entries keep their history and flowchart")
    func organisationAndLists() async throws {
        try await TestServer.with { server in
            let page = try await server.get("/o/\(server.marketID)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("市场主体登记、食品药品安全"))
            let items = try await server.get("/o/\(server.marketID)/item")
            #expect(items.body.string.contains("对生产经营不符合食品安全标准的食品的处罚"))
            let link = try #require(items.body.string.range(of: #"<a href="/o/\#(server.marketID)/item/"#)
                .map { String(items.body.string[$0.lowerBound...].dropFirst(9).prefix { $0 != "\"" }) })
            let entry = try await server.get(link)
            #expect(entry.body.string.contains("第 1 版") && entry.body.string.contains("/flow/penalty.svg"))
            let csv = try await server.get("/o/\(server.marketID)/item.csv")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.body.string.contains("食品经营许可"))
            #expect(try await server.get("/o/\(server.marketID)/nonsense").status == .notFound)
            #expect(try await server.get("/o/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test("PUB-5: flowcharts are drawn from the procedure definitions, every stage named")
    func flowchart() async throws {
        try await TestServer.with { server in
            let svg = try await server.get("/flow/penalty.svg")
            #expect(svg.headers.contentType?.subType == "svg+xml")
            for stage in Procedures.stages(for: .penalty) { #expect(svg.body.string.contains(stage.name)) }
            #expect(svg.body.string.contains("听证（视情形）"))
            #expect(try XMLDocumentCheck.wellFormed(svg.body.string))
            #expect(try await server.get("/flow/unknown.svg").status == .notFound)
        }
    }

    @Test("PUB-2: officers are listed; a certificate page says valid, expired or revoked; an unknown number is 404 in Chinese")
    func certificates() async throws {
        try await TestServer.with { server in
            let officers = try await server.get("/o/\(server.marketID)/officers")
            #expect(officers.body.string.contains(#"<a href="/c/53232800101">53232800101</a>"#))
            let csv = try await server.get("/o/\(server.marketID)/officers.csv")
            #expect(csv.body.string.contains("张伟,元谋县市场监督管理局,市场监管执法大队队员,53232800101,行政处罚、行政强制、行政检查"))
            let valid = try await server.get("/c/53232800101")
            #expect(valid.body.string.contains(#"id="certificate-status">有效<"#) && valid.body.string.contains("张伟"))
            #expect(try await server.get("/c/53232800103").body.string.contains(#"id="certificate-status">已过期<"#))
            let unknown = try await server.get("/c/99999999")
            #expect(unknown.status == .notFound && unknown.body.string.contains("查无此执法证号"))
            let lookup = try await server.get("/officers?number=53232800101")
            #expect(lookup.location == "/c/53232800101")

            let (_, certificate) = try await server.app.sunlight.standards.certificateLookup("53232800101")
            try await server.app.sunlight.standards.revokeCertificate(certificate.id, reason: "调离执法岗位", by: .console("test"))
            let revoked = try await server.get("/c/53232800101")
            #expect(revoked.body.string.contains(#"id="certificate-status">已注销<"#) && revoked.body.string.contains("调离执法岗位"))
        }
    }

    @Test("PUB-2: the certificate's QR code, rasterised and read by zbar, is the verification URL")
    func qrCode() async throws {
        try await TestServer.with { server in
            let svg = try await server.get("/c/53232800102/qr.svg")
            #expect(svg.status == .ok)
            #expect(try decodeQR(svg.body.string) == server.app.sunlightConfiguration.portalURL + "/c/53232800102")
        }
    }

    @Test("PUB-10: search, the Atom feed and the open-data API show only what is published")
    func searchFeedAndAPI() async throws {
        try await TestServer.with { server in
            let draft = try await server.app.sunlight.publicity.draftListEntry(.item, organisationID: server.market.id, fields: [
                "code": "DRAFT-1", "name": "尚未审核的草稿事项", "powerCategory": "行政处罚", "law": "某法", "article": "第一条",
                "responsibleOrganisation": "某局", "entrusted": "否", "timeLimit": "即时"], effectiveFrom: server.clock.today,
                by: try await server.app.sunlight.access.actor(for: try await server.app.sunlight.store.users.find(username: "scj.zhangwei")!, channel: .staff, address: nil))
            let search = try await server.get("/search?q=\("处罚".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            #expect(search.body.string.contains("对生产经营不符合食品安全标准的食品的处罚"))
            #expect(!search.body.string.contains("尚未审核的草稿事项"))
            let byNumber = try await server.api(.GET, "/api/v1/public/search?q=53232800101", token: nil)
            #expect(byNumber.body.string.contains("张伟"))
            // A NUL byte in the query is bad input, answered as such on both databases — never a 500 (issue 15 item 11).
            #expect(try await server.get("/search?q=abc%00def").status == .badRequest)
            let nul = try await server.api(.GET, "/api/v1/public/search?q=abc%00def", token: nil)
            #expect(nul.status == .badRequest && nul.body.string.contains("控制字符"))
            let feed = try await server.get("/feed.atom")
            #expect(feed.headers.contentType?.subType == "atom+xml")
            #expect(try XMLDocumentCheck.wellFormed(feed.body.string))
            #expect(feed.body.string.contains("<entry>") && !feed.body.string.contains("尚未审核的草稿事项"))

            let list = try await server.api(.GET, "/api/v1/public/organisations/\(server.marketID)/lists/item", token: nil)
            #expect(list.status == .ok && list.body.string.contains(#""行政处罚""#) && !list.body.string.contains("DRAFT-1"))
            let history = try await server.api(.GET, "/api/v1/public/entries/\(draft.entryID.uuidString)", token: nil)
            #expect(history.status == .notFound)
            let certificate = try await server.api(.GET, "/api/v1/public/certificates/53232800101", token: nil)
            #expect(certificate.body.string.contains(#""status":"valid""#))
            let officers = try await server.api(.GET, "/api/v1/public/organisations/\(server.marketID)/officers", token: nil)
            #expect(officers.body.string.contains("53232800102"))
        }
    }
}

/// Parses XML with Foundation's parser; true when well-formed.
enum XMLDocumentCheck {
    static func wellFormed(_ text: String) throws -> Bool {
        final class Delegate: NSObject, XMLParserDelegate { var failed = false
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { failed = true } }
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        return parser.parse() && !delegate.failed
    }
}

@Suite("公示清单维护（工作人员） PUB-3 §0")
struct StaffListTests {
    @Test("PUB-3: an officer drafts through the form, the clerk publishes from the queue, the portal shows it")
    func draftAndPublish() async throws {
        try await TestServer.with { server in
            let officer = server.browser()
            try await officer.logIn("scj.lina")
            try await officer.get("/staff/lists/random_inspection/new")
            let drafted = try await officer.post("/staff/lists/random_inspection", [
                ("entryID", ""), ("name", "计量器具监督抽查"), ("subject", "元谋县市场监督管理局"), ("basis", "《中华人民共和国计量法》"),
                ("object", "集贸市场经营者"), ("content", "在用计量器具检定情况"), ("method", "双随机抽取"), ("ratio", "3%"), ("frequency", "每年一次"),
                ("effectiveFrom", server.clock.today.iso)])
            #expect(drafted.status == .seeOther)
            #expect(!(try await server.get("/o/\(server.marketID)/random_inspection")).body.string.contains("计量器具监督抽查"))

            let otherClerk = server.browser()
            try await otherClerk.logIn("daj.fazhi")
            let id = try #require(try await server.app.sunlight.store.lists.versions(kind: .randomInspection, organisations: [server.market.id], statuses: [.draft]).first?.id)
            try await otherClerk.get("/staff/checks")
            let refused = try await otherClerk.post("/staff/checks/\(id.uuidString)", [("decision", "approve"), ("note", "")])
            #expect(refused.status == .forbidden)

            let clerk = server.browser()
            try await clerk.logIn("scj.gongshi")
            let queue = try await clerk.get("/staff/checks")
            #expect(queue.body.string.contains("计量器具监督抽查"))
            let approved = try await clerk.post("/staff/checks/\(id.uuidString)", [("decision", "approve"), ("note", "")])
            #expect(approved.location == "/staff/checks?notice=list_published")
            #expect(try await server.get("/o/\(server.marketID)/random_inspection").body.string.contains("计量器具监督抽查"))
        }
    }

    @Test("PUB-3: a CSV with a bad row is refused with line and column, nothing imported; a good one becomes drafts")
    func importCSV() async throws {
        try await TestServer.with { server in
            let officer = server.browser()
            try await officer.logIn("scj.zhangwei")
            try await officer.get("/staff/lists/supervision")
            let bad = "监督事项,监督方式与途径,受理机构,电话\n信访,来信来访,县信访局,0878-1\n举报,,县司法局,0878-2\n"
            let refused = try await officer.post("/staff/lists/supervision/import", [("text", bad)])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("第 3 行“监督方式与途径”列：不能为空"))
            #expect(try await server.app.sunlight.store.lists.versions(kind: .supervision, organisations: [server.market.id], statuses: [.draft]).isEmpty)
            let good = "\u{FEFF}监督事项,监督方式与途径,受理机构,电话\r\n信访,来信来访,县信访局,0878-1\r\n"
            let imported = try await officer.post("/staff/lists/supervision/import", [("text", good)])
            #expect(imported.location == "/staff/lists/supervision?notice=list_imported")
            #expect(try await server.app.sunlight.store.lists.versions(kind: .supervision, organisations: [server.market.id], statuses: [.draft]).count == 1)
        }
    }

    @Test("STD-2: the certificate rate page shows each organisation against 85%; an administrator revokes a certificate")
    func officersPage() async throws {
        try await TestServer.with { server in
            let supervisor = server.browser()
            try await supervisor.logIn("jiandu")
            let page = try await supervisor.get("/staff/officers")
            #expect(page.body.string.contains("元谋县市场监督管理局") && page.body.string.contains("66.7%"))
            let admin = server.browser()
            try await admin.logIn("admin")
            let zhang = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei"))
            let officerPage = try await admin.get("/staff/officers/\(zhang.id.uuidString.lowercased())")
            let (_, certificate) = try await server.app.sunlight.standards.certificateLookup("53232800101")
            #expect(officerPage.body.string.contains("注销证件"))
            let revoked = try await admin.post("/staff/officers/certificates/\(certificate.id.uuidString.lowercased())/revoke", [("reason", "调离执法岗位")])
            #expect(revoked.status == .seeOther)
            #expect(try await server.get("/c/53232800101").body.string.contains("已注销"))
            let officer = server.browser()
            try await officer.logIn("scj.zhangwei")
            try await officer.get("/staff/officers")
            let refused = try await officer.post("/staff/officers/certificates/\(certificate.id.uuidString.lowercased())/review", [("year", "2025"), ("passed", "yes")])
            #expect(refused.status == .forbidden)
        }
    }
}

@Suite("清单与执法资格接口 PUB-3 REC-7")
struct ListsApiTests {
    @Test("PUB-3/REC-7: draft and check through the API; eligibility answers 200 or 422 with REC-7")
    func api() async throws {
        try await TestServer.with { server in
            let officer = try await server.token(for: "scj.zhangwei")
            let drafted = try await server.api(.POST, "/api/v1/lists/supervision", token: officer, json: """
                {"effectiveFrom": "\(server.clock.today.iso)", "fields": {"name": "信访", "channel": "来信来访", "contact": "县信访局", "phone": "0878-1"}}
                """)
            #expect(drafted.status == .created, "\(drafted.body.string)")
            let id = try server.json(drafted)["id"] as! String
            let selfCheck = try await server.api(.POST, "/api/v1/lists/versions/\(id)/check", token: officer, json: #"{"approve": true}"#)
            #expect(selfCheck.status == .forbidden)
            let checked = try await server.api(.POST, "/api/v1/lists/versions/\(id)/check", token: try await server.token(for: "scj.gongshi"),
                                               json: #"{"approve": true}"#)
            #expect(checked.body.string.contains(#""status":"published""#))
            let zhang = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei"))
            let ok = try await server.api(.GET, "/api/v1/officers/\(zhang.id.uuidString)/eligibility?category=penalty", token: officer)
            #expect(ok.status == .ok)
            let refused = try await server.api(.GET, "/api/v1/officers/\(zhang.id.uuidString)/eligibility?category=permit", token: officer)
            #expect(refused.status == .unprocessableEntity && refused.apiError?.rule == "REC-7")
            #expect(refused.apiError?.message.contains("执法证的执法类别不含“行政许可”") == true)
        }
    }
}
