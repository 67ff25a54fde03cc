import Foundation

extension SupervisionUseCases {
    /// Each measured indicator as (done, of) for each organisation's items of the year (SUP-8):
    /// every query asks for all the organisations at once, and the rows are shared out after.
    func measures(of organisations: [Organisation], year: Int) async throws -> [Organisation.ID: [AssessmentMeasure: (Int, Int)]] {
        guard !organisations.isEmpty else { return [:] }
        let today = clock.today
        let ids = organisations.map(\.id), wanted = Set(ids)
        var result: [Organisation.ID: [AssessmentMeasure: (Int, Int)]] = [:]
        func record(_ measure: AssessmentMeasure, _ organisation: Organisation.ID, _ done: Int, _ total: Int) {
            result[organisation, default: [:]][measure] = (done, total)
        }

        let publications = Dictionary(grouping: try await store.publications.list(organisations: ids, statuses: [])
            .filter { $0.dueOn?.year == year && ($0.publishedOn != nil || ($0.dueOn.map { $0 < today } ?? false)) }, by: \.organisationID)
        // The year's cases added up from their stored facts; only those with an overdue clock are loaded, for their clocks.
        let first = CivilDate(year: year, month: 1, day: 1)!, last = CivilDate(year: year, month: 12, day: 31)!
        var opened: [Organisation.ID: Int] = [:]
        for tally in try await store.caseFacts.tallies(organisations: ids, opened: first...last) { opened[tally.organisationID, default: 0] += tally.cases }
        var overdue: [Organisation.ID: Int] = [:]
        for late in try await self.cases.lateClocks(organisations: ids, dueSoon: false)
        where late.enforcementCase.openedOn >= first && late.enforcementCase.openedOn <= last {
            overdue[late.enforcementCase.organisationID, default: 0] += 1
        }
        // Decisions reviewed, plus those that should have been and were not; a flag (skipped or ignored) counts against.
        let reviewed = Dictionary(grouping: try await store.reviews.records(organisations: ids).filter { ChinaTime.date(of: $0.recordedAt).year == year },
                                  by: \.organisationID)
        let flags = Dictionary(grouping: try await reviews.reviewFlags(in: organisations).filter { $0.on.year == year }, by: \.organisationID)
        let complaints = Dictionary(grouping: try await store.complaints.list(organisations: ids).filter {
            wanted.contains($0.handlingOrganisation) && $0.dueOn?.year == year && ($0.answeredOn != nil || ($0.dueOn.map { $0 < today } ?? false))
        }, by: \.handlingOrganisation)
        let instruments = Dictionary(grouping: try await store.instruments.list(organisations: ids).filter {
            wanted.contains($0.organisationID) && $0.rectifyBy.year == year && ($0.reportedOn != nil || $0.rectifyBy < today)
        }, by: \.organisationID)
        let officers = try await store.users.list(in: ids).filter { $0.isActive && $0.has(.officer) }
        let certified = Set(try await store.certificates.list(holders: officers.map(\.id)).filter { $0.status(on: today) == .valid }.map(\.holderID))
        let officersOf = Dictionary(grouping: officers, by: \.organisationID)

        for id in ids {
            let published = publications[id] ?? []
            record(.publicationOnTime, id, published.filter { $0.publishedOn != nil && !$0.publishedLate }.count, published.count)
            let count = opened[id] ?? 0
            record(.casesWithinClocks, id, count - (overdue[id] ?? 0), count)
            let theirFlags = flags[id] ?? []
            let due = Set((reviewed[id] ?? []).map(\.documentID)).count + theirFlags.filter { $0.kind == .missingReview }.count
            record(.reviewsHonoured, id, max(0, due - theirFlags.count), due)
            let answered = complaints[id] ?? []
            record(.complaintsOnTime, id, answered.filter { c in c.answeredOn.map { $0 <= c.dueOn! } ?? false }.count, answered.count)
            let rectified = instruments[id] ?? []
            record(.rectificationOnTime, id, rectified.filter { i in i.reportedOn.map { $0 <= i.rectifyBy } ?? false }.count, rectified.count)
            let theirs = officersOf[id] ?? []
            record(.certifiedOfficers, id, theirs.filter { certified.contains($0.id) }.count, theirs.count)
        }
        return result
    }
}
