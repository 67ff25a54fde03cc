import FluentKit
import SQLKit
import SunlightCore

/// 检索二元组索引 — the character unigram and bigram index behind the portal's search, the same
/// plain tables and SQL on SQLite and PostgreSQL (`SearchText` decides what is indexed):
/// `search_grams(gram, doc_id)` for the search documents and `decision_grams(gram,
/// publication_id)` for published decisions, each keyed (gram, document) — a B-tree whose
/// prefix is one gram's posting list. A query walks the rarest gram's postings, probes each for
/// a few more of its words' grams, then checks each word on those few rows (`instr` on SQLite,
/// `strpos` on PostgreSQL: the same character positions), so results are exact.
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

    /// How far each gram's posting list is counted when planning a query.
    static let probe = 256
    /// Grams checked besides the rarest one (each a primary-key probe per candidate).
    static let filters = 4

    /// The query's grams to intersect, rarest first: every gram's posting list is counted up to
    /// `probe` entries (one statement), the rarest drives, the next few filter. The exact check
    /// makes the rest unnecessary. `nil` when a gram is in no document: nothing can match.
    func plan(_ words: [String], on sql: any SQLDatabase) async throws -> [String]? {
        let grams = words.reduce(into: Set<String>()) { $0.formUnion(SearchText.grams(ofWord: $1)) }.sorted()
        guard !grams.isEmpty else { return [] }
        var query = SQLQueryString("SELECT ")
        for (index, gram) in grams.enumerated() {
            query.appendLiteral(index == 0 ? "" : ", ")
            query.appendLiteral("(SELECT COUNT(*) FROM (SELECT 1 FROM \(table) WHERE gram = ")
            query.appendInterpolation(bind: gram)
            query.appendLiteral(" LIMIT \(Self.probe)) p\(index)) AS c\(index)")
        }
        guard let row = try await sql.raw(query).first() else { return nil }
        let counts = try grams.indices.map { try row.decode(column: "c\($0)", as: Int.self) }
        guard counts.allSatisfy({ $0 > 0 }) else { return nil }
        return zip(grams, counts).sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(1 + Self.filters).map(\.0)
    }

    /// Appends ` AND <column> IN (documents holding every planned gram)`: the rarest gram's
    /// posting list, each entry probed for the others in the (gram, document) key.
    func appendCandidates(to query: inout SQLQueryString, column: String, grams: [String]) {
        guard let first = grams.first else { return }
        query.appendLiteral(" AND \(column) IN (SELECT g0.\(key) FROM \(table) g0 WHERE g0.gram = ")
        query.appendInterpolation(bind: first)
        for (index, gram) in grams.enumerated().dropFirst() {
            query.appendLiteral(" AND EXISTS (SELECT 1 FROM \(table) g\(index) WHERE g\(index).gram = ")
            query.appendInterpolation(bind: gram)
            query.appendLiteral(" AND g\(index).\(key) = g0.\(key))")
        }
        query.appendLiteral(")")
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
