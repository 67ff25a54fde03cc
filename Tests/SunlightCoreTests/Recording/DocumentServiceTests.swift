import Foundation
import Testing
@testable import SunlightCore

/// 送达: every document that must reach the party is served through its own 送达回证, and the
/// party's periods run from that service (REC-14; 《中华人民共和国行政处罚法》第四十四条、第六十一条、
/// 第六十四条、第六十七条, 《中华人民共和国民事诉讼法》第九十条、第九十五条).
@Suite("送达 REC-14")
struct DocumentServiceTests {
    @Test("The party's 5 working days to ask for a hearing run from service of the notice, not from its issue (REC-14, 行政处罚法第六十四条)")
    func windowRunsFromService() throws {
        var fixture = CaseFixture(stage: "decision")
        fixture.issue(.penaltyNotice, on: "2026-09-22", ["hearing": "yes"])
        expectRefusal(.rec14, "case.notice_not_served") { try CaseRules.checkDecisionTiming(fixture.snapshot, today: day("2026-10-20"), calendar: shipped) }
        // Served on 30 September: 10-08, 10-09, 10-10 (调休), 10-12, 10-13 — issued on 09-22 it would have ended on 09-29.
        fixture.serve(.penaltyNotice, on: "2026-09-30")
        expectRefusal(.rec13, "case.notice_period") { try CaseRules.checkDecisionTiming(fixture.snapshot, today: day("2026-10-13"), calendar: shipped) }
        try CaseRules.checkDecisionTiming(fixture.snapshot, today: day("2026-10-14"), calendar: shipped)
    }

    @Test("Serving the notice neither meets the decision's delivery stage nor starts the payment clock; serving the decision does (REC-14, 行政处罚法第六十一条、第六十七条)")
    func onlyTheDecisionsReceiptCounts() throws {
        var fixture = CaseFixture(stage: "delivery", opened: "2026-07-03")
        fixture.issue(.penaltyNotice, on: "2026-09-01", ["fine": "2000"])
        fixture.serve(.penaltyNotice, on: "2026-09-02")
        fixture.issue(.penaltyDecision, on: "2026-09-30", ["fine": "2000"])
        let delivery = try #require(fixture.theCase.stages.first { $0.code == "delivery" })
        fixture.video(stage: "delivery")
        fixture.officer()
        fixture.officer()
        var clocks = try CaseClocks.clocks(for: fixture.snapshot, today: day("2026-10-09"), calendar: shipped)
        #expect(clocks.map(\.kind) == ["delivery"], "the notice's receipt hides nothing")
        expectRefusal(.rec14, "case.decision_not_served") {
            try CaseRules.checkCompletion(of: delivery, in: fixture.snapshot, today: day("2026-10-09"), calendar: shipped)
        }
        fixture.serve(.penaltyDecision, on: "2026-10-09")
        try CaseRules.checkCompletion(of: delivery, in: fixture.snapshot, today: day("2026-10-09"), calendar: shipped)
        clocks = try CaseClocks.clocks(for: fixture.snapshot, today: day("2026-10-09"), calendar: shipped)
        #expect(clocks.map(\.kind) == ["payment"])
        #expect(clocks.first?.due?.iso == "2026-10-26", "15 days from the decision's service on 10-09 is Saturday 10-24 → Monday")
    }

    @Test("A public notice (公告送达) counts as served 30 days after it is published (REC-14, 民事诉讼法第九十五条)")
    func publicNotice() throws {
        var fixture = CaseFixture(stage: "delivery", opened: "2026-07-03")
        let decision = fixture.issue(.penaltyDecision, on: "2026-09-01", ["fine": "2000"])
        fixture.serve(.penaltyDecision, on: "2026-09-02", method: .notice)
        #expect(fixture.snapshot.servedOn(decision)?.iso == "2026-10-02")
        let payment = try CaseClocks.clocks(for: fixture.snapshot, today: day("2026-10-05"), calendar: shipped).first { $0.kind == "payment" }
        #expect(payment?.due?.iso == "2026-10-19", "10-02 + 15 = 10-17, a Saturday → Monday 10-19")
    }

    @Test("A receipt dated before the document's issue or after today, for an internal record, or electronic without written consent is refused (REC-14)")
    func receiptChecks() throws {
        var fixture = CaseFixture(stage: "delivery", opened: "2026-07-03")
        let decision = fixture.issue(.penaltyDecision, on: "2026-09-30", ["fine": "2000"])
        let inquiry = fixture.issue(.inquiryRecord, on: "2026-09-10")
        func receipt(_ served: CaseDocument, _ date: String, _ extra: [String: String] = [:]) -> CaseDocument {
            CaseDocument(caseID: fixture.theCase.id, type: .deliveryReceipt, stage: "delivery",
                         fields: ["document": served.id.uuidString.lowercased(), "method": "direct", "recipient": "王某", "date": date].merging(extra) { $1 },
                         draftedBy: nil, draftedAt: Date())
        }
        let today = day("2026-10-09")
        expectRefusal(.rec14, "case.service_before_issue") { try CaseRules.checkService(receipt(decision, "2026-05-04"), among: fixture.documents, today: today) }
        expectRefusal(.rec14, "case.service_in_future") { try CaseRules.checkService(receipt(decision, "2026-10-10"), among: fixture.documents, today: today) }
        #expect(throws: SunlightError.self) { try CaseRules.checkService(receipt(inquiry, "2026-10-09"), among: fixture.documents, today: today) }
        expectRefusal(.rec14, "case.service_consent") {
            try CaseRules.checkService(receipt(decision, "2026-10-09", ["method": "electronic"]), among: fixture.documents, today: today)
        }
        try CaseRules.checkService(receipt(decision, "2026-10-09", ["method": "electronic", "consent": "yes"]), among: fixture.documents, today: today)
        try CaseRules.checkService(receipt(decision, "2026-09-30"), among: fixture.documents, today: today)
    }

    @Test("A receipt written before receipts named documents by ID still serves the document whose number it names (REC-14, REC-5)")
    func legacyReceipt() throws {
        var fixture = CaseFixture(stage: "delivery", opened: "2026-07-03")
        fixture.issue(.penaltyNotice, on: "2026-09-01")
        let decision = fixture.issue(.penaltyDecision, on: "2026-09-30", ["fine": "2000"])
        fixture.issue(.deliveryReceipt, on: "2026-10-09", ["document": "行政处罚决定书 \(decision.number!)", "method": "mail", "recipient": "王某", "date": "2026-10-09"])
        #expect(fixture.snapshot.servedOn(decision)?.iso == "2026-10-09")
        #expect(fixture.snapshot.servedOn(fixture.documents[0]) == nil)
    }
}
