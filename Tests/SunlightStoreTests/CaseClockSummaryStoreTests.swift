import Foundation
@testable import SunlightCore
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 办案期限摘要 on SQLite and PostgreSQL: the same scenario as in memory (issue 16 item 2; REC-13).
@Suite struct CaseClockSummaryStoreTests {
    @Test("REC-13: on the database, the summaries give exactly the late cases that computing every running case's clocks gives, and verify agrees")
    func sameAsComputingEveryCase() async throws {
        try await DemoWorld.onDatabase(today: CivilDate(iso: "2026-08-03")!) { world in
            let mismatches = try await CaseClockScenario.mismatches(in: world)
            #expect(mismatches.isEmpty, "\(mismatches)")
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
        }
    }
}
