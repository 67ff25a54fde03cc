import Foundation

extension CalendarUseCases {
    /// 重算暂定期限 — when a year's holiday notice is loaded, every stored due date that was
    /// counted provisionally through that year is counted again on the real calendar, in the
    /// loading transaction, each change logged (CAL-4): publications still due (PUB-6), open
    /// complaints (SUP-1) and leads being checked (REC-18). Dates computed when read (case clocks, reviews, referrals) need nothing.
    static func recountDueDates(year: Int, earlier: WorkingDayCalendar, later: WorkingDayCalendar, at: Date, on today: CivilDate,
                                by: StaffUser.ID?, in tx: any Store) async throws -> [LedgerRecord] {
        let organisations = try await tx.organisations.all().map(\.id)
        var records: [LedgerRecord] = []
        for found in try await tx.publications.list(organisations: organisations, statuses: [.due]) {
            guard let due = found.dueOn,
                  let recounted = later.recounted(workingDaysFrom: found.decidedOn, to: due, earlier: earlier, year: year) else { continue }
            var publication = found
            publication.dueOn = recounted
            try await tx.publications.update(publication)
            records += try await PublicityUseCases.appendEvent(.rescheduled, publication, at: at, by: by, in: tx)
        }
        for found in try await tx.complaints.open(organisations: organisations) {
            guard let due = found.dueOn,
                  let recounted = later.recounted(workingDaysFrom: found.receivedOn, to: due, earlier: earlier, year: year) else { continue }
            var complaint = found
            complaint.dueOn = recounted
            try await tx.complaints.update(complaint)
            let event = ComplaintEvent(kind: .rescheduled, at: at, by: by, note: "\(year) 年节假日安排已加载，期限由 \(due.iso) 重算为 \(recounted.iso)",
                                       state: complaint)
            try await tx.complaints.append(event)
            records += [try complaint.ledgerRecord("complaint.rescheduled"), try event.ledgerRecord()]
        }
        for found in try await tx.records(CaseLead.self).list(organisations: organisations, statuses: CaseLead.Status.openCodes) {
            guard let due = found.dueOn,
                  let recounted = later.recounted(workingDaysFrom: found.receivedOn, to: due, earlier: earlier, year: year) else { continue }
            var lead = found
            lead.dueOn = recounted
            lead.steps.append(CaseLead.Step(action: .reschedule, at: at, on: today, by: by,
                                            text: "\(year) 年节假日安排已加载，核查期限由 \(due.iso) 重算为 \(recounted.iso)"))
            try await tx.records(CaseLead.self).update(lead)
            records.append(try lead.ledgerRecord("lead.rescheduled"))
        }
        return records
    }
}
