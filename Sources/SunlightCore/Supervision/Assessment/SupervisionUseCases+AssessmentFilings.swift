import Foundation

extension SupervisionUseCases {
    /// 年度考核自评 — a head files the year's self-assessment with the bureau; it is published on
    /// the portal at once (SUP-8, seed 001 (九): 考核自评情况……向社会公开).
    public func fileSelfAssessment(year: Int, text: String, by actor: Actor) async throws -> AssessmentFiling {
        let (home, bureau) = try await filingDesk(actor, .selfAssessment, year: year)
        let today = clock.today
        let text = text.trimmed
        guard (20...20_000).contains(text.count) else { throw SunlightError.invalid("text", "请填写自评报告（20–20000 字）", rule: .sup8) }
        let filing = AssessmentFiling(id: UUID(), kind: .selfAssessment, organisationID: home.id, counterpartID: bureau.id, period: "\(year)", text: text,
                                      officers: [], filedBy: actor.displayName, filedOn: today, createdAt: now)
        return try await save(filing, new: true, "assessment.self_filed", "报送并公开 \(year) 年度考核自评", in: home, by: actor)
    }

    /// 执法人员考核评议 — every half year the head grades each of the organisation's active officers;
    /// filed with the bureau and published (SUP-8).
    public func fileOfficerEvaluation(grades: [StaffUser.ID: AssessmentGrade], comments: [StaffUser.ID: String], text: String,
                                      by actor: Actor) async throws -> AssessmentFiling {
        let (home, bureau) = try await filingDesk(actor, .officers, year: clock.today.year)
        let (period, _) = AssessmentFiling.lastHalf(before: clock.today)
        let officers = try await store.users.list(in: [home.id]).filter { $0.isActive && $0.has(.officer) }
        let missing = officers.filter { grades[$0.id] == nil }
        guard missing.isEmpty else {
            throw SunlightError.invalid("grades", "请评定每一名执法人员：" + missing.map(\.displayName).joined(separator: "、"), rule: .sup8)
        }
        guard Set(grades.keys).isSubset(of: Set(officers.map(\.id))) else { throw SunlightError.invalid("grades", "只能评议本单位在岗执法人员", rule: .sup8) }
        let graded = officers.map { AssessmentFiling.OfficerGrade(userID: $0.id, name: $0.displayName, grade: grades[$0.id]!, comment: comments[$0.id]?.trimmed ?? "") }
        let filing = AssessmentFiling(id: UUID(), kind: .officerEvaluation, organisationID: home.id, counterpartID: bureau.id, period: period,
                                      text: text.trimmed, officers: graded, filedBy: actor.displayName, filedOn: clock.today, createdAt: now)
        return try await save(filing, new: true, "assessment.officers_filed", "报送并公开 \(period) 执法人员考核评议（\(graded.count) 人）", in: home, by: actor)
    }

    /// The filings in the actor's view.
    public func assessmentFilings(by actor: Actor) async throws -> [AssessmentFiling] {
        try await guarded(actor, AssessmentFiling.table, id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor, .head) }
        return try await store.records(AssessmentFiling.self).list(organisations: try await organisationsInView(of: actor).map(\.id))
    }

    /// 考核待办 — a head's officer evaluation of the half just ended (due the end of the next month),
    /// and in December and January the year's self-assessment (due 31 January) (SUP-8).
    func assessmentTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, user.has(.head), let home = actor.organisation, home.kind != .justiceBureau else { return [] }
        let calendar = try await calendars.current()
        let today = clock.today
        let filed = try await store.records(AssessmentFiling.self).list(organisations: [home.id]).filter { $0.organisationID == home.id }
        var tasks: [StaffTask] = []
        let (half, halfDue) = AssessmentFiling.lastHalf(before: today)
        let hasOfficers = try await store.users.list(in: [home.id]).contains { $0.isActive && $0.has(.officer) }
        if hasOfficers, !filed.contains(where: { $0.kind == .officerEvaluation && $0.period == half }) {
            tasks.append(StaffTask(title: "\(half) 执法人员考核评议", detail: "每半年对本单位执法人员组织一次考核评议，报司法行政机关备案并公开",
                                   due: halfDue, state: deadlineState(of: halfDue, calendar: calendar), link: .assessment, rule: .sup8))
        }
        if today.month == 12 || today.month == 1 {
            let year = today.month == 1 ? today.year - 1 : today.year
            let due = CivilDate(year: year + 1, month: 1, day: 31)!
            if !filed.contains(where: { $0.kind == .selfAssessment && $0.period == "\(year)" }) {
                tasks.append(StaffTask(title: "\(year) 年度考核自评", detail: "年终对本部门依法行政和行政执法工作进行考核自评，报送并向社会公开",
                                       due: due, state: deadlineState(of: due, calendar: calendar), link: .assessment, rule: .sup8))
            }
        }
        return tasks
    }

    /// The actor's organisation and its bureau, once ``AssessmentPermissions`` allows `action`
    /// (a refusal for role or scope logged).
    private func filingDesk(_ actor: Actor, _ action: AssessmentStart, year: Int) async throws -> (Organisation, Organisation) {
        let filed = try await actor.organisation.asyncMap { home in
            try await store.records(AssessmentFiling.self).list(organisations: [home.id]).filter { $0.organisationID == home.id }
        } ?? []
        let permissions = AssessmentPermissions(actor: actor, year: year, today: clock.today, filed: filed)
        try await guarded(actor, AssessmentFiling.table, id: nil, in: actor.organisation) { try permissions.check(action) }
        guard let home = actor.organisation else { throw SunlightError.outsideScope }
        return (home, try await assessingBureau(of: actor))
    }
}

extension SupervisionUseCases {
    /// 执法人员评议 — the officers a head evaluates: their organisation's active officers (SUP-8).
    /// Empty for anyone who files no evaluation.
    public func officersToEvaluate(by actor: Actor) async throws -> [PersonName] {
        guard actor.has(.head), let home = actor.organisation, home.kind != .justiceBureau else { return [] }
        return try await store.users.list(in: [home.id]).filter { $0.isActive && $0.has(.officer) }.map { PersonName(id: $0.id, name: $0.displayName) }
    }
}
