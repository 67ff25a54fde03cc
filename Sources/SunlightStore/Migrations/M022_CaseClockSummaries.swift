import FluentKit
import SQLKit

/// 022 — 办案期限摘要 (REC-13; issue 16 item 2): a read model of each running case's clocks,
/// kept in the same transaction as the case's records and checked by `sunlight verify`, so
/// the home page, the supervisor's dashboard, clues and statistics ask the database which
/// cases can be late instead of computing every running case's clocks. Built from the records
/// by the server on its first start after this migration (`read_models` says when).
struct M022_CaseClockSummaries: AsyncMigration {
    var name: String { "022_case_clock_summaries" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "case_clock_summaries")
            .column("case_id", type: .text, .primaryKey(autoIncrement: false))
            .column("organisation_id", type: .text, .notNull)
            .column("earliest_due", type: .text)
            .column("moving", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "case_clock_summaries_due").on("case_clock_summaries").column("organisation_id").column("earliest_due").run()
        try await sql.create(table: "read_models")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("version", type: .bigint, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(table: "read_models").run()
        try await sql.drop(table: "case_clock_summaries").run()
    }
}
