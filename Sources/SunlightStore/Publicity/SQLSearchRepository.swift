import FluentKit
import Foundation
import SQLKit
import SunlightCore
import SunlightLedger

/// The portal's full-text search in one method for both databases: the character bigram index
/// (`SearchGramIndex`) finds the candidates, `search_text` (title line and body, folded) checks
/// every word exactly and ranks by words in the title, then newest, then by ID (PUB-3).
struct SQLSearchRepository: SearchRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func upsert(_ document: SearchDocument) async throws {
        try await remove(id: document.id)
        let text = document.searchText
        try await sql.insert(into: "search_documents")
            .columns("doc_id", "organisation_id", "kind", "title", "body", "link", "updated_at", "search_text")
            .values(SQLBind(document.id), SQLBind(document.organisationID.uuidString.lowercased()), SQLBind(document.kind),
                    SQLBind(document.title), SQLBind(document.body), SQLBind(document.link), SQLBind(LedgerTime.text(document.updatedAt)),
                    SQLBind(text))
            .run()
        try await SearchGramIndex.documents.insert([(document.id, text)], on: sql)
    }

    func remove(id: String) async throws {
        try await sql.delete(from: "search_documents").where("doc_id", .equal, SQLBind(id)).run()
        try await SearchGramIndex.documents.remove(id, on: sql)
    }

    func search(_ query: String, organisations: [Organisation.ID]?, limit: Int) async throws -> [SearchDocument] {
        let words = SearchText.words(query)
        guard !words.isEmpty else { return [] }
        let dialect = sql.dialect
        var query = SQLQueryString("SELECT d.doc_id, d.organisation_id, d.kind, d.title, d.body, d.link, d.updated_at FROM search_documents d WHERE 1 = 1")
        guard let grams = try await SearchGramIndex.documents.plan(words, on: sql) else { return [] }
        SearchGramIndex.documents.appendCandidates(to: &query, column: "d.doc_id", grams: grams)
        SearchGramIndex.appendExact(to: &query, column: "d.search_text", words: words, dialect: dialect)
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            query.appendLiteral(" AND d.organisation_id IN ")
            query.appendList(organisations.map { $0.uuidString.lowercased() })
        }
        query.appendLiteral(" ORDER BY ")
        SearchGramIndex.appendScore(to: &query, column: "d.search_text", words: words, dialect: dialect)
        query.appendLiteral("d.updated_at DESC, d.doc_id LIMIT \(max(1, min(limit, 500)))")
        return try await sql.raw(query).all().map(Self.document)
    }

    func documents(offset: Int, limit: Int) async throws -> [SearchDocument] {
        try await sql.raw("SELECT doc_id, organisation_id, kind, title, body, link, updated_at FROM search_documents ORDER BY doc_id LIMIT \(unsafeRaw: String(max(1, limit))) OFFSET \(unsafeRaw: String(max(0, offset)))")
            .all().map(Self.document)
    }

    /// Documents whose folded text is not what their title and body give, or whose grams are not
    /// those of that text (for `sunlight verify`), by ID.
    func indexMismatches() async throws -> [String] {
        var mismatched: [String] = []
        var last = ""
        while true {
            let rows = try await sql.raw("SELECT doc_id, title, body, search_text FROM search_documents WHERE doc_id > \(bind: last) ORDER BY doc_id LIMIT 500").all()
            guard let final = rows.last else { return mismatched }
            last = try final.decode(column: "doc_id", as: String.self)
            var texts: [(String, String)] = []
            for row in rows {
                let id = try row.decode(column: "doc_id", as: String.self), text = try row.decode(column: "search_text", as: String.self)
                let expected = SearchText.document(title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self))
                if text != expected { mismatched.append(id) } else { texts.append((id, text)) }
            }
            mismatched += try await SearchGramIndex.documents.mismatches(texts, on: sql)
        }
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
