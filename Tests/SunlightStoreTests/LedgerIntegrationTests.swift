import Foundation
import SQLKit
@testable import SunlightCore
import SunlightDatabaseTestSupport
import SunlightLedger
@testable import SunlightStore
import SunlightTestSupport
import Testing

/// 先排序、后整合 (DESIGN.md "Sequence, then integrate"; REC-5): a commit sequences its log
/// entries with its records; an integrator places them in batches, one checkpoint per batch.
@Suite("日志整合 Sequence, then integrate REC-5")
struct LedgerIntegrationTests {
    static func sequencedSunlight(_ store: any Store, ledger: LedgerSettings = testLedger(), clock: ManualClock = ManualClock(CivilDate(iso: "2026-11-23")!)) throws -> Sunlight {
        var ledger = ledger
        ledger.integration = .sequenced
        let blobs = try FileBlobStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("sunlight-test-\(UUID().uuidString)"),
                                      maxBytes: 1 << 20)
        return Sunlight(store: store, clock: clock, passwords: TestPasswordHasher(), ledger: ledger, blobs: blobs)
    }

    /// One logged read, committed the way every use case commits.
    @discardableResult
    static func logRead(_ sunlight: Sunlight, _ n: Int) async throws -> String {
        let line = AccessLogEntry(.console("test"), at: LedgerTime.truncated(sunlight.clock.now), .read, "test", id: "\(n)", in: nil, "读取 \(n)")
        try await sunlight.store.transaction { [ledger = sunlight.ledger, secrets = sunlight.secrets] tx in
            try await Sunlight.appendAccessLog(line, records: [], at: line.at, ledger: ledger, secrets: secrets, in: tx)
        }
        return line.id.uuidString.lowercased()
    }

    @Test("REC-5: a commit only sequences its entries; the integrator places five commits in one batch under one checkpoint, and verify is clean",
          arguments: StoreKind.all)
    func integratesInOneBatch(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let sunlight = try Self.sequencedSunlight(store)
            for n in 0..<5 { try await Self.logRead(sunlight, n) }
            #expect(try await store.ledger.head().size == 0, "nothing waits on the tree at commit")
            #expect(try await store.ledger.latestCheckpoint() == nil)
            #expect(try await sunlight.integrationBacklog().count == 5)

            #expect(try await sunlight.integrateLog() == 5)
            #expect(try await store.ledger.head().size == 5)
            #expect(try await store.ledger.checkpoints(from: 0, limit: 10).map(\.size) == [5], "one checkpoint per batch")
            #expect(try await sunlight.integrationBacklog() == SequencedBacklog(count: 0, oldest: nil))
            #expect(try await sunlight.integrateLog() == 0)

            let report = try await sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.leaves == 5 && report.records["access_log"] == 5 && report.integratedBeforeCheck == 0)
        }
    }

    @Test("REC-5: a proof asked for right after a write is given, and verify places what still waits before checking",
          arguments: StoreKind.all)
    func readsOfTheTreeCatchUp(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let sunlight = try Self.sequencedSunlight(store)
            for n in 0..<2 { try await Self.logRead(sunlight, n) }
            let last = try await Self.logRead(sunlight, 2)
            #expect(try await sunlight.cases.latestCheckpoint() == nil, "the public checkpoint shows the tree as it stands")
            let proof = try await sunlight.cases.inclusionProof(table: "access_log", recordID: last, by: .console("test"))
            #expect(proof.leafIndex == 2 && proof.treeSize == 3)
            for n in 3..<7 { try await Self.logRead(sunlight, n) }
            let report = try await sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.integratedBeforeCheck == 5 && report.leaves == 8, "the proof's own access-log line waited too")
        }
    }

    @Test("REC-5: the database refuses to change a waiting entry, or to drop one that is not in the tree", arguments: StoreKind.databases)
    func waitingEntriesAreGuarded(_ kind: StoreKind) async throws {
        try await TestDatabase.withHost(TestDatabase.Scratch(kind)) { host, _ in
            let sunlight = try Self.sequencedSunlight(host.store)
            try await Self.logRead(sunlight, 1)
            await #expect(throws: (any Error).self) { try await host.execute("UPDATE ledger_sequence SET content = '{}'") }
            await #expect(throws: (any Error).self) { try await host.execute("DELETE FROM ledger_sequence") }
            #expect(try await sunlight.integrationBacklog().count == 1, "still waiting, unchanged")
            #expect(try await sunlight.integrateLog() == 1)
            #expect(try await host.strings("SELECT COUNT(*) FROM ledger_sequence") == ["0"])
        }
    }

    /// On PostgreSQL the two servers have a connection pool each, as two processes would; SQLite
    /// is embedded in one server, so there they share its pool.
    @Test("REC-5: concurrent writers and two integrators (two servers on PostgreSQL) leave one consistent tree holding every commit",
          arguments: StoreKind.databases)
    func twoServersOneTree(_ kind: StoreKind) async throws {
        let scratch = TestDatabase.Scratch(kind)
        try await TestDatabase.withHost(scratch) { first, _ in
            let second = kind == .postgresql ? try StoreHost(scratch.configuration) : first
            let ledger = testLedger()
            let servers = [try Self.sequencedSunlight(first.store, ledger: ledger), try Self.sequencedSunlight(second.store, ledger: ledger)]
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<4 {
                        group.addTask {
                            for n in 0..<20 {
                                try await Self.logRead(servers[writer % 2], writer * 100 + n)
                                if n % 5 == 4 { try await servers[(writer + 1) % 2].integrateLog(limit: 7) }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                try await servers[1].integrateAllSequenced()
                if second !== first { await second.shutdown() }
            } catch {
                if second !== first { await second.shutdown() }
                throw error
            }
            let report = try await servers[0].cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.leaves == 80 && report.records["access_log"] == 80)
            #expect(try await first.strings("SELECT COUNT(*) FROM ledger_sequence") == ["0"])
        }
    }
}
