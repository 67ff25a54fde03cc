import Foundation

/// 案件统计 — counts and durations of cases by category, organisation, stage and period (REC-12),
/// computed from the cases and their events alone, so the figures are what the record says.
public struct CaseStatistics: Sendable {
    /// One line of a table: the cases sharing a key.
    public struct Row: Sendable, Equatable {
        public let key: String
        public let label: String
        public var opened = 0
        public var running = 0
        public var decided = 0
        /// 结案 and 归档.
        public var closed = 0
        public var terminated = 0
        /// Running cases with a clock past due.
        public var overdue = 0
        var daysToDecision: [Int] = []
        var daysToClose: [Int] = []

        init(key: String, label: String) {
            self.key = key
            self.label = label
        }

        /// Mean calendar days from opening to decision.
        public var meanDaysToDecision: Double? { Self.mean(daysToDecision) }
        /// Mean calendar days from opening to closing.
        public var meanDaysToClose: Double? { Self.mean(daysToClose) }

        static func mean(_ values: [Int]) -> Double? {
            values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
        }
    }

    /// One stage of one category: how many cases stand in it now, how many passed it, and how long it took them.
    public struct StageRow: Sendable, Equatable {
        public let category: EnforcementCategory
        /// 简易程序's stages are counted apart from the general procedure's.
        public let simple: Bool
        public let stage: ProcedureStage
        /// Where the stage stands in its procedure.
        let position: Int
        public var current = 0
        public var completed = 0
        var days: [Int] = []

        public var meanDays: Double? { Row.mean(days) }
    }

    public let from: CivilDate
    public let to: CivilDate
    public let total: Row
    public let byCategory: [Row]
    public let byOrganisation: [Row]
    /// By month of opening, `2026-11`.
    public let byMonth: [Row]
    public let byStage: [StageRow]

    /// Counts the cases opened between `from` and `to` (inclusive). A case is decided by the record
    /// its category keeps (`CategoryDecision`): a seizure decision issued for 强制, the assessment
    /// for 征收 and 收费, the closing for 检查; `documents` are the cases' seizure decisions.
    public static func compute(cases: [EnforcementCase], events: [CaseEvent], documents: [CaseDocument] = [], overdue: Set<EnforcementCase.ID>,
                               organisationNames: [Organisation.ID: String], from: CivilDate, to: CivilDate) -> CaseStatistics {
        let counted = cases.filter { $0.openedOn >= from && $0.openedOn <= to }
        let eventsOf = Dictionary(grouping: events, by: \.caseID)
        let categoryOf = Dictionary(counted.map { ($0.id, $0.category) }, uniquingKeysWith: { a, _ in a })
        let decisionOf = Dictionary(CategoryDecision.all(events: events, documents: documents, categoryOf: categoryOf)
            .filter { categoryOf[$0.caseID] == $0.category }.map { ($0.caseID, $0.on) }, uniquingKeysWith: { a, _ in a })
        var total = Row(key: "all", label: "合计")
        var categories: [String: Row] = [:], organisations: [String: Row] = [:], months: [String: Row] = [:]
        var stages: [String: StageRow] = [:]
        for theCase in counted {
            let caseEvents = eventsOf[theCase.id] ?? []
            let month = String(theCase.openedOn.iso.prefix(7))
            let organisation = theCase.organisationID.uuidString.lowercased()
            let late = overdue.contains(theCase.id), decided = decisionOf[theCase.id]
            add(theCase, caseEvents, decided, late, to: &total)
            add(theCase, caseEvents, decided, late, to: &categories[theCase.category.rawValue, default: Row(key: theCase.category.rawValue, label: theCase.category.chineseName)])
            add(theCase, caseEvents, decided, late, to: &organisations[organisation, default: Row(key: organisation, label: organisationNames[theCase.organisationID] ?? organisation)])
            add(theCase, caseEvents, decided, late, to: &months[month, default: Row(key: month, label: month)])
            var entered = theCase.openedOn
            for (position, stage) in theCase.stages.enumerated() {
                let key = "\(theCase.category.rawValue)/\(theCase.simple ? "simple/" : "")\(stage.code)"
                var row = stages[key] ?? StageRow(category: theCase.category, simple: theCase.simple, stage: stage, position: position)
                if let done = caseEvents.first(where: { $0.kind == .stageCompleted && $0.stage == stage.code }) {
                    row.completed += 1
                    row.days.append(entered.days(until: done.on))
                    entered = done.on
                } else if stage.code == theCase.stage, theCase.status == .open || theCase.status == .suspended {
                    row.current += 1
                }
                stages[key] = row
            }
        }
        let order = EnforcementCategory.enforcement
        return CaseStatistics(
            from: from, to: to, total: total,
            byCategory: categories.values.sorted { a, b in
                order.firstIndex { $0.rawValue == a.key } ?? 0 < order.firstIndex { $0.rawValue == b.key } ?? 0
            },
            byOrganisation: organisations.values.sorted { $0.opened != $1.opened ? $0.opened > $1.opened : $0.label < $1.label },
            byMonth: months.values.sorted { $0.key < $1.key },
            byStage: stages.values.filter { $0.current + $0.completed > 0 }.sorted { a, b in
                let ia = order.firstIndex(of: a.category) ?? 0, ib = order.firstIndex(of: b.category) ?? 0
                return (ia, a.simple ? 1 : 0, a.position) < (ib, b.simple ? 1 : 0, b.position)
            })
    }

