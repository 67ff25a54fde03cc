import Foundation

/// 监督工作台 — for each organisation under the justice bureau, its open overdue items: case
/// clocks, decisions not published or withdrawn in time, complaints past their deadline, legal
/// reviews not given. The ranking counts what is overdue **now**: closing one easy item does not
/// hide the others, as a rate of closed items would (SUP-4, SUP-8).
public struct SupervisorDashboard: Sendable {
    public struct Row: Sendable, Equatable {
        public let organisation: Organisation
        public var overdueCases = 0
        public var overduePublications = 0
        public var overdueComplaints = 0
        public var overdueReviews = 0
        /// 监督文书 not rectified by their deadline (SUP-4).
        public var overdueRectifications = 0
        /// 协调事项 (disputes, assistance, approval links, decided items, accountability) past their clock.
        public var overdueCoordination = 0
        /// 案件线索 past their check deadline (REC-18).
        public var overdueLeads = 0
        public var openComplaints = 0

        public var overdue: Int {
            overdueCases + overduePublications + overdueComplaints + overdueReviews + overdueRectifications + overdueCoordination + overdueLeads
        }
    }

    public let today: CivilDate
    /// Worst first; ties by name.
    public let rows: [Row]

    public var totalOverdue: Int { rows.reduce(0) { $0 + $1.overdue } }
}

extension SupervisionUseCases {
    /// 监督工作台 — supervisors only; the read is logged.
    public func supervisorDashboard(by actor: Actor) async throws -> SupervisorDashboard {
        try await guarded(actor, "supervisor_dashboard", id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor) }
        let organisations = try await readableOrganisations(of: actor)
        let ids = organisations.map(\.id)
        var rows = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, SupervisorDashboard.Row(organisation: $0)) })
        let today = clock.today
        // Counted from the case-clock summaries: no running case is loaded but those whose clock moves with today.
        for (organisation, count) in try await self.cases.overdueCaseCounts(organisations: ids) { rows[organisation]?.overdueCases += count }
        for publication in try await store.publications.pending(organisations: ids) where publication.pendingStep?.due.map({ $0 < today }) ?? false {
            rows[publication.organisationID]?.overduePublications += 1
        }
        for complaint in try await store.complaints.open(organisations: ids) {
            rows[complaint.handlingOrganisation]?.openComplaints += 1
            if complaint.dueOn.map({ $0 < today }) ?? false { rows[complaint.handlingOrganisation]?.overdueComplaints += 1 }
        }
        let records = try await store.reviews.records(runningCasesOf: ids)
        for (documentID, documentRecords) in Dictionary(grouping: records, by: \.documentID) {
            guard let round = ReviewHistory(documentID: documentID, records: documentRecords).last, round.pending,
                  let due = round.submission.dueOn, due < today else { continue }
            rows[round.submissionRecord.organisationID]?.overdueReviews += 1
        }
        for instrument in try await store.instruments.list(organisations: ids) where instrument.status == .issued && instrument.isOverdue(today: today) {
            rows[instrument.organisationID]?.overdueRectifications += 1
        }
        for matter in try await store.records(CoordinationMatter.self).list(organisations: ids, statuses: CoordinationMatter.Status.openCodes)
        where matter.isOverdue(today: today) {
            if let awaited = matter.awaitedOrganisation { rows[awaited]?.overdueCoordination += 1 }
        }
        for lead in try await self.cases.overdueLeads(in: ids) { rows[lead.organisationID]?.overdueLeads += 1 }
        try await log(actor, .read, "supervisor_dashboard", id: nil, in: actor.organisation, "查看监督工作台")
        return SupervisorDashboard(today: today, rows: rows.values.sorted {
            $0.overdue != $1.overdue ? $0.overdue > $1.overdue : $0.organisation.path < $1.organisation.path
        })
    }
}
