import Foundation

extension PublicityUseCases {
    /// 公示管理员的待办: decisions to publish or withdraw (PUB-6, PUB-7), draw results to publish
    /// (PUB-9), and the annual report in January (PUB-12) — for the organisation's clerk.
    func publicationTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, user.has(.publicityClerk), let home = actor.organisation else { return [] }
        let calendar = try await calendars.current()
        let today = clock.today
        func state(_ due: CivilDate?) -> DeadlineState? { deadlineState(of: due, calendar: calendar) }
        var tasks: [StaffTask] = []
        for publication in try await store.publications.pending(organisations: [home.id]) {
            let link = RecordRef.publication(publication.id)
            switch publication.pendingStep {
            case let (.publish, due)?:
                tasks.append(StaffTask(title: "公开决定：\(publication.number)", detail: "\(publication.title)（\(publication.decidedOn.iso) 作出）",
                                       due: due, state: state(due), link: link, rule: .pub6))
            case let (.withdraw, due)?:
                tasks.append(StaffTask(title: "撤下决定：\(publication.number)",
                                       detail: "\(publication.withdrawal?.kind.chineseName ?? "")，应在 3 个工作日内撤下并说明理由",
                                       due: due, state: state(due), link: link, rule: .pub7))
            case nil: break
            }
        }
        for draw in try await store.draws.list(organisations: [home.id]) where draw.status == .inspected {
            tasks.append(StaffTask(title: "公开抽查结果：\(draw.title)", detail: "检查已于 \(draw.inspectionEndedOn?.iso ?? "") 结束",
                                   due: draw.resultsDueOn, state: state(draw.resultsDueOn), link: .draw(draw.id), rule: .pub9))
        }
        // In January, until a head publishes it (PUB-12).
        var reportDue = false
        if today.month == 1 { reportDue = try await publishedAnnualReports(of: home.id).allSatisfy { $0.year != today.year - 1 } }
        if reportDue {
            let due = CivilDate(year: today.year, month: 1, day: 31)!
            tasks.append(StaffTask(title: "公开 \(today.year - 1) 年度行政执法数据统计报告", detail: "系统已根据执法记录生成草稿，请核对后由负责人公开",
                                   due: due, state: state(due), link: .annualReport(year: today.year - 1), rule: .pub12))
        }
        return tasks
    }
}
