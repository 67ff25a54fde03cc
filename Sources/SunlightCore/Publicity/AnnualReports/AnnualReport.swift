import Foundation

/// 年度行政执法数据统计报告 — the draft of an organisation's annual enforcement statistics,
/// generated from its records, to be published before 31 January of the next year (PUB-12,
/// 国办发〔2018〕118号): cases by category, decisions and fines, major decisions reviewed,
/// publication on time, withdrawals and random inspections.
public struct AnnualReport: Sendable, Equatable {
    public struct CategoryRow: Sendable, Equatable {
        public let category: EnforcementCategory
        public var opened = 0
        public var decided = 0
        public var closed = 0
    }

    public let organisation: Organisation
    public let year: Int
    public let rows: [CategoryRow]
    /// 罚款总额（元）.
    public let fines: Int
    /// 重大执法决定法制审核 rounds with an opinion in the year.
    public let reviewedMajorDecisions: Int
    public let decisionsToPublish: Int
    public let publishedOnTime: Int
    public let publishedLate: Int
    public let unpublished: Int
    public let withdrawn: Int
    public let draws: Int
    public let inspectedTargets: Int
    /// The deadline: 31 January of the next year.
    public var dueOn: CivilDate { CivilDate(year: year + 1, month: 1, day: 31)! }

    /// `opened`: the cases opened in the year, by category; `decisions`: the decisions made in the
    /// year, each category from its own record (`CategoryDecision`); `events`: the closings in the
    /// year, of cases whose category `categoryOf` gives.
    public static func compute(organisation: Organisation, year: Int, opened: [EnforcementCategory: Int], decisions: [CategoryDecision],
                               events: [CaseEvent], categoryOf: [EnforcementCase.ID: EnforcementCategory], reviews: [ReviewRecord],
                               publications: [DecisionPublication], draws: [InspectionDraw]) -> AnnualReport {
        let inYear: (CivilDate) -> Bool = { $0.year == year }
        var rows = Dictionary(uniqueKeysWithValues: EnforcementCategory.allCases.map { ($0, CategoryRow(category: $0)) })
        for (category, count) in opened { rows[category]?.opened += count }
        var fines = 0
        for decision in decisions where inYear(decision.on) {
            rows[decision.category]?.decided += 1
            fines += decision.fine
        }
        for event in events where event.kind == .closed && inYear(event.on) {
            guard let category = categoryOf[event.caseID] else { continue }
            rows[category]?.closed += 1
        }
        let reviewed = reviews.filter { $0.opinion.map { inYear($0.reviewedOn) } ?? false }.count
        let due = publications.filter { inYear($0.decidedOn) && ![.exempt, .withheld].contains($0.status) }
        let yearDraws = draws.filter { inYear(ChinaTime.date(of: $0.committedAt)) }
        return AnnualReport(
            organisation: organisation, year: year,
            // The six categories of enforcement always, so a 0 is a count; the others where they have cases.
            rows: EnforcementCategory.allCases.compactMap { rows[$0] }
                .filter { EnforcementCategory.enforcement.contains($0.category) || $0.opened + $0.decided + $0.closed > 0 },
            fines: fines, reviewedMajorDecisions: reviewed, decisionsToPublish: due.count,
            publishedOnTime: due.filter { $0.publishedOn != nil && !$0.publishedLate }.count,
            publishedLate: due.filter { $0.publishedOn != nil && $0.publishedLate }.count,
            unpublished: due.filter { $0.publishedOn == nil }.count,
            withdrawn: publications.filter { $0.withdrawal?.withdrawnOn.map(inYear) ?? false }.count,
            draws: yearDraws.count, inspectedTargets: yearDraws.filter { $0.status == .inspected || $0.status == .published }.reduce(0) { $0 + $1.assignments.count })
    }

    /// The report's text, paragraph by paragraph, as the organisation would publish it.
    public var paragraphs: [String] {
        let categories = rows.allSatisfy({ $0.opened + $0.decided + $0.closed == 0 }) ? "本年度未办理行政执法案件。"
            : rows.map { "\($0.category.chineseName)立案 \($0.opened) 件、\($0.category.decisionWording) \($0.decided) 件、结案 \($0.closed) 件" }
                .joined(separator: "；") + "。"
        return [
            "一、总体情况。\(year) 年，\(organisation.name)" + categories + (fines > 0 ? "罚款共计 \(fines) 元。" : ""),
            "二、重大执法决定法制审核。全年对 \(reviewedMajorDecisions) 件重大执法决定进行了法制审核（重大执法决定法制审核制度）。",
            "三、执法决定公开。应公开执法决定 \(decisionsToPublish) 件，按期公开 \(publishedOnTime) 件，逾期公开 \(publishedLate) 件，尚未公开 \(unpublished) 件；因决定变更、撤销或被确认违法、无效撤下 \(withdrawn) 件（行政执法公示制度）。",
            "四、双随机抽查。全年开展双随机抽查 \(draws) 次，已完成检查的对象 \(inspectedTargets) 个。",
            "五、本报告由系统根据执法记录自动生成，经本机关核对后于 \(dueOn.chinese) 前公开。",
        ]
    }
}

extension PublicityUseCases {
    /// 年度统计报告草稿 — for the organisation's heads and clerks, and supervisors above it (PUB-12).
    public func annualReport(of organisationID: Organisation.ID, year: Int, by actor: Actor) async throws -> AnnualReport {
        guard (2000...2100).contains(year) else { throw SunlightError.invalid("year", "年份无效", rule: .pub12) }
        let organisation = try await requireOrganisation(organisationID)
        try await guarded(actor, "annual_report", id: "\(year)", in: organisation) {
            try actor.require(anyOf: .head, .publicityClerk, .supervisor, .administrator)
            try actor.requireRead(organisation)
        }
        // Counted in the database: the year's openings by category, and its decisions and closings
        // (of cases opened by the year's end: those opened after it have nothing in it).
        let first = CivilDate(year: year, month: 1, day: 1)!, last = CivilDate(year: year, month: 12, day: 31)!
        let opened = try await store.cases.countsByCategory(organisations: [organisation.id], filter: CaseFilter(openedFrom: first, openedTo: last))
        let (decisions, cases) = try await categoryDecisions(organisations: [organisation.id], from: first, to: last)
        let closings = try await store.cases.events(organisations: [organisation.id], cases: CaseFilter(openedTo: last), kinds: [.closed],
                                                    dates: first...last)
        var categoryOf = cases.mapValues(\.category)
        for found in try await store.cases.find(ids: Array(Set(closings.map(\.caseID)).subtracting(categoryOf.keys))) { categoryOf[found.id] = found.category }
        let report = AnnualReport.compute(
            organisation: organisation, year: year, opened: opened, decisions: decisions, events: closings, categoryOf: categoryOf,
            reviews: try await store.reviews.records(organisations: [organisation.id]),
            publications: try await store.publications.list(organisations: [organisation.id], statuses: []),
            draws: try await store.draws.list(organisations: [organisation.id]))
        try await log(actor, .read, "annual_report", id: "\(year)", in: organisation, "生成 \(year) 年度行政执法数据统计报告草稿")
        return report
    }
}
