import FluentKit
import SunlightCore

/// 019 — rebuilds search documents that no longer match their logged records (officers indexed
/// before their organisation was renamed), now that `sunlight verify` compares the index with
/// the log (issue 15 item 9). Derived data only: no record changes, nothing is logged.
struct M019_SearchIndexRefresh: AsyncMigration {
    var name: String { "019_search_index_refresh" }

    func prepare(on database: any Database) async throws {
        try await SearchIndexRefresh.run(in: FluentStore(database: database))
    }

    func revert(on database: any Database) async throws {}
}
