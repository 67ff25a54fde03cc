import FluentKit
import SQLKit

/// 017 — who may reach a stored file: 上传凭据 (which session or token uploaded which file, so a
/// file is recorded only by its uploader; operational, not logged — the upload is in the access
/// log), and an index from a file to the case evidence that uses it, so a file of a classified
/// case is sealed as its case is (issue 15 items 1 and 6; REC-4, REC-11).
struct M017_FileAccess: AsyncMigration {
    var name: String { "017_file_access" }

    static let claimIndex = "idx_upload_claims_sha256_credential"
    static let fileIndex = "idx_case_evidence_file_id"

    func prepare(on database: any Database) async throws {
        try await database.schema("upload_claims")
            .id()
            .field("sha256", .string, .required)
            .field("credential", .string, .required)
            .field("organisation_id", .uuid)
            .field("claimed_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: Self.claimIndex).on("upload_claims").column("sha256").column("credential").run()
        try await sql.create(index: Self.fileIndex).on("case_evidence").column("file_id").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: Self.fileIndex).run() }
        try await database.schema("upload_claims").delete()
    }
}
