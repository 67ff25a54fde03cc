import Foundation
@testable import SunlightCore
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 案件统计事实 on SQLite and PostgreSQL (issue 16 item 2; REC-12).
@Suite struct CaseFactStoreTests {
    @Test("REC-12: on the database, the statistics added up from the stored facts are those computed from every case and its events, and verify agrees")
    func sameAsComputingEveryCase() async throws {
        try await DemoWorld.onDatabase(today: CivilDate(iso: "2026-08-03")!) { world in
            // Cases suspended, resumed, terminated and decided along the way.
            _ = try await CaseClockScenario.mismatches(in: world)
            let supervisor = try await world.actor("jiandu")
            let from = CivilDate(iso: "2025-01-01")!, to = world.clock.today
            let stored = try await world.sunlight.cases.caseStatistics(from: from, to: to, by: supervisor)

            let store = world.sunlight.store
            var organisations: [Organisation] = []
            for path in supervisor.scope.readablePaths { organisations += try await store.organisations.subtree(path) }
            let ids = Set(organisations.map(\.id))
            let cases = try await store.cases.chronological(offset: 0, limit: 100_000).filter { ids.contains($0.organisationID) }
            let late = try await world.sunlight.cases.lateClocks(organisations: Array(ids), dueSoon: false).map(\.enforcementCase.id)
            let expected = CaseStatistics.compute(cases: cases, events: try await store.cases.events(ofCases: cases.map(\.id)),
                                                  documents: try await store.caseRecords.documents(ofCases: cases.map(\.id)), overdue: Set(late),
                                                  organisationNames: Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
                                                  from: from, to: to)
            #expect(stored.total.opened > 5 && stored.total.decided > 0 && stored.total.closed + stored.total.terminated > 0)
            #expect(stored.total == expected.total)
            #expect(stored.byCategory == expected.byCategory && stored.byMonth == expected.byMonth)
            #expect(stored.byOrganisation == expected.byOrganisation && stored.byStage == expected.byStage)
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
        }
    }
}
