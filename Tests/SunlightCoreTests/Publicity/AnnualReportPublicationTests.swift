import Foundation
import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 年度报告公开 — a head publishes the year's report after it ends; a correction is a new version
/// with its reason; every version stays, with its date and whether it met 31 January (PUB-12).
@Suite struct AnnualReportPublicationTests {
    @Test("A head publishes the 2026 report by 31 January 2027, on time; a correction after it is version 2, late, and version 1 stays (PUB-12, 国办发〔2018〕118号)")
    func publishAndCorrect() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let publicity = world.sunlight.publicity
            let head = try await world.actor("scj.wangfang")
            await #expect { try await publicity.publishAnnualReport(of: market.id, year: 2026, by: head) }
                throws: { error in (error as? SunlightError)?.code == "annual_report.year_open" && (error as? SunlightError)?.message.contains("国办发〔2018〕118号") == true }
            world.clock.set(CivilDate(iso: "2027-01-20")!)
            await #expect { try await publicity.publishAnnualReport(of: market.id, year: 2026, by: try await world.actor("scj.gongshi")) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
            let first = try await publicity.publishAnnualReport(of: market.id, year: 2026, by: head)
            #expect(first.version == 1 && first.onTime && first.publishedOn.iso == "2027-01-20" && first.paragraphs.first?.contains("行政强制立案 0 件") == true)
            await #expect { try await publicity.publishAnnualReport(of: market.id, year: 2026, by: head) }
                throws: { error in (error as? SunlightError)?.field == "correction" }
            world.clock.set(CivilDate(iso: "2027-02-03")!)
            let second = try await publicity.publishAnnualReport(of: market.id, year: 2026, correction: "更正行政强制数据", by: head)
            #expect(second.version == 2 && !second.onTime && second.timelinessText.contains("逾期公开"))
            #expect(try await publicity.publishedAnnualReports(of: market.id).map(\.version) == [2, 1])
            #expect(try await publicity.publishedAnnualReports().map(\.organisation) == ["元谋县市场监督管理局", "元谋县市场监督管理局"])
        }
    }
}
