import FluentKit
import SQLKit

/// 只增不改 — makes a table append-only in the database itself (REC-5): any UPDATE or DELETE
/// is refused by a trigger, whatever code or person issues it.
enum AppendOnly {
    static func protect(_ table: String, on sql: any SQLDatabase) async throws {
        switch sql.dialect.name {
        case "sqlite":
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON \(unsafeRaw: table)
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) 只能追加，不能修改或删除（REC-5）'); END
                    """).run()
            }
        case "postgresql":
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION sunlight_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% 只能追加，不能修改或删除（REC-5）', TG_TABLE_NAME; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON \(unsafeRaw: table)
                FOR EACH STATEMENT EXECUTE FUNCTION sunlight_append_only()
                """).run()
        default:
            break
        }
    }
}
