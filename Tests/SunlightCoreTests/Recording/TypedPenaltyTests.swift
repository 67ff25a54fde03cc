import Foundation
import SunlightFixtures
import SunlightTestSupport
import Testing
@testable import SunlightCore

/// 行政处罚的种类与听证权利: penalties are typed sanctions; the hearing right is computed from
/// them; art. 45 compares every kind and amount; the simple procedure imposes only a warning, a
/// criticism or a small fine (REC-15, STD-4; 《中华人民共和国行政处罚法》第九条、第四十五条、
/// 第五十一条、第六十三条).
@Suite("处罚种类与听证权利 REC-15")
struct TypedPenaltyTests {
    static let company = [CaseParty(caseID: UUID(), kind: .organisation, name: "某公司", idNumber: nil, address: nil, phone: nil, representative: nil)]
    static let person = [CaseParty(caseID: UUID(), kind: .person, name: "王某", idNumber: nil, address: nil, phone: nil, representative: nil)]

    @Test("较大数额 is 10,000 yuan for a citizen and 100,000 for an organisation, fined or confiscated; 吊销、责令停产停业 always carry the hearing right (REC-15, 行政处罚法第六十三条)")
    func hearingRight() {
        let policy = HearingPolicy()
        func reasons(_ fields: [String: String], _ parties: [CaseParty]) -> [String] { policy.reasons(for: DocumentTerms(fields), parties: parties) }
        #expect(reasons(["sanctions": "fine", "fine": "99999"], Self.company).isEmpty)
        #expect(reasons(["sanctions": "fine", "fine": "100000"], Self.company).count == 1)
        #expect(reasons(["sanctions": "fine", "fine": "10000"], Self.person).first?.contains("对公民 10000 元以上") == true)
        #expect(reasons(["sanctions": "confiscation", "confiscated": "120000"], Self.company).first?.contains("没收") == true)
        #expect(reasons(["sanctions": "warning,licence_revocation"], Self.person) == ["拟吊销许可证件"])
        #expect(reasons(["sanctions": "production_halt"], Self.company) == ["拟责令停产停业"])
        #expect(reasons(["sanctions": "licence_suspension"], Self.company).isEmpty, "暂扣 is 较重 only where local rules say so")
        #expect(HearingPolicy(heavierKinds: [.licenceSuspension]).reasons(for: DocumentTerms(["sanctions": "licence_suspension"]), parties: Self.company)
            == ["拟暂扣许可证件"])
        #expect(HearingPolicy(organisationThreshold: 50_000).reasons(for: DocumentTerms(["sanctions": "fine", "fine": "50000"]), parties: Self.company).count == 1)
    }

    @Test("A notice proposing 100,000 yuan on a company that does not offer a hearing cannot be signed (REC-15, 行政处罚法第六十三条)")
    func noticeWithoutHearingRefused() throws {
        var fixture = CaseFixture(stage: "notice")
        fixture.parties = Self.company
        let silent = fixture.issue(.penaltyNotice, on: "2026-09-22", ["sanctions": "fine", "fine": "100000", "hearing": "no"])
        expectRefusal(.rec15, "case.hearing_right") { try CaseRules.checkHearingRight(of: silent, in: fixture.snapshot, policy: HearingPolicy()) }
        let offered = fixture.issue(.penaltyNotice, on: "2026-09-22", ["sanctions": "fine", "fine": "100000", "hearing": "yes"])
        try CaseRules.checkHearingRight(of: offered, in: fixture.snapshot, policy: HearingPolicy())
        let small = fixture.issue(.penaltyNotice, on: "2026-09-22", ["sanctions": "warning,fine", "fine": "5000", "hearing": "no"])
        try CaseRules.checkHearingRight(of: small, in: fixture.snapshot, policy: HearingPolicy())
    }

    @Test("A warning notified, a 50,000-yuan fine decided: heavier, though no fine was notified; a new kind, a larger fine or confiscation is heavier (REC-15, 行政处罚法第四十五条)")
    func heavierAcrossKinds() throws {
        func terms(_ fields: [String: String]) -> DocumentTerms { DocumentTerms(fields) }
        #expect(CaseRules.heavier(terms(["sanctions": "warning,fine", "fine": "50000"]), than: terms(["sanctions": "warning"]))?.contains("罚款") == true)
        #expect(CaseRules.heavier(terms(["sanctions": "fine,production_halt", "fine": "5000"]), than: terms(["sanctions": "fine", "fine": "5000"]))?
            .contains("责令停产停业") == true)
        #expect(CaseRules.heavier(terms(["sanctions": "fine", "fine": "6000"]), than: terms(["sanctions": "fine", "fine": "5000"])) != nil)
        #expect(CaseRules.heavier(terms(["sanctions": "confiscation", "confiscated": "900"]), than: terms(["sanctions": "confiscation", "confiscated": "800"])) != nil)
        #expect(CaseRules.heavier(terms(["sanctions": "fine", "fine": "4000"]), than: terms(["sanctions": "warning,fine", "fine": "5000"])) == nil)
        // A notice written before sanctions were typed is read from its text and amounts.
        #expect(CaseRules.heavier(terms(["sanctions": "fine", "fine": "5000"]), than: terms(["penalty": "罚款人民币伍仟元", "fine": "5000"])) == nil)

        var fixture = CaseFixture(stage: "decision")
        fixture.issue(.penaltyNotice, on: "2026-10-01", ["sanctions": "warning", "penalty": "警告"])
        let decision = CaseDocument(caseID: fixture.theCase.id, type: .penaltyDecision, stage: "decision",
                                    fields: ["sanctions": "warning,fine", "fine": "50000", "penalty": "警告，罚款五万元"], draftedBy: nil, draftedAt: Date())
        expectRefusal(.rec15, "case.heavier_than_notice") { _ = try CaseRules.checkDecision(decision, in: fixture.snapshot, benchmarks: []) }
    }

    @Test("On the spot only a warning, a criticism or a small fine: 没收 or 责令停产停业 need the general procedure (STD-4, 行政处罚法第五十一条)")
    func simpleProcedureKinds() throws {
        var simple = CaseFixture(simple: true, stage: "decision")
        simple.parties = Self.person
        func decision(_ fields: [String: String]) -> CaseDocument {
            CaseDocument(caseID: simple.theCase.id, type: .simpleDecision, stage: "decision", fields: fields, draftedBy: nil, draftedAt: Date())
        }
        expectRefusal(.std4, "case.simple_kind") { _ = try CaseRules.checkDecision(decision(["sanctions": "confiscation", "confiscated": "50"]), in: simple.snapshot, benchmarks: []) }
        expectRefusal(.std4, "case.simple_kind") { _ = try CaseRules.checkDecision(decision(["sanctions": "production_halt"]), in: simple.snapshot, benchmarks: []) }
        _ = try CaseRules.checkDecision(decision(["sanctions": "warning,fine", "fine": "200"]), in: simple.snapshot, benchmarks: [])
    }

    @Test("A fine chosen without its amount, or an amount without its kind, is refused when saved (REC-15, 行政处罚法第九条)")
    func sanctionsAndAmountsAgree() throws {
        var fields = DocumentType.penaltyNotice.sampleFields(["sanctions": "warning,fine"])
        fields["fine"] = nil
        #expect(throws: SunlightError.self) { try CaseUseCases.validate(fields, for: .penaltyNotice) }
        #expect(throws: SunlightError.self) { try CaseUseCases.validate(DocumentType.penaltyNotice.sampleFields(["sanctions": "warning", "fine": "500"]), for: .penaltyNotice) }
        #expect(try CaseUseCases.validate(DocumentType.penaltyNotice.sampleFields(["sanctions": "警告、罚款", "fine": "500"]), for: .penaltyNotice)["sanctions"] == "warning,fine",
                "labels are accepted and stored as codes in the order of 第九条")
        #expect(throws: SunlightError.self) { try CaseUseCases.validate(DocumentType.penaltyNotice.sampleFields(["sanctions": "caning"]), for: .penaltyNotice) }
    }

    @Test("Signing a notice of 100,000 yuan to a company with no hearing offered is refused through the use case; offering it signs (REC-15)")
    func signingThroughTheUseCase() async throws {
        try await DemoWorld.beforeHolidays { world in
            let driver = try await CaseDriver.open(in: world, person: false)
            try await driver.issue(.openingApproval)
            try await driver.complete()
            try await driver.video()
            try await driver.issue(.investigationReport)
            try await driver.complete()
            let silent = try await driver.submitted(.penaltyNotice, ["fine": "100000", "hearing": "no"])
            await #expect { try await world.sunlight.cases.signDocument(silent.id, by: try await world.actor("scj.wangfang")) }
                throws: { "case.hearing_right" ~= $0 }
            try await driver.issue(.penaltyNotice, ["fine": "100000", "hearing": "yes"])
        }
    }

    @Test("An officer opens a simple-procedure case only for an item the list marks for on-the-spot decisions; a penalty case needs the violation's date (REC-15, 行政处罚法第三十六条、第五十一条)")
    func opening() async throws {
        try await DemoWorld.beforeHolidays { world in
            let officer = try await world.actor("scj.zhangwei")
            let lina = try await world.user("scj.lina").id
            let party = [NewCase.Party(kind: .person, name: "王小明", idNumber: nil, address: nil, phone: nil)]
            func newCase(simple: Bool, item: UUID?, violationOn: CivilDate?) -> NewCase {
                NewCase(title: "占道经营", category: .penalty, simple: simple, itemEntryID: item, source: .inspection, violationOn: violationOn,
                        parties: party, officers: [lina])
            }
            let today = world.clock.today
            await #expect { try await world.sunlight.cases.openCase(newCase(simple: true, item: nil, violationOn: today), by: officer) }
                throws: { "case.simple_opener" ~= $0 }
            await #expect { try await world.sunlight.cases.openCase(newCase(simple: false, item: nil, violationOn: nil), by: officer) }
                throws: { ($0 as? SunlightError)?.field == "violationOn" }
            let marked = try await CaseDriver.open(in: world, simple: true)
            #expect(try await marked.current().simple, "the demo's food-safety item is marked for on-the-spot decisions")
        }
    }
}
