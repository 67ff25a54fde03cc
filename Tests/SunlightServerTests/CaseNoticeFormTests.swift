import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

extension CasePages {
    /// A case of 张伟 and 李娜 against 王小明, taken through the forms and use cases to 事先告知.
    func atNotice(_ browser: Browser) async throws -> UUID {
        let sunlight = server.app.sunlight
        let officer = try await actor("scj.zhangwei")
        let id = try await open(browser)
        try await issue(.openingApproval, case: id)
        _ = try await sunlight.cases.completeStage(case: id, by: officer)
        try await issue(.investigationReport, case: id)
        #expect(try await uploadVideo(browser, case: id, payload: "调查录像").status == .seeOther)
        _ = try await sunlight.cases.completeStage(case: id, by: officer)
        return id
    }
}

@Suite("工作人员界面：事先告知书 REC-14 REC-15")
struct CaseNoticeFormTests {
    @Test("The notice form assumes no answer to the hearing right and offers the kinds of penalty as checkboxes; a proposed 20,000-yuan fine on a citizen shows art. 63 and cannot be signed without the hearing (REC-15, 行政处罚法第六十三条)")
    func noticeForm() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let id = try await pages.atNotice(browser)
            let path = "/staff/cases/\(id.uuidString.lowercased())"
            let form = try await browser.get("\(path)/documents/new?type=penalty_notice").body.string
            #expect(form.contains(#"<select id="f-hearing" name="hearing"><option value="">—</option>"#), "no answer is pre-filled")
            #expect(!form.contains(#"<option value="no" selected>"#))
            #expect(form.contains(#"name="sanctions-fine""#) && form.contains(#"name="sanctions-production_halt""#))
            var fields = DocumentType.penaltyNotice.sampleFields(["fine": "20000", "hearing": "no"])
            fields["sanctions"] = nil
            let posted = try await browser.post("\(path)/documents", [("type", "penalty_notice"), ("sanctions-warning", "yes"), ("sanctions-fine", "yes")]
                                                + fields.map { ($0.key, $0.value) })
            #expect(posted.status == .seeOther, "\(posted.body.string.prefix(300))")
            let location = try #require(posted.location)
            let documentID = try #require(UUID(uuidString: String(location.dropFirst("/staff/documents/".count).prefix(36))))
            let stored = try #require(try await server.app.sunlight.store.caseRecords.document(documentID))
            #expect(stored.fields["sanctions"] == "warning,fine")
            let page = try await browser.get("/staff/documents/\(documentID.uuidString.lowercased())").body.string
            #expect(page.contains(#"id="hearing-note""#) && page.contains("依据《中华人民共和国行政处罚法》第六十三条，拟罚款 20000 元"))
            let sunlight = server.app.sunlight
            _ = try await sunlight.cases.submitDocument(documentID, by: try await pages.actor("scj.zhangwei"))
            await #expect { try await sunlight.cases.signDocument(documentID, by: try await pages.actor("scj.wangfang")) }
                throws: { ($0 as? SunlightError)?.code == "case.hearing_right" }
        }
    }

    @Test("The receipt form lists the case's issued documents that must be served, the newest not yet served first chosen (REC-14)")
    func receiptForm() async throws {
        try await TestServer.with { server in
            let pages = CasePages(server: server)
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let id = try await pages.atNotice(browser)
            let notice = try await pages.issue(.penaltyNotice, ["fine": "1000", "hearing": "no"], case: id)
            let form = try await browser.get("/staff/cases/\(id.uuidString.lowercased())/documents/new?type=delivery_receipt").body.string
            #expect(form.contains(#"<option value="\#(notice.id.uuidString.lowercased())" selected>行政处罚事先告知书 \#(notice.number ?? "")</option>"#))
            #expect(!form.contains("立案审批表 "), "the opening approval is not served on the party")
        }
    }
}
