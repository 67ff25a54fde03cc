import FluentKit
import SunlightCore

/// 012 — the clue register (线索登记, REC-18): case leads kept whole, and on each case the lead
/// it was opened from.
struct M012_CaseLeads: AsyncMigration {
    var name: String { "012_case_leads" }

    func prepare(on database: any Database) async throws {
        try await OrganisationStateTable(table: CaseLead.table).create(on: database)
        try await database.schema("cases").field("lead_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cases").deleteField("lead_id").update()
        try await OrganisationStateTable(table: CaseLead.table).delete(on: database)
    }
}
