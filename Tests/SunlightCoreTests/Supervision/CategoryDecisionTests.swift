import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 强制、征收、收费 counted from their own records in the statistics and the annual report, not
/// left at 0 because only penalties and permits issue a 决定书 (SUP-6, REC-12, PUB-12).
@Suite struct CategoryDecisionTests {
    /// A case of `category` opened on `opened` in `organisation`, stored as it stands.
    static func stored(_ category: EnforcementCategory, in organisation: Organisation.ID, stage: String, opened: String,
                       world: DemoWorld) async throws -> EnforcementCase {
        let theCase = EnforcementCase(organisationID: organisation, number: "元市监\(category.rawValue)〔2026〕1号", title: "统计用\(category.chineseName)案件",
                                      category: category, simple: false, itemEntryID: nil, source: .inspection, violationOn: nil,
                                      endangersSafety: false, openedOn: CivilDate(iso: opened)!, openedAt: Date(), openedBy: nil, decisionDays: 90,
                                      classification: .normal, stage: stage, status: .open)
        try await world.sunlight.store.cases.insert(theCase)
        return theCase
    }

    @Test("A seizure decision counts as 行政强制, an assessment as 行政征收 or 行政收费, in the statistics and the annual report (SUP-6, PUB-12, 国办发〔2018〕118号)")
    func everyCategoryCounts() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let store = world.sunlight.store
            let seizure = try await Self.stored(.coercion, in: market.id, stage: "handling", opened: "2026-10-09", world: world)
            try await store.caseRecords.insert(CaseDocument(caseID: seizure.id, type: .seizureDecision, stage: "delivery",
                                                            fields: DocumentType.seizureDecision.sampleFields([:]), status: .issued, number: "元市监强〔2026〕1号",
                                                            draftedBy: nil, draftedAt: Date(), issuedOn: CivilDate(iso: "2026-10-10")!))
            for category in [EnforcementCategory.levy, .fee] {
                let assessed = try await Self.stored(category, in: market.id, stage: "notice", opened: "2026-11-02", world: world)
                try await store.cases.append(CaseEvent(caseID: assessed.id, kind: .stageCompleted, stage: "assessment", at: Date(),
                                                       on: CivilDate(iso: "2026-11-05")!, by: nil))
            }
            let statistics = try await world.sunlight.supervision.enforcementStatistics(
                from: CivilDate(iso: "2026-01-01")!, to: world.clock.today, by: try await world.actor("jiandu"))
            let row = try #require(statistics.rows.first { $0.organisation.id == market.id })
            #expect(row.counts[.coercion] == 1 && row.counts[.levy] == 1 && row.counts[.fee] == 1 && row.counts[.penalty] == 1)
            let report = try await world.sunlight.publicity.annualReport(of: market.id, year: 2026, by: try await world.actor("scj.gongshi"))
            #expect(report.rows.map(\.category) == EnforcementCategory.enforcement, "all six categories, a 0 shown as 0")
            #expect(report.rows.first { $0.category == .coercion }.map { ($0.opened, $0.decided) } ?? (0, 0) == (1, 1))
            #expect(report.rows.first { $0.category == .levy }?.decided == 1 && report.rows.first { $0.category == .fee }?.decided == 1)
            #expect(report.paragraphs[0].contains("行政强制立案 1 件、作出查封、扣押决定 1 件") && report.paragraphs[0].contains("行政征收立案 1 件、核定征收 1 件"))
        }
    }

    @Test("Case statistics: a coercion case is decided when its seizure decision is issued, a levy when it is assessed, with the days it took (REC-12)")
    func durations() {
        var seizure = CaseFixture(.coercion, stage: "handling", opened: "2026-09-01")
        seizure.issue(.seizureDecision, on: "2026-09-03")
        var levy = CaseFixture(.levy, stage: "notice", opened: "2026-09-01")
        levy.event(.stageCompleted, on: "2026-09-11", stage: "assessment")
        let notYet = CaseFixture(.fee, stage: "assessment", opened: "2026-09-01")
        let all = [seizure, levy, notYet]
        let statistics = CaseStatistics.compute(cases: all.map(\.theCase), events: all.flatMap(\.events), documents: all.flatMap(\.documents),
                                                overdue: [], organisationNames: [:], from: day("2026-01-01"), to: day("2026-12-31"))
        #expect(statistics.byCategory.map(\.label) == ["行政强制", "行政征收", "行政收费"])
        #expect(statistics.byCategory.map(\.decided) == [1, 1, 0])
        #expect(statistics.byCategory.map(\.meanDaysToDecision) == [2, 10, nil])
    }
}
