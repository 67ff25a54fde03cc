import Foundation
import SunlightCore
import SunlightStore
import SunlightTestSupport

/// The stores a conformance or use-case test runs on: memory and SQLite, or PostgreSQL when
/// `SUNLIGHT_TEST_DATABASE_URL` is set. Use it as a Swift Testing argument:
/// `@Test(arguments: StoreKind.all) func x(_ kind: StoreKind)`.
public enum StoreKind: String, Sendable, CaseIterable, CustomStringConvertible {
    case memory
    case sqlite
    case postgresql

    /// The stores this run tests: memory and SQLite in the default run; only PostgreSQL in the
    /// PostgreSQL run (`SUNLIGHT_TEST_DATABASE_URL` set), which `scripts/test` makes after the
    /// default run has covered the other two.
    public static var all: [StoreKind] { TestDatabase.postgresURL == nil ? [.memory, .sqlite] : [.postgresql] }

    /// The SQL database this run tests (for what only SQL has: triggers, migrations, raw SQL).
    public static var databases: [StoreKind] { [current] }

    /// The SQL database of this run: PostgreSQL when `SUNLIGHT_TEST_DATABASE_URL` is set, else SQLite.
    public static var current: StoreKind { TestDatabase.postgresURL == nil ? .sqlite : .postgresql }

    public var description: String { rawValue }
}

extension TestDatabase.Scratch {
    /// A fresh place on this kind of database (memory needs only the folder).
    public init(_ kind: StoreKind) {
        database = nil
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sunlight-test-\(UUID().uuidString)")
        schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        if kind == .postgresql, let url = TestDatabase.postgresURL {
            configuration = .postgres(url: url, schema: schema)
        } else {
            configuration = .sqlite(path: directory.appendingPathComponent("test.sqlite").path)
        }
    }
}

extension TestDatabase {
    /// Runs `body` on a fresh, empty store of this kind, removed afterwards.
    public static func withStore<T>(_ kind: StoreKind, _ body: (any Store) async throws -> T) async throws -> T {
        switch kind {
        case .memory:
            return try await body(MemoryStore())
        case .sqlite, .postgresql:
            return try await withHost(Scratch(kind)) { host, _ in try await body(host.store) }
        }
    }

    /// The use cases on a fresh store of this kind, at 2026-11-23 09:00 Beijing time unless told
    /// otherwise; files go to a folder of the test's own.
    public static func withSunlight<T>(_ kind: StoreKind, today: CivilDate = CivilDate(iso: "2026-11-23")!,
                                       _ body: (Sunlight, ManualClock) async throws -> T) async throws -> T {
        let scratch = Scratch(kind)
        let clock = ManualClock(today)
        func sunlight(_ store: any Store) throws -> Sunlight {
            Sunlight(store: store, clock: clock, passwords: TestPasswordHasher(), ledger: testLedger(),
                     blobs: try FileBlobStore(root: scratch.directory.appendingPathComponent("blobs"), maxBytes: 1 << 30))
        }
        switch kind {
        case .memory:
            defer { try? FileManager.default.removeItem(at: scratch.directory) }
            return try await body(try sunlight(MemoryStore()), clock)
        case .sqlite, .postgresql:
            return try await withHost(scratch) { host, _ in try await body(try sunlight(host.store), clock) }
        }
    }
}
