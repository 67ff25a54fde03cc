import Foundation

extension SupervisionUseCases {
    /// 申请执法争议协调 — a department's head applies to the justice bureau of the same government
    /// after consulting the other side failed; the bureau must accept within 5 working days (SUP-3).
    public func applyForDisputeCoordination(against respondentID: Organisation.ID, subject: String, details: String, consultation: String,
                                            by actor: Actor) async throws -> CoordinationMatter {
        let home = try await coordinationDesk(actor, .dispute, roles: CoordinationStart.dispute.roles)
        let respondent = try await requireOrganisation(respondentID)
        guard CoordinationStart.dispute.accepts(respondent, from: home, by: actor) else {
            throw SunlightError.invalid("respondent", "争议的另一方应是同一政府所属的其他行政执法部门或乡镇", rule: .sup3)
        }
        let consultation = consultation.trimmed
        guard (5...2000).contains(consultation.count) else {
            throw SunlightError.invalid("consultation", "请先行协商，并写明协商情况（5–2000 字）", rule: .sup3)
        }
        guard let bureau = try await justiceBureau(over: home) else {
            throw SunlightError(.ruleViolation, code: "coordination.no_bureau", "本级政府没有司法行政机关，无法申请争议协调", rule: .sup3)
        }
        return try await raise(.dispute, from: home, to: respondent, coordinator: bureau, subject: subject, details: details,
                               firstStep: "先行协商情况：\(consultation)", by: actor)
    }

    /// 执法协助函 — a town asks a department of its county for technical support, files or help with
    /// an investigation in writing (or the other way round); the answer is due in 5 working days (SUP-13).
    public func requestAssistance(from helperID: Organisation.ID, kind: String, subject: String, details: String,
                                  by actor: Actor) async throws -> CoordinationMatter {
        let home = try await coordinationDesk(actor, .assistance, roles: CoordinationStart.assistance.roles)
        let helper = try await requireOrganisation(helperID)
        // Both belong to the same county government, and exactly one of them is a town (乡镇).
        guard CoordinationStart.assistance.accepts(helper, from: home, by: actor) else {
            throw SunlightError.invalid("helper", "执法协助在乡镇（街道）与同一县级政府的行政执法部门之间进行", rule: .sup13)
        }
        guard CoordinationFlow.assistanceKinds.contains(kind) else { throw SunlightError.invalid("kind", "请选择需要协助的事项", rule: .sup13) }
        return try await raise(.assistance, from: home, to: helper, coordinator: nil, subject: subject, details: details, option: kind, by: actor)
    }

    /// 责任追究 — the justice bureau's supervisor (for any organisation below it) or a head (for
    /// their own) records a fault and the person responsible; the organisation that employs the
    /// person handles it, in 30 working days (SUP-7).
    public func recordAccountability(of organisationID: Organisation.ID, person: String, fault: String, basis: String,
                                     by actor: Actor) async throws -> CoordinationMatter {
        let organisation = try await requireOrganisation(organisationID)
        let home = try await coordinationDesk(actor, .accountability, roles: CoordinationStart.accountability.roles)
        try await guarded(actor, CoordinationMatter.table, id: nil, in: organisation) {
            guard CoordinationStart.accountability.accepts(organisation, from: home, by: actor) else { throw SunlightError.outsideScope }
        }
        let person = person.trimmed
        guard (2...50).contains(person.count) else { throw SunlightError.invalid("person", "请填写责任人", rule: .sup7) }
        return try await raise(.accountability, from: home, to: organisation, coordinator: nil, subject: "\(person)：\(fault.trimmed.prefix(40))",
                               details: fault, reference: basis.trimmed.nilIfEmpty, responsiblePerson: person, by: actor)
    }

    /// 办理 — one step of a matter by the party whose turn it is, with the text it must carry;
    /// the step starts the next clock (SUP-3, SUP-7, SUP-11, SUP-12, SUP-13).
    public func advanceCoordination(_ id: CoordinationMatter.ID, _ action: CoordinationMatter.Action, text: String, option: String? = nil,
                                    by actor: Actor) async throws -> CoordinationMatter {
        guard let found = try await store.records(CoordinationMatter.self).find(id) else { throw SunlightError.notFound("协调事项") }
        let raiser = try await requireOrganisation(found.organisationID)
        let permissions = CoordinationPermissions(actor: actor, matter: found)
        let transition = try await guarded(actor, CoordinationMatter.table, id: id.uuidString, in: raiser) { try permissions.transition(for: action) }
        let text = text.trimmed
        guard transition.text.contains(text.count) else {
            throw SunlightError.invalid("text", "请填写\(transition.prompt)（\(transition.text.lowerBound)–\(transition.text.upperBound) 字）", rule: found.kind.rule)
        }
        let option = option?.trimmed.nilIfEmpty
        guard transition.options.isEmpty || option.map(transition.options.contains) == true else {
            throw SunlightError.invalid("option", "请选择：" + transition.options.joined(separator: "、"), rule: found.kind.rule)
        }
        var matter = found
        matter.steps.append(try await step(action, option: option, text: text, by: actor))
        if action != .note {
            matter.status = transition.to
            matter.dueOn = try await dueDate(transition.clock)
        }
        return try await save(matter, new: false, "coordination.\(action.rawValue)", "\(found.kind.chineseName)：\(action.chineseName)（\(found.subject)）",
                              in: raiser, by: actor)
    }

