import Foundation

extension SupervisionUseCases {
    /// 报送指导案例 — a department's head nominates one of its closed cases for a year; the bureau's
    /// supervisor may select a department's case too (SUP-10).
    public func nominateGuidingCase(case caseID: EnforcementCase.ID, year: Int, title: String, reasons: [String], summary: String,
                                    by actor: Actor) async throws -> GuidingCase {
        guard let theCase = try await store.cases.find(caseID) else { throw SunlightError.notFound("案件") }
        let organisation = try await requireOrganisation(theCase.organisationID)
        try await guarded(actor, GuidingCase.table, id: nil, in: organisation) { try GuidingCasePermissions.requireNominator(actor, for: organisation) }
        guard theCase.status != .open else { throw SunlightError(.ruleViolation, code: "guiding.case_open", "指导案例应从已办结的案件中选择", rule: .sup10) }
        try Self.requireUnclassified(theCase)
        let today = clock.today
        guard year == today.year || year == today.year - 1 else { throw SunlightError.invalid("year", "只能报送本年度或上年度的案例", rule: .sup10) }
        let title = title.trimmed, summary = summary.trimmed
        guard (5...100).contains(title.count) else { throw SunlightError.invalid("title", "请填写案例标题（5–100 字）", rule: .sup10) }
        guard (20...8000).contains(summary.count) else { throw SunlightError.invalid("summary", "请写明基本案情、处理结果和指导意义（20–8000 字）", rule: .sup10) }
        let reasons = GuidingCase.reasons.filter(reasons.contains)
        guard !reasons.isEmpty else { throw SunlightError.invalid("reasons", "请选择入选理由", rule: .sup10) }
        let existing = try await store.records(GuidingCase.self).list(organisations: [organisation.id])
        guard !existing.contains(where: { $0.caseID == caseID }) else {
            throw SunlightError(.conflict, code: "guiding.duplicate", "该案件已经报送", rule: .sup10)
        }
        guard let bureau = try await justiceBureau(over: organisation) else { throw SunlightError.notFound("本级司法行政机关") }
        let nomination = GuidingCase(id: newID(), organisationID: organisation.id, counterpartID: bureau.id, caseID: caseID, caseNumber: theCase.number,
                                     category: theCase.category, year: year, title: title, reasons: reasons, summary: summary,
                                     nominatedBy: actor.displayName, createdAt: now, status: .nominated)
        return try await save(nomination, new: true, "guiding_case.nominated", "报送\(year)年度指导案例：\(title)", in: organisation, by: actor)
    }

    /// 审查 — the bureau's supervisor records the experts' opinion and accepts or rejects (SUP-10).
    public func reviewGuidingCase(_ id: GuidingCase.ID, accept: Bool, opinion: String, by actor: Actor) async throws -> GuidingCase {
        let (found, organisation) = try await bureauGuidingCase(id, .review, by: actor)
        let opinion = opinion.trimmed
        guard (5...4000).contains(opinion.count) else { throw SunlightError.invalid("opinion", "请填写专家论证和审查意见（5–4000 字）", rule: .sup10) }
        var reviewed = found
        reviewed.status = accept ? .accepted : .rejected
        reviewed.reviewOpinion = opinion
        reviewed.reviewedOn = clock.today
        return try await save(reviewed, new: false, accept ? "guiding_case.accepted" : "guiding_case.rejected",
                              "\(accept ? "审查通过" : "审查未通过")指导案例：\(found.title)", in: organisation, by: actor)
    }

    /// 发布 — an accepted case goes on the portal, its text redacted with the case's parties known (SUP-10, PUB-8).
    public func publishGuidingCase(_ id: GuidingCase.ID, by actor: Actor) async throws -> GuidingCase {
        let (found, organisation) = try await bureauGuidingCase(id, .publish, by: actor)
        guard let theCase = try await store.cases.find(found.caseID) else { throw SunlightError.notFound("案件") }
        try Self.requireUnclassified(theCase)
        let parties = try await store.cases.parties(of: found.caseID)
        let sealed = try await store.personalData.values(table: "case_parties", recordIDs: parties.map { $0.id.uuidString.lowercased() })
        let redactor = Redactor(parties: parties.map { $0.unsealed(sealed) }, allowed: [organisation.name])
        var published = found
        published.status = .published
        published.publishedText = redactor.redact(found.summary).text
        published.publishedTitle = redactor.redact(found.title).text
        published.publishedOn = clock.today
        return try await save(published, new: false, "guiding_case.published", "发布指导案例：\(found.title)", in: organisation, by: actor)
    }

