import Foundation
import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 年度统计报告 drafted from the data: cases by category, fines, publication on time and not yet,
/// draws; its deadline is 31 January of the next year (PUB-12).
@Suite struct AnnualReportTests {
    @Test("The 2026 draft counts the market bureau's cases, decisions, fines, publications and draws; due 31 January 2027 (PUB-12)")
    func draftFromTheData() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let market = world.seeded.organisation("元谋县市场监督管理局")
            _ = try await PublicationUseCaseTests.decided(in: world)   // a second 当场处罚 (150 yuan), not yet published
            let clerk = try await world.actor("scj.gongshi")
            let report = try await world.sunlight.publicity.annualReport(of: market.id, year: 2026, by: clerk)
            let penalty = try #require(report.rows.first { $0.category == .penalty })
            #expect(penalty.opened == 3 && penalty.decided == 2 && penalty.closed == 1,
                    "the demo's investigation (open) and simple case (closed), and this one")
            #expect(report.fines == 250 && report.decisionsToPublish == 2 && report.publishedOnTime == 1 && report.unpublished == 1 && report.publishedLate == 0)
            #expect(report.draws == 1 && report.dueOn == CivilDate(iso: "2027-01-31"))
            #expect(report.paragraphs.joined().contains("应公开执法决定 2 件，按期公开 1 件"))
            await #expect { try await world.sunlight.publicity.annualReport(of: market.id, year: 2026, by: try await world.actor("daj.zhoujun")) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
            await #expect { try await world.sunlight.publicity.annualReport(of: market.id, year: 1999, by: clerk) } throws: { error in (error as? SunlightError)?.field == "year" }
        }
    }
}
