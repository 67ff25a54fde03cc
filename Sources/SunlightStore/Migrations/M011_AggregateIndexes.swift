import FluentKit
import SQLKit

/// 011 — indexes for the aggregates that dashboards and statistics ask the database for:
/// running cases by organisation and status, events by kind and date (decisions, closings,
/// exemptions in a period), documents by status and type (issued decisions).
struct M011_AggregateIndexes: AsyncMigration {
    var name: String { "011_aggregate_indexes" }

    static let indexes: [(table: String, columns: [String])] = [
        ("cases", ["organisation_id", "status"]),
        ("case_events", ["kind", "on_date"]),
        ("case_documents", ["status", "type"]),
    ]

    static func name(_ index: (table: String, columns: [String])) -> String { "idx_\(index.table)_\(index.columns.joined(separator: "_"))" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await index.columns.reduce(sql.create(index: Self.name(index)).on(index.table)) { $0.column($1) }.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes.reversed() { try await sql.drop(index: Self.name(index)).run() }
    }
}
