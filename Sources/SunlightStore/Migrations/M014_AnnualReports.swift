import FluentKit
import SunlightCore

/// 014 — the published versions of each organisation's annual enforcement statistics report,
/// each a record kept whole (PUB-12).
struct M014_AnnualReports: AsyncMigration {
    var name: String { "014_annual_reports" }

    func prepare(on database: any Database) async throws {
        try await OrganisationStateTable(table: PublishedAnnualReport.table).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await OrganisationStateTable(table: PublishedAnnualReport.table).delete(on: database)
    }
}
