import Foundation
import SunlightCore
import Vapor

extension API {
    /// 当事人既往处罚 — the party's earlier penalties in the organisation, matched on a keyed
    /// digest of the ID number, which never appears (首违不罚, REC-15, 行政处罚法 第三十三条).
    struct PartyHistoryOut: Content {
        struct Earlier: Content {
            let caseID: UUID
            let caseNumber: String
            let decisionNumber: String?
            let decidedOn: CivilDate
            let itemEntryID: UUID?
            let penaltyKinds: [String]
            let penaltyNames: [String]
            /// Same item, within the limitation period: 首违不罚 does not apply.
            let barsFirstOffence: Bool
        }

        let caseID: UUID
        let limitationYears: Int
        let earlier: [Earlier]
        /// Parties that cannot be matched (no number, or registered before matching began).
        let unmatchedParties: Int
        let note: String?
        let firstOffenceBarred: Bool

        init(caseID: UUID, _ history: PartyHistory) {
            self.caseID = caseID
            limitationYears = history.years
            earlier = history.earlier.map {
                Earlier(caseID: $0.caseID, caseNumber: $0.caseNumber, decisionNumber: $0.decisionNumber, decidedOn: $0.decidedOn,
                        itemEntryID: $0.itemEntryID, penaltyKinds: $0.penaltyKinds.map(\.rawValue), penaltyNames: $0.penaltyKinds.map(\.chineseName),
                        barsFirstOffence: $0.bars)
            }
            unmatchedParties = history.unmatched
            note = history.unmatchedNote
            firstOffenceBarred = !history.barring.isEmpty
        }
    }
}

extension CasesApiController {
    /// GET /api/v1/cases/{id}/party-history — read and logged like the case page's (REC-11).
    @Sendable func partyHistory(_ request: Request) async throws -> API.PartyHistoryOut {
        let id = try request.uuid("id", "案件")
        return API.PartyHistoryOut(caseID: id, try await request.sunlight.cases.partyHistory(of: id, by: try request.requireApiActor()))
    }
}
