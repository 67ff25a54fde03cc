import Foundation

extension SupervisionUseCases {
    /// Open complaints on 我的待办: for the handling organisation's heads and clerks, and for the
    /// officer who handles one; the supervisor's are those the bureau took (SUP-1).
    func complaintTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, let home = actor.organisation else { return [] }
        let desk = user.has(.head) || user.has(.publicityClerk) || user.has(.supervisor)
        guard desk || user.has(.officer) else { return [] }
        let calendar = try await calendars.current()
        return try await store.complaints.open(organisations: [home.id]).compactMap { complaint in
            guard complaint.isOpen, complaint.handlingOrganisation == home.id, desk || complaint.handler == user.id else { return nil }
            return StaffTask(title: "投诉举报：\(complaint.trackingCode)", detail: complaint.subject, due: complaint.dueOn,
                             state: deadlineState(of: complaint.dueOn, calendar: calendar),
                             link: .complaint(complaint.id), rule: .sup1)
        }
    }
}
