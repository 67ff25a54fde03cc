import Foundation

extension CaseUseCases {
    /// 线索核查待办 (REC-18): for the organisation's officers and heads, every open lead whose
    /// check deadline is near or past; for a head, also the extensions and 不予立案 waiting for
    /// approval (not those they asked for themselves).
    func leadTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, let organisation = actor.organisation, user.has(.officer) || user.has(.head) else { return [] }
        let calendar = try await calendars.current()
        let open = try await store.records(CaseLead.self).list(organisations: [organisation.id], statuses: CaseLead.Status.openCodes)
            .filter { $0.organisationID == organisation.id }
        var tasks: [StaffTask] = []
        for lead in open {
            let state = deadlineState(of: lead.dueOn, calendar: calendar)
            if state == .dueSoon || state == .overdue {
                tasks.append(StaffTask(title: "线索核查：\(lead.number)", detail: "\(lead.source.chineseName)；\(lead.summary.prefix(40))",
                                       due: lead.dueOn, state: state, link: .lead(lead.id), rule: .rec18))
            }
            guard user.has(.head) else { continue }
            if let request = lead.checkExtension, request.status == .requested, request.requestedBy != user.id {
                tasks.append(StaffTask(title: "审批线索延期：\(lead.number)", detail: "申请延长 \(request.days) 个工作日：\(request.reason.prefix(40))",
                                       due: lead.dueOn, state: state, link: .lead(lead.id), rule: .rec18))
            }
            if lead.status == .declineProposed, lead.decline?.proposedBy != user.id {
                tasks.append(StaffTask(title: "审批不予立案：\(lead.number)", detail: lead.decline?.ground.chineseName ?? "",
                                       due: lead.dueOn, state: state, link: .lead(lead.id), rule: .rec18))
            }
        }
        return tasks
    }

    /// 线索核查超期 — the open leads past their check deadline in these organisations, for the
    /// supervisor's clues and dashboard (REC-18).
    public func overdueLeads(in organisations: [Organisation.ID]) async throws -> [CaseLead] {
        let today = clock.today
        return try await store.records(CaseLead.self).list(organisations: organisations, statuses: CaseLead.Status.openCodes)
            .filter { organisations.contains($0.organisationID) && $0.isOverdue(today: today) }
    }
}
