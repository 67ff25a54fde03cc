import Foundation
import SunlightCore
import Vapor

/// JSON shapes of what supervisors read of legal review: flags (REV-9) and statistics, described in `openapi.json`.
extension API {
    /// 问题线索 (REV-9).
    struct ReviewFlagOut: Content {
        let kind: String
        let kindName: String
        let caseID: UUID
        let caseNumber: String
        let organisationName: String
        let documentID: UUID
        let detail: String
        let on: CivilDate

        init(_ f: ReviewFlag) {
            kind = f.kind.rawValue
            kindName = f.kind.chineseName
            caseID = f.caseID
            caseNumber = f.caseNumber
            organisationName = f.organisationName
            documentID = f.documentID
            detail = f.detail
            on = f.on
        }
    }

    /// 法制审核统计 (REV-5).
    struct ReviewStatisticsOut: Content {
        struct Row: Content {
            let key: String
            let label: String
            let decisions: Int
            let rounds: Int
            let reviewed: Int
            let approved: Int
            let pending: Int
            let overdue: Int
            /// Per cent of reviewed rounds approved.
            let passRate: Double?
            let meanWorkingDays: Double?

            init(_ r: ReviewStatistics.Row) {
                key = r.key
                label = r.label
                decisions = r.decisions
                rounds = r.rounds
                reviewed = r.reviewed
                approved = r.approved
                pending = r.pending
                overdue = r.overdue
                passRate = r.passRate
                meanWorkingDays = r.meanWorkingDays
            }
        }

        let from: CivilDate
        let to: CivilDate
        let total: Row
        let byOrganisation: [Row]

        init(_ s: ReviewStatistics) {
            from = s.from
            to = s.to
            total = Row(s.total)
            byOrganisation = s.byOrganisation.map(Row.init)
        }
    }
}
