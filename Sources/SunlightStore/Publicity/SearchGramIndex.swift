import FluentKit
import SQLKit
import SunlightCore

/// 检索二元组索引 — the character unigram and bigram index behind the portal's search, the same
/// plain tables and SQL on SQLite and PostgreSQL (`SearchText` decides what is indexed):
/// `search_grams(gram, doc_id)` for the search documents and `decision_grams(gram,
/// publication_id)` for published decisions, each keyed (gram, document) — a B-tree whose
/// prefix is one gram's posting list. A query takes the documents holding every gram of every
/// word (GROUP BY … HAVING COUNT = k), then checks each word on those few rows (`instr` on
/// SQLite, `strpos` on PostgreSQL: the same character positions), so results are exact.
/// Derived data, rewritten in the same transaction as its document.
struct SearchGramIndex: Sendable {
    let table: String
    let key: String

    static let documents = SearchGramIndex(table: "search_grams", key: "doc_id")
    static let decisions = SearchGramIndex(table: "decision_grams", key: "publication_id")

    /// Rows per INSERT: two bound values each, far under both databases' limits.
    static let batch = 500

    /// Replaces the grams of one document with those of its (folded) text.
    func replace(_ id: some Encodable & Sendable, text: String, on sql: any SQLDatabase) async throws {
        try await remove(id, on: sql)
        try await insert([(id, text)], on: sql)
    }

    func remove(_ id: some Encodable & Sendable, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).where(SQLIdentifier(key), .equal, SQLBind(id)).run()
    }

    /// Adds the grams of documents that have none yet, a few hundred rows per statement.
    func insert<ID: Encodable & Sendable>(_ documents: [(ID, String)], on sql: any SQLDatabase) async throws {
        var rows: [(String, ID)] = []
        for (id, text) in documents {
            rows += SearchText.grams(ofDocument: text).sorted().map { ($0, id) }
        }
        for chunk in rows.chunked(Self.batch) {
            var insert = sql.insert(into: table).columns("gram", key)
            for (gram, id) in chunk { insert = insert.values(SQLBind(gram), SQLBind(id)) }
            try await insert.run()
        }
    }

    /// The documents whose stored grams are not those of their (folded) text — for `sunlight
    /// verify`: a gram deleted hides a document, one inserted is harmless (the exact check).
    func mismatches<ID: Hashable & Encodable & Sendable & Decodable>(_ documents: [(ID, String)], on sql: any SQLDatabase) async throws -> [ID] {
        guard !documents.isEmpty else { return [] }
        var query = SQLQueryString("SELECT \(ident: key), gram FROM \(ident: table) WHERE \(ident: key) IN ")
        query.appendList(documents.map(\.0))
        var stored: [ID: Set<String>] = [:]
        for row in try await sql.raw(query).all() {
            stored[try row.decode(column: key, as: ID.self), default: []].insert(try row.decode(column: "gram", as: String.self))
        }
        return documents.filter { id, text in stored[id, default: []] != SearchText.grams(ofDocument: text) }.map(\.0)
    }

    /// Appends ` AND <column> IN (documents holding every gram of every word)`.
    func appendCandidates(to query: inout SQLQueryString, column: String, words: [String]) {
        let grams = words.reduce(into: Set<String>()) { $0.formUnion(SearchText.grams(ofWord: $1)) }.sorted()
        guard !grams.isEmpty else { return }
        query.appendLiteral(" AND \(column) IN (SELECT \(key) FROM \(table) WHERE gram IN ")
        query.appendList(grams)
        query.appendLiteral(" GROUP BY \(key) HAVING COUNT(*) = \(grams.count))")
    }

    /// Appends ` AND <every word is in column>` — the exact check on the candidates.
    static func appendExact(to query: inout SQLQueryString, column: String, words: [String], dialect: any SQLDialect) {
        for word in words {
            query.appendLiteral(" AND \(position(dialect))(\(column), ")
            query.appendInterpolation(bind: word)
            query.appendLiteral(") > 0")
        }
    }

    /// Appends `<score> DESC, ` — the score `SearchText.score` gives: how many words occur before
    /// the line break, i.e. in the title line (every word is known to occur somewhere). Nothing
    /// without words: every result scores the same.
    static func appendScore(to query: inout SQLQueryString, column: String, words: [String], dialect: any SQLDialect) {
        guard !words.isEmpty else { return }
        let position = position(dialect)
        for (index, word) in words.enumerated() {
            query.appendLiteral(index == 0 ? "(" : " + ")
            query.appendLiteral("CASE WHEN \(position)(\(column), ")
            query.appendInterpolation(bind: word)
            query.appendLiteral(") < \(position)(\(column), ")
            query.appendInterpolation(bind: "\n")
            query.appendLiteral(") THEN 1 ELSE 0 END")
        }
        query.appendLiteral(") DESC, ")
    }

    /// `instr(text, word)` on SQLite, `strpos(text, word)` on PostgreSQL: the 1-based character
    /// position of the first occurrence, 0 when there is none.
    private static func position(_ dialect: any SQLDialect) -> String {
        dialect.name == "sqlite" ? "instr" : "strpos"
    }
}
