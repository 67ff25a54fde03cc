import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 首违不罚 checks the party's earlier penalties in the organisation, matched on a keyed digest
/// of the ID number, never on the number (REC-15, 行政处罚法 第三十三条、第三十六条).
@Suite struct FirstOffenceTests {
    static let firstOffence = ["firstOffence": "yes", "minor": "yes", "corrected": "yes"]

    /// A simple-procedure case whose 当场行政处罚决定书 (a 150-yuan fine) is issued today.
    static func punished(in world: DemoWorld, person: Bool = true) async throws -> CaseDriver {
        let driver = try await CaseDriver.open(in: world, simple: true, person: person, title: "占道经营")
        try await driver.video()
        try await driver.complete()
        try await driver.issue(.simpleDecision, ["fine": "150"])
        return driver
    }

    /// A general-procedure case taken to 作出决定, the party having made a statement.
    static func atDecision(in world: DemoWorld, person: Bool = true) async throws -> CaseDriver {
        let driver = try await CaseDriver.open(in: world, person: person)
        try await driver.issue(.openingApproval)
        try await driver.complete()
        try await driver.issue(.investigationReport)
        try await driver.video()
        try await driver.complete()
        let notice = try await driver.issue(.penaltyNotice, ["fine": "1000", "hearing": "no"])
        try await driver.serve(notice)
        _ = try await world.sunlight.cases.recordPartyResponse(case: driver.id, kind: .statementReceived, on: world.clock.today, note: "承认违法事实",
                                                               by: try await world.actor("scj.zhangwei"))
        try await driver.complete()
        return driver
    }

    static func sign(_ driver: CaseDriver) async throws -> CaseDocument {
        let draft = try await driver.submitted(.noPenaltyDecision, firstOffence)
        return try await driver.sunlight.cases.signDocument(draft.id, by: try await driver.world.actor("scj.wangfang"))
    }

    @Test("An earlier penalty of the same party for the same item within 2 years refuses 首违不罚, naming the earlier case, not the ID number; another party is allowed (REC-15, 行政处罚法第三十三条、第三十六条)")
    func sameItemRefused() async throws {
        try await DemoWorld.with { world in
            let earlier = try await Self.punished(in: world)
            let earlierNumber = try await earlier.current().number
            let again = try await Self.atDecision(in: world)
            let history = try await world.sunlight.cases.partyHistory(of: again.id, by: try await world.actor("scj.zhangwei"))
            #expect(history.earlier.map(\.caseNumber) == [earlierNumber] && history.barring.count == 1 && history.unmatched == 0)
            #expect(history.earlier.first?.penaltyKinds == [.fine])
            do {
                _ = try await Self.sign(again)
                Issue.record("首违不罚 was signed despite an earlier penalty")
            } catch let error as SunlightError {
                #expect(error.rule == .rec15 && error.code == "case.first_offence_history")
                #expect(error.message.contains(earlierNumber) && error.message.contains("第三十三条") && !error.message.contains("532328198001011234"))
            }
            #expect(try await world.accessLog().contains { $0.summary.contains("当事人既往处罚") }, "the read is logged (REC-11)")

            // A company with its own credit code has no earlier penalty: allowed.
            let company = try await Self.atDecision(in: world, person: false)
            #expect(try await Self.sign(company).status == .signed)
        }
    }

    @Test("Erasing the party's ID number drops its digest: the earlier case no longer matches (REC-15, REC-5, 个人信息保护法第四十七条)")
    func erasureDropsDigest() async throws {
        try await DemoWorld.with { world in
            let earlier = try await Self.punished(in: world)
            let party = try #require(try await world.sunlight.store.cases.parties(of: earlier.id).first)
            #expect(try await world.sunlight.store.cases.lookups(of: earlier.id)[party.id] != nil)
            try await world.sunlight.cases.erasePersonalData(table: "case_parties", recordID: party.id.uuidString.lowercased(), field: "idNumber",
                                                             reason: "个人信息保护法第四十七条", by: .console("root"))
            #expect(try await world.sunlight.store.cases.lookups(of: earlier.id).isEmpty)
            let again = try await Self.atDecision(in: world)
            #expect(try await Self.sign(again).status == .signed)
        }
    }

    @Test("Another item, a decision older than the limitation period, or none matched leave 首违不罚 open; five years where safety is endangered (REC-15, 行政处罚法第三十六条)")
    func limitationAndItem() throws {
        let item = UUID(), organisation = UUID()
        func theCase(_ number: String, item: UUID?, violation: String, safety: Bool = false) -> EnforcementCase {
            EnforcementCase(organisationID: organisation, number: number, title: "案", category: .penalty, simple: false, itemEntryID: item,
                            source: .inspection, violationOn: CivilDate(iso: violation)!, endangersSafety: safety, openedOn: CivilDate(iso: violation)!,
                            openedAt: Date(timeIntervalSince1970: 0), openedBy: nil, decisionDays: 90, classification: .normal, stage: "decision", status: .open)
        }
        func decision(_ of: EnforcementCase, on day: String) -> CaseDocument {
            CaseDocument(caseID: of.id, type: .penaltyDecision, stage: "decision", fields: ["sanctions": "warning"], status: .issued,
                         draftedBy: nil, draftedAt: Date(timeIntervalSince1970: 0), issuedOn: CivilDate(iso: day)!)
        }
        let now = theCase("本案", item: item, violation: "2026-11-01")
        let other = theCase("他项", item: UUID(), violation: "2026-01-01"), old = theCase("旧案", item: item, violation: "2024-01-01")
        let today = CivilDate(iso: "2026-11-23")!
        let history = PartyHistory.of(now, parties: 2, digests: 1, earlierCases: [other, old],
                                      decisions: [decision(other, on: "2026-02-01"), decision(old, on: "2024-10-31")], today: today)
        #expect(history.earlier.map(\.caseNumber) == ["他项", "旧案"] && history.barring.isEmpty)
        #expect(history.unmatchedNote?.contains("无法比对") == true)
        let draft = CaseDocument(caseID: now.id, type: .noPenaltyDecision, stage: "decision", fields: Self.firstOffence, draftedBy: nil,
                                 draftedAt: Date(timeIntervalSince1970: 0))
        try history.check(draft)
        let safety = theCase("本案", item: item, violation: "2026-11-01", safety: true)
        let fiveYears = PartyHistory.of(safety, parties: 1, digests: 1, earlierCases: [old], decisions: [decision(old, on: "2024-10-31")], today: today)
        #expect(fiveYears.barring.map(\.caseNumber) == ["旧案"])
        #expect(throws: SunlightError.self) { try fiveYears.check(draft) }
        let withinTwo = PartyHistory.of(now, parties: 1, digests: 1, earlierCases: [old], decisions: [decision(old, on: "2024-11-01")], today: today)
        #expect(withinTwo.barring.count == 1)
    }
}
