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
        var decisionDays = 0
        var closings = 0
        var closeDays = 0

        init(key: String, label: String) {
            self.key = key
            self.label = label
        }

        /// Mean calendar days from opening to decision.
        public var meanDaysToDecision: Double? { Self.mean(decisionDays, over: decided) }
        /// Mean calendar days from opening to closing.
        public var meanDaysToClose: Double? { Self.mean(closeDays, over: closings) }

        static func mean(_ total: Int, over count: Int) -> Double? {
            count == 0 ? nil : Double(total) / Double(count)
        }

        mutating func add(_ tally: CaseTally) {
            opened += tally.cases
            switch tally.standing {
            case .running: running += tally.cases
            case .closed: closed += tally.cases
            case .terminated: terminated += tally.cases
            }
            overdue += tally.overdue
            decided += tally.decided
            decisionDays += tally.decisionDays
            closings += tally.closings
            closeDays += tally.closeDays
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
        var days = 0

        public var meanDays: Double? { Row.mean(days, over: completed) }
    }

    public let from: CivilDate
    public let to: CivilDate
    public let total: Row
    public let byCategory: [Row]
    public let byOrganisation: [Row]
    /// By month of opening, `2026-11`.
    public let byMonth: [Row]
    public let byStage: [StageRow]

    /// Counts the cases opened between `from` and `to` (inclusive) from their records: each
    /// case's ``CaseFacts``, added up as the database adds up the stored ones. A case is decided
    /// by the record its category keeps (``CategoryDecision``); `documents` are the cases'
    /// seizure decisions; `overdue` the running cases with a clock past due.
    public static func compute(cases: [EnforcementCase], events: [CaseEvent], documents: [CaseDocument] = [], overdue: Set<EnforcementCase.ID>,
                               organisationNames: [Organisation.ID: String], from: CivilDate, to: CivilDate) -> CaseStatistics {
        let counted = cases.filter { $0.openedOn >= from && $0.openedOn <= to }
        let eventsOf = Dictionary(grouping: events, by: \.caseID), documentsOf = Dictionary(grouping: documents, by: \.caseID)
        let facts = counted.map { CaseFacts.of($0, events: eventsOf[$0.id] ?? [], documents: documentsOf[$0.id] ?? []) }
        return compute(tallies: CaseTally.tally(facts), stages: StageTally.tally(facts), overdue: counted.filter { overdue.contains($0.id) },
                       organisationNames: organisationNames, from: from, to: to)
    }

    /// The tables from the facts added up; `overdue` are running cases with a clock past due.
    public static func compute(tallies: [CaseTally], stages: [StageTally], overdue: [EnforcementCase],
                               organisationNames: [Organisation.ID: String], from: CivilDate, to: CivilDate) -> CaseStatistics {
        var tallies = tallies
        let running = Dictionary(tallies.indices.filter { tallies[$0].standing == .running }.map {
            ("\(tallies[$0].organisationID)/\(tallies[$0].category.rawValue)/\(tallies[$0].month)", $0)
        }, uniquingKeysWith: { a, _ in a })
        for theCase in overdue where theCase.openedOn >= from && theCase.openedOn <= to {
            guard let index = running["\(theCase.organisationID)/\(theCase.category.rawValue)/\(theCase.openedOn.iso.prefix(7))"] else { continue }
            tallies[index].overdue += 1
        }
        var total = Row(key: "all", label: "合计")
        var categories: [String: Row] = [:], organisations: [String: Row] = [:], months: [String: Row] = [:]
        for tally in tallies {
            let organisation = tally.organisationID.uuidString.lowercased()
            total.add(tally)
            categories[tally.category.rawValue, default: Row(key: tally.category.rawValue, label: tally.category.chineseName)].add(tally)
            organisations[organisation, default: Row(key: organisation, label: organisationNames[tally.organisationID] ?? organisation)].add(tally)
            months[tally.month, default: Row(key: tally.month, label: tally.month)].add(tally)
        }
        let order = EnforcementCategory.enforcement
        let byStage: [StageRow] = stages.compactMap { tally in
            let procedure = Procedures.stages(for: tally.category, simple: tally.simple)
            guard procedure.indices.contains(tally.position), tally.current + tally.completed > 0 else { return nil }
            var row = StageRow(category: tally.category, simple: tally.simple, stage: procedure[tally.position], position: tally.position)
            row.current = tally.current
            row.completed = tally.completed
            row.days = tally.days
            return row
        }
        return CaseStatistics(
            from: from, to: to, total: total,
            byCategory: categories.values.sorted { a, b in
                order.firstIndex { $0.rawValue == a.key } ?? 0 < order.firstIndex { $0.rawValue == b.key } ?? 0
            },
            byOrganisation: organisations.values.sorted { $0.opened != $1.opened ? $0.opened > $1.opened : $0.label < $1.label },
            byMonth: months.values.sorted { $0.key < $1.key },
            byStage: byStage.sorted { a, b in
                let ia = order.firstIndex(of: a.category) ?? 0, ib = order.firstIndex(of: b.category) ?? 0
                return (ia, a.simple ? 1 : 0, a.position) < (ib, b.simple ? 1 : 0, b.position)
            })
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
        // The period's cases added up in the database from their stored facts; only late cases are loaded, for their clocks.
        let ids = Array(names.keys)
        let tallies = try await store.caseFacts.tallies(organisations: ids, opened: from...to)
        let stages = try await store.caseFacts.stageTallies(organisations: ids, opened: from...to)
        let overdue = try await lateClocks(organisations: ids, dueSoon: false).map(\.enforcementCase)
        let statistics = CaseStatistics.compute(tallies: tallies, stages: stages, overdue: overdue, organisationNames: names, from: from, to: to)
        try await log(actor, .read, "case_statistics", id: nil, in: actor.organisation, "查看案件统计 \(from.iso)–\(to.iso)（\(statistics.total.opened) 件）")
        return statistics
    }
}
