import FluentKit
import SQLKit

/// 024 — 法制审核线索 (REV-9; issue 16 item 2): a read model of each case's review flags,
/// kept in the same transaction as the case's records and checked by `sunlight verify`, so the
/// supervisor's flags, clues and assessment read rows instead of evaluating the catalogue for
/// every decision ever issued. Built from the records by the server on its first start after
/// this migration (`read_models` says when).
struct M024_ReviewFlags: AsyncMigration {
    var name: String { "024_review_flags" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "review_flags")
            .column("case_id", type: .text, .notNull)
            .column("ordinal", type: .bigint, .notNull)
            .column("organisation_id", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("case_number", type: .text, .notNull)
            .column("document_id", type: .text, .notNull)
            .column("detail", type: .text, .notNull)
            .column("on_date", type: .text, .notNull)
            .primaryKey(["case_id", "ordinal"])
            .run()
        try await sql.create(index: "review_flags_organisation").on("review_flags").column("organisation_id").column("on_date").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(table: "review_flags").run()
        try await sql.delete(from: "read_models").where("name", .equal, "review_flags").run()
    }
}
