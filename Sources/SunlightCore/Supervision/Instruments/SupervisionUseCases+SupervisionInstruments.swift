import Foundation

extension SupervisionUseCases {
    /// 发出监督文书 — a supervisor issues a notice (or, escalating `follows`, an opinion, then a
    /// decision) to an organisation below the bureau, with the finding, the requirement and a
    /// rectification deadline (SUP-4).
    public func issueSupervisionInstrument(to organisationID: Organisation.ID, findings: String, requirement: String, rectifyBy: CivilDate,
                                           evidence: String? = nil, follows: SupervisionInstrument.ID? = nil, by actor: Actor) async throws -> SupervisionInstrument {
        let organisation = try await requireOrganisation(organisationID)
        try await guarded(actor, "supervision_instrument", id: nil, in: organisation) { try InstrumentPermissions.requireIssuer(actor, to: organisation) }
        guard let bureau = actor.organisation else { throw SunlightError.outsideScope }
        let findings = findings.trimmed, requirement = requirement.trimmed
        guard (5...4000).contains(findings.count) else { throw SunlightError.invalid("findings", "请写明发现的问题（5–4000 字）", rule: .sup4) }
        guard (5...2000).contains(requirement.count) else { throw SunlightError.invalid("requirement", "请写明整改要求（5–2000 字）", rule: .sup4) }
        let today = clock.today
        guard rectifyBy > today else { throw SunlightError.invalid("rectifyBy", "整改期限应晚于今天", rule: .sup4) }
        var kind = SupervisionInstrument.Kind.notice
        if let follows {
            guard let previous = try await store.instruments.find(follows), previous.organisationID == organisationID else {
                throw SunlightError.notFound("被升级的监督文书")
            }
            try InstrumentPermissions(actor: actor, instrument: previous, organisation: organisation).check(.escalate)
            kind = previous.kind.next ?? kind
        }
        let evidence = evidence?.trimmed.nilIfEmpty
        let kindIssued = kind
        return try await commit(actor, .create, "supervision_instrument", id: nil, in: organisation,
                                "发出\(kind.chineseName)，整改期限 \(rectifyBy.iso)") { tx, _ in
            // Numbered inside the transaction, so two supervisors never get the same number.
            let kind = kindIssued
            let sequence = try await tx.instruments.count(kind: kind, issuedBy: bureau.id, year: today.year) + 1
            let instrument = SupervisionInstrument(kind: kind, number: "\(bureau.shortName)\(kind.numberCode)〔\(today.year)〕\(sequence)号",
                                                   organisationID: organisationID, issuedBy: bureau.id, issuedOn: today, findings: findings,
                                                   requirement: requirement, rectifyBy: rectifyBy, evidence: evidence, follows: follows)
            var records: [LedgerRecord] = []
            if let follows, var previous = try await tx.instruments.find(follows) {
                previous.status = .escalated
                try await tx.instruments.update(previous)
                records.append(try previous.ledgerRecord("instrument.escalated"))
            }
            try await tx.instruments.insert(instrument)
            return (instrument, records + [try instrument.ledgerRecord("instrument.issued")])
        }
    }

    /// 报告整改 — the supervised organisation's head reports what was done.
    public func reportRectification(_ id: SupervisionInstrument.ID, report: String, by actor: Actor) async throws -> SupervisionInstrument {
        let (found, organisation) = try await workableInstrument(id, .report, by: actor)
        let report = report.trimmed
        guard (5...4000).contains(report.count) else { throw SunlightError.invalid("report", "请写明整改情况（5–4000 字）", rule: .sup4) }
        var instrument = found
        instrument.status = .reported
        instrument.report = report
        instrument.reportedOn = clock.today
        return try await saveInstrument(instrument, "instrument.reported", "报告整改（\(found.number)）", in: organisation, by: actor)
    }

