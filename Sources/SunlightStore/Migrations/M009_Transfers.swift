import FluentKit
import SQLKit

/// 009 — case transfers between organisations and to the police (SUP-2).
struct M009_Transfers: AsyncMigration {
    var name: String { "009_transfers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("case_transfers")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("from_organisation", .uuid, .required, .references("organisations", "id"))
            .field("to_organisation", .uuid, .references("organisations", "id"))
            .field("created_at", .datetime, .required)
            .field("status", .string, .required)
            .field("state", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "idx_case_transfers_from").on("case_transfers").column("from_organisation").run()
        try await sql.create(index: "idx_case_transfers_to").on("case_transfers").column("to_organisation").run()
    }

    func revert(on database: any Database) async throws { try await database.schema("case_transfers").delete() }
}
