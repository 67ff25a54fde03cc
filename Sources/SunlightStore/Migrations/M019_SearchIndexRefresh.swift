import FluentKit
import SunlightCore

/// 019 — rebuilds search documents that no longer match their logged records (officers indexed
/// before their organisation was renamed), now that `sunlight verify` compares the index with
/// the log (issue 15 item 9). Derived data only: no record changes, nothing is logged.
struct M019_SearchIndexRefresh: AsyncMigration {
    var name: String { "019_search_index_refresh" }

    /// The refresh now runs at the end of 021: the search repository writes the bigram index,
    /// which does not exist yet at this point of an older database's upgrade.
    func prepare(on database: any Database) async throws {}

    func revert(on database: any Database) async throws {}
}
