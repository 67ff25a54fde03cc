import Foundation
@testable import SunlightCore
import SunlightDemo
import SunlightStore
import SunlightTestSupport

/// The demo data set, seeded through the use cases, and the actors in it.
struct DemoWorld {
    let sunlight: Sunlight
    let clock: ManualClock
    /// The database, when the world is on one (``onDatabase(today:_:)``); `nil` in memory.
    let database: StoreHost?
    let seeded: DemoData.Seeded

    /// The database this world runs on; for tests of what only SQL has (triggers, raw rows).
    var host: StoreHost {
        get throws { try database.orThrow("a database (use DemoWorld.onDatabase)") }
    }

    /// The demo in memory: use-case tests that exercise no SQL run here, in milliseconds.
    static func with<T>(today: CivilDate = CivilDate(iso: "2026-11-23")!,
                        _ body: (DemoWorld) async throws -> T) async throws -> T {
        // The tests' expectations of the demo's certificates were written for 2026-11-23.
        try await MemoryDemo.with(today: today, certificatesAsOf: CivilDate(iso: "2026-11-23")!) { sunlight, clock, seeded in
            try await body(DemoWorld(sunlight: sunlight, clock: clock, database: nil, seeded: seeded))
        }
    }

    /// The demo on this run's database (SQLite, or PostgreSQL in the PostgreSQL run).
    static func onDatabase<T>(today: CivilDate = CivilDate(iso: "2026-11-23")!,
                              _ body: (DemoWorld) async throws -> T) async throws -> T {
        try await TestDatabase.withDemo(today: today, certificatesAsOf: CivilDate(iso: "2026-11-23")!) { sunlight, clock, host, seeded in
            try await body(DemoWorld(sunlight: sunlight, clock: clock, database: host, seeded: seeded))
        }
    }

    /// The actor for a demo account, as if logged in to the staff UI.
    func actor(_ username: String) async throws -> Actor {
        let user = try await sunlight.store.users.find(username: username)!
        return try await sunlight.access.actor(for: user, channel: .staff, address: "192.0.2.10")
    }

    func user(_ username: String) async throws -> StaffUser {
        try await sunlight.store.users.find(username: username)!
    }

    /// Every access-log entry, newest first, with client addresses.
    func accessLog() async throws -> [AccessLogEntry] {
        try await sunlight.access.withAddresses(try await sunlight.store.accessLog.entries(AccessLogQuery(organisationPaths: ["/"], limit: 1000)))
    }
}

/// Whether `error` is a ``SunlightError`` with the given code.
func ~= (code: String, error: any Error) -> Bool { (error as? SunlightError)?.code == code }
