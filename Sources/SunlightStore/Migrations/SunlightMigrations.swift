import FluentKit

/// Every migration, in order. The same list runs on SQLite and PostgreSQL.
public enum SunlightMigrations {
    public static let all: [any Migration] = [
        M001_Foundation(),
        M002_Ledger(),
        M003_Evidence(),
        M004_Publicity(),
        M005_Cases(),
        M006_Review(),
        M007_Publication(),
        M008_Supervision(),
        M009_Transfers(),
        M010_Coordination(),
        M011_AggregateIndexes(),
        M012_CaseLeads(),
        M013_CatalogueApproval(),
        M014_AnnualReports(),
        M015_PartyLookup(),
        M016_Witness(),
        M017_FileAccess(),
        M018_OutboxSignatures(),
        M019_SearchIndexRefresh(),
        M020_LedgerSequence(),
        M021_SearchGrams(),
        M022_CaseClockSummaries(),
        M023_PendingPublications(),
        M024_ReviewFlags(),
        M025_CaseFacts(),
    ]

    public static func register(on migrations: Migrations) {
        migrations.add(all)
    }
}
