import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// Nothing of a classified case reaches the portal by any route (issue 15 items 6–7).
@Suite("涉密案件不上门户：预览、公开后设定密级、指导案例 REC-11 PUB-8 SUP-10")
struct ClassifiedAfterPublicationTests {
    @Test("REC-11/PUB-8: classifying a case after its decision was published takes the decision off the portal in the same step, with the withdrawal logged and queued; no preview is given")
    func classifyingWithdraws() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let (driver, found) = try await PublicationUseCaseTests.decided(in: world)
            let clerk = try await world.actor("scj.gongshi")
            let (_, preview) = try await world.sunlight.publicity.publicationPreview(found.id, by: clerk)
            let published = try await world.sunlight.publicity.publishDecision(found.id, confirmedHash: preview.publishedHash, by: clerk)
            #expect(try await world.sunlight.publicity.publicDecisions(DecisionFilter()).contains { $0.id == published.id.uuidString.lowercased() })

            _ = try await world.sunlight.cases.classifyCase(case: driver.id, as: .private, reason: "涉及当事人家庭隐私", by: try await world.actor("scj.wangfang"))
            let after = try #require(try await world.sunlight.store.publications.find(published.id))
            #expect(after.status == .withheld && after.withdrawal?.kind == .classified)
            #expect(try await world.sunlight.publicity.publicDecisions(DecisionFilter()).allSatisfy { $0.id != published.id.uuidString.lowercased() })
            #expect(try await world.sunlight.store.outbox.recent(limit: 20, pendingOnly: true)
                .contains { $0.kind == .decisionWithdrawn && $0.subject == published.id.uuidString.lowercased() })
            await #expect { try await world.sunlight.publicity.publicationPreview(found.id, by: clerk) } throws: { $0 is SunlightError }
            await #expect { try await world.sunlight.publicity.publicDecision(published.id) } throws: { error in (error as? SunlightError)?.kind == .notFound }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("SUP-10/REC-11: a classified case cannot be nominated as a guiding case")
    func guidingCaseOfClassifiedCase() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let (driver, withheld) = try await PublicationUseCaseTests.decided(in: world, classified: true)
            // The unredacted original of a withheld decision is not previewed either (issue 15 item 6).
            await #expect { try await world.sunlight.publicity.publicationPreview(withheld.id, by: try await world.actor("scj.gongshi")) } throws: { $0 is SunlightError }
            let closed = try #require(try await world.sunlight.store.cases.find(driver.id))
            let head = try await world.actor("scj.wangfang")
            await #expect {
                try await world.sunlight.supervision.nominateGuidingCase(case: closed.id, year: 2026, title: "占道经营案的处理", reasons: GuidingCase.reasons,
                                                                         summary: String(repeating: "基本案情与指导意义。", count: 3), by: head)
            } throws: { error in
                let code = (error as? SunlightError)?.code
                return code == "guiding.classified" || (closed.status == .open && code == "guiding.case_open")
            }
        }
    }
}
