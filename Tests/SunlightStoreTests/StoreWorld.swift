import Foundation
@testable import SunlightCore
import SunlightDemo
import SunlightDatabaseTestSupport
import SunlightFixtures
import SunlightTestSupport

/// The demo data set on any kind of store — memory, SQLite or PostgreSQL — for use-case tests
/// that exercise no SQL and so run on each (``DemoWorld`` is the SQL-only form, with its host).
struct StoreWorld {
    let sunlight: Sunlight
    let clock: ManualClock
    let seeded: DemoData.Seeded

    static func with<T>(_ kind: StoreKind, today: CivilDate = CivilDate(iso: "2026-11-23")!,
                        _ body: (StoreWorld) async throws -> T) async throws -> T {
        try await TestDatabase.withSunlight(kind, today: today) { sunlight, clock in
            // The tests' expectations of the demo's certificates were written for 2026-11-23.
            let seeded = try await DemoData.seed(sunlight, certificatesAsOf: CivilDate(iso: "2026-11-23")!)
            return try await body(StoreWorld(sunlight: sunlight, clock: clock, seeded: seeded))
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
}
