import Foundation

/// 统计事实 — one case folded into what the case statistics count (REC-12): where it stands,
/// how long it took to its decision (as its category keeps one, ``CategoryDecision``) and to its
/// closing, and each stage it passed or stands in. A read model: kept in the same transaction as
/// the case's records and compared with them by `sunlight verify`, so the statistics add up rows
/// in the database instead of reading every case of the period and its events.
public struct CaseFacts: Sendable, Equatable {
    /// 办理中, 已结案 (结案 and 归档), or 终止.
    public enum Standing: String, Sendable, CaseIterable {
        case running, closed, terminated
    }

    /// A stage the case passed (with the days it took) or stands in now.
    public struct StageFact: Sendable, Equatable {
        /// Where the stage stands in the case's procedure (``Procedures/stages(for:simple:)``).
        public let position: Int
        /// Calendar days from entering to completing it; `nil` when not completed.
        public let days: Int?
        public let current: Bool

        public init(position: Int, days: Int?, current: Bool) {
            self.position = position
            self.days = days
            self.current = current
        }
    }

    public let caseID: EnforcementCase.ID
    public let organisationID: Organisation.ID
    public let category: EnforcementCategory
    public let simple: Bool
    public let openedOn: CivilDate
    public let standing: Standing
    public let daysToDecision: Int?
    public let daysToClose: Int?
    /// Only the stages passed or current; the others count nothing.
    public let stages: [StageFact]

    public init(caseID: EnforcementCase.ID, organisationID: Organisation.ID, category: EnforcementCategory, simple: Bool, openedOn: CivilDate,
                standing: Standing, daysToDecision: Int?, daysToClose: Int?, stages: [StageFact]) {
        self.caseID = caseID
        self.organisationID = organisationID
        self.category = category
        self.simple = simple
        self.openedOn = openedOn
        self.standing = standing
        self.daysToDecision = daysToDecision
        self.daysToClose = daysToClose
        self.stages = stages
    }

    /// The version of how facts are computed; a store whose facts were built under another one
    /// is rebuilt on start.
    public static let version = 1

    /// `2026-11`: the month the case was opened in.
    public var month: String { String(openedOn.iso.prefix(7)) }

    /// The facts of a case from its events (each case's in order) and its documents.
    public static func of(_ theCase: EnforcementCase, events: [CaseEvent], documents: [CaseDocument]) -> CaseFacts {
        let decided = CategoryDecision.all(events: events, documents: documents, categoryOf: [theCase.id: theCase.category])
            .first { $0.category == theCase.category }?.on
        let closed = events.first { $0.kind == .closed }?.on
        let standing: Standing = switch theCase.status {
        case .open, .suspended: .running
        case .closed, .archived: .closed
        case .terminated: .terminated
        }
        var stages: [StageFact] = []
        var entered = theCase.openedOn
        for (position, stage) in theCase.stages.enumerated() {
            if let done = events.first(where: { $0.kind == .stageCompleted && $0.stage == stage.code }) {
                stages.append(StageFact(position: position, days: entered.days(until: done.on), current: false))
                entered = done.on
            } else if stage.code == theCase.stage, standing == .running {
                stages.append(StageFact(position: position, days: nil, current: true))
            }
        }
        return CaseFacts(caseID: theCase.id, organisationID: theCase.organisationID, category: theCase.category, simple: theCase.simple,
                         openedOn: theCase.openedOn, standing: standing, daysToDecision: decided.map { theCase.openedOn.days(until: $0) },
                         daysToClose: closed.map { theCase.openedOn.days(until: $0) }, stages: stages)
    }
}

/// 统计小计 — the cases of one organisation, category, month of opening and standing, added up.
public struct CaseTally: Sendable, Equatable {
    public let organisationID: Organisation.ID
    public let category: EnforcementCategory
    public let month: String
    public let standing: CaseFacts.Standing
    public var cases = 0
    public var decided = 0
    public var decisionDays = 0
    public var closings = 0
    public var closeDays = 0
    /// Running cases with a clock past due; counted from the clocks, not stored.
    public var overdue = 0

    public init(organisationID: Organisation.ID, category: EnforcementCategory, month: String, standing: CaseFacts.Standing,
                cases: Int = 0, decided: Int = 0, decisionDays: Int = 0, closings: Int = 0, closeDays: Int = 0) {
        self.organisationID = organisationID
        self.category = category
        self.month = month
        self.standing = standing
        self.cases = cases
        self.decided = decided
        self.decisionDays = decisionDays
        self.closings = closings
        self.closeDays = closeDays
    }

    /// The facts added up, as the database's `GROUP BY` does.
    public static func tally(_ facts: [CaseFacts]) -> [CaseTally] {
        var tallies: [String: CaseTally] = [:]
        for fact in facts {
            let key = "\(fact.organisationID)/\(fact.category.rawValue)/\(fact.month)/\(fact.standing.rawValue)"
            var tally = tallies[key] ?? CaseTally(organisationID: fact.organisationID, category: fact.category, month: fact.month, standing: fact.standing)
            tally.cases += 1
            if let days = fact.daysToDecision { tally.decided += 1; tally.decisionDays += days }
            if let days = fact.daysToClose { tally.closings += 1; tally.closeDays += days }
            tallies[key] = tally
        }
        return tallies.values.sorted { ($0.organisationID.uuidString, $0.category.rawValue, $0.month, $0.standing.rawValue)
            < ($1.organisationID.uuidString, $1.category.rawValue, $1.month, $1.standing.rawValue) }
    }
}

/// 环节小计 — one stage of one procedure, added up over the cases.
public struct StageTally: Sendable, Equatable {
    public let category: EnforcementCategory
    public let simple: Bool
    public let position: Int
    public var current = 0
    public var completed = 0
    /// The days the completed ones took, added up.
    public var days = 0

    public init(category: EnforcementCategory, simple: Bool, position: Int, current: Int = 0, completed: Int = 0, days: Int = 0) {
        self.category = category
        self.simple = simple
        self.position = position
        self.current = current
        self.completed = completed
        self.days = days
    }

    /// The stages of the facts added up, as the database's `GROUP BY` does.
    public static func tally(_ facts: [CaseFacts]) -> [StageTally] {
        var tallies: [String: StageTally] = [:]
        for fact in facts {
            for stage in fact.stages {
                let key = "\(fact.category.rawValue)/\(fact.simple)/\(stage.position)"
                var tally = tallies[key] ?? StageTally(category: fact.category, simple: fact.simple, position: stage.position)
                if stage.current { tally.current += 1 }
                if let days = stage.days { tally.completed += 1; tally.days += days }
                tallies[key] = tally
            }
        }
        return Array(tallies.values)
    }
}

/// 统计事实存储 — the read model behind ``CaseFacts``; not logged (derived data).
public protocol CaseFactRepository: Sendable {
    /// Drops the facts of these cases and stores `facts` (theirs).
    func replace(cases: [EnforcementCase.ID], with facts: [CaseFacts]) async throws
    /// The facts of these organisations' cases opened within the dates, added up by
    /// organisation, category, month and standing.
    func tallies(organisations: [Organisation.ID], opened: ClosedRange<CivilDate>) async throws -> [CaseTally]
    /// Their stages, added up by procedure and stage.
    func stageTallies(organisations: [Organisation.ID], opened: ClosedRange<CivilDate>) async throws -> [StageTally]
    /// Every case's facts, by case ID (for verify).
    func all(offset: Int, limit: Int) async throws -> [CaseFacts]
    func removeAll() async throws
}
