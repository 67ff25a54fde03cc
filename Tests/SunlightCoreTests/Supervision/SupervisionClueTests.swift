import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 监督线索 from the data: each seeded problem shows up for the supervisor with its evidence,
/// and only for the supervisor (SUP-4).
@Suite struct SupervisionClueTests {
    @Test("Overdue cases, stages without audio/video, decisions outside the benchmark, unpublished decisions and personal data on the portal become clues (SUP-4)")
    func cluesFromTheData() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-08-03")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局")
            // A decision made on 3 August and never published.
            let (_, unpublished) = try await PublicationUseCaseTests.decided(in: world)
            // An issued penalty imported from an old system: outside the benchmark.
            let investigation = try #require(try await sunlight.store.cases.list(organisations: [market.id], filter: .all, limit: 10)
                .first { !$0.simple && $0.status == .open })
            try await sunlight.store.caseRecords.insert(CaseDocument(
                caseID: investigation.id, type: .penaltyDecision, stage: "decision",
                fields: ["fine": "40000", "discretionFlag": "yes", "deviationReason": "情节特别严重"], status: .issued, number: "元市监罚〔2026〕9号",
                draftedBy: nil, draftedAt: world.clock.now, issuedOn: world.clock.today))
            // The demo's published decision, edited in the database to carry the party's phone.
            var leaked = try #require(try await sunlight.store.publications.list(organisations: [market.id], statuses: [.published]).first)
            leaked.content.append(PublishedField(key: "note", label: "备注", text: "联系电话 13908781234"))
            try await sunlight.store.publications.update(leaked)

            world.clock.set(CivilDate(iso: "2026-11-23")!)
            await #expect { try await sunlight.supervision.supervisionClues(by: try await world.actor("scj.wangfang")) } throws: { error in
                (error as? SunlightError)?.kind == .forbidden
            }
            let clues = try await sunlight.supervision.supervisionClues(by: try await world.actor("jiandu"))
            let kinds = Set(clues.map(\.kind))
            #expect(kinds.isSuperset(of: [.overdue, .missingAudioVideo, .outsideBenchmark, .missingPublication, .unredacted]))
            #expect(clues.contains { $0.kind == .overdue && $0.reference == investigation.number && $0.link == .case(investigation.id) })
            #expect(clues.contains { $0.kind == .missingPublication && $0.reference == unpublished.number && $0.rule == .pub6 })
            #expect(clues.contains { $0.kind == .unredacted && $0.detail.contains("13908781234") })
            #expect(clues.contains { $0.kind == .outsideBenchmark && $0.reference == "元市监罚〔2026〕9号" && $0.rule == .std3 })
            #expect(clues.allSatisfy { $0.organisationName == market.name || $0.organisationName == "元谋县档案局" })

            // The dashboard ranks by what is overdue now: the market bureau, with an overdue case and an unpublished decision, is first.
            let dashboard = try await sunlight.supervision.supervisorDashboard(by: try await world.actor("jiandu"))
            let first = try #require(dashboard.rows.first)
            #expect(first.organisation.id == market.id && first.overdueCases >= 1 && first.overduePublications == 1)
            #expect(dashboard.totalOverdue == dashboard.rows.reduce(0) { $0 + $1.overdue } && first.overdue >= dashboard.rows.dropFirst().map(\.overdue).max() ?? 0)
        }
    }
}
