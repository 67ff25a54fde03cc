import Foundation
import SQLKit
import SunlightCore
import SunlightDemo
import SunlightStore
import SunlightTestSupport

/// The database the tests run on: a fresh SQLite file, or — when `SUNLIGHT_TEST_DATABASE_URL`
/// is set — a fresh schema on that PostgreSQL server (loopback only).
public enum TestDatabase {
    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["SUNLIGHT_TEST_DATABASE_URL"], !url.isEmpty else { return nil }
        let host = URL(string: url)?.host ?? ""
        precondition(["127.0.0.1", "localhost", "::1"].contains(host), "测试只能连接本机数据库，拒绝：\(host)")
        return url
    }

    /// `sqlite` or `postgresql`, as the tests will see it.
    public static var kind: String { postgresURL == nil ? "sqlite" : "postgresql" }

    /// A fresh, empty place for one test's data: a new SQLite file or a new PostgreSQL schema.
    public struct Scratch: Sendable {
        public let configuration: StoreConfiguration
        /// A folder of the test's own (SQLite file, blobs); removed afterwards.
        public let directory: URL
        let schema: String
        /// A PostgreSQL database of the test's own (a copy of a seeded template), dropped afterwards.
        let database: String?

        init(directory: URL, schema: String, database: String?, configuration: StoreConfiguration) {
            self.directory = directory
            self.schema = schema
            self.database = database
            self.configuration = configuration
        }

        public init() {
            database = nil
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("sunlight-test-\(UUID().uuidString)")
            schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            if let url = TestDatabase.postgresURL {
                configuration = .postgres(url: url, schema: schema)
            } else {
                configuration = .sqlite(path: directory.appendingPathComponent("test.sqlite").path)
            }
        }

        /// Removes the file or drops the schema.
        public func remove() async {
            if let database, let url = TestDatabase.postgresURL {
                try? await TestDatabase.administer(url) { sql in try await sql.raw("DROP DATABASE IF EXISTS \(ident: database) WITH (FORCE)").run() }
            } else if TestDatabase.postgresURL != nil, let host = try? StoreHost(configuration) {
                try? await host.dropSchema(schema)
                await host.shutdown()
            }
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// Runs `body` against a freshly migrated, empty database that is removed afterwards.
    public static func withHost<T>(_ body: (StoreHost) async throws -> T) async throws -> T {
        try await withHost(Scratch()) { host, _ in try await body(host) }
    }

    /// Runs `body` against a freshly migrated database in `scratch`, removed afterwards unless
    /// `keeping` (a template that later tests copy).
    public static func withHost<T>(_ scratch: Scratch, keeping: Bool = false,
                                   _ body: (StoreHost, Scratch) async throws -> T) async throws -> T {
        let host = try StoreHost(scratch.configuration)
        do {
            try await host.migrate()
            let result = try await body(host, scratch)
            await host.shutdown()
            if !keeping { await scratch.remove() }
            return result
        } catch {
            await host.shutdown()
            await scratch.remove()
            throw error
        }
    }

    /// The use cases on a fresh database, at 2026-11-23 09:00 Beijing time unless told otherwise.
    public static func withSunlight<T>(today: CivilDate = CivilDate(iso: "2026-11-23")!,
                                _ body: (Sunlight, ManualClock, StoreHost) async throws -> T) async throws -> T {
        try await withHost(Scratch()) { host, scratch in
            let clock = ManualClock(today)
            return try await body(scratch.sunlight(on: host, clock: clock, ledger: testLedger()), clock, host)
        }
    }

    /// The use cases on a copy of the demo data set seeded as of `today` (certificates dated as
    /// of `certificatesAsOf`), with the clock at 09:00 Beijing time that day. The demo is seeded
    /// once per process and day; each call gets its own copy.
    public static func withDemo<T>(today: CivilDate, certificatesAsOf: CivilDate,
                                   _ body: (Sunlight, ManualClock, StoreHost, DemoData.Seeded) async throws -> T) async throws -> T {
        let template = try await demoTemplate(today: today, certificatesAsOf: certificatesAsOf)
        return try await withHost(try await Scratch.copy(of: template)) { host, scratch in
            let clock = ManualClock(today)
            return try await body(scratch.sunlight(on: host, clock: clock, ledger: template.ledger), clock, host, template.seeded)
        }
    }
}

extension TestDatabase {
    /// The demo data set seeded as of `today` with `passwords` hashing the demo's passwords —
    /// made once per process for each such combination; copy it with ``Scratch/copy(of:)``.
    public static func demoTemplate(today: CivilDate, certificatesAsOf: CivilDate,
                                    passwords: any PasswordHasher = TestPasswordHasher()) async throws -> SeededTemplate {
        try await SeededTemplates.template("demo/\(type(of: passwords))/\(today.iso)/\(certificatesAsOf.iso)", kind: .current) { place, ledger in
            try await withHost(place, keeping: true) { host, place in
                let sunlight = Sunlight(store: host.store, clock: ManualClock(today), passwords: passwords, ledger: ledger,
                                        blobs: try FileBlobStore(root: place.directory.appendingPathComponent("blobs"), maxBytes: 1 << 30))
                return try await DemoData.seed(sunlight, certificatesAsOf: certificatesAsOf)
            }
        }
    }
}

extension TestDatabase.Scratch {
    /// The use cases on `host`, with files in this place's `blobs` folder and the fast test hasher.
    func sunlight(on host: StoreHost, clock: ManualClock, ledger: LedgerSettings) throws -> Sunlight {
        Sunlight(store: host.store, clock: clock, passwords: TestPasswordHasher(), ledger: ledger,
                 blobs: try FileBlobStore(root: directory.appendingPathComponent("blobs"), maxBytes: 1 << 30))
    }
}

extension StoreHost {
    /// Drops a PostgreSQL schema and everything in it (clean-up after a test or a benchmark).
    public func dropSchema(_ schema: String) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}
