import FluentKit
import Foundation
import SQLKit
import SunlightCore
import SunlightLedger

/// 案件汇总查询 — what dashboards and statistics ask for, filtered (and counted) in the database.
extension FluentCaseRepository {
    func matching(organisations: [Organisation.ID], filter: CaseFilter) async throws -> [EnforcementCase] {
        guard !organisations.isEmpty else { return [] }
        let query = CaseModel.query(on: database)
        CaseFilterSQL.apply(filter, organisations: organisations, to: query, on: database)
        return try await query.sort(\.$openedAt, .descending).sort(\.$id).all().map { try $0.domain() }
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
        let query = CaseEventModel.query(on: database).join(CaseModel.self, on: \CaseEventModel.$caseID == \CaseModel.$id)
        CaseFilterSQL.apply(filter, organisations: organisations, to: query, on: database)
        query.filter(\.$kind ~~ kinds.map(\.rawValue))
        if let dates { query.filter(\.$onDate >= dates.lowerBound.iso).filter(\.$onDate <= dates.upperBound.iso) }
        return try await query.sort(\.$id).all().map { try $0.domain() }
    }

    func reviewable(organisations: [Organisation.ID], decisionTypes: Set<DocumentType>) async throws -> [EnforcementCase] {
        guard !organisations.isEmpty else { return [] }
        let query = CaseModel.query(on: database).filter(\.$organisationID ~~ organisations).filter(\.$simple == false)
        let decided = CaseFilterSQL.idIn(CaseFilterSQL.issuedDocuments(decisionTypes))
        let reviewed = CaseFilterSQL.idIn("SELECT \(ident: "case_id") FROM \(ident: "review_records")")
        query.filter(.custom("(" + decided + " OR " + reviewed + ")"))
        return try await query.sort(\.$openedAt, .descending).sort(\.$id).all().map { try $0.domain() }
    }

    func referable(organisations: [Organisation.ID], filter: CaseFilter, decisionTypes: Set<DocumentType>) async throws -> [EnforcementCase] {
        guard !organisations.isEmpty else { return [] }
        let query = CaseModel.query(on: database)
        CaseFilterSQL.apply(filter, organisations: organisations, to: query, on: database)
        query.filter(.custom(CaseFilterSQL.idIn(CaseFilterSQL.issuedDocuments(decisionTypes))))
        query.filter(.custom(CaseFilterSQL.idIn("SELECT \(ident: "case_id") FROM \(ident: "case_parties") WHERE \(ident: "party_member") = \(bind: true)")))
        return try await query.sort(\.$openedAt, .descending).sort(\.$id).all().map { try $0.domain() }
    }
}

extension FluentCaseRecordRepository {
    func issuedDocuments(organisations: [Organisation.ID], field: String, value: String) async throws -> [CaseDocument] {
        guard !organisations.isEmpty else { return [] }
        // The fields are stored as canonical JSON, so the pair is a substring: the database narrows, the decoded map decides.
        let pair = String(CanonicalJSON.object([field: .string(value)]).text.dropFirst().dropLast())
        let query = CaseDocumentModel.query(on: database).join(CaseModel.self, on: \CaseDocumentModel.$caseID == \CaseModel.$id)
            .filter(CaseModel.self, \.$organisationID ~~ organisations)
            .filter(\.$status == CaseDocument.Status.issued.rawValue)
            .filter(.custom("\(ident: "case_documents").\(ident: "fields") LIKE \(bind: SQLQueryText.containing(pair)) ESCAPE '\\'" as SQLQueryString))
        return try await query.sort(\.$draftedAt).sort(\.$id).all().map { try $0.domain() }.filter { $0.fields[field] == value }
    }
}
