import FluentKit
import Foundation
import SQLKit
import SunlightCore

/// 案件统计事实 on SQL (migration 025): one row per case, one per stage passed or current.
struct SQLCaseFactRepository: CaseFactRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func replace(cases: [EnforcementCase.ID], with facts: [CaseFacts]) async throws {
        for chunk in cases.chunked(500) {
            for table in ["case_facts", "case_stage_facts"] {
                var query: SQLQueryString = "DELETE FROM \(ident: table) WHERE case_id IN "
                query.appendList(chunk.map { $0.uuidString.lowercased() })
                try await sql.raw(query).run()
            }
        }
        for chunk in facts.chunked(500) {
            let insert = sql.insert(into: "case_facts").columns("case_id", "organisation_id", "category", "simple", "opened_on", "opened_month",
                                                                "standing", "decision_days", "close_days")
            for fact in chunk {
                insert.values(SQLBind(fact.caseID.uuidString.lowercased()), SQLBind(fact.organisationID.uuidString.lowercased()),
                              SQLBind(fact.category.rawValue), SQLBind(fact.simple ? 1 : 0), SQLBind(fact.openedOn.iso), SQLBind(fact.month),
                              SQLBind(fact.standing.rawValue), SQLBind(fact.daysToDecision), SQLBind(fact.daysToClose))
            }
            try await insert.run()
        }
        for chunk in facts.flatMap({ fact in fact.stages.map { (fact, $0) } }).chunked(500) {
            let insert = sql.insert(into: "case_stage_facts").columns("case_id", "stage_position", "organisation_id", "opened_on", "category", "simple",
                                                                      "days", "is_current")
            for (fact, stage) in chunk {
                insert.values(SQLBind(fact.caseID.uuidString.lowercased()), SQLBind(stage.position), SQLBind(fact.organisationID.uuidString.lowercased()),
                              SQLBind(fact.openedOn.iso), SQLBind(fact.category.rawValue), SQLBind(fact.simple ? 1 : 0), SQLBind(stage.days),
                              SQLBind(stage.current ? 1 : 0))
            }
            try await insert.run()
        }
    }

    func tallies(organisations: [Organisation.ID], opened: ClosedRange<CivilDate>) async throws -> [CaseTally] {
        var tallies: [CaseTally] = []
        for chunk in organisations.chunked(500) {
            var query: SQLQueryString = """
                SELECT organisation_id, category, opened_month, standing, COUNT(*) AS cases, COUNT(decision_days) AS decided,
                CAST(COALESCE(SUM(decision_days), 0) AS BIGINT) AS decision_days, COUNT(close_days) AS closings,
                CAST(COALESCE(SUM(close_days), 0) AS BIGINT) AS close_days FROM case_facts WHERE organisation_id IN
                """
            query.appendList(chunk.map { $0.uuidString.lowercased() })
            query += " AND opened_on >= \(bind: opened.lowerBound.iso) AND opened_on <= \(bind: opened.upperBound.iso)"
            query += " GROUP BY organisation_id, category, opened_month, standing"
            for row in try await sql.raw(query).all() {
                guard let organisation = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self)),
                      let category = EnforcementCategory(rawValue: try row.decode(column: "category", as: String.self)),
                      let standing = CaseFacts.Standing(rawValue: try row.decode(column: "standing", as: String.self)) else {
                    throw StoreError.corrupt("case_facts", nil)
                }
                tallies.append(CaseTally(organisationID: organisation, category: category, month: try row.decode(column: "opened_month", as: String.self),
                                         standing: standing, cases: try row.decode(column: "cases", as: Int.self),
                                         decided: try row.decode(column: "decided", as: Int.self), decisionDays: try row.decode(column: "decision_days", as: Int.self),
                                         closings: try row.decode(column: "closings", as: Int.self), closeDays: try row.decode(column: "close_days", as: Int.self)))
            }
        }
        return tallies
    }

    func stageTallies(organisations: [Organisation.ID], opened: ClosedRange<CivilDate>) async throws -> [StageTally] {
        var tallies: [String: StageTally] = [:]
        for chunk in organisations.chunked(500) {
            var query: SQLQueryString = """
                SELECT category, simple, stage_position, CAST(SUM(is_current) AS BIGINT) AS is_current, COUNT(days) AS completed,
                CAST(COALESCE(SUM(days), 0) AS BIGINT) AS days FROM case_stage_facts WHERE organisation_id IN
                """
            query.appendList(chunk.map { $0.uuidString.lowercased() })
            query += " AND opened_on >= \(bind: opened.lowerBound.iso) AND opened_on <= \(bind: opened.upperBound.iso)"
            query += " GROUP BY category, simple, stage_position"
            for row in try await sql.raw(query).all() {
                guard let category = EnforcementCategory(rawValue: try row.decode(column: "category", as: String.self)) else {
                    throw StoreError.corrupt("case_stage_facts", nil)
                }
                let simple = try row.decode(column: "simple", as: Int.self) != 0, position = try row.decode(column: "stage_position", as: Int.self)
                let key = "\(category.rawValue)/\(simple)/\(position)"
                var tally = tallies[key] ?? StageTally(category: category, simple: simple, position: position)
                tally.current += try row.decode(column: "is_current", as: Int.self)
                tally.completed += try row.decode(column: "completed", as: Int.self)
                tally.days += try row.decode(column: "days", as: Int.self)
                tallies[key] = tally
            }
        }
        return Array(tallies.values)
    }

    func all(offset: Int, limit: Int) async throws -> [CaseFacts] {
        let rows = try await sql.raw("""
            SELECT case_id, organisation_id, category, simple, opened_on, standing, decision_days, close_days FROM case_facts ORDER BY case_id
            LIMIT \(unsafeRaw: String(max(1, limit))) OFFSET \(unsafeRaw: String(max(0, offset)))
            """).all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "case_id", as: String.self) }
        var stages: [String: [CaseFacts.StageFact]] = [:]
        var query: SQLQueryString = "SELECT case_id, stage_position, days, is_current FROM case_stage_facts WHERE case_id IN "
        query.appendList(ids)
        for row in try await sql.raw(query + " ORDER BY case_id, stage_position").all() {
            stages[try row.decode(column: "case_id", as: String.self), default: []].append(CaseFacts.StageFact(
                position: try row.decode(column: "stage_position", as: Int.self), days: try row.decode(column: "days", as: Int?.self),
                current: try row.decode(column: "is_current", as: Int.self) != 0))
        }
        return try rows.map { row in
            let id = try row.decode(column: "case_id", as: String.self)
            guard let caseID = UUID(uuidString: id), let organisation = UUID(uuidString: try row.decode(column: "organisation_id", as: String.self)),
                  let category = EnforcementCategory(rawValue: try row.decode(column: "category", as: String.self)),
                  let opened = CivilDate(iso: try row.decode(column: "opened_on", as: String.self)),
                  let standing = CaseFacts.Standing(rawValue: try row.decode(column: "standing", as: String.self)) else {
                throw StoreError.corrupt("case_facts", nil)
            }
            return CaseFacts(caseID: caseID, organisationID: organisation, category: category, simple: try row.decode(column: "simple", as: Int.self) != 0,
                             openedOn: opened, standing: standing, daysToDecision: try row.decode(column: "decision_days", as: Int?.self),
                             daysToClose: try row.decode(column: "close_days", as: Int?.self), stages: stages[id] ?? [])
        }
    }

    func removeAll() async throws {
        try await sql.raw("DELETE FROM case_stage_facts").run()
        try await sql.raw("DELETE FROM case_facts").run()
    }
}
