import Foundation

extension PublicityUseCases {
    /// 公开年度报告 — a head publishes the year's report as the system drafts it today: the first
    /// time as version 1, afterwards as a correction with its reason (PUB-12). Logged.
    public func publishAnnualReport(of organisationID: Organisation.ID, year: Int, correction: String = "",
                                    by actor: Actor) async throws -> PublishedAnnualReport {
        let organisation = try await requireOrganisation(organisationID)
        let today = clock.today
        try await guarded(actor, PublishedAnnualReport.table, id: "\(year)", in: organisation) {
            try AnnualReportPermissions(actor: actor, organisation: organisation, year: year, today: today).check(.publish)
        }
        let earlier = try await publishedAnnualReports(of: organisationID).filter { $0.year == year }
        let correction = correction.trimmed
        if earlier.isEmpty {
            guard correction.isEmpty else { throw SunlightError.invalid("correction", "首次公开不填更正说明", rule: .pub12) }
        } else {
            guard (2...500).contains(correction.count) else {
                throw SunlightError.invalid("correction", "\(year) 年度报告已公开，更正须写明更正说明（2–500 字），原版本继续公开（国办发〔2018〕118号）", rule: .pub12)
            }
        }
        let draft = try await annualReport(of: organisationID, year: year, by: actor)
        let report = PublishedAnnualReport(id: newID(), organisationID: organisation.id, year: year, version: (earlier.map(\.version).max() ?? 0) + 1,
                                           paragraphs: draft.paragraphs, publishedOn: today, publishedBy: actor.displayName,
                                           publishedByID: actor.user?.id, correction: correction.isEmpty ? nil : correction, createdAt: now)
        let action = report.version == 1 ? "公开" : "更正（第 \(report.version) 版）"
        return try await save(report, new: true, "annual_report.published", "\(action)\(year) 年度行政执法数据报告", in: organisation, by: actor)
    }

    /// 已公开的年度报告 — every published version of an organisation's reports, newest year and
    /// version first; public, as on the portal (PUB-12).
    public func publishedAnnualReports(of organisationID: Organisation.ID) async throws -> [PublishedAnnualReport] {
        try await store.records(PublishedAnnualReport.self).list(organisations: [organisationID])
            .filter { $0.organisationID == organisationID }
            .sorted { ($0.year, $0.version) > ($1.year, $1.version) }
    }

    /// Every organisation's published reports, for the portal: newest year first, then by organisation.
    public func publishedAnnualReports() async throws -> [(report: PublishedAnnualReport, organisation: String)] {
        let reports = try await store.records(PublishedAnnualReport.self).list(organisations: nil, statuses: nil)
        var names: [Organisation.ID: String] = [:]
        for id in Set(reports.map(\.organisationID)) { names[id] = try await store.organisations.find(id)?.name ?? "" }
        return reports.map { ($0, names[$0.organisationID] ?? "") }.sorted { a, b in
            if a.report.year != b.report.year { return a.report.year > b.report.year }
            if a.organisation != b.organisation { return a.organisation < b.organisation }
            return a.report.version > b.report.version
        }
    }
}

extension PublicityUseCases {
    /// What the actor may do with an organisation's report of a year now (PUB-12).
    public func annualReportActions(of organisationID: Organisation.ID, year: Int, by actor: Actor) async throws -> Set<AnnualReportAction> {
        AnnualReportPermissions(actor: actor, organisation: try await requireOrganisation(organisationID), year: year, today: clock.today).allowed
    }
}
