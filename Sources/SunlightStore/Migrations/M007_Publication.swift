import FluentKit
import SQLKit

/// 007 — decision publication (PUB-6..8, PUB-13): each decision's publication state, its
/// append-only events, the per-category policy, and the outbox for the upper-level platform
/// (PUB-10), and the 双随机 draws (PUB-4, PUB-9).
struct M007_Publication: AsyncMigration {
    var name: String { "007_publication" }

    func prepare(on database: any Database) async throws {
        try await database.schema("decision_publications")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("document_id", .uuid, .required, .references("case_documents", "id"))
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("decided_on", .string, .required)
            .field("published_on", .string)
            .field("search_text", .string, .required)
            .field("state", .string, .required)
            .unique(on: "document_id")
            .create()
        try await database.schema("publication_events")
            .field("seq", .int64, .identifier(auto: true))
            .field("event_id", .uuid, .required)
            .field("publication_id", .uuid, .required, .references("decision_publications", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("kind", .string, .required)
            .field("at", .datetime, .required)
            .field("by", .uuid, .references("users", "id"))
            .field("state", .string, .required)
            .unique(on: "event_id")
            .create()
        try await database.schema("publication_policies")
            .field("category", .string, .identifier(auto: false))
            .field("working_days", .int, .required)
            .field("exempt_warnings", .bool, .required)
            .field("exempt_simple", .bool, .required)
            .create()
        try await database.schema("outbox")
            .field("seq", .int64, .identifier(auto: true))
            .field("delivery_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("organisation_id", .uuid)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_attempt_at", .datetime)
            .field("last_error", .string)
            .field("delivered_at", .datetime)
            .unique(on: "delivery_id")
            .create()
        try await database.schema("inspection_draws")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("committed_at", .datetime, .required)
            .field("status", .string, .required)
            .field("state", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "idx_decision_publications_org").on("decision_publications").column("organisation_id").column("status").run()
        try await sql.create(index: "idx_decision_publications_decided").on("decision_publications").column("decided_on").run()
        try await sql.create(index: "idx_publication_events_publication").on("publication_events").column("publication_id").run()
        try await sql.create(index: "idx_outbox_due").on("outbox").column("status").column("next_attempt_at").run()
        if sql.dialect.name != "sqlite" {
            try await sql.raw("CREATE INDEX idx_decision_publications_trgm ON decision_publications USING gin (search_text public.gin_trgm_ops)").run()
        }
        try await AppendOnly.protect("publication_events", on: sql)
    }

    func revert(on database: any Database) async throws {
        for table in ["inspection_draws", "outbox", "publication_policies", "publication_events", "decision_publications"] { try await database.schema(table).delete() }
    }
}