    private static func add(_ theCase: EnforcementCase, _ events: [CaseEvent], _ decided: CivilDate?, _ overdue: Bool, to row: inout Row) {
        row.opened += 1
        switch theCase.status {
        case .open, .suspended: row.running += 1
        case .closed, .archived: row.closed += 1
        case .terminated: row.terminated += 1
        }
        if overdue { row.overdue += 1 }
        if let decided {
            row.decided += 1
            row.daysToDecision.append(theCase.openedOn.days(until: decided))
        }
        if let closed = events.first(where: { $0.kind == .closed }) { row.daysToClose.append(theCase.openedOn.days(until: closed.on)) }
    }

    /// The tables as one, for the CSV export: dimension, key, and every figure.
    public var table: TextTable {
        var rows: [[String]] = [["维度", "项目", "立案", "办理中", "已决定", "已结案", "终止", "逾期", "平均决定用时（日）", "平均结案用时（日）"]]
        func line(_ dimension: String, _ row: Row) -> [String] {
            [dimension, row.label, String(row.opened), String(row.running), String(row.decided), String(row.closed), String(row.terminated),
             String(row.overdue), row.meanDaysToDecision.map { String(format: "%.1f", $0) } ?? "", row.meanDaysToClose.map { String(format: "%.1f", $0) } ?? ""]
        }
        rows.append(line("合计", total))
        rows += byCategory.map { line("类别", $0) } + byOrganisation.map { line("机构", $0) } + byMonth.map { line("月份", $0) }
        rows.append([])
        rows.append(["维度", "类别", "环节", "当前在此环节", "已完成", "平均用时（日）"])
        rows += byStage.map { ["环节", $0.category.chineseName + ($0.simple ? "（简易程序）" : ""), $0.stage.name, String($0.current), String($0.completed),
                               $0.meanDays.map { String(format: "%.1f", $0) } ?? ""] }
        return TextTable(header: rows[0], rows: Array(rows.dropFirst()))
    }
}

extension CaseUseCases {
    /// 案件统计 — for the organisations the actor may read (a supervisor: every organisation it
    /// supervises), cases opened in the period (REC-12). The read is logged.
    public func caseStatistics(from: CivilDate, to: CivilDate, by actor: Actor) async throws -> CaseStatistics {
        guard actor.user != nil || actor.channel == .console else { throw SunlightError.outsideScope }
        guard from <= to, from.days(until: to) <= 3660 else { throw SunlightError.invalid("from", "统计期间应为十年以内，且开始日期不晚于结束日期", rule: .rec12) }
        var organisations: [Organisation] = []
        for path in actor.scope.readablePaths { organisations += try await store.organisations.subtree(path) }
        let names = Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // The period's cases, each needed for its stages; of their events only those the figures read.
        let period = CaseFilter(openedFrom: from, openedTo: to)
        let cases = try await store.cases.matching(organisations: Array(names.keys), filter: period)
        let events = try await store.cases.events(organisations: Array(names.keys), cases: period, kinds: [.decided, .closed, .stageCompleted], dates: nil)
        let documents = try await store.caseRecords.documents(ofCases: cases.filter { $0.category == .coercion }.map(\.id))
            .filter { $0.type == .seizureDecision }
        let overdue = Set(try await lateClocks(organisations: Array(names.keys), dueSoon: false).map(\.enforcementCase.id))
        try await log(actor, .read, "case_statistics", id: nil, in: actor.organisation, "查看案件统计 \(from.iso)–\(to.iso)（\(cases.count) 件）")
        return CaseStatistics.compute(cases: cases, events: events, documents: documents, overdue: overdue, organisationNames: names, from: from, to: to)
    }
}
