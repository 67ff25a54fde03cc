import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import SunlightLedger
import Testing

/// 双随机抽查 through the use cases: commitment before the draw, the seed after it, results on
/// a 20-working-day clock, redacted publication (PUB-4, PUB-8, PUB-9).
@Suite struct DrawUseCaseTests {
    static let shops = (1...6).map { "92532328MA6KT00\($0)X\(String(format: "%02d", $0)),元谋县测试商户\($0)" }.joined(separator: "\n")

    @Test("The seed's hash is logged before the draw and the seed only after; anyone re-runs the draw from what is published (PUB-9)")
    func commitThenDraw() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let head = try await world.actor("scj.wangfang")
            await #expect { try await world.sunlight.publicity.commitDraw(title: "测试抽查", category: .inspection, targets: Self.shops, targetCount: 3,
                                                                 by: try await world.actor("scj.zhangwei")) } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            await #expect { try await world.sunlight.publicity.commitDraw(title: "测试抽查", category: .inspection, targets: Self.shops, targetCount: 7, by: head) }
                throws: { "draw.pool" ~= $0 }
            await #expect { try await world.sunlight.publicity.commitDraw(title: "测试抽查", category: .inspection, targets: Self.shops, targetCount: 2,
                                                                 inspectorsPerTarget: 3, by: head) } throws: { "draw.pool" ~= $0 }
            await #expect { try await world.sunlight.publicity.commitDraw(title: "测试抽查", category: .inspection, targets: "只有名称没有代码", targetCount: 1, by: head) }
                throws: { error in (error as? SunlightError)?.field == "targets" }
            let committed = try await world.sunlight.publicity.commitDraw(title: "测试抽查", category: .inspection, targets: Self.shops, targetCount: 3, by: head)
            #expect(committed.inspectors.map(\.key).sorted() == ["53232800101", "53232800102"], "only officers whose certificate covers 行政检查 today (REC-7)")
            #expect(committed.published.seed.isEmpty && committed.commitment == RandomDraw.commitment(ofSeed: committed.seed))
            let leaves = try await world.sunlight.store.ledger.entries(table: "inspection_draws", recordIDs: [committed.id.uuidString.lowercased()])
            #expect(leaves.count == 1)
            let (publicBefore, _) = try await world.sunlight.publicity.publicDraw(committed.id)
            #expect(publicBefore.seed.isEmpty && publicBefore.assignments.isEmpty)

            let drawn = try await world.sunlight.publicity.performDraw(committed.id, by: head)
            await #expect { try await world.sunlight.publicity.performDraw(committed.id, by: head) } throws: { "draw.status" ~= $0 }
            let (published, _) = try await world.sunlight.publicity.publicDraw(committed.id)
            #expect(published.seed == committed.seed && RandomDraw.commitment(ofSeed: published.seed) == publicBefore.commitment)
            let rerun = try RandomDraw.run(seed: published.seed, targets: published.targets.reversed(), inspectors: published.inspectors,
                                           parameters: published.parameters)
            #expect(rerun == drawn.assignments && rerun.count == 3 && rerun.allSatisfy { Set($0.inspectors).count == 2 })
            #expect(InspectionDraw.poolsHash(targets: published.targets, inspectors: published.inspectors, parameters: published.parameters) == committed.poolsHash)
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("Findings start a 20-working-day clock from the inspection's end and are published redacted, once (PUB-8, PUB-9)")
    func resultsClock() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let head = try await world.actor("scj.wangfang")
            let clerk = try await world.actor("scj.gongshi")
            var draw = try await world.sunlight.publicity.commitDraw(title: "测试抽查", category: .inspection, targets: Self.shops, targetCount: 2, by: head)
            draw = try await world.sunlight.publicity.performDraw(draw.id, by: head)
            let first = draw.assignments[0].target.key, second = draw.assignments[1].target.key
            await #expect { try await world.sunlight.publicity.recordInspectionResults(draw.id, endedOn: world.clock.today,
                                                                             results: [.init(targetKey: first, findings: "未发现问题", handling: "无")], by: head) }
                throws: { error in (error as? SunlightError)?.field == "results" }
            let results: [InspectionDraw.TargetResult] = [
                .init(targetKey: first, findings: "未发现问题", handling: "无需处理"),
                .init(targetKey: second, findings: "负责人张三（电话 13800138000）未能出示健康证明", handling: "责令限期改正"),
            ]
            draw = try await world.sunlight.publicity.recordInspectionResults(draw.id, endedOn: world.clock.today, results: results, by: head)
            #expect(draw.resultsDueOn == CivilDate(iso: "2026-11-02"), "20 working days from 29 September across the National Day holiday")
            let tasks = try await world.sunlight.tasks(for: clerk)
            #expect(tasks.contains { $0.rule == .pub9 && $0.due == draw.resultsDueOn })
            await #expect { try await world.sunlight.publicity.publishDrawResults(draw.id, by: head) } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            draw = try await world.sunlight.publicity.publishDrawResults(draw.id, by: clerk)
            let (published, _) = try await world.sunlight.publicity.publicDraw(draw.id)
            let text = published.results.map { $0.findings + $0.handling }.joined()
            #expect(published.results.count == 2 && !text.contains("张三") && !text.contains("13800138000") && text.contains("张某某"))
            #expect(try await world.sunlight.store.outbox.recent(limit: 20, pendingOnly: true).contains { $0.kind == .drawPublished && $0.subject == draw.id.uuidString.lowercased() })
            await #expect { try await world.sunlight.publicity.publishDrawResults(draw.id, by: clerk) } throws: { "draw.status" ~= $0 }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }
}
