import FluentKit
import SQLKit

/// 004 — publicity lists as versions (PUB-1, PUB-3..5, PUB-11), the search index (SQLite FTS5
/// with the trigram tokenizer; PostgreSQL pg_trgm), annual reviews and trainings (STD-2), and
/// the reason a certificate was revoked.
struct M004_Publicity: AsyncMigration {
    var name: String { "004_publicity" }

    func prepare(on database: any Database) async throws {
        try await database.schema("list_entries")
            .id()
            .field("entry_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("version", .int, .required)
            .field("change", .string, .required)
            .field("fields", .string, .required)
            .field("effective_from", .string, .required)
            .field("status", .string, .required)
            .field("drafted_by", .uuid, .references("users", "id"))
            .field("drafted_at", .datetime, .required)
            .field("checked_by", .uuid, .references("users", "id"))
            .field("checked_at", .datetime)
            .field("check_note", .string)
            .unique(on: "entry_id", "version")
            .create()
        try await database.schema("certificate_reviews")
            .id()
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("year", .int, .required)
            .field("passed", .bool, .required)
            .field("reviewed_on", .string, .required)
            .field("note", .string)
            .create()
        try await database.schema("trainings")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("date", .string, .required)
            .field("hours", .int, .required)
            .field("topic", .string, .required)
            .field("provider", .string, .required)
            .create()
        try await database.schema("certificates").field("revocation_reason", .string).update()

        guard let sql = database as? any SQLDatabase else { return }
        for (table, columns) in [("list_entries", ["organisation_id", "kind", "status"]), ("list_entries", ["entry_id"]),
                                 ("list_entries", ["checked_at"]), ("certificate_reviews", ["certificate_id"]), ("trainings", ["user_id"])] {
            try await columns.reduce(sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)) { $0.column($1) }.run()
        }
        try await sql.create(table: "search_documents")
            .column("doc_id", type: .text, .primaryKey(autoIncrement: false))
            .column("organisation_id", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("link", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_documents', tokenize='trigram')
                """).run()
            try await sql.raw("""
                CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
                  INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
                  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
                  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
                  INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END
                """).run()
        } else {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public").run()
            try await sql.raw("""
                CREATE INDEX idx_search_documents_trgm ON search_documents USING gin ((title || ' ' || body) public.gin_trgm_ops)
                """).run()
        }
        try await sql.create(index: "idx_search_documents_organisation").on("search_documents").column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["search_fts", "search_documents", "trainings", "certificate_reviews", "list_entries"] {
            try? await database.schema(table).delete()
        }
    }
}
