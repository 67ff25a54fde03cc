import Foundation
@testable import SunlightCore
import SunlightLedger
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("工作人员界面：案件统计、执行与记录 REC-7 REC-9 REC-11 REC-12 REC-13")
struct CaseStaffRecordsTests {
    @Test("REC-12: the statistics page draws SVG bar charts on the server; its CSV starts with the BOM")
    func statistics() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            _ = try await pages.open(browser)
            let page = try await browser.get("/staff/cases/statistics")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<svg") && html.contains("<title id=\"chart-category-title\">按执法类别：立案数</title>"))
            #expect(html.contains("行政处罚 3 件") && html.contains(#"<strong id="total-opened">3</strong>"#), "with the demo's two")
            #expect(html.contains(#"value="2026-01-01""#))
            let csv = try await browser.get("/staff/cases/statistics.csv?from=2026-01-01&to=2026-12-31")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.body.string.contains("类别,行政处罚,3,2,1,1,0,0,0.0,0.0"), "\(csv.body.string)")
            let bad = try await browser.get("/staff/cases/statistics?from=2026-12-31&to=2026-01-01")
            #expect(bad.status == .badRequest && bad.body.string.contains("依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）"))
        }
    }

    @Test("REC-13: paying the bare fine late is refused in the form with the surcharge explained; the right amount closes execution")
    func latePayment() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let sunlight = server.app.sunlight
            let officer = try await pages.actor("scj.zhangwei")
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let id = try await pages.atNotice(browser)
            let notice = try await pages.issue(.penaltyNotice, ["fine": "1000", "hearing": "no"], case: id)
            try await pages.issue(.deliveryReceipt, ["document": notice.id.uuidString.lowercased(), "date": "2026-11-23"], case: id)
            let path = "/staff/cases/\(id.uuidString.lowercased())"
            try await browser.get(path)
            #expect(try await browser.post("\(path)/response", [("responseKind", "statement_received"), ("responseOn", "2026-11-23"),
                                                                ("responseNote", "当事人承认违法事实")]).status == .seeOther)
            _ = try await sunlight.cases.completeStage(case: id, by: officer)
            let decision = try await pages.issue(.penaltyDecision, ["fine": "1000"], case: id)
            _ = try await sunlight.cases.completeStage(case: id, by: officer)
            try await pages.issue(.deliveryReceipt, ["document": decision.id.uuidString.lowercased(), "date": "2026-11-23"], case: id)
            #expect(try await pages.uploadVideo(browser, case: id, payload: "送达录像").status == .seeOther)
            _ = try await sunlight.cases.completeStage(case: id, by: officer)
            #expect(try await sunlight.store.cases.find(id)?.stage == "execution")

            // Delivered on 23 November: 15 days run to 8 December; paid on the 10th, two days late.
            server.clock.set(CivilDate(iso: "2026-12-10")!)
            try await browser.logIn("scj.zhangwei")
            let page = try await browser.get(path)
            #expect(page.body.string.contains(#"id="payment""#) && page.body.string.contains("逾期"))
            let due = try await sunlight.cases.paymentDue(case: id, paidOn: CivilDate(iso: "2026-12-10")!, by: officer)
            #expect(due.fine == 1000 && due.surcharge == 60, "two days at 3% a day: what the payment must come to")
            let late = try await browser.post("\(path)/payment", [("amount", "1000"), ("paidOn", "2026-12-10"), ("method", "bank"), ("receipt", "")])
            #expect(late.status == .unprocessableEntity)
            let message = try #require(pages.problem(in: late.body.string))
            #expect(message.contains("逾期加处罚款") && message.contains("行政处罚法第七十二条") && !message.contains("REC-13"), "the page cites the statute, not our rule ID")
            #expect(message.hasPrefix("应缴 1060 元：罚款 1000 元，逾期加处罚款 60 元"))
            let owed = 1060
            #expect(late.body.string.contains(#"<details class="action" id="payment" open>"#), "the refused form stays open")
            let paid = try await browser.post("\(path)/payment", [("amount", String(owed)), ("paidOn", "2026-12-10"), ("method", "bank"),
                                                                  ("receipt", "非税收入缴款书 No.0001")])
            #expect(paid.status == .seeOther)
            #expect(try await browser.post("\(path)/complete", [("note", "")]).status == .seeOther)
            #expect(try await sunlight.store.cases.find(id)?.stage == "closing")
        }
    }

    @Test("REC-7/REC-9/REC-11: officers, interference and classification forms refuse in place and record what they may")
    func teamForms() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let officer = server.browser(), head = server.browser()
            try await officer.logIn("scj.zhangwei")
            let id = try await pages.open(officer)
            let path = "/staff/cases/\(id.uuidString.lowercased())"
            try await officer.get(path)
            let interference = try await officer.post("\(path)/interference", [("occurredOn", "2026-11-23"), ("interferenceSource", "某局干部李某"),
                                                                               ("means", "电话"), ("content", "来电要求从轻处理，已拒绝并记录")])
            #expect(interference.status == .seeOther)
            try await head.logIn("scj.wangfang")
            let page = try await head.get(path)
            #expect(page.body.string.contains("来电要求从轻处理") && page.body.string.contains(#"id="assign-form""#))
            let lina = try await pages.user("scj.lina"), zhaolei = try await pages.user("scj.zhaolei")
            let recuse = try await head.post("\(path)/officers/\(lina.id.uuidString.lowercased())/recuse", [("recusalReason", "系当事人近亲属")])
            #expect(recuse.status == .unprocessableEntity && pages.problem(in: recuse.body.string)?.contains("不得少于两名执法人员（依据《中华人民共和国行政处罚法》第四十二条）") == true)
            let expired = try await head.post("\(path)/officers", [("officer", zhaolei.id.uuidString)])
            #expect(expired.status == .unprocessableEntity && pages.problem(in: expired.body.string)?.contains("依据《中华人民共和国行政处罚法》第四十二条") == true)
            let classified = try await head.post("\(path)/classification", [("classification", "commercial"), ("classificationReason", "涉及配方等商业秘密")])
            #expect(classified.status == .seeOther)
            let clerk = server.browser()
            try await clerk.logIn("scj.gongshi")
            #expect(try await clerk.get(path).status == .forbidden)
            let list = try await clerk.get("/staff/cases").body.string
            #expect(list.contains("元市监立〔2026〕2号") && !list.contains("销售超过保质期的食品") && list.contains("仅承办人员可见"))
        }
    }
}