    /// The matters from or to the actor's organisation; supervisors see every one below them.
    public func coordinationMatters(by actor: Actor) async throws -> [CoordinationMatter] {
        try await guarded(actor, CoordinationMatter.table, id: nil, in: actor.organisation) {
            try actor.require(anyOf: .head, .officer, .publicityClerk, .supervisor)
        }
        let organisations = try await organisationsInView(of: actor).map(\.id)
        return try await store.records(CoordinationMatter.self).list(organisations: organisations)
    }

    /// The coordination desk: the matters in view with their parties named in one query, and
    /// what the reader may raise, with whom (``CoordinationStartPermissions``).
    public func coordinationDesk(kind: CoordinationMatter.Kind? = nil, by actor: Actor) async throws -> CoordinationDesk {
        let matters = try await coordinationMatters(by: actor).filter { kind == nil || $0.kind == kind }
        let names = try await organisationNames(matters.flatMap { [$0.organisationID, $0.counterpartID].compactMap { $0 } })
        let items = matters.map { CoordinationListItem(matter: $0, raiser: names[$0.organisationID] ?? "", counterpart: $0.counterpartID.flatMap { names[$0] } ?? "") }
        var candidates: [CoordinationStart: [Organisation]] = [:]
        if let home = actor.organisation, CoordinationStart.allCases.contains(where: { $0.roles.contains(where: actor.has) }) {
            let all = try await organisations.publicOrganisationTree().nodes.map(\.organisation)
            let inView = try await organisationsInView(of: actor).filter { $0.kind == .department || $0.level == .town }
            for start in CoordinationStart.allCases where start.roles.contains(where: actor.has) {
                candidates[start] = (start == .accountability ? inView : all).filter { start.accepts($0, from: home, by: actor) }
            }
        }
        let permissions = CoordinationStartPermissions(actor: actor, candidates: candidates)
        return CoordinationDesk(items: items, start: permissions.allowed, candidates: candidates)
    }

    /// One matter as its page shows it: the parties named in one query and the steps the reader
    /// may take now (``CoordinationPermissions``).
    public func coordinationMatterDetail(_ id: CoordinationMatter.ID, by actor: Actor) async throws -> CoordinationMatterDetail {
        let matter = try await coordinationMatter(id, by: actor)
        let names = try await organisationNames([matter.organisationID, matter.counterpartID, matter.coordinatorID].compactMap { $0 } + matter.steps.map(\.organisationID))
        return CoordinationMatterDetail(matter: matter, names: names, steps: CoordinationPermissions(actor: actor, matter: matter).steps)
    }

    /// One matter, if the actor's organisation is a party or the actor supervises it.
    public func coordinationMatter(_ id: CoordinationMatter.ID, by actor: Actor) async throws -> CoordinationMatter {
        guard let matter = try await store.records(CoordinationMatter.self).find(id) else { throw SunlightError.notFound("协调事项") }
        let raiser = try await requireOrganisation(matter.organisationID)
        let inView = Set(try await organisationsInView(of: actor).map(\.id))
        try await guarded(actor, CoordinationMatter.table, id: id.uuidString, in: raiser) {
            try actor.require(anyOf: .head, .officer, .publicityClerk, .supervisor)
            let involved = [matter.organisationID, matter.counterpartID, matter.coordinatorID].compactMap { $0 }
            guard involved.contains(where: inView.contains) else { throw SunlightError.outsideScope }
        }
        return matter
    }

    /// The steps the actor may take now (``CoordinationPermissions``).
    public func coordinationActions(_ matter: CoordinationMatter, by actor: Actor) -> [CoordinationFlow.Transition] {
        CoordinationPermissions(actor: actor, matter: matter).steps
    }

    // MARK: - Helpers

