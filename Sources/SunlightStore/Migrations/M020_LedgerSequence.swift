import FluentKit
import SQLKit

/// 020 — 待整合条目 (sequence, then integrate; REC-5): a commit stores its log entries here
/// together with its records; the integrator moves them into `ledger_entries` in batches.
/// The database refuses to change a waiting entry, and lets one leave only once the same
/// entry is in the tree, so nothing committed can drop out of the log on the way.
struct M020_LedgerSequence: AsyncMigration {
    var name: String { "020_ledger_sequence" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "ledger_sequence")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("entry", type: .text, .notNull)
            .column("content", type: .text, .notNull)
            .column("record_table", type: .text, .notNull)
            .column("record_id", type: .text, .notNull)
            .column("sequenced_at", type: .text, .notNull)
            .run()
        let refusal = "ledger_sequence 中的条目不能修改，只能在进入日志后移出（REC-5）"
        switch sql.dialect.name {
        case "sqlite":
            try await sql.raw("""
                CREATE TRIGGER ledger_sequence_no_update BEFORE UPDATE ON ledger_sequence
                BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: refusal)'); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER ledger_sequence_only_into_tree BEFORE DELETE ON ledger_sequence
                WHEN NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.record_table = OLD.record_table
                                 AND e.record_id = OLD.record_id AND e.entry = OLD.entry)
                BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: refusal)'); END
                """).run()
        case "postgresql":
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION sunlight_sequence_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.record_table = OLD.record_table
                                                  AND e.record_id = OLD.record_id AND e.entry = OLD.entry) THEN
                    RETURN OLD;
                  END IF;
                  RAISE EXCEPTION '\(unsafeRaw: refusal)';
                END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER ledger_sequence_guard BEFORE UPDATE OR DELETE ON ledger_sequence
                FOR EACH ROW EXECUTE FUNCTION sunlight_sequence_guard()
                """).run()
            try await sql.raw("""
                CREATE TRIGGER ledger_sequence_no_truncate BEFORE TRUNCATE ON ledger_sequence
                FOR EACH STATEMENT EXECUTE FUNCTION sunlight_append_only()
                """).run()
        default:
            break
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ledger_sequence").delete()
    }
}
