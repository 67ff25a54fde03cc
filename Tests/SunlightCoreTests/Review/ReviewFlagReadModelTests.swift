import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 法制审核线索 kept as a read model (issue 16 item 2; REV-9, REV-2).
@Suite struct ReviewFlagReadModelTests {
    @Test("REV-9: publishing a new version of an enforcement item recomputes the flags of the cases under it, since a catalogue rule may match on the item's law (重大执法决定法制审核办法; 行政处罚法第五十八条)")
    func itemLawRefreshesFlags() async throws {
        try await DemoWorld.with { world in
            let store = world.sunlight.store
            let supervisor = try await world.actor("jiandu")
            // A penalty case of the market bureau under its food-safety item, with a decision entered as issued (as an import would).
            let theCase = try await CaseDriver.open(in: world).current()
            let entry = try #require(theCase.itemEntryID)
            let decision = CaseDocument(caseID: theCase.id, type: .penaltyDecision, stage: "decision", fields: DocumentType.penaltyDecision.sampleFields(["fine": "1000"]),
                                        status: .issued, number: "元市监罚〔2026〕98号", draftedBy: nil, draftedAt: world.clock.now, issuedOn: world.clock.today)
            try await store.caseRecords.insert(decision)
            // A catalogue version from before approvals existed (in force from its own date) with a rule on the 档案 field.
            var rules = MajorDecisionCatalogue.builtIn.rules
            rules.append(MajorDecisionRule(code: "A1", title: "档案领域的行政处罚", source: "本机关目录第 1 项", categories: [.penalty], fields: ["档案法"]))
            try await store.reviews.insert(catalogue: MajorDecisionCatalogue(organisationID: world.market.id, version: 1,
                                                                            effectiveOn: CivilDate(iso: "2020-01-01")!, rules: rules, adoptedAt: world.clock.now, note: "旧版目录"))
            try await world.sunlight.finishBulkLoad()
            #expect(try await world.sunlight.reviews.reviewFlags(by: supervisor).allSatisfy { $0.documentID != decision.id },
                    "the item's law is food safety: the rule does not match")

            // when: the item's new version rests on the archives law
            let current = try #require(try await store.lists.versions(entryID: entry).last { $0.status == .published })
            var fields = current.fields
            fields["law"] = "中华人民共和国档案法"
            _ = try await world.publish(.item, fields, entry: entry)

            // then: the decision, made without the review the rule now asks for, is flagged
            let flags = try await world.sunlight.reviews.reviewFlags(by: supervisor)
            #expect(flags.contains { $0.kind == .missingReview && $0.documentID == decision.id && $0.detail.contains("A1") }, "\(flags)")
        }
    }
}