    /// The next steps of a matter, the statement any party may add included.
    static func transitions(of matter: CoordinationMatter) -> [CoordinationFlow.Transition] { CoordinationFlow.next(of: matter) }

    /// Raises a matter with its opening clock, in one transaction with its log entry; `more`
    /// writes what goes with it (the meeting a decided item came from).
    func raise(_ kind: CoordinationMatter.Kind, from home: Organisation, to counterpart: Organisation?, coordinator: Organisation?,
               subject: String, details: String, reference: String? = nil, link: String? = nil, responsiblePerson: String? = nil,
               option: String? = nil, dueOn: CivilDate? = nil, firstStep: String? = nil, by actor: Actor) async throws -> CoordinationMatter {
        let matter = try await draftMatter(kind, from: home, to: counterpart, coordinator: coordinator, subject: subject, details: details,
                                           reference: reference, link: link, responsiblePerson: responsiblePerson, option: option, dueOn: dueOn,
                                           firstStep: firstStep, by: actor)
        return try await save(matter, new: true, "coordination.raised", "\(kind.chineseName)：\(matter.subject)", in: home, by: actor)
    }

    /// A new matter, checked, not yet saved.
    func draftMatter(_ kind: CoordinationMatter.Kind, from home: Organisation, to counterpart: Organisation?, coordinator: Organisation?,
                     subject: String, details: String, reference: String? = nil, link: String? = nil, responsiblePerson: String? = nil,
                     option: String? = nil, dueOn: CivilDate? = nil, firstStep: String? = nil, by actor: Actor) async throws -> CoordinationMatter {
        let subject = subject.trimmed, details = details.trimmed
        guard (2...100).contains(subject.count) else { throw SunlightError.invalid("subject", "请填写事项名称（2–100 字）", rule: kind.rule) }
        guard (5...4000).contains(details.count) else { throw SunlightError.invalid("details", "请写明具体情况（5–4000 字）", rule: kind.rule) }
        var due = dueOn
        if due == nil { due = try await dueDate(CoordinationFlow.openingClock(of: kind)) }
        return CoordinationMatter(kind: kind, organisationID: home.id, counterpartID: counterpart?.id, coordinatorID: coordinator?.id,
                                  subject: subject, details: details, reference: reference, link: link, responsiblePerson: responsiblePerson,
                                  option: option, createdAt: now, createdOn: clock.today, status: CoordinationFlow.openingStatus(of: kind),
                                  dueOn: due, steps: [try await step(.raise, option: option, text: firstStep ?? details, by: actor)])
    }

    func step(_ action: CoordinationMatter.Action, option: String?, text: String, by actor: Actor) async throws -> CoordinationMatter.Step {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        return CoordinationMatter.Step(action: action, at: now, on: clock.today, by: actor.user?.id, byName: actor.displayName,
                                       organisationID: organisation.id, option: option, text: text)
    }

    /// The clock's end; nil when it has none; provisional where it runs into a year whose
    /// holidays are not loaded yet (CAL-4).
    func dueDate(_ clock: CoordinationFlow.Clock) async throws -> CivilDate? {
        guard case .workingDays(let days) = clock else { return nil }
        return try await calendars.current().due(from: self.clock.today, .workingDays(days)).date
    }

    /// The actor's organisation, once their role is checked (the refusal logged).
    func coordinationDesk(_ actor: Actor, _ kind: CoordinationMatter.Kind, roles: [Role]) async throws -> Organisation {
        try await guarded(actor, CoordinationMatter.table, id: nil, in: actor.organisation) {
            guard roles.contains(where: actor.has) else { throw SunlightError.missingRole(roles) }
            guard let home = actor.organisation else { throw SunlightError.outsideScope }
            return home
        }
    }

    /// The justice bureau of the government an organisation belongs to.
    func justiceBureau(over organisation: Organisation) async throws -> Organisation? {
        try await store.organisations.all().first { $0.kind == .justiceBureau && $0.parentID == organisation.parentID }
    }
}

extension SupervisionUseCases {
    /// The matters these meetings' decided items became (SUP-11), for meetings the caller has read
    /// through a use case, in one query (a decided item is raised by the meeting's convener).
    func itemMatters(of meetings: [JointMeeting]) async throws -> [CoordinationMatter.ID: CoordinationMatter] {
        let wanted = Set(meetings.flatMap { $0.items.map(\.matterID) })
        guard !wanted.isEmpty else { return [:] }
        let conveners = Array(Set(meetings.map(\.organisationID)))
        let matters = try await store.records(CoordinationMatter.self).list(organisations: conveners).filter { wanted.contains($0.id) }
        return Dictionary(matters.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
