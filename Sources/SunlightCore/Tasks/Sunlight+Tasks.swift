extension Sunlight {
    /// Certificates expiring within this many days appear as tasks.
    static let certificateWarningDays = 60

    /// 我的待办 — what the actor should do, most urgent first (CAL-3 states).
    ///
    /// Later capabilities (reviews, publication) add their own sources here.
    public func tasks(for actor: Actor) async throws -> [StaffTask] {
        let calendar = try await calendars.current()
        let today = clock.today
        func state(_ due: CivilDate) -> DeadlineState? { deadlineState(of: due, calendar: calendar) }
        var tasks: [StaffTask] = []

        if let user = actor.user, user.has(.officer) {
            let certificates = try await store.certificates.list(holders: [user.id])
            let current = certificates.filter { $0.status(on: today) != .revoked }.max { $0.validUntil < $1.validUntil }
            if let certificate = current {
                if certificate.validUntil.days(until: today) > -Self.certificateWarningDays {
                    let expired = certificate.status(on: today) == .expired
                    tasks.append(StaffTask(
                        title: expired ? "本人执法证已过期" : "本人执法证即将到期",
                        detail: "证件 \(certificate.number) 有效期至 \(certificate.validUntil.chinese)；\(expired ? "过期后不得从事执法活动" : "请及时办理换证")",
                        due: certificate.validUntil, state: state(certificate.validUntil), link: nil, rule: .std2))
                }
            } else {
                tasks.append(StaffTask(title: "本人尚无有效执法证", detail: "无证不得从事执法活动，请联系本单位办理执法证",
                                       due: nil, state: nil, link: nil, rule: .std2))
            }
        }

        if DeskPermissions(actor: actor).allows(.loadCalendar) {
            let nextYear = today.year + 1
            if !calendar.covers(today) {
                tasks.append(StaffTask(title: "加载 \(today.year) 年节假日安排",
                                       detail: "今年的节假日安排尚未加载，所有期限暂按周末推算（暂定），加载后自动重算",
                                       due: today, state: .overdue, link: .calendar, rule: .cal1))
            } else if today.month >= 11, calendar.notices[nextYear] == nil {
                let due = CivilDate(year: today.year, month: 12, day: 31)!
                tasks.append(StaffTask(title: "加载 \(nextYear) 年节假日安排",
                                       detail: "国务院办公厅通常在 11 月发布下一年度节假日安排；未加载前，跨年期限暂按周末推算（暂定），加载后自动重算",
                                       due: due, state: state(due), link: .calendar, rule: .cal1))
            }
        }

        if actor.has(.administrator) || actor.has(.supervisor), let root = actor.scope.administeredPath ?? actor.scope.supervisedPath {
            let organisations = try await store.organisations.subtree(root)
            let users = try await store.users.list(in: organisations.map(\.id)).filter { $0.isActive && $0.has(.officer) }
            let certificates = Dictionary(grouping: try await store.certificates.list(holders: users.map(\.id)), by: \.holderID)
            let lapsing = users.compactMap { user -> (StaffUser, CivilDate)? in
                let best = (certificates[user.id] ?? []).filter { $0.status(on: today) != .revoked }.map(\.validUntil).max()
                guard let best, today.days(until: best) <= Self.certificateWarningDays, user.id != actor.user?.id else { return nil }
                return (user, best)
            }
            if let earliest = lapsing.map(\.1).min() {
                let names = lapsing.sorted { $0.1 < $1.1 }.prefix(5).map { "\($0.0.displayName)（\($0.1.iso)）" }
                tasks.append(StaffTask(
                    title: "\(lapsing.count) 名执法人员的执法证已过期或 \(Self.certificateWarningDays) 日内到期",
                    detail: names.joined(separator: "、") + (lapsing.count > 5 ? " 等" : ""),
                    due: earliest, state: state(earliest), link: .users, rule: .std2))
            }
        }
        tasks += try await cases.caseTasks(for: actor)
        tasks += try await cases.leadTasks(for: actor)
        tasks += try await reviews.reviewTasks(for: actor)
        tasks += try await publicity.publicationTasks(for: actor)
        tasks += try await supervision.complaintTasks(for: actor)
        tasks += try await supervision.instrumentTasks(for: actor)
        tasks += try await supervision.referralTasks(for: actor)
        tasks += try await supervision.coordinationTasks(for: actor)
        tasks += try await supervision.guidingCaseTasks(for: actor)
        tasks += try await supervision.assessmentTasks(for: actor)
        return tasks.sorted(by: StaffTask.urgencyOrder)
    }
}
