import Foundation
import FluentKit
import SQLKit
import SunlightCore

/// 021 — 检索二元组索引 (issue 16 item 5; PUB-3, PUB-7): the character bigram index the portal's
/// search now uses on both databases (`SearchGramIndex`), replacing SQLite's FTS5 trigrams and
/// PostgreSQL's pg_trgm indexes, which cannot find one- or two-character words. Adds the folded
/// `search_text` to the search documents, folds the decisions' `search_text` the same way, and
/// back-fills the grams of existing rows in batches, then rebuilds any search document the log
/// no longer gives (the refresh 019 ran before the repository wrote grams). Derived data only: nothing is logged.
struct M021_SearchGrams: AsyncMigration {
    var name: String { "021_search_grams" }

    static let batch = 500

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await database.schema("search_grams")
            .field("gram", .string, .required)
            .field("doc_id", .string, .required)
            .compositeIdentifier(over: "gram", "doc_id")
            .create()
        try await database.schema("decision_grams")
            .field("gram", .string, .required)
            .field("publication_id", .uuid, .required)
            .compositeIdentifier(over: "gram", "publication_id")
            .create()
        try await sql.create(index: "idx_search_grams_doc").on("search_grams").column("doc_id").run()
        try await sql.create(index: "idx_decision_grams_publication").on("decision_grams").column("publication_id").run()
        try await sql.alter(table: "search_documents").column("search_text", type: .text, .notNull, .default(SQLLiteral.string(""))).run()
        if sql.dialect.name == "sqlite" {
            for trigger in ["search_documents_ai", "search_documents_ad", "search_documents_au"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
            }
            try await sql.raw("DROP TABLE IF EXISTS search_fts").run()
        } else {
            try await sql.raw("DROP INDEX IF EXISTS idx_search_documents_trgm").run()
            try await sql.raw("DROP INDEX IF EXISTS idx_decision_publications_trgm").run()
        }
        try await fillDocuments(sql)
        try await fillDecisions(database, sql)
        // What 019 did before the search repository wrote grams (issue 15 item 9).
        try await SearchIndexRefresh.run(in: FluentStore(database: database))
    }

    private func fillDocuments(_ sql: any SQLDatabase) async throws {
        var last = ""
        while true {
            let rows = try await sql.raw("SELECT doc_id, title, body FROM search_documents WHERE doc_id > \(bind: last) ORDER BY doc_id LIMIT \(unsafeRaw: String(Self.batch))").all()
            guard !rows.isEmpty else { return }
            var texts: [(String, String)] = []
            for row in rows {
                let id = try row.decode(column: "doc_id", as: String.self)
                let text = SearchText.document(title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self))
                try await sql.update("search_documents").set("search_text", to: SQLBind(text)).where("doc_id", .equal, SQLBind(id)).run()
                texts.append((id, text))
                last = id
            }
            try await SearchGramIndex.documents.insert(texts, on: sql)
        }
    }

    private func fillDecisions(_ database: any Database, _ sql: any SQLDatabase) async throws {
        var last: UUID?
        while true {
            // Only the columns this migration knows: later ones (023's pending step) do not exist yet.
            let query = DecisionPublicationModel.query(on: database).field(\.$id).field(\.$searchText).field(\.$state)
                .sort(\.$id).limit(Self.batch)
            if let last { query.filter(\.$id > last) }
            let models = try await query.all()
            guard !models.isEmpty else { return }
            var texts: [(UUID, String)] = []
            for model in models {
                let id = try model.requireID()
                let text = try model.domain().searchText
                if text != model.searchText {
                    try await sql.update("decision_publications").set("search_text", to: SQLBind(text)).where("id", .equal, SQLBind(id)).run()
                }
                texts.append((id, text))
                last = id
            }
            try await SearchGramIndex.decisions.insert(texts, on: sql)
        }
    }

    /// The old FTS5 table and pg_trgm indexes are not rebuilt.
    func revert(on database: any Database) async throws {
        try await database.schema("decision_grams").delete()
        try await database.schema("search_grams").delete()
    }
}
