import Foundation

/// 执法统计 — what each organisation decided in a period, by the six categories of seed 004
/// (许可, 处罚, 强制, 征收, 收费, 检查) plus the major decisions that went through legal review
/// (SUP-6, seed 001 (五)). A case counts in the period its decision (or, for inspections, its
/// closing) falls in.
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
        // The period's decisions and closings, from the database; then only the cases they belong to.
        let events = try await store.cases.events(organisations: organisations.map(\.id), cases: .all, kinds: [.decided, .closed], dates: from...to)
        let byID = Dictionary(try await store.cases.find(ids: Array(Set(events.map(\.caseID)))).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let inPeriod: (CivilDate) -> Bool = { $0 >= from && $0 <= to }
        for event in events {
            guard let theCase = byID[event.caseID] else { continue }
            // A decision counts the case; an inspection has none and counts when it closes.
            let counts = event.kind == .decided || (event.kind == .closed && theCase.category == .inspection)
            if counts { rows[theCase.organisationID]?.counts[theCase.category, default: 0] += 1 }
            if event.kind == .decided { rows[theCase.organisationID]?.fines += Int(event.data["fine"] ?? "") ?? 0 }
        }
        for record in try await store.reviews.records(organisations: organisations.map(\.id)) {
            if let opinion = record.opinion, inPeriod(opinion.reviewedOn) { rows[record.organisationID]?.majorDecisions += 1 }
        }
        try await log(actor, .read, "enforcement_statistics", id: nil, in: actor.organisation, "查看执法统计 \(from.iso)–\(to.iso)")
        return EnforcementStatistics(from: from, to: to, rows: organisations.sorted { $0.path < $1.path }.compactMap { rows[$0.id] })
    }
}
