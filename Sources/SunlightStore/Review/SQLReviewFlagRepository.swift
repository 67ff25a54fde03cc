import FluentKit
import Foundation
import SQLKit
import SunlightCore

/// 法制审核线索 on SQL (migration 024): each case's flags, numbered in the case's order.
struct SQLReviewFlagRepository: ReviewFlagRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }
    static let columns = "case_id, ordinal, organisation_id, kind, case_number, document_id, detail, on_date"

    func replace(cases: [EnforcementCase.ID], with flags: [ReviewFlag]) async throws {
        for chunk in cases.chunked(500) {
            var query: SQLQueryString = "DELETE FROM review_flags WHERE case_id IN "
            query.appendList(chunk.map { $0.uuidString.lowercased() })
            try await sql.raw(query).run()
        }
        var ordinals: [EnforcementCase.ID: Int] = [:]
        for chunk in flags.chunked(500) {
            let insert = sql.insert(into: "review_flags")
                .columns("case_id", "ordinal", "organisation_id", "kind", "case_number", "document_id", "detail", "on_date")
            for flag in chunk {
                let ordinal = ordinals[flag.caseID, default: 0]
                ordinals[flag.caseID] = ordinal + 1
                insert.values(SQLBind(flag.caseID.uuidString.lowercased()), SQLBind(ordinal), SQLBind(flag.organisationID.uuidString.lowercased()),
                              SQLBind(flag.kind.rawValue), SQLBind(flag.caseNumber), SQLBind(flag.documentID.uuidString.lowercased()),
                              SQLBind(flag.detail), SQLBind(flag.on.iso))
            }
            try await insert.run()
        }
    }

    func flags(organisations: [Organisation.ID]) async throws -> [ReviewFlag] {
        var found: [ReviewFlag] = []
        for chunk in organisations.chunked(500) {
            var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM review_flags WHERE organisation_id IN "
            query.appendList(chunk.map { $0.uuidString.lowercased() })
            found += try await sql.raw(query + " ORDER BY on_date DESC, case_number DESC, case_id, ordinal").all().map(Self.flag)
        }
        return organisations.count > 500 ? found.sorted { ($0.on, $0.caseNumber) > ($1.on, $1.caseNumber) } : found
    }

    func all(offset: Int, limit: Int) async throws -> [ReviewFlag] {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM review_flags ORDER BY case_id, ordinal
            LIMIT \(unsafeRaw: String(max(1, limit))) OFFSET \(unsafeRaw: String(max(0, offset)))
            """).all().map(Self.flag)
    }

    func removeAll() async throws { try await sql.raw("DELETE FROM review_flags").run() }

    static func flag(_ row: any SQLRow) throws -> ReviewFlag {
        guard let caseID = UUID(uuidString: try row.decode(column: "case_id", as: String.self)),
              let organisationID = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self)),
              let documentID = UUID(uuidString: try row.decode(column: "document_id", as: String.self)),
              let kind = ReviewFlag.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
              let on = CivilDate(iso: try row.decode(column: "on_date", as: String.self)) else {
            throw StoreError.corrupt("review_flags", nil)
        }
        return ReviewFlag(kind: kind, caseID: caseID, caseNumber: try row.decode(column: "case_number", as: String.self), organisationID: organisationID,
                          documentID: documentID, detail: try row.decode(column: "detail", as: String.self), on: on)
    }
}

/// 读模型登记 on SQL (`read_models`, migration 022).
struct SQLReadModelRepository: ReadModelRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func builtVersion(of name: String) async throws -> Int? {
        try await sql.raw("SELECT version FROM read_models WHERE name = \(bind: name)").first()?.decode(column: "version", as: Int.self)
    }

    func markBuilt(_ name: String, version: Int) async throws {
        try await sql.insert(into: "read_models").columns("name", "version").values(SQLBind(name), SQLBind(version))
            .onConflict(with: "name") { $0.set(excludedValueOf: "version") }.run()
    }
}
