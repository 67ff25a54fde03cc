import FluentKit
import Foundation
import SQLKit
import SunlightCore

/// 待办公开 — the publications with a step waiting, from the indexed `pending_step` column
/// (migration 023), kept by the model from the logged state and compared with it by verify.
extension FluentPublicationRepository {
    func pending(organisations: [Organisation.ID]) async throws -> [DecisionPublication] {
        typealias Row = StateColumnRow<DecisionPublicationModel>
        var found: [DecisionPublication] = []
        for chunk in organisations.chunked(500) {
            var query = Row.select + " WHERE \(ident: "organisation_id") IN "
            query.appendList(chunk)
            query += " AND \(ident: "pending_step") IS NOT NULL"
            found += try await Row.all(query, on: database)
        }
        return found.sorted { ($0.decidedOn, $0.number) > ($1.decidedOn, $1.number) }
    }
}
