import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("工作人员界面：首违不罚比对既往处罚 REC-15")
struct FirstOffencePageTests {
    /// The part of a page between the party-history card and the next heading.
    static func historyCard(_ page: String) -> String? {
        page.range(of: #"id="party-history""#).map { String(page[$0.upperBound...].prefix(3000)) }
    }

    @Test("The case page, the 不予行政处罚决定书 draft and the API show the party's earlier penalty for the same item (number, date, item, kinds; never the ID number), and signing 首违不罚 is refused (REC-15, 行政处罚法第三十三条、第三十六条)")
    func earlierPenaltyShownAndRefused() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let sunlight = server.app.sunlight
            let officer = try await pages.actor("scj.zhangwei")
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")

            // An earlier 当场处罚 of 王小明 (same ID number, written with a space) for the same item.
            let earlier = try await sunlight.cases.openCase(
                NewCase(title: "占道经营", category: .penalty, simple: true, itemEntryID: try await pages.foodItem(), source: .inspection,
                        violationOn: server.clock.today, parties: [NewCase.Party(kind: .person, name: "王小明", idNumber: "532328 198001011234")],
                        officers: [try await pages.user("scj.lina").id]), by: officer)
            #expect(try await pages.uploadVideo(browser, case: earlier.id, payload: "当场处罚录像").status == .seeOther)
            _ = try await sunlight.cases.completeStage(case: earlier.id, by: officer)
            try await pages.issue(.simpleDecision, ["fine": "150"], case: earlier.id)

            // This case at 作出决定.
            let id = try await pages.atNotice(browser)
            let notice = try await pages.issue(.penaltyNotice, ["fine": "1000", "hearing": "no"], case: id)
            try await pages.issue(.deliveryReceipt, ["document": notice.id.uuidString.lowercased(), "date": server.clock.today.iso], case: id)
            _ = try await sunlight.cases.recordPartyResponse(case: id, kind: .statementReceived, on: server.clock.today, note: "承认违法事实", by: officer)
            _ = try await sunlight.cases.completeStage(case: id, by: officer)

            let casePage = try await browser.get("/staff/cases/\(id.uuidString.lowercased())").body.string
            let card = try #require(Self.historyCard(casePage))
            #expect(card.contains(earlier.number) && card.contains("罚款") && card.contains("不得适用首违不罚") && card.contains("第三十三条"))
            #expect(!card.contains("198001011234"), "matched without showing the number")

            let draft = try await pages.draft(browser, case: id, .noPenaltyDecision, ["firstOffence": "yes", "minor": "yes", "corrected": "yes"])
            let documentPage = try await browser.get("/staff/documents/\(draft.uuidString.lowercased())").body.string
            let documentCard = try #require(Self.historyCard(documentPage))
            #expect(documentCard.contains(earlier.number) && !documentCard.contains("198001011234"))
            #expect(try await pages.press(browser, draft, "submit").status == .seeOther)

            let head = server.browser()
            try await head.logIn("scj.wangfang")
            let refused = try await pages.press(head, draft, "sign")
            #expect(refused.status == .unprocessableEntity)
            let message = try #require(pages.problem(in: refused.body.string))
            #expect(message.contains(earlier.number) && message.contains("第三十三条") && !message.contains("REC-15") && !message.contains("198001011234"))

            let api = try await server.api(.GET, "/api/v1/cases/\(id.uuidString.lowercased())/party-history", token: try await server.token(for: "scj.zhangwei"))
            #expect(api.status == .ok)
            #expect(api.body.string.contains(earlier.number) && api.body.string.contains(#""firstOffenceBarred":true"#))
            #expect(!api.body.string.contains("198001011234"))
            #expect(try await server.accessLog().contains { $0.summary.contains("当事人既往处罚") }, "the read is logged (REC-11)")
        }
    }
}
