import Foundation
@testable import SunlightCore
import SunlightDatabaseTestSupport
@testable import SunlightStore
import SunlightTestSupport
import Testing

/// 只读副本 — the portal and the public API read from a real PostgreSQL streaming replica
/// (`SUNLIGHT_DATABASE_READ_URL`); writes, logged reads and staff pages use the primary
/// (issue 16 item 6). Runs in the PostgreSQL pass, where `scripts/test` starts the replica.
@Suite("只读副本 Streaming replica")
struct ReplicaTests {
    static var replicaURL: String? {
        ProcessInfo.processInfo.environment["SUNLIGHT_TEST_DATABASE_READ_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The scratch database as the replica serves it: the same database and schema, the replica's port.
    static func replica(of primary: StoreConfiguration) throws -> StoreConfiguration {
        guard case .postgres(let url, let schema) = primary, let replica = replicaURL,
              var target = URLComponents(string: url), let source = URLComponents(string: replica) else {
            throw ConfigurationError("需要 PostgreSQL 与 SUNLIGHT_TEST_DATABASE_READ_URL")
        }
        target.host = source.host
        target.port = source.port
        return .postgres(url: target.string!, schema: schema)
    }

    /// Whether the portal's home page shows `text` within 2 minutes: the replica replays the
    /// WAL of every test running in parallel (each copies a whole database), so under the full
    /// PostgreSQL pass it may trail the primary by many seconds.
    static func portal(_ server: TestServer, shows text: String) async throws -> Bool {
        for _ in 0..<1200 {
            if try await server.api(.GET, "/", token: nil).body.string.contains(text) { return true }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    @Test("Issue 16 item 6: with the replica's replay paused, a renamed organisation shows at once to staff (primary) and on the portal only once replay resumes",
          .enabled(if: replicaURL != nil && TestDatabase.postgresURL != nil))
    func portalReadsTheReplica() async throws {
        try await TestServer.with(readReplica: true) { server in
            let host = try StoreHost(try Self.replica(of: server.app.sunlightConfiguration.store))
            do {
                let bureau = try #require(try await server.app.sunlight.store.organisations.all().first { $0.name.hasPrefix("元谋县市场监督管理局") })
                // Caught up before the pause: the portal shows the old name.
                #expect(try await Self.portal(server, shows: "元谋县市场监督管理局"))
                try await host.execute("SELECT pg_wal_replay_pause()")
                _ = try await server.app.sunlight.organisations.renameOrganisation(bureau.id, name: "元谋县市场监管局（副本测试）", shortName: "元谋市监",
                                                                                    by: .console("test"))
                let staff = try server.json(try await server.api(.GET, "/api/v1/organisations/\(bureau.id.uuidString)", token: try await server.token(for: "admin")))
                #expect(staff["name"] as? String == "元谋县市场监管局（副本测试）", "the authenticated API reads the primary")
                #expect(!(try await server.api(.GET, "/", token: nil)).body.string.contains("副本测试"), "the portal reads the paused replica")

                try await host.execute("SELECT pg_wal_replay_resume()")
                #expect(try await Self.portal(server, shows: "副本测试"), "the replica streams the rename in once replay resumes")
                await host.shutdown()
            } catch {
                try? await host.execute("SELECT pg_wal_replay_resume()")
                await host.shutdown()
                throw error
            }
        }
    }
}
