import Foundation

/// 线索登记 as entered: where it came from, when it was received, what it alleges, against whom (REC-18).
public struct NewCaseLead: Sendable {
    public var source: CaseLead.Source
    public var receivedOn: CivilDate
    public var summary: String
    public var partyKind: CaseParty.Kind?
    /// The party's name or the company's name — sealed as personal data.
    public var partyName: String?
    /// The case transfer this lead came in with (addressed to the registering organisation).
    public var transferID: UUID?

    public init(source: CaseLead.Source, receivedOn: CivilDate, summary: String, partyKind: CaseParty.Kind? = nil, partyName: String? = nil,
                transferID: UUID? = nil) {
        self.source = source
        self.receivedOn = receivedOn
        self.summary = summary
        self.partyKind = partyKind
        self.partyName = partyName
        self.transferID = transferID
    }
}

/// Which leads a register shows.
public enum CaseLeadFilter: String, Sendable, CaseIterable {
    case all, open, overdue
}

/// 线索登记簿 row: the lead, its organisation's name and the state of its check deadline.
public struct CaseLeadListItem: Sendable {
    public let lead: CaseLead
    public let organisationName: String
    public let state: DeadlineState?
}

/// 案件线索详情 — one lead as its page shows it: its steps with who took them, the party (read
/// logged), the case it became, the complaints it gathers, and what the reader may do (REC-18).
public struct CaseLeadDetail: Sendable {
    public let lead: CaseLead
    public let organisation: Organisation
    public let party: String?
    public let people: [StaffUser.ID: String]
    public let caseNumber: String?
    public let complaintCodes: [String]
    public let state: DeadlineState?
    public let actions: Set<CaseLeadAction>
    /// Organisations a lead may be transferred to (when the reader may transfer it).
    public let receivers: [Organisation]
}

extension CaseUseCases {
    /// 登记线索 — an officer or the head registers a clue in their organisation; the check is due
    /// 15 working days (configurable) from its receipt (REC-18, 《市场监督管理行政处罚程序规定》第十八条).
    public func registerLead(_ input: NewCaseLead, by actor: Actor) async throws -> CaseLead {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        try await guarded(actor, CaseLead.table, id: nil, in: organisation) {
            guard CaseLeadStart.allowed(for: actor).contains(.register) else { throw SunlightError.missingRole([.officer, .head]) }
        }
        let summary = input.summary.trimmed
        guard (5...2000).contains(summary.count) else { throw SunlightError.invalid("summary", "请写明线索内容（5–2000 字）", rule: .rec18) }
        guard input.receivedOn <= clock.today else { throw SunlightError.invalid("receivedOn", "收到线索的日期不能晚于今天", rule: .rec18) }
        guard input.receivedOn.days(until: clock.today) <= 366 else {
            throw SunlightError.invalid("receivedOn", "收到线索的日期不能早于一年前", rule: .rec18)
        }
        let name = input.partyName?.trimmed.nilIfEmpty
        if let name, name.count > 100 { throw SunlightError.invalid("partyName", "当事人名称不超过 100 字", rule: .rec18) }
        if name != nil, input.partyKind == nil { throw SunlightError.invalid("partyKind", "请选择当事人类别", rule: .rec18) }
        if let transferID = input.transferID {
            guard let transfer = try await store.transfers.find(transferID), transfer.toOrganisation == organisation.id else {
                throw SunlightError.invalid("transferID", "移送记录不存在，或不是移送给本机关的", rule: .rec18)
            }
        }
        return try await createLead(in: organisation, source: input.source, receivedOn: input.receivedOn, summary: summary,
                                    partyKind: input.partyKind, partyName: name, transferID: input.transferID, fromLead: nil,
                                    firstStep: "来源：\(input.source.chineseName)", by: actor)
    }

    /// 线索登记簿 — the leads of the actor's organisation; a supervisor sees every organisation
    /// below them (REC-18).
    public func leads(_ filter: CaseLeadFilter = .all, by actor: Actor) async throws -> [CaseLeadListItem] {
        try await guarded(actor, CaseLead.table, id: nil, in: actor.organisation) {
            try actor.require(anyOf: .head, .officer, .publicityClerk, .supervisor)
        }
        let organisations = try await organisationsInView(of: actor)
        let names = Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let statuses = filter == .all ? nil : CaseLead.Status.openCodes
        let today = clock.today
        let calendar = try await calendars.current()
        return try await store.records(CaseLead.self).list(organisations: Array(names.keys), statuses: statuses).compactMap { lead in
            guard let name = names[lead.organisationID], filter != .overdue || lead.isOverdue(today: today) else { return nil }
            return CaseLeadListItem(lead: lead, organisationName: name, state: lead.status.isOpen ? deadlineState(of: lead.dueOn, calendar: calendar) : nil)
        }
    }

