import Foundation
import SunlightCore
import SunlightFixtures
import SunlightRendering
import SunlightTestSupport
import Testing

/// 执法统计 by the six categories and major decisions, per organisation and period (SUP-6).
@Suite struct EnforcementStatisticsTests {
    @Test("Decisions count by category in the period they were made; fines add up; a head sees only their own organisation (SUP-6)")
    func byCategoryAndPeriod() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局")
            _ = try await PublicationUseCaseTests.decided(in: world)   // 当场处罚, 150 yuan, today
            let supervisor = try await world.actor("jiandu")
            let year = try await sunlight.supervision.enforcementStatistics(from: CivilDate(iso: "2026-01-01")!, to: world.clock.today, by: supervisor)
            let row = try #require(year.rows.first { $0.organisation.id == market.id })
            #expect(row.counts[.penalty] == 2 && row.total == 2 && row.fines == 250, "the demo's 100-yuan decision and this 150-yuan one")
            #expect(year.rows.first { $0.organisation.name == "元谋县档案局" }?.total == 0)
            #expect(CSV.document(year.table).hasPrefix("\u{FEFF}机构,行政许可,行政处罚") && CSV.document(year.table).contains("元谋县市场监督管理局,0,2,0,0,0,0,2,0,250"))
            let before = try await sunlight.supervision.enforcementStatistics(from: CivilDate(iso: "2026-01-01")!, to: CivilDate(iso: "2026-11-22")!, by: supervisor)
            #expect(before.rows.allSatisfy { $0.total == 0 })
            let own = try await sunlight.supervision.enforcementStatistics(from: CivilDate(iso: "2026-01-01")!, to: world.clock.today, by: try await world.actor("scj.wangfang"))
            #expect(own.rows.map(\.organisation.id) == [market.id])
            await #expect { try await sunlight.supervision.enforcementStatistics(from: world.clock.today, to: CivilDate(iso: "2026-01-01")!, by: supervisor) }
                throws: { error in (error as? SunlightError)?.field == "from" }
            await #expect { try await sunlight.supervision.enforcementStatistics(from: CivilDate(iso: "2026-01-01")!, to: world.clock.today, by: try await world.actor("scj.zhangwei")) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
        }
    }
}
