import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 访问日志成组提交 (issue 16 items 4 and 8; REC-11, REC-5): concurrent logged reads share
/// commits, and every read is still logged before it is answered.
@Suite struct AccessLogBatchTests {
    @Test("REC-11: a hundred concurrent case reads are each logged, with their log entries, in fewer commits than reads")
    func concurrentReadsShareCommits() async throws {
        try await DemoWorld.with { world in
            let head = try await world.actor("scj.wangfang")
            let theCase = try #require(try await world.sunlight.store.cases.list(organisations: [world.market.id], filter: .all, limit: 1).first)
            let linesBefore = try await world.accessLog().count
            let checkpointsBefore = try await world.sunlight.store.ledger.checkpoints(from: 0, limit: 100_000).count
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<100 { group.addTask { _ = try await world.sunlight.cases.caseDetail(theCase.id, by: head) } }
                try await group.waitForAll()
            }
            let lines = try await world.accessLog()
            #expect(lines.count - linesBefore == 100)
            #expect(lines.prefix(100).allSatisfy { $0.action == .read && $0.resourceID == theCase.id.uuidString })
            // Each commit signs one checkpoint here (entries are placed at commit).
            let commits = try await world.sunlight.store.ledger.checkpoints(from: 0, limit: 100_000).count - checkpointsBefore
            #expect(commits < 100, "\(commits) commits for 100 reads")
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
        }
    }
}
