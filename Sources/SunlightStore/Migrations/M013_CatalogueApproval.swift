import FluentKit
import SunlightCore

/// 013 — the supervising justice bureau's approvals of catalogue versions and the province's
/// bounds for catalogue thresholds, each a record kept whole (REV-10).
struct M013_CatalogueApproval: AsyncMigration {
    var name: String { "013_catalogue_approval" }

    static let tables = [CatalogueApproval.table, CatalogueBounds.table]

    func prepare(on database: any Database) async throws {
        for table in Self.tables { try await OrganisationStateTable(table: table).create(on: database) }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables.reversed() { try await OrganisationStateTable(table: table).delete(on: database) }
    }
}
