import FluentKit
import SQLKit
import SunlightLedger

/// 002 — the tamper-evident log (REC-5): leaves, complete-subtree hashes, the head, signed
/// checkpoints; and the personal values of logged records, kept apart so they can be erased.
/// Client addresses of the access log move there: from now on `access_log.address` stays empty.
struct M002_Ledger: AsyncMigration {
    var name: String { "002_ledger" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "ledger_entries")
            .column("leaf_index", type: .bigint, .primaryKey(autoIncrement: false))
            .column("entry", type: .text, .notNull)
            .column("content", type: .text, .notNull)
            .column("record_table", type: .text, .notNull)
            .column("record_id", type: .text, .notNull)
            .run()
        try await sql.create(index: "idx_ledger_entries_record").on("ledger_entries")
            .column("record_table").column("record_id").column("leaf_index").run()

        try await sql.create(table: "ledger_subtrees")
            .column("level", type: .int, .notNull)
            .column("idx", type: .bigint, .notNull)
            .column("hash", type: .text, .notNull)
            .primaryKey(["level", "idx"])
            .run()

        try await sql.create(table: "ledger_head")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("size", type: .bigint, .notNull)
            .column("root", type: .text, .notNull)
            .run()
        try await sql.insert(into: "ledger_head").columns("id", "size", "root")
            .values(SQLBind(1), SQLBind(Int64(0)), SQLBind(RFC6962.emptyRoot.hex)).run()

        try await sql.create(table: "ledger_checkpoints")
            .column("size", type: .bigint, .primaryKey(autoIncrement: false))
            .column("root", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()

        try await sql.create(table: "personal_data")
            .column("record_table", type: .text, .notNull)
            .column("record_id", type: .text, .notNull)
            .column("field", type: .text, .notNull)
            .column("commitment", type: .text, .notNull)
            .column("value", type: .text)
            .column("salt", type: .text)
            .column("erased_at", type: .text)
            .primaryKey(["record_table", "record_id", "field"])
            .run()

        for table in ["ledger_entries", "ledger_subtrees", "ledger_checkpoints"] {
            try await AppendOnly.protect(table, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["personal_data", "ledger_checkpoints", "ledger_head", "ledger_subtrees", "ledger_entries"] {
            try await database.schema(table).delete()
        }
    }
}
