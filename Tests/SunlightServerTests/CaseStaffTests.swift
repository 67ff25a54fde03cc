import Foundation
@testable import SunlightCore
import SunlightLedger
import SunlightRendering
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// A case of the demo market-regulation bureau, run through the staff pages.
struct CasePages {
    let server: TestServer

    /// The food-safety penalty item of the market bureau.
    func foodItem() async throws -> UUID {
        let market = server.seeded.organisation("元谋县市场监督管理局")
        let items = try await server.app.sunlight.publicity.publishedList(.item, organisationID: market.id)
        return try #require(items.first { $0.version.fields["code"] == "5323280-CF-001" }).version.entryID
    }

    func user(_ username: String) async throws -> StaffUser { try #require(try await server.app.sunlight.store.users.find(username: username)) }

    /// The opening form as 张伟 fills it in, with 李娜 as co-officer unless told otherwise.
    func openingForm(officers: [String] = ["scj.lina"], title: String = "销售超过保质期的食品") async throws -> [(String, String)] {
        var fields: [(String, String)] = [("title", title), ("category", "penalty"), ("item", try await foodItem().uuidString),
                                          ("source", "inspection"), ("violationOn", server.clock.today.iso), ("classification", "normal"),
                                          ("party[0][kind]", "person"), ("party[0][name]", "王小明"),
                                          ("party[0][idNumber]", "532328198001011234"), ("party[0][address]", "元谋县元马镇龙川街 12 号"),
                                          ("party[0][phone]", "13800001111"), ("party[1][kind]", "person"), ("party[1][name]", "")]
        for officer in officers { fields.append(("officers[]", try await user(officer).id.uuidString)) }
        return fields
    }

    /// Opens the case through the form; returns its ID.
    func open(_ browser: Browser) async throws -> UUID {
        try await browser.get("/staff/cases/new")
        let response = try await browser.post("/staff/cases", try await openingForm())
        #expect(response.status == .seeOther, "\(problem(in: response.body.string) ?? "")")
        let location = try #require(response.location)
        return try #require(UUID(uuidString: String(location.dropFirst("/staff/cases/".count).prefix(36))))
    }

    /// Drafts a document through the forms and returns its ID.
    func draft(_ browser: Browser, case id: UUID, _ type: DocumentType, _ overrides: [String: String] = [:]) async throws -> UUID {
        let form = try await browser.get("/staff/cases/\(id.uuidString.lowercased())/documents/new?type=\(type.rawValue)")
        #expect(form.status == .ok)
        let fields = type.sampleFields(overrides).map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
        let response = try await browser.post("/staff/cases/\(id.uuidString.lowercased())/documents", [("type", type.rawValue)] + fields)
        #expect(response.status == .seeOther, "\(problem(in: response.body.string) ?? "")")
        let location = try #require(response.location)
        return try #require(UUID(uuidString: String(location.dropFirst("/staff/documents/".count).prefix(36))))
    }

    /// Posts one of the document page's buttons.
    @discardableResult
    func press(_ browser: Browser, _ document: UUID, _ action: String) async throws -> TestingHTTPResponse {
        try await browser.get("/staff/documents/\(document.uuidString.lowercased())")
        return try await browser.post("/staff/documents/\(document.uuidString.lowercased())/\(action)", [])
    }

    func actor(_ username: String) async throws -> Actor {
        try await server.app.sunlight.access.actor(for: try await user(username), channel: .staff, address: nil)
    }

    /// Drafts, submits, signs and issues a document through the use cases: the head signs what
    /// heads sign, 李娜 checks 张伟's records.
    @discardableResult
    func issue(_ type: DocumentType, _ overrides: [String: String] = [:], case id: UUID) async throws -> CaseDocument {
        let sunlight = server.app.sunlight
        let officer = try await actor("scj.zhangwei")
        let draft = try await sunlight.cases.draftDocument(case: id, type: type, fields: type.sampleFields(overrides), by: officer)
        _ = try await sunlight.cases.submitDocument(draft.id, by: officer)
        _ = try await sunlight.cases.signDocument(draft.id, by: try await actor(type.signedByHead ? "scj.wangfang" : "scj.lina"))
        return try await sunlight.cases.issueDocument(draft.id, by: officer)
    }

    /// Uploads a body-camera video as evidence of the current stage through the case page's form.
    func uploadVideo(_ browser: Browser, case id: UUID, payload: String, confirmedBy: String = "王小明") async throws -> TestingHTTPResponse {
        try await browser.get("/staff/cases/\(id.uuidString.lowercased())")
        let officer = try await user("scj.zhangwei")
        let boundary = "----sunlight-case-evidence"
        var text = ""
        for (name, value) in [("kind", "audiovisual"), ("description", "执法记录仪录像：现场检查过程"), ("source", "执法人员现场拍摄"),
                              ("original", "original"), ("confirmedBy", confirmedBy), ("confirmedOn", server.clock.today.iso),
                              ("fileKind", "video"), ("recordedAt", "\(server.clock.today.iso)T08:30"), ("place", "元马镇龙川街 12 号"),
                              ("recordedBy", officer.id.uuidString), ("device", "执法记录仪 DSJ-A8 0032"), ("parties", "王小明")] {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bodycam.mp4\"\r\nContent-Type: video/mp4\r\n\r\n"
        text += payload + "\r\n--\(boundary)--\r\n"
        let type = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        return try await browser.send(.POST, "/staff/cases/\(id.uuidString.lowercased())/evidence?_csrf=\(browser.csrf!)", body: text, contentType: type)
    }

    /// The message of the form that came back refused.
    func problem(in page: String) -> String? {
        page.range(of: #"id="form-problem">"#).map { String(page[$0.upperBound...].prefix { $0 != "<" }) }
    }
}

@Suite("工作人员界面：案件办理 REC-1..13")
struct CaseStaffTests {
    @Test("REC-1/REC-7: an officer opens a case through the form; it is numbered, listed, and its page shows the stage track")
    func openThroughForm() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let list = try await browser.get("/staff/cases")
            #expect(list.body.string.contains(#"id="open-case""#))
            let form = try await browser.get("/staff/cases/new")
            #expect(form.body.string.contains("李娜") && form.body.string.contains("对生产经营不符合食品安全标准的食品的处罚"))
            let id = try await pages.open(browser)
            let page = try await browser.get("/staff/cases/\(id.uuidString.lowercased())?notice=case_opened")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("元市监立〔2026〕2号") && html.contains("销售超过保质期的食品"), "the demo's own case is the first")
            #expect(html.contains(#"<li class="current"><span class="stage-name">立案</span>"#))
            #expect(html.contains("调查取证") && html.contains("王小明") && html.contains("已立案"))
            #expect(html.contains("/staff/cases/\(id.uuidString.lowercased())/case-file.zip"))
            let listed = try await browser.get("/staff/cases?status=running&q=保质期")
            #expect(listed.body.string.contains("元市监立〔2026〕2号") && !listed.body.string.contains("cases-pager"), "one page: no pager")
            let second = try await browser.get("/staff/cases?status=running&q=保质期&page=2").body.string
            #expect(second.contains("第 2 页") && second.contains(#"href="/staff/cases?q=%E4%BF%9D%E8%B4%A8%E6%9C%9F&amp;status=running&amp;page=1""#)
                    && !second.contains("元市监立〔2026〕2号"), "a page past the end links back, keeping the filter")
            let csv = try await browser.get("/staff/cases.csv")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.body.string.contains("元市监立〔2026〕2号,销售超过保质期的食品"))
        }
    }

    @Test("REC-7: opening with one officer is refused in the form with the rule; what was typed stays, nothing is stored")
    func refusalReRenders() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            try await browser.get("/staff/cases/new")
            let refused = try await browser.post("/staff/cases", try await pages.openingForm(officers: [], title: "无照经营食品摊贩"))
            #expect(refused.status == .unprocessableEntity)
            #expect(pages.problem(in: refused.body.string)?.contains("两名以上执法人员") == true)
            #expect(refused.body.string.contains("（依据《中华人民共和国行政处罚法》第四十二条）"))
            #expect(refused.body.string.contains(#"value="无照经营食品摊贩""#) && refused.body.string.contains(#"value="王小明""#))
            let expired = try await browser.post("/staff/cases", try await pages.openingForm(officers: ["scj.zhaolei"]))
            #expect(expired.status == .unprocessableEntity)
            #expect(pages.problem(in: expired.body.string)?.contains("已于") == true)
            let market = server.seeded.organisation("元谋县市场监督管理局")
            #expect(try await server.app.sunlight.store.cases.list(organisations: [market.id], filter: .all, limit: 10).count == 2, "only the demo's two")
        }
    }

    @Test("REC-2/CAL-4: the case page says why the stage cannot be completed, and that a 2027 clock is provisional until the notice is loaded")
    func blockerAndUnknownClock() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let id = try await pages.open(browser)
            let page = try await browser.get("/staff/cases/\(id.uuidString.lowercased())")
            #expect(page.body.string.contains("本环节尚不能完成：“立案”环节须先出具立案审批表（依据《中华人民共和国行政处罚法》第四十七条）"))
            #expect(page.body.string.contains(#"class="error clock-problem""#) && page.body.string.contains("2027 年节假日安排尚未加载"))
            let refused = try await browser.post("/staff/cases/\(id.uuidString.lowercased())/complete", [("note", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(pages.problem(in: refused.body.string) == "“立案”环节须先出具立案审批表（依据《中华人民共和国行政处罚法》第四十七条）")
            #expect(page.body.string.contains("（暂定）"), "the provisional date is shown, never “无法计算” (CAL-4)")
            let list = try await browser.get("/staff/cases")
            #expect(!list.body.string.contains("无法计算"))
        }
    }

    @Test("REC-6: a document is drafted, submitted, signed by the head and issued through the forms; its print view is the A4 sheet")
    func documentLifecycle() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let officer = server.browser(), head = server.browser()
            try await officer.logIn("scj.zhangwei")
            try await head.logIn("scj.wangfang")
            let id = try await pages.open(officer)
            let document = try await pages.draft(officer, case: id, .openingApproval, ["facts": "市场监管所检查发现超过保质期的食品"])
            let draftPage = try await officer.get("/staff/documents/\(document.uuidString.lowercased())")
            #expect(draftPage.body.string.contains(#"id="document-form""#) && draftPage.body.string.contains("市场监管所检查发现"))
            let revised = try await officer.post("/staff/documents/\(document.uuidString.lowercased())",
                                                 DocumentType.openingApproval.sampleFields(["facts": ""]).map { ($0.key, $0.value) })
            #expect(revised.status == .badRequest && pages.problem(in: revised.body.string)?.contains("不能为空（依据《中华人民共和国行政处罚法》第四十七条）") == true)
            #expect(try await pages.press(officer, document, "submit").status == .seeOther)
            let early = try await pages.press(officer, document, "sign")
            #expect(early.status == .forbidden, "the officer may not sign an approval")
            let headView = try await head.get("/staff/documents/\(document.uuidString.lowercased())")
            #expect(headView.body.string.contains(#"id="document-sign""#))
            #expect(try await pages.press(head, document, "sign").status == .seeOther)
            #expect(try await pages.press(officer, document, "issue").status == .seeOther)
            let issued = try await officer.get("/staff/documents/\(document.uuidString.lowercased())")
            #expect(issued.body.string.contains(#"<dd id="document-number">元市监立〔2026〕2号</dd>"#))
            #expect(issued.body.string.contains("王芳"))

            let print = try await officer.get("/staff/documents/\(document.uuidString.lowercased())/print")
            #expect(print.status == .ok)
            #expect(print.headers.first(name: .contentType) == "text/html; charset=utf-8")
            let actor = try await server.app.sunlight.access.actor(for: try await pages.user("scj.zhangwei"), channel: .staff, address: nil)
            let (stored, detail) = try await server.app.sunlight.cases.caseDocument(document, by: actor)
            #expect(print.body.string == detail.sheet(stored).html)
            #expect(print.body.string.contains("size: A4"))
            #expect(print.headers.first(name: "Content-Security-Policy")?.contains("style-src 'sha256-") == true)

            let page = try await officer.get("/staff/cases/\(id.uuidString.lowercased())")
            #expect(!page.body.string.contains(#"id="blocker""#), "the stage may now be completed")
            #expect(try await officer.post("/staff/cases/\(id.uuidString.lowercased())/complete", [("note", "")]).status == .seeOther)
            #expect(try await server.app.sunlight.store.cases.find(id)?.stage == "investigation")
        }
    }

    @Test("REC-4/REC-8: evidence recorded with a file uploaded through the case page lands in the current stage with its SHA-256")
    func evidenceUpload() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let id = try await pages.open(browser)
            let refused = try await pages.uploadVideo(browser, case: id, payload: String(repeating: "录像数据", count: 40_000), confirmedBy: "")
            #expect(refused.status == .badRequest)
            #expect(pages.problem(in: refused.body.string)?.contains("（依据《中华人民共和国行政处罚法》第四十六条）") == true)
            #expect(try server.app.blobStore.list().isEmpty, "a refused form keeps no file")

            let payload = String(repeating: "录像数据", count: 40_000) + "王小明"
            let saved = try await pages.uploadVideo(browser, case: id, payload: payload)
            #expect(saved.status == .seeOther, "\(pages.problem(in: saved.body.string) ?? "")")
            let evidence = try await server.app.sunlight.store.caseRecords.evidence(of: id)
            #expect(evidence.count == 1 && evidence.first?.stage == "opening")
            let fileID = try #require(evidence.first?.fileID)
            let file = try #require(try await server.app.sunlight.store.evidence.find(fileID))
            let sha256 = LedgerHash.sha256(Array(payload.utf8)).hex
            #expect(file.sha256.hex == sha256 && file.kind == .video)
            let page = try await browser.get("/staff/cases/\(id.uuidString.lowercased())")
            #expect(page.body.string.contains(sha256) && page.body.string.contains("/staff/evidence/\(file.id.uuidString.lowercased())/file"))
        }
    }

    @Test("REC-1: suspending is for heads; an officer's attempt is refused with 403 and changes nothing; the head's is recorded")
    func headOnly() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let officer = server.browser(), head = server.browser()
            try await officer.logIn("scj.zhangwei")
            let id = try await pages.open(officer)
            let path = "/staff/cases/\(id.uuidString.lowercased())"
            #expect(!(try await officer.get(path)).body.string.contains("/status\""), "the officer is not shown the form")
            let refused = try await officer.post("\(path)/status", [("statusAction", "suspended"), ("statusReason", "等待检验结果")])
            #expect(refused.status == .forbidden && refused.body.string.contains("负责人"))
            #expect(try await server.app.sunlight.store.cases.find(id)?.status == .open)
            try await head.logIn("scj.wangfang")
            #expect(try await head.get(path).body.string.contains("\(path)/status\""))
            let short = try await head.post("\(path)/status", [("statusAction", "suspended"), ("statusReason", "等")])
            #expect(short.status == .badRequest && pages.problem(in: short.body.string)?.contains("依据《中华人民共和国行政处罚法》第四十七条") == true)
            #expect(try await head.post("\(path)/status", [("statusAction", "suspended"), ("statusReason", "等待检验结果")]).status == .seeOther)
            let page = try await head.get(path)
            #expect(page.body.string.contains(#"id="case-status">中止"#) && page.body.string.contains("等待检验结果"))
        }
    }

    @Test("REC-11: another bureau's officer gets 403 on the case page; the refusal is logged")
    func otherBureau() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let officer = server.browser()
            try await officer.logIn("scj.zhangwei")
            let id = try await pages.open(officer)
            let outsider = server.browser()
            try await outsider.logIn("daj.chenming")
            let response = try await outsider.get("/staff/cases/\(id.uuidString.lowercased())")
            #expect(response.status == .forbidden)
            #expect(!response.body.string.contains("销售超过保质期的食品"))
            #expect(try await outsider.get("/staff/cases").body.string.contains("元市监立") == false)
            #expect(try await server.accessLog().contains { $0.action == .denied && $0.resourceID == id.uuidString })
        }
    }

    @Test("STD-3: the head sets a benchmark; the decision draft shows its ranges, the matching one, and warns of a fine outside it")
    func benchmarks() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            let settings = try await head.get("/staff/cases/settings")
            #expect(settings.body.string.contains("音像记录事项清单") && settings.body.string.contains("对生产经营不符合食品安全标准的食品的处罚"))
            let item = try await pages.foodItem().uuidString.lowercased()
            let wrong = try await head.post("/staff/cases/settings/benchmarks", [("item", item), ("circumstance", "general"), ("minFine", "70000"),
                                                                               ("maxFine", "50000"), ("measures", "")])
            #expect(wrong.status == .badRequest && pages.problem(in: wrong.body.string)?.contains("依据《中华人民共和国行政处罚法》第三十四条") == true)
            #expect(try await head.post("/staff/cases/settings/benchmarks", [("item", item), ("circumstance", "general"), ("minFine", "50000"),
                                                                            ("maxFine", "70000"), ("measures", "没收违法所得")]).status == .seeOther)
            #expect(try await head.post("/staff/cases/settings/audio-video", [("category", "penalty"), ("stage", "opening"),
                                                                             ("required", "yes")]).status == .seeOther)
            let officer = server.browser()
            try await officer.logIn("scj.zhangwei")
            let readOnly = try await officer.get("/staff/cases/settings")
            #expect(readOnly.body.string.contains("50000–70000 元") && !readOnly.body.string.contains("/staff/cases/settings/benchmarks"))
            #expect(try await officer.post("/staff/cases/settings/audio-video", [("category", "penalty"), ("stage", "opening"),
                                                                                ("required", "no")]).status == .forbidden)
            let id = try await pages.open(officer)
            let page = try await officer.get("/staff/cases/\(id.uuidString.lowercased())")
            #expect(page.body.string.contains("“立案”环节须先出具立案审批表"))
            let draft = try await officer.get("/staff/cases/\(id.uuidString.lowercased())/documents/new?type=penalty_decision")
            #expect(draft.status == .ok && draft.body.string.contains("50000–70000 元"))
            let document = try await pages.draft(officer, case: id, .openingApproval)
            #expect(try await officer.get("/staff/documents/\(document.uuidString.lowercased())").status == .ok)
            // A decision draft outside the range, shown by the page (drafting itself is only allowed in the decision stage).
            let outside = try await officer.post("/staff/cases/\(id.uuidString.lowercased())/documents",
                                                 [("type", "penalty_decision")] + DocumentType.penaltyDecision.sampleFields(
                                                    ["fine": "40000", "circumstance": "general"]).map { ($0.key, $0.value) })
            #expect(outside.status == .unprocessableEntity, "“立案” does not issue decisions")
            #expect(outside.body.string.contains(#"id="discretion-warning""#) && outside.body.string.contains("超出“一般”情节的裁量基准"))
            #expect(outside.body.string.contains(#"<tr class="matched">"#))
        }
    }
}