    /// 核查销号 — the bureau accepts the rectification and closes the instrument, or sends it back.
    public func checkRectification(_ id: SupervisionInstrument.ID, accepted: Bool, note: String, by actor: Actor) async throws -> SupervisionInstrument {
        let (found, organisation) = try await workableInstrument(id, .check, by: actor)
        let note = note.trimmed
        guard accepted || note.count >= 5 else { throw SunlightError.invalid("note", "退回整改请写明理由（至少 5 字）", rule: .sup4) }
        var instrument = found
        instrument.checkNote = note.nilIfEmpty
        if accepted {
            instrument.status = .closed
            instrument.closedOn = clock.today
        } else {
            instrument.status = .issued
        }
        return try await saveInstrument(instrument, accepted ? "instrument.closed" : "instrument.returned",
                                        "\(accepted ? "整改销号" : "退回整改")（\(found.number)）", in: organisation, by: actor)
    }

    /// The instruments the actor may see: a department its own, the bureau's supervisors all below it.
    public func supervisionInstruments(by actor: Actor) async throws -> [SupervisionInstrument] {
        try await guarded(actor, "supervision_instrument", id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor, .head, .publicityClerk) }
        let organisations = try await organisationsInView(of: actor).map(\.id)
        return try await store.instruments.list(organisations: organisations)
    }

    /// 监督文书台账 as the desk shows it: each instrument with the supervised organisation's name
    /// and the steps the reader may take now; the organisations the reader may issue to (SUP-4).
    public func instrumentDesk(by actor: Actor) async throws -> InstrumentDesk {
        let instruments = try await supervisionInstruments(by: actor)
        let organisations = Dictionary(try await store.organisations.find(ids: instruments.map(\.organisationID)).map { ($0.id, $0) },
                                       uniquingKeysWith: { a, _ in a })
        let items = instruments.compactMap { instrument -> InstrumentListItem? in
            guard let organisation = organisations[instrument.organisationID] else { return nil }
            return InstrumentListItem(instrument: instrument, organisationName: organisation.name,
                                      actions: InstrumentPermissions(actor: actor, instrument: instrument, organisation: organisation).allowed)
        }
        let issuable = actor.has(.supervisor)
            ? try await organisationsInView(of: actor).filter { organisation in passes { try InstrumentPermissions.requireIssuer(actor, to: organisation) } } : []
        return InstrumentDesk(items: items, issuableTo: issuable)
    }

    /// An instrument the actor may take `action` on now; a refusal for lack of role or scope is logged.
    private func workableInstrument(_ id: SupervisionInstrument.ID, _ action: InstrumentAction,
                                    by actor: Actor) async throws -> (SupervisionInstrument, Organisation) {
        guard let found = try await store.instruments.find(id) else { throw SunlightError.notFound("监督文书") }
        let organisation = try await requireOrganisation(found.organisationID)
        try await guarded(actor, "supervision_instrument", id: id.uuidString, in: organisation) {
            try InstrumentPermissions(actor: actor, instrument: found, organisation: organisation).check(action)
        }
        return (found, organisation)
    }

    private func saveInstrument(_ instrument: SupervisionInstrument, _ type: String, _ summary: String, in organisation: Organisation,
                                by actor: Actor) async throws -> SupervisionInstrument {
        try await commit(actor, .update, "supervision_instrument", id: instrument.id.uuidString, in: organisation, summary) { tx, _ in
            try await tx.instruments.update(instrument)
            return (instrument, [try instrument.ledgerRecord(type)])
        }
    }
}

extension SupervisionUseCases {
    /// 整改待办 — a department head's open instruments with their deadlines (SUP-4).
    func instrumentTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, user.has(.head), let home = actor.organisation else { return [] }
        let calendar = try await calendars.current()
        return try await store.instruments.list(organisations: [home.id]).filter { $0.organisationID == home.id && $0.status == .issued }.map {
            StaffTask(title: "整改：\($0.kind.chineseName) \($0.number)", detail: $0.requirement, due: $0.rectifyBy,
                      state: deadlineState(of: $0.rectifyBy, calendar: calendar),
                      link: .instruments, rule: .sup4)
        }
    }
}
