import FluentKit
import SQLKit

/// 006 — legal review of major decisions (REV-1..9): the catalogue's versions and the review
/// records (submissions, opinions, coordinations, collective discussions). Both append-only.
struct M006_Review: AsyncMigration {
    var name: String { "006_review" }

    func prepare(on database: any Database) async throws {
        try await database.schema("review_catalogues")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("version", .int, .required)
            .field("effective_on", .string)
            .field("rules", .string, .required)
            .field("review_days", .int, .required)
            .field("adopted_by", .uuid, .references("users", "id"))
            .field("adopted_at", .datetime, .required)
            .field("note", .string, .required)
            .unique(on: "organisation_id", "version")
            .create()
        try await database.schema("review_records")
            .field("seq", .int64, .identifier(auto: true))
            .field("record_id", .uuid, .required)
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("document_id", .uuid, .required, .references("case_documents", "id"))
            .field("round", .int, .required)
            .field("kind", .string, .required)
            .field("recorded_by", .uuid, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .field("body", .string, .required)
            .unique(on: "record_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "idx_review_records_case_id").on("review_records").column("case_id").run()
        try await sql.create(index: "idx_review_records_organisation_id").on("review_records").column("organisation_id").run()
        for table in ["review_catalogues", "review_records"] { try await AppendOnly.protect(table, on: sql) }
    }

    func revert(on database: any Database) async throws {
        for table in ["review_records", "review_catalogues"] { try await database.schema(table).delete() }
    }
}
