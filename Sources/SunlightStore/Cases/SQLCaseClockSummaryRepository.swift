import FluentKit
import Foundation
import SQLKit
import SunlightCore

/// 办案期限摘要 on SQL (migration 022): one row per running case that runs a clock.
struct SQLCaseClockSummaryRepository: CaseClockSummaryRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }
    static let name = "case_clock_summaries"

    func save(_ summaries: [CaseClockSummary], removing removed: [EnforcementCase.ID]) async throws {
        for chunk in removed.chunked(500) {
            var query: SQLQueryString = "DELETE FROM case_clock_summaries WHERE case_id IN "
            query.appendList(chunk.map { $0.uuidString.lowercased() })
            try await sql.raw(query).run()
        }
        for chunk in summaries.chunked(500) {
            let insert = sql.insert(into: Self.name).columns("case_id", "organisation_id", "earliest_due", "moving")
            for summary in chunk {
                insert.values(SQLBind(summary.caseID.uuidString.lowercased()), SQLBind(summary.organisationID.uuidString.lowercased()),
                              SQLBind(summary.earliestDue?.iso), SQLBind(summary.moving ? 1 : 0))
            }
            try await insert.onConflict(with: "case_id") {
                $0.set(excludedValueOf: "organisation_id").set(excludedValueOf: "earliest_due").set(excludedValueOf: "moving")
            }.run()
        }
    }

    func candidates(organisations: [Organisation.ID], dueBefore day: CivilDate) async throws -> [CaseClockSummary] {
        var found: [CaseClockSummary] = []
        for chunk in organisations.chunked(500) {
            var query: SQLQueryString = "SELECT case_id, organisation_id, earliest_due, moving FROM case_clock_summaries WHERE organisation_id IN "
            query.appendList(chunk.map { $0.uuidString.lowercased() })
            query += " AND (earliest_due < \(bind: day.iso) OR moving = 1)"
            found += try await sql.raw(query).all().map(Self.summary)
        }
        return found
    }

    func counts(organisations: [Organisation.ID], dueBefore day: CivilDate) async throws -> [Organisation.ID: Int] {
        var counts: [Organisation.ID: Int] = [:]
        for chunk in organisations.chunked(500) {
            var query: SQLQueryString = "SELECT organisation_id, COUNT(*) AS n FROM case_clock_summaries WHERE organisation_id IN "
            query.appendList(chunk.map { $0.uuidString.lowercased() })
            query += " AND earliest_due < \(bind: day.iso) GROUP BY organisation_id"
            for row in try await sql.raw(query).all() {
                guard let id = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self)) else {
                    throw StoreError.corrupt(Self.name, nil)
                }
                counts[id] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    func summaries(offset: Int, limit: Int) async throws -> [CaseClockSummary] {
        try await sql.raw("""
            SELECT case_id, organisation_id, earliest_due, moving FROM case_clock_summaries ORDER BY case_id
            LIMIT \(unsafeRaw: String(max(1, limit))) OFFSET \(unsafeRaw: String(max(0, offset)))
            """).all().map(Self.summary)
    }

    func removeAll() async throws { try await sql.raw("DELETE FROM case_clock_summaries").run() }

    static func summary(_ row: any SQLRow) throws -> CaseClockSummary {
        let due = try row.decode(column: "earliest_due", as: String?.self)
        guard let caseID = UUID(uuidString: try row.decode(column: "case_id", as: String.self)),
              let organisationID = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self)) else {
            throw StoreError.corrupt(name, nil)
        }
        let earliestDue = try due.map { iso in
            guard let day = CivilDate(iso: iso) else { throw StoreError.corrupt(name, caseID) }
            return day
        }
        return CaseClockSummary(caseID: caseID, organisationID: organisationID, earliestDue: earliestDue,
                                moving: try row.decode(column: "moving", as: Int.self) != 0)
    }
}

extension FluentCaseRecordRepository {
    func documents(organisations: [Organisation.ID], status: CaseDocument.Status) async throws -> [CaseDocument] {
        guard !organisations.isEmpty else { return [] }
        var query = CaseDocumentRow.select + " JOIN \(ident: "cases") ON \(ident: "cases").\(ident: "id") = \(ident: "case_documents").\(ident: "case_id") WHERE "
        query += CaseFilterSQL.conditions(.all, organisations: organisations, on: database)
        query += " AND \(ident: "case_documents").\(ident: "status") = \(bind: status.rawValue)"
        query += " ORDER BY \(ident: "case_documents").\(ident: "drafted_at"), \(ident: "case_documents").\(ident: "id")"
        return try await CaseDocumentRow.all(query, on: database)
    }
}
