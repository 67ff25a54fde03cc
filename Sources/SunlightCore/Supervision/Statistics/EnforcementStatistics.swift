import Foundation

/// 执法统计 — what each organisation decided in a period, by the six categories of seed 004
/// (许可, 处罚, 强制, 征收, 收费, 检查) plus the major decisions that went through legal review
/// (SUP-6, seed 001 (五)). A decision counts in the period it falls in, each category read from its
/// own record (`CategoryDecision`): a seizure decision for 强制, the assessment for 征收 and 收费,
/// the closing for 检查.
public struct EnforcementStatistics: Sendable {
    public static let categories: [EnforcementCategory] = [.permit, .penalty, .coercion, .levy, .fee, .inspection]

    public struct Row: Sendable, Equatable {
        public let organisation: Organisation
        public var counts: [EnforcementCategory: Int] = [:]
        /// 重大执法决定 reviewed (an opinion given) in the period.
        public var majorDecisions = 0
        /// 罚款 (yuan) decided in the period.
        public var fines = 0

        public var total: Int { counts.values.reduce(0, +) }
    }

    public let from: CivilDate
    public let to: CivilDate
    public let rows: [Row]

    /// The table, for the CSV export.
    public var table: TextTable {
        TextTable(header: ["机构"] + Self.categories.map(\.chineseName) + ["合计", "重大执法决定", "罚款（元）"], rows: rows.map { row in
            [row.organisation.name] + Self.categories.map { String(row.counts[$0] ?? 0) } + [String(row.total), String(row.majorDecisions), String(row.fines)]
        })
    }
}

extension SupervisionUseCases {
    /// 执法统计 — for supervisors over every organisation below them, and for a head over their
    /// own (SUP-6). The read is logged.
    public func enforcementStatistics(from: CivilDate, to: CivilDate, by actor: Actor) async throws -> EnforcementStatistics {
        try await guarded(actor, "enforcement_statistics", id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor, .head) }
        guard from <= to, from.days(until: to) <= 3660 else { throw SunlightError.invalid("from", "统计期间应为十年以内，且开始日期不晚于结束日期", rule: .sup6) }
        let organisations = try await organisationsInView(of: actor)
        var rows = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, EnforcementStatistics.Row(organisation: $0)) })
        // The period's decisions, each category from its own record (CategoryDecision).
        let (decisions, cases) = try await categoryDecisions(organisations: organisations.map(\.id), from: from, to: to)
        let inPeriod: (CivilDate) -> Bool = { $0 >= from && $0 <= to }
        for decision in decisions {
            guard let organisationID = cases[decision.caseID]?.organisationID else { continue }
            rows[organisationID]?.counts[decision.category, default: 0] += 1
            rows[organisationID]?.fines += decision.fine
        }
        for record in try await store.reviews.records(organisations: organisations.map(\.id)) {
            if let opinion = record.opinion, inPeriod(opinion.reviewedOn) { rows[record.organisationID]?.majorDecisions += 1 }
        }
        try await log(actor, .read, "enforcement_statistics", id: nil, in: actor.organisation, "查看执法统计 \(from.iso)–\(to.iso)")
        return EnforcementStatistics(from: from, to: to, rows: organisations.sorted { $0.path < $1.path }.compactMap { rows[$0.id] })
    }
}
