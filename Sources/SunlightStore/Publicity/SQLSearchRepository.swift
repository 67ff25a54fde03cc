import FluentKit
import Foundation
import SQLKit
import SunlightCore
import SunlightLedger

/// The portal's full-text search in one method for both databases. SQLite: FTS5 with the
/// trigram tokenizer for words of three characters or more, and a LIKE over the (bounded)
/// document table for one- and two-character words, which trigrams cannot match — most
/// Chinese words are two characters. PostgreSQL: ILIKE over title and body, accelerated by a
/// pg_trgm GIN index for words of three characters or more.
struct SQLSearchRepository: SearchRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func upsert(_ document: SearchDocument) async throws {
        try await remove(id: document.id)
        try await sql.insert(into: "search_documents")
            .columns("doc_id", "organisation_id", "kind", "title", "body", "link", "updated_at")
            .values(SQLBind(document.id), SQLBind(document.organisationID.uuidString.lowercased()), SQLBind(document.kind),
                    SQLBind(document.title), SQLBind(document.body), SQLBind(document.link), SQLBind(LedgerTime.text(document.updatedAt)))
            .run()
    }

    func remove(id: String) async throws {
        try await sql.delete(from: "search_documents").where("doc_id", .equal, SQLBind(id)).run()
    }

    func search(_ query: String, organisations: [Organisation.ID]?, limit: Int) async throws -> [SearchDocument] {
        let words = SearchWords.of(query)
        guard !words.isEmpty else { return [] }
        let sqlite = sql.dialect.name == "sqlite"
        let like = SQLQueryText.containing
        var query = SQLQueryString("SELECT d.doc_id, d.organisation_id, d.kind, d.title, d.body, d.link, d.updated_at FROM search_documents d WHERE 1 = 1")
        let long = words.filter { $0.count >= 3 }
        if sqlite, !long.isEmpty {
            query.appendLiteral(" AND d.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ")
            query.appendInterpolation(bind: long.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND "))
            query.appendLiteral(")")
        }
        for word in sqlite ? words.filter({ $0.count < 3 }) : Array(words) {
            if sqlite {
                query.appendLiteral(" AND (d.title LIKE ")
                query.appendInterpolation(bind: like(word))
                query.appendLiteral(" ESCAPE '\\' OR d.body LIKE ")
                query.appendInterpolation(bind: like(word))
                query.appendLiteral(" ESCAPE '\\')")
            } else {
                query.appendLiteral(" AND (d.title || ' ' || d.body) ILIKE ")
                query.appendInterpolation(bind: like(word))
                query.appendLiteral(" ESCAPE '\\'")
            }
        }
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            query.appendLiteral(" AND d.organisation_id IN ")
            query.appendList(organisations.map { $0.uuidString.lowercased() })
        }
        query.appendLiteral(" ORDER BY d.updated_at DESC, d.doc_id LIMIT \(max(1, min(limit, 500)))")
        return try await sql.raw(query).all().map(Self.document)
    }

    func documents(offset: Int, limit: Int) async throws -> [SearchDocument] {
        try await sql.raw("SELECT doc_id, organisation_id, kind, title, body, link, updated_at FROM search_documents ORDER BY doc_id LIMIT \(unsafeRaw: String(max(1, limit))) OFFSET \(unsafeRaw: String(max(0, offset)))")
            .all().map(Self.document)
    }

    static func document(_ row: any SQLRow) throws -> SearchDocument {
        guard let organisation = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self)),
                  let updated = LedgerTime.date(try row.decode(column: "updated_at", as: String.self)) else {
            throw StoreError(description: "search_documents 记录损坏")
        }
        return SearchDocument(id: try row.decode(column: "doc_id", as: String.self), organisationID: organisation,
                              kind: try row.decode(column: "kind", as: String.self), title: try row.decode(column: "title", as: String.self),
                              body: try row.decode(column: "body", as: String.self), link: try row.decode(column: "link", as: String.self),
                              updatedAt: updated)
    }
}
