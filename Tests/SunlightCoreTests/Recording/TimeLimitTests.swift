import Foundation
import SunlightFixtures
import SunlightTestSupport
import Testing
@testable import SunlightCore

/// 期限的完整性: the decision period comes from the item or the law; an excluded period names its
/// kind and supporting record, is approved by a head and never overlaps another; an extension is
/// granted before the deadline; the approver is never the requester (REC-17; 《中华人民共和国行政处罚法》第六十条).
@Suite("期限的延长与扣除 REC-17")
struct TimeLimitTests {
    @Test("A head cannot approve their own request; an extension asked after the deadline is refused (REC-17, 行政处罚法第六十条)")
    func approverAndDeadline() async throws {
        try await DemoWorld.beforeHolidays { world in
            let head = try await world.actor("scj.wangfang")
            let driver = try await CaseDriver.open(in: world)
            _ = try await world.sunlight.cases.requestExtension(case: driver.id, days: 20, reason: "需要补充调查取证", by: head)
            let request = try #require(CaseTimeLimits.pending(.extensionRequested, in: try await world.sunlight.store.cases.events(of: driver.id)).first)
            await #expect { try await world.sunlight.cases.approveExtension(case: driver.id, request: request.id, by: head) }
                throws: { "case.self_approval" ~= $0 }
            driver.day("2026-12-22")  // the 90 days ended on Monday 21 December
            await #expect { try await world.sunlight.cases.requestExtension(case: driver.id, days: 20, reason: "需要补充调查取证",
                                                                       by: try await world.actor("scj.zhangwei")) }
                throws: { "case.extension_late" ~= $0 }
            await #expect { try await world.sunlight.cases.approveExtension(case: driver.id, request: request.id, by: try await world.actor("scj.wangfang")) }
                throws: { "case.self_approval" ~= $0 }
        }
    }

    @Test("A deduction names its supporting record, counts only once a head approves it, and may not overlap another (REC-17)")
    func deductions() async throws {
        try await DemoWorld.beforeHolidays { world in
            let head = try await world.actor("scj.wangfang"), officer = try await world.actor("scj.zhangwei")
            let driver = try await CaseDriver.open(in: world)
            let approval = try await driver.issue(.openingApproval)
            driver.day("2026-10-20")
            func due() async throws -> CivilDate? {
                let detail = try await world.sunlight.cases.caseDetail(driver.id, by: head)
                return detail.clocks.first { $0.kind == "decision" }?.due
            }
            let before = try await due()
            await #expect {
                try await world.sunlight.cases.requestDeduction(case: driver.id, reason: .appraisal, from: CivilDate(iso: "2026-09-25")!,
                                                          to: CivilDate(iso: "2026-10-09")!, record: UUID(), note: nil, by: officer)
            } throws: { ($0 as? SunlightError)?.field == "record" }
            _ = try await world.sunlight.cases.requestDeduction(case: driver.id, reason: .appraisal, from: CivilDate(iso: "2026-09-25")!,
                                                          to: CivilDate(iso: "2026-10-09")!, record: approval.id, note: "送检样品", by: officer)
            #expect(try await due() == before, "a period asked for does not move the clock")
            await #expect {
                try await world.sunlight.cases.requestDeduction(case: driver.id, reason: .testing, from: CivilDate(iso: "2026-10-09")!,
                                                          to: CivilDate(iso: "2026-10-12")!, record: approval.id, note: nil, by: officer)
            } throws: { "case.deduction_overlap" ~= $0 }
            let request = try #require(CaseTimeLimits.pending(.deductionRequested, in: try await world.sunlight.store.cases.events(of: driver.id)).first)
            await #expect { try await world.sunlight.cases.approveDeduction(case: driver.id, request: request.id, by: officer) } throws: { "role.missing" ~= $0 }
            _ = try await world.sunlight.cases.approveDeduction(case: driver.id, request: request.id, by: head)
            #expect(before?.iso == "2026-12-21")
            #expect(try await due()?.iso == "2027-01-04", "21 Sep + 90 + 15 excluded days")
        }
    }
}
