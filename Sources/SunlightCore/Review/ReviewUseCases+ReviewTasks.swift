import Foundation

extension ReviewUseCases {
    /// 法制审核待办 — for a reviewer, each open round with its deadline (REV-5); for a head,
    /// each passed review whose decision the heads must still discuss (REV-7); for the officers
    /// of a case, each draft the reviewer sent back (REV-5, REV-6); for a supervisor, each
    /// catalogue version waiting for the bureau's approval (REV-10).
    func reviewTasks(for actor: Actor) async throws -> [StaffTask] {
        let approvals = try await catalogueApprovalTasks(for: actor)
        guard let user = actor.user, let home = actor.organisation else { return approvals }
        let reviewer = user.has(.legalReviewer), head = user.has(.head), officer = user.has(.officer)
        guard reviewer || head || officer else { return approvals }
        let calendar = try await calendars.current()
        let organisations = reviewer ? try await store.organisations.subtree(home.path).map(\.id) : [home.id]
        // Only an open case's rounds make work (below); the rest are history.
        let records = try await store.reviews.records(runningCasesOf: organisations)
        guard !records.isEmpty else { return approvals }
        let mine = officer ? Set(try await store.cases.assigned(to: user.id)) : []
        var tasks = approvals
        for (documentID, documentRecords) in Dictionary(grouping: records, by: \.documentID) {
            guard let round = ReviewHistory(documentID: documentID, records: documentRecords).last,
                  let theCase = try await store.cases.find(round.submissionRecord.caseID), theCase.status == .open else { continue }
            let link = RecordRef.review(submission: round.submissionRecord.id)
            if round.pending, reviewer {
                let due = round.submission.due(on: calendar)
                let state = deadlineState(of: due, calendar: calendar)
                tasks.append(StaffTask(title: "法制审核：\(theCase.number) 第 \(round.number) 轮", detail: "\(theCase.title)；\(round.submission.form.proposal)",
                                       due: due, state: state, link: link, rule: .rev5))
            } else if round.approved, head, theCase.organisationID == home.id, round.submission.collectiveDiscussion,
                      round.discussionOutcome != .agree, round.discussionOutcome != .disagree {
                tasks.append(StaffTask(title: "集体讨论：\(theCase.number)", detail: "法制审核已通过，\(theCase.title)须经机关负责人集体讨论决定",
                                       due: nil, state: nil, link: link, rule: .rev7))
            } else if let opinion = round.opinion, opinion.outcome != .approve, mine.contains(theCase.id) {
                tasks.append(StaffTask(title: "审核意见待处理：\(theCase.number)", detail: "第 \(round.number) 轮意见为“\(opinion.outcome.chineseName)”：\(opinion.text)",
                                       due: nil, state: nil, link: link, rule: .rev6))
            }
        }
        return tasks
    }
}
