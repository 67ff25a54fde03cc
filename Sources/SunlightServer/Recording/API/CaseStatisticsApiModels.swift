import Foundation
import SunlightCore
import Vapor

/// JSON shape of the case statistics (REC-12), described in `openapi.json`.
extension API {
    /// 案件统计 (REC-12).
    struct CaseStatisticsOut: Content {
        struct Row: Content {
            let key: String
            let label: String
            let opened: Int
            let running: Int
            let decided: Int
            let closed: Int
            let terminated: Int
            let overdue: Int
            let meanDaysToDecision: Double?
            let meanDaysToClose: Double?

            init(_ r: CaseStatistics.Row) {
                key = r.key
                label = r.label
                opened = r.opened
                running = r.running
                decided = r.decided
                closed = r.closed
                terminated = r.terminated
                overdue = r.overdue
                meanDaysToDecision = r.meanDaysToDecision
                meanDaysToClose = r.meanDaysToClose
            }
        }

        struct StageRow: Content {
            let category: EnforcementCategory
            let stage: String
            let stageName: String
            let current: Int
            let completed: Int
            let meanDays: Double?

            init(_ r: CaseStatistics.StageRow) {
                category = r.category
                stage = r.stage.code
                stageName = r.stage.name
                current = r.current
                completed = r.completed
                meanDays = r.meanDays
            }
        }

        let from: CivilDate
        let to: CivilDate
        let total: Row
        let byCategory: [Row]
        let byOrganisation: [Row]
        let byMonth: [Row]
        let byStage: [StageRow]

        init(_ s: CaseStatistics) {
            from = s.from
            to = s.to
            total = Row(s.total)
            byCategory = s.byCategory.map(Row.init)
            byOrganisation = s.byOrganisation.map(Row.init)
            byMonth = s.byMonth.map(Row.init)
            byStage = s.byStage.map(StageRow.init)
        }
    }
}
