import Foundation
import Testing
@testable import SunlightCore

@Suite("案件统计 REC-12")
struct CaseStatisticsTests {
    @Test("REC-12: counts by category, organisation and month; durations from the events; stages passed and current")
    func figures() {
        var decided = CaseFixture(stage: "delivery", opened: "2026-07-03")
        decided.event(.stageCompleted, on: "2026-07-03", stage: "opening")
        decided.event(.stageCompleted, on: "2026-07-13", stage: "investigation")
        decided.event(.decided, on: "2026-08-02", stage: "decision")
        var closed = CaseFixture(stage: "done", opened: "2026-08-10")
        closed.theCase.status = .closed
        closed.event(.decided, on: "2026-08-20")
        closed.event(.closed, on: "2026-09-09")
        let permit = CaseFixture(.permit, stage: "acceptance", opened: "2026-08-11")
        let outside = CaseFixture(opened: "2025-12-31")
        let all = [decided, closed, permit, outside]
        let statistics = CaseStatistics.compute(cases: all.map(\.theCase), events: all.flatMap(\.events), overdue: [decided.theCase.id],
                                                organisationNames: [:], from: day("2026-01-01"), to: day("2026-12-31"))
        #expect(statistics.total.opened == 3, "the case opened in 2025 is outside the period")
        #expect(statistics.total.running == 2 && statistics.total.closed == 1 && statistics.total.overdue == 1)
        #expect(statistics.total.decided == 2 && statistics.total.meanDaysToDecision == 20, "(30 + 10) / 2")
        #expect(statistics.byCategory.map(\.label) == ["行政许可", "行政处罚"], "in the order of the six categories")
        #expect(statistics.byMonth.map(\.key) == ["2026-07", "2026-08"] && statistics.byMonth.map(\.opened) == [1, 2])
        let investigation = statistics.byStage.first { $0.stage.code == "investigation" }
        #expect(investigation?.completed == 1 && investigation?.meanDays == 10)
        #expect(statistics.byStage.first { $0.stage.code == "acceptance" }?.current == 1)
        #expect(statistics.table.header.prefix(3) == ["维度", "项目", "立案"])
    }
}
