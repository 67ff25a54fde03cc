import FluentKit
import SQLKit
import SunlightCore

/// 案件筛选条件 — a ``CaseFilter`` as conditions on the `cases` table, qualified by table so they
/// also serve queries that join `cases` (events, documents).
enum CaseFilterSQL {
    /// Newest opened first, then by ID: the order of every case list.
    static let newestFirst: SQLQueryString = " ORDER BY \(ident: "cases").\(ident: "opened_at") DESC, \(ident: "cases").\(ident: "id")"

    /// The text anywhere in the title or the number, ignoring case, `%` and `_` taken literally
    /// (REC-1): `LIKE … ESCAPE` on SQLite (ASCII case folded), `ILIKE … ESCAPE` on PostgreSQL.
    static func containing(_ text: String, on database: any Database) -> SQLQueryString {
        let postgres = (database as? any SQLDatabase)?.dialect.name == "postgresql"
        let like = postgres ? "ILIKE" : "LIKE"
        let pattern = SQLQueryText.containing(text)
        return """
            (\(ident: "cases").\(ident: "title") \(unsafeRaw: like) \(bind: pattern) ESCAPE '\\' \
            OR \(ident: "cases").\(ident: "number") \(unsafeRaw: like) \(bind: pattern) ESCAPE '\\')
            """
    }

    /// `EXISTS (…)`: a row of `table` about the case, matching `condition`. Correlated, so each
    /// case of the organisations asked for probes the table's `case_id` index, and the cost does
    /// not grow with the rows of other organisations' cases.
    static func exists(in table: String, where condition: SQLQueryString? = nil) -> SQLQueryString {
        var query: SQLQueryString = "EXISTS (SELECT 1 FROM \(ident: table) WHERE \(ident: table).\(ident: "case_id") = \(ident: "cases").\(ident: "id")"
        if let condition { query += " AND " + condition }
        return query + ")"
    }

    /// `('a', 'b', …)` as bound values; `(NULL)` when empty, which matches nothing.
    static func list(_ values: [String]) -> SQLQueryString {
        guard !values.isEmpty else { return "(NULL)" }
        var text = SQLQueryString("")
        text.appendList(values)
        return text
    }
}

extension CaseFilterSQL {
    /// The filter as a WHERE clause on `cases`, for hand-written (grouped) queries.
    static func conditions(_ filter: CaseFilter, organisations: [Organisation.ID], on database: any Database) -> SQLQueryString {
        var text: SQLQueryString = "\(ident: "cases").\(ident: "organisation_id") IN "
        text.appendList(organisations)
        if let statuses = filter.statuses { text += " AND \(ident: "cases").\(ident: "status") IN " + list(statuses.map(\.rawValue).sorted()) }
        if let category = filter.category { text += " AND \(ident: "cases").\(ident: "category") = \(bind: category.rawValue)" }
        if let from = filter.openedFrom { text += " AND \(ident: "cases").\(ident: "opened_on") >= \(bind: from.iso)" }
        if let to = filter.openedTo { text += " AND \(ident: "cases").\(ident: "opened_on") <= \(bind: to.iso)" }
        if let words = filter.text, !words.isEmpty { text += " AND " + containing(words, on: database) }
        return text
    }

    /// The cases with an issued document of these types.
    static func issuedDocuments(_ types: Set<DocumentType>) -> SQLQueryString {
        exists(in: "case_documents", where: "\(ident: "case_documents").\(ident: "status") = \(bind: CaseDocument.Status.issued.rawValue) AND \(ident: "case_documents").\(ident: "type") IN "
            + list(types.map(\.rawValue).sorted()))
    }
}
