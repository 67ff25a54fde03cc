import FluentKit
import SQLKit

/// Raw SQL for the store's tests, which tamper with the database as an insider would. Not
/// public API: the tests reach it with `@testable import SunlightStore`.
extension StoreHost {
    /// Runs raw SQL — for tests that tamper with the database as an insider would.
    func execute(_ statement: String) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(SQLQueryString(statement)).run()
    }

    /// Runs raw SQL with bound values.
    func execute(_ statement: SQLQueryString) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(statement).run()
    }

    /// Removes the append-only triggers, as a database administrator could.
    func dropAppendOnlyTriggers() async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for name in try await strings("SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try await execute("DROP TRIGGER \(name)")
            }
        } else {
            // Every table an append-only trigger protects, whichever migration added it.
            for table in try await strings("SELECT DISTINCT event_object_table FROM information_schema.triggers WHERE trigger_schema = current_schema()") {
                try await execute("ALTER TABLE \(table) DISABLE TRIGGER USER")
            }
        }
    }

    /// The first column of every row of a raw query, as text.
    func strings(_ query: String) async throws -> [String] {
        guard let sql = database as? any SQLDatabase else { return [] }
        return try await sql.raw(SQLQueryString(query)).all().map { row in
            let column = row.allColumns.first ?? ""
            if let number = try? row.decode(column: column, as: Int.self) { return String(number) }
            if let text = try? row.decode(column: column, as: String.self) { return text }
            return ""
        }
    }
}
