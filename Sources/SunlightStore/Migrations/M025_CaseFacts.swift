import FluentKit
import SQLKit

/// 025 — 案件统计事实 (REC-12; issue 16 item 2): a read model of each case's facts and of the
/// stages it passed or stands in, kept in the same transaction as the case's records and checked
/// by `sunlight verify`, so the case statistics add up rows with one `GROUP BY` instead of reading
/// every case of the period and its events. Built from the records by the server on its first
/// start after this migration (`read_models` says when).
struct M025_CaseFacts: AsyncMigration {
    var name: String { "025_case_facts" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "case_facts")
            .column("case_id", type: .text, .primaryKey(autoIncrement: false))
            .column("organisation_id", type: .text, .notNull)
            .column("category", type: .text, .notNull)
            .column("simple", type: .bigint, .notNull)
            .column("opened_on", type: .text, .notNull)
            .column("opened_month", type: .text, .notNull)
            .column("standing", type: .text, .notNull)
            .column("decision_days", type: .bigint)
            .column("close_days", type: .bigint)
            .run()
        try await sql.create(index: "case_facts_opened").on("case_facts").column("organisation_id").column("opened_on").run()
        try await sql.create(table: "case_stage_facts")
            .column("case_id", type: .text, .notNull)
            .column("stage_position", type: .bigint, .notNull)
            .column("organisation_id", type: .text, .notNull)
            .column("opened_on", type: .text, .notNull)
            .column("category", type: .text, .notNull)
            .column("simple", type: .bigint, .notNull)
            .column("days", type: .bigint)
            .column("is_current", type: .bigint, .notNull)
            .primaryKey(["case_id", "stage_position"])
            .run()
        try await sql.create(index: "case_stage_facts_opened").on("case_stage_facts").column("organisation_id").column("opened_on").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(table: "case_stage_facts").run()
        try await sql.drop(table: "case_facts").run()
        try await sql.delete(from: "read_models").where("name", .equal, "case_facts").run()
    }
}
