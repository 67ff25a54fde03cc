import FluentKit
import SQLKit

/// 001 — organisations, people, sessions, tokens, the access log and loaded calendars: the
/// foundation every later table hangs off.
///
/// Shipped migrations are never edited; a change is a new numbered migration.
struct M001_Foundation: AsyncMigration {
    var name: String { "001_foundation" }

    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("parent_id", .uuid, .references("organisations", "id"))
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("kind", .string, .required)
            .field("level", .string, .required)
            .field("path", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "path")
            .create()

        try await database.schema("users")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("post", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("legal_qualification", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "username")
            .create()

        try await database.schema("user_roles")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("role", .string, .required)
            .unique(on: "user_id", "role")
            .create()

        try await database.schema("certificates")
            .id()
            .field("holder_id", .uuid, .required, .references("users", "id"))
            .field("number", .string, .required)
            .field("categories", .string, .required)
            .field("region", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_until", .string, .required)
            .field("revoked_on", .string)
            .unique(on: "number")
            .create()

        try await database.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("address", .string)
            .field("user_agent", .string)
            .unique(on: "token_hash")
            .create()

        try await database.schema("api_tokens")
            .id()
            .field("name", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("issued_by", .uuid, .references("users", "id"))
            .field("issued_at", .datetime, .required)
            .field("expires_at", .datetime)
            .field("revoked_at", .datetime)
            .field("revoked_by", .uuid, .references("users", "id"))
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()

        try await database.schema("login_failures")
            .id()
            .field("username", .string, .required)
            .field("address", .string)
            .field("at", .datetime, .required)
            .create()

        try await database.schema("access_log")
            .field("seq", .int64, .identifier(auto: true))
            .field("entry_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("channel", .string, .required)
            .field("action", .string, .required)
            .field("resource_type", .string, .required)
            .field("resource_id", .string)
            .field("organisation_id", .uuid)
            .field("organisation_path", .string)
            .field("address", .string)
            .field("summary", .string, .required)
            .create()

        try await database.schema("holiday_notices")
            .id()
            .field("year", .int, .required)
            .field("notice_json", .string, .required)
            .field("loaded_at", .datetime, .required)
            .field("loaded_by", .string, .required)
            .create()

        // One row that every write transaction on SQLite updates first, so the transaction
        // takes the write lock at its start (see FluentStore.transaction).
        try await database.schema("store_write_lock")
            .field("id", .int, .identifier(auto: false))
            .field("version", .int, .required)
            .create()

        guard let sql = database as? any SQLDatabase else { return }
        try await sql.insert(into: "store_write_lock").columns("id", "version").values(SQLLiteral.numeric("1"), SQLLiteral.numeric("0")).run()
        for (table, columns) in [
            ("organisations", ["parent_id"]), ("users", ["organisation_id"]), ("user_roles", ["user_id"]),
            ("certificates", ["holder_id"]), ("sessions", ["user_id"]), ("api_tokens", ["user_id"]),
            ("login_failures", ["username", "at"]), ("login_failures", ["address", "at"]),
            ("access_log", ["at"]), ("access_log", ["organisation_path"]), ("access_log", ["actor_user_id"]),
            ("holiday_notices", ["year"]),
        ] {
            try await columns.reduce(sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)) {
                $0.column($1)
            }.run()
        }
        try await AppendOnly.protect("access_log", on: sql)
    }

    func revert(on database: any Database) async throws {
        for table in ["store_write_lock", "holiday_notices", "access_log", "login_failures", "api_tokens", "sessions",
                      "certificates", "user_roles", "users", "organisations"] {
            try await database.schema(table).delete()
        }
    }
}
