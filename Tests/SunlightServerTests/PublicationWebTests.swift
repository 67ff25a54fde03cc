import Foundation
import SunlightCore
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// 事后公开 over HTTP: the portal's decision pages, exports and draws; the clerk's and the
/// administrator's pages; the API's refusals (PUB-4, PUB-6..10, PUB-12, PUB-13).
@Suite struct PublicationWebTests {
    /// The demo decision the market bureau's clerk published while seeding.
    static func demoDecision(_ server: TestServer) async throws -> PublicDecision {
        try #require(try await server.app.sunlight.publicity.publicDecisions(DecisionFilter()).first)
    }

    @Test("The portal searches, shows, exports and proves published decisions, never the party's name (PUB-8, PUB-10)")
    func portal() async throws {
        try await TestServer.with { server in
            let decision = try await Self.demoDecision(server)
            let tester = try server.app.testing()
            let list = try await tester.sendRequest(.GET, "/decisions?q=%E5%B0%8F%E5%90%83") // 小吃: a two-character word
            #expect(list.status == .ok && list.body.string.contains(decision.number))
            let byName = try await tester.sendRequest(.GET, "/decisions?q=%E6%9D%8E%E5%B0%8F%E7%BA%A2") // 李小红
            #expect(byName.body.string.contains("no-decisions"))
            let filtered = try await tester.sendRequest(.GET, "/decisions?category=permit")
            #expect(!filtered.body.string.contains(decision.number))
            #expect(try await tester.sendRequest(.GET, "/decisions?from=2026-13-01").status == .badRequest)
            #expect(try await tester.sendRequest(.GET, "/decisions?category=nonsense").status == .badRequest)

            let page = try await tester.sendRequest(.GET, decision.link)
            #expect(page.status == .ok && page.body.string.contains("李某某") && !page.body.string.contains("李小红"))
            #expect(page.body.string.contains("/d/\(decision.id)/proof"))
            #expect(try await tester.sendRequest(.GET, "/d/not-a-uuid").status == .notFound)
            #expect(try await tester.sendRequest(.GET, "/d/\(UUID().uuidString)").status == .notFound)

            let proof = try await tester.sendRequest(.GET, "/d/\(decision.id)/proof")
            let bundle = try JSONDecoder().decode(PublicationProof.self, from: Data(proof.body.string.utf8))
            _ = try bundle.bundle.verify(with: server.app.sunlight.ledger.verifier)

            let csv = try await tester.sendRequest(.GET, "/decisions.csv")
            #expect(csv.body.string.hasPrefix("\u{FEFF}决定书文号") && csv.body.string.contains(decision.number))
            let lines = try await tester.sendRequest(.GET, "/decisions.jsonl").body.string.split(separator: "\n")
            let line = try JSONSerialization.jsonObject(with: Data(try #require(lines.first).utf8)) as? [String: Any]
            #expect(lines.count == 1 && line?["number"] as? String == decision.number)
            let feed = try await tester.sendRequest(.GET, "/decisions.atom")
            #expect(feed.headers.contentType?.subType == "atom+xml" && feed.body.string.contains(decision.number))
            let api = try await tester.sendRequest(.GET, "/api/v1/public/decisions?q=%E5%B0%8F%E5%90%83")
            #expect(api.status == .ok && api.body.string.contains(decision.number) && !api.body.string.contains("李小红"))
            #expect(try await tester.sendRequest(.GET, "/api/v1/public/decisions/\(decision.id)").status == .ok)
        }
    }

    @Test("The demo draw is public with its seed, in the shape redraw.py reads (PUB-4, PUB-9)")
    func draws() async throws {
        try await TestServer.with { server in
            let (draw, _) = try #require(try await server.app.sunlight.publicity.publicDraws().first)
            let tester = try server.app.testing()
            #expect(try await tester.sendRequest(.GET, "/draws").body.string.contains(draw.title))
            let page = try await tester.sendRequest(.GET, "/draws/\(draw.id)")
            #expect(page.status == .ok && page.body.string.contains(draw.seed) && !draw.seed.isEmpty)
            let json = try await tester.sendRequest(.GET, "/api/v1/public/draws/\(draw.id)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body.string.utf8)) as? [String: Any])
            #expect(object["seed"] as? String == draw.seed && (object["assignments"] as? [Any])?.count == 3 && object["commitment"] as? String == draw.commitment)
            let browser = server.browser()
            try await browser.logIn("scj.wangfang")
            #expect(try await browser.get("/staff/draws").status == .ok)
            let staffPage = try await browser.get("/staff/draws/\(draw.id)")
            #expect(staffPage.status == .ok && staffPage.body.string.contains("results-form"))
        }
    }

    @Test("The clerk's pages: the queue, a stale confirmation refused, withdrawal with a statement; other staff refused (PUB-7, PUB-8)")
    func clerkPages() async throws {
        try await TestServer.with { server in
            let decision = try await Self.demoDecision(server)
            let clerk = server.browser()
            try await clerk.logIn("scj.gongshi")
            #expect(try await clerk.get("/staff/publications").body.string.contains(decision.number))
            let detail = try await clerk.get("/staff/publications/\(decision.id)")
            #expect(detail.status == .ok && detail.body.string.contains("redaction-preview") && detail.body.string.contains("李某某"))
            let stale = try await clerk.post("/staff/publications/\(decision.id)/publish", [("hash", String(repeating: "0", count: 64)), ("extra", ""), ("action", "publish")])
            #expect(stale.status == .conflict && stale.body.string.contains("重新预览"))
            let empty = try await clerk.post("/staff/publications/\(decision.id)/withdraw", [("kind", "revoked"), ("changedOn", "2026-11-23"), ("statement", "")])
            #expect(empty.status == .badRequest)
            let done = try await clerk.post("/staff/publications/\(decision.id)/withdraw",
                                            [("kind", "revoked"), ("changedOn", "2026-11-23"), ("statement", "本决定已被撤销，现予撤下。")])
            #expect(done.status == .seeOther)
            let page = try await server.app.testing().sendRequest(.GET, decision.link)
            #expect(page.body.string.contains("withdrawn-banner") && page.body.string.contains("本决定已被撤销，现予撤下。"))

            let other = server.browser()
            try await other.logIn("daj.fazhi")
            #expect(try await other.post("/staff/publications/\(decision.id)/withdraw", [("statement", "不是本机关的决定")]).status == .forbidden)
            #expect(try await other.get("/staff/admin/exchange").status == .forbidden)
            let report = try await clerk.get("/staff/annual-report?year=2026")
            #expect(report.status == .ok && report.body.string.contains("2026 年度行政执法数据统计报告"))
        }
    }

    @Test("The API: the queue, malformed JSON, unknown IDs, another organisation's clerk, the administrator's outbox (PUB-10)")
    func api() async throws {
        try await TestServer.with { server in
            let decision = try await Self.demoDecision(server)
            let clerk = try await server.token(for: "scj.gongshi")
            #expect(try await server.api(.GET, "/api/v1/publications", token: clerk).status == .ok)
            #expect(try await server.api(.POST, "/api/v1/publications/\(decision.id)/preview", token: clerk, json: "{not json").status == .badRequest)
            #expect(try await server.api(.POST, "/api/v1/publications/\(UUID().uuidString)/preview", token: clerk, json: "{}").status == .notFound)
            let preview = try await server.api(.POST, "/api/v1/publications/\(decision.id)/preview", token: clerk, json: "{}")
            #expect(preview.status == .ok && preview.body.string.contains("publishedHash"))
            let outsider = try await server.token(for: "daj.fazhi")
            #expect(try await server.api(.POST, "/api/v1/publications/\(decision.id)/withdraw", token: outsider,
                                         json: #"{"statement": "不是本机关的决定", "kind": "revoked", "changedOn": "2026-11-23"}"#).status == .forbidden)
            #expect(try await server.api(.POST, "/api/v1/publications/\(decision.id)/change", token: clerk,
                                         json: #"{"kind": "nonsense", "changedOn": "2026-11-23"}"#).status == .badRequest)
            #expect(try await server.api(.GET, "/api/v1/outbox", token: clerk).status == .forbidden)
            let outbox = try await server.api(.GET, "/api/v1/outbox", token: try await server.token(for: "admin"))
            #expect(outbox.status == .ok && outbox.body.string.contains("decision.published"))
            let admin = server.browser()
            try await admin.logIn("admin")
            let page = try await admin.get("/staff/admin/exchange")
            #expect(page.status == .ok && page.body.string.contains("outbox-pending"))
            #expect(try await admin.post("/staff/admin/exchange/policy", [("category", "penalty"), ("workingDays", "99")]).status == .badRequest)
            #expect(try await admin.post("/staff/admin/exchange/policy", [("category", "penalty"), ("workingDays", "5"), ("exemptSimple", "yes")]).status == .seeOther)
            #expect(try await server.app.sunlight.publicity.publicationPolicies().first { $0.category == .penalty }?.exemptSimple == true)
        }
    }
}
