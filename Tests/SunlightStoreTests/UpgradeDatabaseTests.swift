import Foundation
import SunlightCore
import SunlightDemo
import SunlightLedger
import SunlightStore
import SunlightTestSupport
import Testing

/// 升级校验 — `Tests/Fixtures/ledger-v1` is a small database written by the log format of
/// 2026-09 (entry v1, every content at version 1), with its signing key, its newest checkpoint
/// and its evidence files. Every later commit must still verify it after running its own
/// migrations (REC-5): a change to what any record hashes, to the entry or to the tree shows up
/// here as "被直接修改" or a broken leaf, exactly as it would on every installed database.
///
/// Never regenerate the fixture to make this pass. To write a *new* fixture for a new format
/// (kept beside this one): `SUNLIGHT_WRITE_UPGRADE_DB=/some/empty/dir swift test --filter UpgradeDatabaseTests`.
@Suite("日志格式：旧库升级后校验 REC-5")
struct UpgradeDatabaseTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ledger-v1")
    static let databaseFile = "upgrade.db"

    @Test("REC-5: the database written by the v1 format verifies clean after the current migrations")
    func oldDatabaseVerifies() async throws {
        if let target = ProcessInfo.processInfo.environment["SUNLIGHT_WRITE_UPGRADE_DB"], !target.isEmpty {
            try await Self.write(to: URL(fileURLWithPath: target))
            return
        }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("sunlight-upgrade-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let settings = try LedgerKeys.load(dataDirectory: copy.path, LedgerKeys.Source())
        let host = try StoreHost(.sqlite(path: copy.appendingPathComponent(Self.databaseFile).path))
        do {
            try await host.migrate()
            let sunlight = Sunlight(store: host.store, clock: ManualClock(CivilDate(iso: "2026-11-23")!), passwords: TestPasswordHasher(),
                                    ledger: settings, blobs: try FileBlobStore(root: copy.appendingPathComponent("blobs"), maxBytes: 1 << 30))
            let witness = try #require(WitnessFile.read(dataDirectory: copy.path))
            let report = try await sunlight.cases.verify(witnesses: [witness])
            #expect(report.isClean, "\(report.problems.prefix(20).map(\.description).joined(separator: "\n"))")
            #expect(report.leaves > 100)
            #expect(report.records.values.reduce(0, +) > 100)
            // 021 back-fills the bigram index of rows written before it (issue 16 item 5; PUB-3, PUB-7).
            let found = try await host.store.search.search("赵磊", organisations: nil, limit: 10).map(\.id)
            #expect(found == ["officer:2379e4a9-02cf-4875-9f2d-1d3909eb3812"], "\(found)")
            #expect(try await host.store.publications.publicDecisions(DecisionFilter(text: "简罚〔2026〕1号")).map(\.number) == ["元市监简罚〔2026〕1号"])
            await host.shutdown()
        } catch {
            await host.shutdown()
            throw error
        }
    }

    /// Writes a fixture: the demo data set and a history of changes, through the use cases.
    static func write(to directory: URL) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let settings = try LedgerKeys.load(dataDirectory: directory.path, LedgerKeys.Source(name: "sunlight-upgrade-fixture"))
        let host = try StoreHost(.sqlite(path: directory.appendingPathComponent(databaseFile).path))
        try await host.migrate()
        let clock = ManualClock(CivilDate(iso: "2026-09-21")!)
        let sunlight = Sunlight(store: host.store, clock: clock, passwords: TestPasswordHasher(), ledger: settings,
                                blobs: try FileBlobStore(root: directory.appendingPathComponent("blobs"), maxBytes: 1 << 30))
        let seeded = try await DemoData.seed(sunlight)
        let admin = Actor.console("fixture")
        let market = seeded.organisation("元谋县市场监督管理局")
        _ = try await sunlight.organisations.renameOrganisation(market.id, name: "元谋县市场监管局", shortName: "元市监", by: admin)
        let lina = try await host.store.users.find(username: "scj.lina")!
        _ = try await sunlight.organisations.updateUser(lina.id, StaffUserChanges(roles: [.officer, .publicityClerk]), by: admin)
        let (token, _) = try await sunlight.access.issueApiToken(for: lina.id, name: "对接", expiresOn: nil, by: admin)
        try await sunlight.access.revokeApiToken(token.id, by: admin)
        try await WitnessFile.update(from: host.store, dataDirectory: directory.path)
        await host.shutdown()
    }
}
