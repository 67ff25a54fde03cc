import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightRendering
import SunlightTestSupport
import Testing

/// 网上巡查 on a data set with known defects: it finds every one and nothing else (SUP-5).
@Suite struct PublicityInspectionTests {
    @Test("The 2026Q4 inspection finds each seeded defect: missing lists, a stale item, late and missing publication, late withdrawal, late draw results, a redaction miss (SUP-5)")
    func findsEverySeededDefect() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-10-08")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let clerk = try await world.actor("scj.gongshi"), head = try await world.actor("scj.wangfang")
            // Two decisions made on 8 October, due 16 October: one published late, one never.
            let (_, late) = try await PublicationUseCaseTests.decided(in: world)
            let (_, missing) = try await PublicationUseCaseTests.decided(in: world)
            #expect(late.dueOn == CivilDate(iso: "2026-10-16") && missing.dueOn == late.dueOn)
            // The demo's decision (published on time while seeding) is revoked on 20 October and withdrawn on the 26th, a day late.
            let demo = try #require(try await sunlight.store.publications.list(organisations: [market.id], statuses: [.published]).first)
            world.clock.set(CivilDate(iso: "2026-10-20")!)
            let preview = try await sunlight.publicity.publicationPreview(late.id, by: clerk).1
            _ = try await sunlight.publicity.publishDecision(late.id, confirmedHash: preview.publishedHash, by: clerk)
            _ = try await sunlight.publicity.reportDecisionChange(demo.id, kind: .revoked, changedOn: world.clock.today, by: head)
            world.clock.set(CivilDate(iso: "2026-10-26")!)
            _ = try await sunlight.publicity.withdrawDecision(demo.id, statement: "本决定已被行政复议机关撤销。", by: clerk)
            // The demo's draw: inspection ended on 8 October, results due 5 November, never published.
            let draw = try #require(try await sunlight.store.draws.list(organisations: [market.id]).first)
            _ = try await sunlight.publicity.recordInspectionResults(draw.id, endedOn: CivilDate(iso: "2026-10-08")!, results: draw.assignments.map {
                .init(targetKey: $0.target.key, findings: "未发现问题", handling: "无需处理")
            }, by: head)
            // Imported from an old system: a published text that still carries the party's ID number, and a guide untouched since 2025.
            var leaked = try #require(try await sunlight.store.publications.find(late.id))
            leaked.content.append(PublishedField(key: "note", label: "备注", text: "当事人身份证号 532328198001011234"))
            try await sunlight.store.publications.update(leaked)
            let enforcement = world.seeded.organisation("元谋县综合行政执法局")
            try await sunlight.store.lists.insert(ListEntryVersion(
                entryID: UUID(), kind: .guide, organisationID: enforcement.id, version: 1, change: .publish,
                fields: ["name": "户外广告设置审批服务指南"], effectiveFrom: CivilDate(iso: "2025-06-01")!, status: .published, draftedBy: nil, draftedAt: world.clock.now))

            world.clock.set(CivilDate(iso: "2026-11-23")!)
            await #expect { try await sunlight.supervision.inspectPublicity(Quarter("2026Q4")!, by: clerk) } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            let report = try await sunlight.supervision.inspectPublicity(Quarter("2026Q4")!, by: try await world.actor("jiandu"))
            var found: [String: [PublicityInspection.Finding.Kind]] = [:]
            for organisation in report.organisations where !organisation.findings.isEmpty {
                found[organisation.organisation.name] = organisation.findings.map(\.kind).sorted { $0.rawValue < $1.rawValue }
            }
            #expect(found == [
                "元谋县档案局": [.missingList, .missingList],
                "元谋县综合行政执法局": [.missingList, .staleItem],
                "元谋县市场监督管理局": [.lateDrawResults, .latePublication, .lateWithdrawal, .missingPublication, .redactionMiss],
            ])
            let marketFindings = try #require(report.organisations.first { $0.organisation.id == market.id }).findings
            #expect(marketFindings.contains { $0.kind == .missingPublication && $0.detail.contains(missing.number) })
            #expect(marketFindings.contains { $0.kind == .redactionMiss && $0.detail.contains("532328198001011234") })
            let csv = CSV.document(report.table { _ in "" })
            #expect(csv.hasPrefix("\u{FEFF}季度,机构,问题,依据") && csv.contains("元谋县档案局,清单缺失,《国务院办公厅关于"))
            #expect(!csv.contains("PUB-4"), "the table cites the law, not our rule IDs")
            // The quarter before had no clock due in it; what is on the portal now is judged whatever the quarter.
            let previous = try await sunlight.supervision.inspectPublicity(Quarter("2026Q3")!, by: try await world.actor("jiandu")).organisations.flatMap(\.findings)
            #expect(Set(previous.map(\.kind)) == [.missingList, .staleItem, .redactionMiss])
        }
    }

    @Test("Quarters parse and bound correctly (SUP-5)")
    func quarters() {
        #expect(Quarter("2026Q3").map { ($0.first.iso, $0.last.iso) } ?? ("", "") == ("2026-07-01", "2026-09-30"))
        #expect(Quarter("2026q1")?.last.iso == "2026-03-31" && Quarter("2026Q4")?.last.iso == "2026-12-31")
        #expect(Quarter("2026Q5") == nil && Quarter("Q3") == nil && Quarter("2026-3") == nil)
    }
}
