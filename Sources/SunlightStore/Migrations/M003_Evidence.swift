import FluentKit
import SQLKit

/// 003 — evidence file records (REC-4): documents, photos, recordings and videos with their
/// metadata; the files themselves are in the blob store. Append-only (REC-5).
struct M003_Evidence: AsyncMigration {
    var name: String { "003_evidence" }

    func prepare(on database: any Database) async throws {
        try await database.schema("evidence_files")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("filename", .string, .required)
            .field("media_type", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("recorded_at", .datetime, .required)
            .field("place", .string, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("device", .string, .required)
            .field("uploaded_by", .uuid, .references("users", "id"))
            .field("uploaded_at", .datetime, .required)
            .field("corrects", .uuid, .references("evidence_files", "id"))
            .field("correction_reason", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "idx_evidence_files_organisation").on("evidence_files").column("organisation_id").column("uploaded_at").run()
        try await sql.create(index: "idx_evidence_files_sha256").on("evidence_files").column("sha256").run()
        try await AppendOnly.protect("evidence_files", on: sql)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evidence_files").delete()
    }
}
