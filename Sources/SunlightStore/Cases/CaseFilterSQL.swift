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

    /// `cases.id IN (…)` over a subquery on another table's `case_id`.
    static func idIn(_ subquery: SQLQueryString) -> SQLQueryString {
        "\(ident: "cases").\(ident: "id") IN (" + subquery + ")"
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
        "SELECT \(ident: "case_id") FROM \(ident: "case_documents") WHERE \(ident: "status") = \(bind: CaseDocument.Status.issued.rawValue) AND \(ident: "type") IN "
            + list(types.map(\.rawValue).sorted())
    }
}
