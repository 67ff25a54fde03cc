import Foundation
import SQLKit
import SunlightCore
import SunlightDemo
import SunlightStore
import SunlightTestSupport

/// A database that already holds a seeded data set, made once per test process and copied
/// into each test's scratch place: a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on
/// PostgreSQL. Seeding the demo through the use cases costs seconds; a copy costs
/// milliseconds, and every test still starts from its own database.
public struct SeededTemplate: Sendable {
    /// What the seeding returned (the demo's organisations and accounts).
    public let seeded: DemoData.Seeded
    /// The log key the seeding signed with; a copy must go on with the same key.
    public let ledger: LedgerSettings
    let place: TestDatabase.Scratch
}

/// The templates of this test process, one per key (flavour, database kind, today), made on
/// first use.
public enum SeededTemplates {
    private static let templates = OnceEach<SeededTemplate>()

    /// The template for `key`, seeding it with `seed` (into a fresh place, with a fresh log
    /// key) the first time it is asked for.
    public static func template(_ key: String, kind: StoreKind,
                                seed: @escaping @Sendable (TestDatabase.Scratch, LedgerSettings) async throws -> DemoData.Seeded) async throws -> SeededTemplate {
        try await templates.value("\(kind)/\(key)") {
            let place = try await TestDatabase.Scratch.template(kind)
            let ledger = testLedger()
            return SeededTemplate(seeded: try await seed(place, ledger), ledger: ledger, place: place)
        }
    }
}

extension TestDatabase.Scratch {
    /// Where templates live: `<tmp>/sunlight-templates/<pid>/`; folders of ended processes are
    /// cleared when a new process makes its first template.
    static let templateRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sunlight-templates")
        for old in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        where !FileManager.default.fileExists(atPath: "/proc/\(old)") {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(old))
        }
        return root.appendingPathComponent("\(ProcessInfo.processInfo.processIdentifier)")
    }()

    /// An empty place for a template: an SQLite file under `templateRoot`, or a PostgreSQL
    /// database of its own (templates are copied per database) with pg_trgm installed.
    static func template(_ kind: StoreKind) async throws -> TestDatabase.Scratch {
        let name = "tpl_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let directory = templateRoot.appendingPathComponent(name)
        if kind == .postgresql, let url = TestDatabase.postgresURL {
            try await TestDatabase.administer(url) { sql in try await sql.raw("CREATE DATABASE \(ident: name)").run() }
            let templateURL = try TestDatabase.url(url, database: name)
            try await TestDatabase.administer(templateURL) { sql in
                try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public").run()
            }
            return TestDatabase.Scratch(directory: directory, schema: "seeded", database: name,
                                        configuration: .postgres(url: templateURL, schema: "seeded"))
        }
        return TestDatabase.Scratch(directory: directory, schema: "seeded", database: nil,
                                    configuration: .sqlite(path: directory.appendingPathComponent("test.sqlite").path))
    }

    /// A fresh place holding a copy of `template`'s data and files; removed like any scratch.
    public static func copy(of template: SeededTemplate) async throws -> TestDatabase.Scratch {
        let source = template.place
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sunlight-test-\(UUID().uuidString)")
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in try files.contentsOfDirectory(atPath: source.directory.path) {
            try files.copyItem(at: source.directory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        switch source.configuration {
        case .sqlite:
            return TestDatabase.Scratch(directory: directory, schema: source.schema, database: nil,
                                        configuration: .sqlite(path: directory.appendingPathComponent("test.sqlite").path))
        case .postgres:
            let base = try TestDatabase.postgresURL.orThrow("SUNLIGHT_TEST_DATABASE_URL")
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await TestDatabase.administer(base) { sql in
                try await sql.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: source.database!) STRATEGY FILE_COPY").run()
            }
            return TestDatabase.Scratch(directory: directory, schema: source.schema, database: name,
                                        configuration: .postgres(url: try TestDatabase.url(base, database: name), schema: source.schema))
        }
    }
}

extension TestDatabase {
    /// Runs `body` on one short-lived connection to `url` (CREATE/DROP DATABASE).
    static func administer(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let host = try StoreHost(.postgres(url: url, schema: nil))
        do {
            try await body(host.database as! any SQLDatabase)
            await host.shutdown()
        } catch {
            await host.shutdown()
            throw error
        }
    }

    /// `url` pointing at another database on the same server.
    static func url(_ url: String, database: String) throws -> String {
        var components = try URLComponents(string: url).orThrow("PostgreSQL URL")
        components.path = "/" + database
        return try components.string.orThrow("PostgreSQL URL")
    }
}