    /// One lead with its history; reading the party's name is logged (REC-11, REC-18).
    public func lead(_ id: CaseLead.ID, by actor: Actor) async throws -> CaseLeadDetail {
        let (lead, permissions) = try await leadPermissions(id, by: actor)
        try await guarded(actor, CaseLead.table, id: id.uuidString, in: permissions.organisation) { try permissions.checkRead() }
        try await log(actor, .read, CaseLead.table, id: id.uuidString, in: permissions.organisation, "查看案件线索 \(lead.number)")
        let sealed = try await store.personalData.values(table: CaseLead.table, recordIDs: [id.uuidString.lowercased()])
        let party = sealed.first { $0.field == "party" }.map { $0.value ?? "（已依法删除）" }
        let people = try await userNames(lead.steps.compactMap(\.by))
        let caseNumber = try await lead.caseID.asyncMap { try await store.cases.find($0)?.number } ?? nil
        var codes: [String] = []
        for complaintID in lead.complaintIDs { if let complaint = try await store.complaints.find(complaintID) { codes.append(complaint.trackingCode) } }
        let allowed = permissions.allowed
        let receivers = allowed.contains(.transfer)
            ? try await store.organisations.all().filter { $0.id != lead.organisationID }.sorted { $0.path < $1.path } : []
        return CaseLeadDetail(lead: lead, organisation: permissions.organisation, party: party, people: people, caseNumber: caseNumber,
                              complaintCodes: codes, state: lead.status.isOpen ? deadlineState(of: lead.dueOn, calendar: try await calendars.current()) : nil,
                              actions: allowed, receivers: receivers)
    }

    /// What the actor may do to this lead now — the same decision its use cases make (REC-18).
    public func leadActions(_ id: CaseLead.ID, by actor: Actor) async throws -> Set<CaseLeadAction> {
        try await leadPermissions(id, by: actor).1.allowed
    }

    // MARK: - Helpers shared by the lead use cases

    /// The lead and what the actor may do to it (``CaseLeadPermissions``).
    func leadPermissions(_ id: CaseLead.ID, by actor: Actor) async throws -> (CaseLead, CaseLeadPermissions) {
        guard let lead = try await store.records(CaseLead.self).find(id) else { throw SunlightError.notFound("案件线索") }
        let organisation = try await requireOrganisation(lead.organisationID)
        return (lead, CaseLeadPermissions(actor: actor, lead: lead, organisation: organisation, today: clock.today))
    }

    /// A lead the actor may take `action` on now; a refusal for lack of role or scope is logged.
    func workableLead(_ id: CaseLead.ID, _ action: CaseLeadAction, by actor: Actor) async throws -> (CaseLead, Organisation) {
        let (lead, permissions) = try await leadPermissions(id, by: actor)
        try await guarded(actor, CaseLead.table, id: id.uuidString, in: permissions.organisation) { try permissions.check(action) }
        return (lead, permissions.organisation)
    }

    /// The check deadline: `days` working days after `start` (第十八条); provisional while the
    /// calendar lacks a year it runs into, and counted again when that year is loaded (CAL-4).
    func leadDue(from start: CivilDate, days: Int) async throws -> CivilDate? {
        try await calendars.current().due(from: start, .workingDays(days)).date
    }

    /// The lead with one more step recorded.
    func stepped(_ lead: CaseLead, _ action: CaseLead.Step.Action, _ text: String, by actor: Actor) -> CaseLead {
        var lead = lead
        lead.steps.append(CaseLead.Step(action: action, at: now, on: clock.today, by: actor.user?.id, text: text))
        return lead
    }

    /// Registers a lead (numbered in the organisation's series, party sealed), in one transaction.
    func createLead(in organisation: Organisation, source: CaseLead.Source, receivedOn: CivilDate, summary: String, partyKind: CaseParty.Kind?,
                    partyName: String?, complaintIDs: [UUID] = [], transferID: UUID?, fromLead: CaseLead?, firstStep: String,
                    by actor: Actor) async throws -> CaseLead {
        let due = try await leadDue(from: receivedOn, days: settings.leadCheckWorkingDays)
        let id = newID()
        let sealed = partyName.map { PersonalValue.seal($0, table: CaseLead.table, recordID: id.uuidString.lowercased(), field: "party", secrets: secrets) }
        // The summary commonly names the party too: sealed as well (REC-5; issue 15 item 8).
        let summarySeal = PersonalValue.seal(summary, table: CaseLead.table, recordID: id.uuidString.lowercased(), field: CaseLead.summaryField, secrets: secrets)
        let year = clock.today.year, createdAt = now
        let registered = [CaseLead.Step(action: .register, at: createdAt, on: clock.today, by: actor.user?.id, text: firstStep)]
        return try await commit(actor, .create, CaseLead.table, id: id.uuidString, in: organisation, "登记案件线索（\(source.chineseName)）") { tx, _ in
            let number = try await tx.caseSettings.nextNumber(organisation: organisation.id, code: "线索", year: year)
            var lead = CaseLead(id: id, number: "\(organisation.shortName)线索〔\(year)〕\(number)号", organisationID: organisation.id, source: source,
                                receivedOn: receivedOn, summary: summary, partyKind: partyKind, partySeal: sealed?.commitment.hex,
                                createdAt: createdAt, registeredBy: actor.user?.id, dueOn: due,
                                complaintIDs: complaintIDs, transferID: transferID, fromLeadID: fromLead?.id)
            lead.steps = registered
            lead.summarySeal = summarySeal.commitment.hex
            try await tx.records(CaseLead.self).insert(lead)
            try await tx.personalData.insert([summarySeal] + (sealed.map { [$0] } ?? []))
            return (lead, [try lead.ledgerRecord("lead.registered")])
        }
    }

    /// Saves a changed lead with its access-log line and log entry.
    func saveLead(_ lead: CaseLead, _ type: String, _ summary: String, in organisation: Organisation, by actor: Actor) async throws -> CaseLead {
        try await save(lead, new: false, type, "\(summary)：\(lead.number)", in: organisation, by: actor)
    }
}
