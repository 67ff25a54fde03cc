import Foundation

extension SupervisionUseCases {
    /// 网上巡查 — runs the quarterly inspection over every organisation the actor supervises
    /// (supervisors, administrators, the console); `progress` is told each organisation (SUP-5).
    public func inspectPublicity(_ quarter: Quarter, by actor: Actor,
                                 progress: @Sendable (Int, Int, String) -> Void = { _, _, _ in }) async throws -> PublicityInspection {
        try await guarded(actor, "publicity_inspection", id: quarter.description, in: actor.organisation) {
            try actor.require(anyOf: .supervisor, .administrator)
        }
        let asOf = min(quarter.last, clock.today)
        let organisations = try await readableOrganisations(of: actor).sorted { $0.path < $1.path }
        var reports: [PublicityInspection.OrganisationReport] = []
        for (index, organisation) in organisations.enumerated() {
            progress(index + 1, organisations.count, organisation.name)
            reports.append(.init(organisation: organisation, findings: try await inspect(organisation, quarter: quarter, asOf: asOf)))
        }
        let report = PublicityInspection(quarter: quarter, asOf: asOf, organisations: reports)
        try await log(actor, .read, "publicity_inspection", id: quarter.description, in: actor.organisation,
                      "网上巡查 \(quarter.chineseName)：\(organisations.count) 个机构，发现问题 \(report.findingCount) 项")
        return report
    }

    private func inspect(_ organisation: Organisation, quarter: Quarter, asOf: CivilDate) async throws -> [PublicityInspection.Finding] {
        typealias Finding = PublicityInspection.Finding
        var findings: [Finding] = []
        for kind in PublicityInspection.requiredLists(organisation.kind) {
            let entries = try await publicity.publishedList(kind, organisationID: organisation.id, on: asOf)
            if entries.isEmpty {
                findings.append(Finding(kind: .missingList, detail: "未公示\(kind.chineseName)", link: .publicOrganisation(organisation.id), rule: kind.rule))
            }
            for entry in entries where entry.version.effectiveFrom.days(until: asOf) > PublicityInspection.staleDays {
                findings.append(Finding(kind: .staleItem, detail: "\(kind.chineseName)“\(entry.version.title)”自 \(entry.version.effectiveFrom.iso) 起未更新",
                                        link: .list(kind), rule: kind.rule))
            }
        }
        let inQuarter: (CivilDate?) -> Bool = { date in date.map { $0 >= quarter.first && $0 <= quarter.last } ?? false }
        let publications = try await store.publications.list(organisations: [organisation.id], statuses: [])
        let misses = try await redactionMisses(publications)
        for publication in publications {
            let link = RecordRef.publication(publication.id)
            if let due = publication.dueOn, inQuarter(due) {
                if publication.publishedLate, let on = publication.publishedOn {
                    findings.append(Finding(kind: .latePublication, detail: "\(publication.number) 应于 \(due.iso) 前公开，\(on.iso) 才公开", link: link))
                } else if publication.status == .due, due < asOf {
                    findings.append(Finding(kind: .missingPublication, detail: "\(publication.number) 应于 \(due.iso) 前公开，至 \(asOf.iso) 仍未公开", link: link))
                }
            }
            if let withdrawal = publication.withdrawal, let due = withdrawal.dueOn, inQuarter(due), (withdrawal.withdrawnOn ?? asOf) > due,
               withdrawal.withdrawnOn != nil || due < asOf {
                findings.append(Finding(kind: .lateWithdrawal, detail: "\(publication.number) \(withdrawal.kind.chineseName)，应于 \(due.iso) 前撤下", link: link))
            }
            if let missed = misses[publication.id] {
                findings.append(Finding(kind: .redactionMiss, detail: "\(publication.number)：" + missed.map { "\($0.kind.chineseName)“\($0.original)”" }.joined(separator: "、"),
                                        link: .publicDecision(publication.id)))
            }
        }
        for draw in try await store.draws.list(organisations: [organisation.id]) {
            guard let due = draw.resultsDueOn, inQuarter(due), (draw.publishedOn ?? asOf) > due, draw.publishedOn != nil || due < asOf else { continue }
            findings.append(Finding(kind: .lateDrawResults, detail: "“\(draw.title)”检查结果应于 \(due.iso) 前公开", link: .draw(draw.id)))
        }
        return findings
    }

    /// What the redactor finds in each public text, knowing its case's parties (PUB-8): the
    /// parties of all the cases and their sealed values are read in a few queries.
    func redactionMisses(_ publications: [DecisionPublication]) async throws -> [DecisionPublication.ID: [RedactionFinding]] {
        let public_ = publications.filter(\.isPublic)
        guard !public_.isEmpty else { return [:] }
        let parties = try await store.cases.parties(ofCases: Array(Set(public_.map(\.caseID))))
        var sealed: [PersonalValue] = []
        for chunk in stride(from: 0, to: parties.count, by: 500).map({ Array(parties[$0..<min($0 + 500, parties.count)]) }) {
            sealed += try await store.personalData.values(table: "case_parties", recordIDs: chunk.map { $0.id.uuidString.lowercased() })
        }
        let values = Dictionary(grouping: sealed, by: \.recordID)
        let byCase = Dictionary(grouping: parties.map { $0.unsealed(values[$0.id.uuidString.lowercased()] ?? []) }, by: \.caseID)
        var misses: [DecisionPublication.ID: [RedactionFinding]] = [:]
        for publication in public_ {
            let redactor = Redactor(parties: byCase[publication.caseID] ?? [])
            let found = publication.content.filter { !PublishedField.organisationsOwn.contains($0.key) }.flatMap { redactor.findings(in: $0.text) }
            if !found.isEmpty { misses[publication.id] = found }
        }
        return misses
    }
}
