import FluentKit
import Foundation
import SunlightCore

/// 待办公开 — the publications with a step waiting, from the indexed `pending_step` column
/// (migration 023), kept by the model from the logged state and compared with it by verify.
extension FluentPublicationRepository {
    func pending(organisations: [Organisation.ID]) async throws -> [DecisionPublication] {
        var found: [DecisionPublication] = []
        for chunk in organisations.chunked(500) {
            found += try await DecisionPublicationModel.query(on: database).filter(\.$organisationID ~~ chunk)
                .filter(\.$pendingStep != nil).all().map { try $0.domain() }
        }
        return found.sorted { ($0.decidedOn, $0.number) > ($1.decidedOn, $1.number) }
    }
}