    /// A case classified secret, commercial or private is never a guiding case (REC-11, PUB-8).
    static func requireUnclassified(_ theCase: EnforcementCase) throws {
        guard theCase.classification == .normal else {
            throw SunlightError(.ruleViolation, code: "guiding.classified", "案件“\(theCase.classification.chineseName)”，不得作为指导案例报送或发布", rule: .rec11)
        }
    }

    /// The nominations in the actor's view.
    public func guidingCases(by actor: Actor) async throws -> [GuidingCase] {
        try await guarded(actor, GuidingCase.table, id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor, .head, .publicityClerk) }
        return try await store.records(GuidingCase.self).list(organisations: try await organisationsInView(of: actor).map(\.id))
    }

    /// 已发布的指导案例 — for the portal.
    public func publishedGuidingCases() async throws -> [GuidingCase] {
        try await store.records(GuidingCase.self).list(organisations: nil, statuses: [GuidingCase.Status.published.rawValue])
            .sorted { ($0.publishedOn?.iso ?? "", $0.title) > ($1.publishedOn?.iso ?? "", $1.title) }
    }

    /// One published guiding case, for the portal.
    public func publishedGuidingCase(_ id: GuidingCase.ID) async throws -> GuidingCase {
        guard let found = try await store.records(GuidingCase.self).find(id), found.status == .published else { throw SunlightError.notFound("指导案例") }
        return found
    }

    /// 报送指导案例待办 — in December and January, a head whose organisation has nominated fewer
    /// than 3 cases for the year (SUP-10).
    func guidingCaseTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, user.has(.head), let home = actor.organisation, home.kind != .justiceBureau else { return [] }
        let today = clock.today
        guard today.month == 12 || today.month == 1 else { return [] }
        let year = today.month == 1 ? today.year - 1 : today.year
        let count = try await store.records(GuidingCase.self).list(organisations: [home.id]).filter { $0.organisationID == home.id && $0.year == year }.count
        guard count < GuidingCase.yearlyMinimum else { return [] }
        let due = GuidingCase.nominationDue(forYear: year)
        return [StaffTask(title: "报送 \(year) 年度行政执法指导案例", detail: "已报送 \(count) 件，每年一般不少于 \(GuidingCase.yearlyMinimum) 件",
                          due: due, state: deadlineState(of: due, calendar: try await calendars.current()), link: .guidingCases, rule: .sup10)]
    }

    static func guidingStatus(_ nomination: GuidingCase) -> SunlightError {
        SunlightError(.conflict, code: "guiding.status", "该案例目前“\(nomination.status.chineseName)”", rule: .sup10)
    }

    private func bureauGuidingCase(_ id: GuidingCase.ID, _ action: GuidingCaseAction, by actor: Actor) async throws -> (GuidingCase, Organisation) {
        guard let found = try await store.records(GuidingCase.self).find(id) else { throw SunlightError.notFound("指导案例") }
        let organisation = try await requireOrganisation(found.organisationID)
        try await guarded(actor, GuidingCase.table, id: id.uuidString, in: organisation) {
            try GuidingCasePermissions(actor: actor, nomination: found).check(action)
        }
        return (found, organisation)
    }

    /// 指导案例 as the desk shows it (SUP-10): nominations in view with what the reader may do, each
    /// department's count for the year, and the closed cases the reader may nominate.
    public func guidingCaseDesk(by actor: Actor) async throws -> GuidingCaseDesk {
        let nominations = try await guidingCases(by: actor)
        let inView = try await organisationsInView(of: actor)
        let names = Dictionary(inView.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let today = clock.today
        let year = today.month == 1 ? today.year - 1 : today.year
        let items = nominations.map {
            GuidingCaseListItem(nomination: $0, organisationName: names[$0.organisationID] ?? "",
                                actions: GuidingCasePermissions(actor: actor, nomination: $0).allowed)
        }
        let departments = inView.filter { $0.kind == .department || $0.level == .town }
        let quotas = departments.map { d in
            GuidingCaseDesk.Quota(organisation: d, count: nominations.filter { $0.organisationID == d.id && $0.year == year }.count)
        }
        let nominators = departments.filter { department in passes { try GuidingCasePermissions.requireNominator(actor, for: department) } }
        let nominated = Set(nominations.map(\.caseID))
        let closed = try await store.cases.list(organisations: nominators.map(\.id), filter: CaseFilter(statuses: [.suspended, .terminated, .closed, .archived]), limit: 1000)
            .filter { !nominated.contains($0.id) }
        return GuidingCaseDesk(items: items, year: year, quotas: quotas, nominable: closed, names: names)
    }
}
