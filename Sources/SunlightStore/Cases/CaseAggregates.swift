import FluentKit
import Foundation
import SQLKit
import SunlightCore
import SunlightLedger

/// 案件汇总查询 — what dashboards and statistics ask for, filtered (and counted) in the database.
extension FluentCaseRepository {
    func matching(organisations: [Organisation.ID], filter: CaseFilter) async throws -> [EnforcementCase] {
        guard !organisations.isEmpty else { return [] }
        return try await CaseRow.all(CaseRow.select + " WHERE " + CaseFilterSQL.conditions(filter, organisations: organisations, on: database)
                                     + CaseFilterSQL.newestFirst, on: database)
    }

    func countsByCategory(organisations: [Organisation.ID], filter: CaseFilter) async throws -> [EnforcementCategory: Int] {
        guard !organisations.isEmpty else { return [:] }
        let sql = database as! any SQLDatabase
        var query: SQLQueryString = "SELECT \(ident: "category"), COUNT(*) AS \(ident: "n") FROM \(ident: "cases") WHERE "
        query += CaseFilterSQL.conditions(filter, organisations: organisations, on: database)
        query += " GROUP BY \(ident: "category")"
        var counts: [EnforcementCategory: Int] = [:]
        for row in try await sql.raw(query).all() {
            let raw = try row.decode(column: "category", as: String.self)
            guard let category = EnforcementCategory(rawValue: raw) else { throw StoreError.corrupt(CaseModel.schema, nil) }
            counts[category] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    func events(organisations: [Organisation.ID], cases filter: CaseFilter, kinds: Set<CaseEvent.Kind>,
                dates: ClosedRange<CivilDate>?) async throws -> [CaseEvent] {
        guard !organisations.isEmpty, !kinds.isEmpty else { return [] }
        var query = CaseEventRow.select + " JOIN \(ident: "cases") ON \(ident: "cases").\(ident: "id") = \(ident: "case_events").\(ident: "case_id") WHERE "
        query += CaseFilterSQL.conditions(filter, organisations: organisations, on: database)
        query += " AND \(ident: "case_events").\(ident: "kind") IN " + CaseFilterSQL.list(kinds.map(\.rawValue).sorted())
        if let dates {
            query += " AND \(ident: "case_events").\(ident: "on_date") >= \(bind: dates.lowerBound.iso)"
            query += " AND \(ident: "case_events").\(ident: "on_date") <= \(bind: dates.upperBound.iso)"
        }
        return try await CaseEventRow.all(query + " ORDER BY \(ident: "case_events").\(ident: "seq")", on: database)
    }

    func reviewable(organisations: [Organisation.ID], decisionTypes: Set<DocumentType>) async throws -> [EnforcementCase] {
        guard !organisations.isEmpty else { return [] }
        var query = CaseRow.select + " WHERE " + CaseFilterSQL.conditions(.all, organisations: organisations, on: database)
        query += " AND \(ident: "cases").\(ident: "simple") = \(bind: false)"
        let decided = CaseFilterSQL.issuedDocuments(decisionTypes)
        let reviewed = CaseFilterSQL.exists(in: "review_records")
        return try await CaseRow.all(query + " AND (" + decided + " OR " + reviewed + ")" + CaseFilterSQL.newestFirst, on: database)
    }

    func referable(organisations: [Organisation.ID], filter: CaseFilter, decisionTypes: Set<DocumentType>) async throws -> [EnforcementCase] {
        guard !organisations.isEmpty else { return [] }
        var query = CaseRow.select + " WHERE " + CaseFilterSQL.conditions(filter, organisations: organisations, on: database)
        query += " AND " + CaseFilterSQL.issuedDocuments(decisionTypes)
        query += " AND " + CaseFilterSQL.exists(in: "case_parties", where: "\(ident: "case_parties").\(ident: "party_member") = \(bind: true)")
        return try await CaseRow.all(query + CaseFilterSQL.newestFirst, on: database)
    }
}

extension FluentCaseRecordRepository {
    func issuedDocuments(organisations: [Organisation.ID], field: String, value: String) async throws -> [CaseDocument] {
        guard !organisations.isEmpty else { return [] }
        // The fields are stored as canonical JSON, so the pair is a substring: the database narrows, the decoded map decides.
        let pair = String(CanonicalJSON.object([field: .string(value)]).text.dropFirst().dropLast())
        var query = CaseDocumentRow.select + " JOIN \(ident: "cases") ON \(ident: "cases").\(ident: "id") = \(ident: "case_documents").\(ident: "case_id") WHERE "
        query += CaseFilterSQL.conditions(.all, organisations: organisations, on: database)
        query += " AND \(ident: "case_documents").\(ident: "status") = \(bind: CaseDocument.Status.issued.rawValue)"
        query += " AND \(ident: "case_documents").\(ident: "fields") LIKE \(bind: SQLQueryText.containing(pair)) ESCAPE '\\'"
        query += " ORDER BY \(ident: "case_documents").\(ident: "drafted_at"), \(ident: "case_documents").\(ident: "id")"
        return try await CaseDocumentRow.all(query, on: database).filter { $0.fields[field] == value }
    }
}
