import Foundation
import SunlightLedger

/// 待公开事项 — one line of the publicity clerk's queue: a decision to publish, or a published
/// decision to withdraw, with its deadline (PUB-6, PUB-7).
public struct PublicationTask: Sendable, Equatable {
    public enum Kind: String, Sendable { case publish, withdraw }
    public let kind: Kind
    public let publication: DecisionPublication
    public let due: CivilDate?
    public let state: DeadlineState?
}

extension PublicityUseCases {
    /// 作出决定 → 公开时钟 — called when a decision document is issued, in its transaction: the
    /// publication starts due (PUB-6), exempt by policy, or withheld if the case is classified (PUB-8).
    static func openPublication(of document: CaseDocument, in theCase: EnforcementCase, decidedOn: CivilDate, at: Date, by: StaffUser.ID?,
                                calendar: WorkingDayCalendar, in tx: any Store) async throws -> [LedgerRecord] {
        guard document.type.isPublishedDecision, let number = document.number,
              try await tx.publications.find(document: document.id) == nil else { return [] }
        let policy = try await tx.publications.policies().first { $0.category == theCase.category } ?? .standard(theCase.category)
        var status = DecisionPublication.Status.due
        var note: String?
        if theCase.classification != .normal {
            status = .withheld
            note = "案件\(theCase.classification.chineseName)，不得公开（依据《中华人民共和国政府信息公开条例》第十四条、第十五条）"
        } else if let exemption = policy.exemption(of: document, in: theCase) {
            status = .exempt
            note = exemption
        }
        // The title (案由) names the party in practice: the publication, logged whole, holds it redacted as the portal shows it (REC-5, PUB-8).
        let parties = try await tx.cases.parties(of: theCase.id)
        let sealed = try await tx.personalData.values(table: "case_parties", recordIDs: parties.map { $0.id.uuidString.lowercased() })
        let title = Redactor(parties: parties.map { $0.unsealed(sealed) }).redact(theCase.title).text
        let publication = DecisionPublication(organisationID: theCase.organisationID, caseID: theCase.id, documentID: document.id,
                                              category: theCase.category, decisionType: document.type, number: number, title: title,
                                              decidedOn: decidedOn, dueOn: try policy.dueDate(decidedOn: decidedOn, calendar: calendar),
                                              status: status, note: note)
        try await tx.publications.insert(publication)
        return try await appendEvent(.opened, publication, at: at, by: by, in: tx)
    }

    static func appendEvent(_ kind: PublicationEvent.Kind, _ publication: DecisionPublication, at: Date, by: StaffUser.ID?,
                            in tx: any Store) async throws -> [LedgerRecord] {
        let event = PublicationEvent(kind: kind, at: at, by: by, state: publication)
        try await tx.publications.append(event)
        return [try publication.ledgerRecord("publication.\(kind.rawValue)"), try event.ledgerRecord()]
    }

    /// 公示管理员待办 — what the organisations the actor may read must publish or withdraw, most
    /// urgent first. Clerks, heads and supervisors.
    public func publicationQueue(by actor: Actor) async throws -> [PublicationTask] {
        try await guarded(actor, "decision_publication", id: nil, in: actor.organisation) {
            try actor.require(anyOf: .publicityClerk, .head, .supervisor, .administrator)
        }
        let organisations = try await readableOrganisations(of: actor).map(\.id)
        let calendar = try await calendars.current()
        func task(_ kind: PublicationTask.Kind, _ publication: DecisionPublication, _ due: CivilDate?) -> PublicationTask {
            PublicationTask(kind: kind, publication: publication, due: due, state: deadlineState(of: due, calendar: calendar))
        }
        let tasks = try await store.publications.pending(organisations: organisations).compactMap { publication in
            publication.pendingStep.map { task($0.kind, publication, $0.due) }
        }
        return tasks.sorted { a, b in
            let (ra, rb) = (StaffTask.urgencyRank(a.state), StaffTask.urgencyRank(b.state))
            if ra != rb { return ra < rb }
            switch (a.due, b.due) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            default: return false
            }
        }
    }

    /// Every publication of the organisations the actor may read, in the given states.
    public func publications(statuses: Set<DecisionPublication.Status> = [], by actor: Actor) async throws -> [DecisionPublication] {
        try await guarded(actor, "decision_publication", id: nil, in: actor.organisation) {
            try actor.require(anyOf: .publicityClerk, .head, .supervisor, .administrator, .legalReviewer, .officer)
        }
        return try await store.publications.list(organisations: try await readableOrganisations(of: actor).map(\.id), statuses: statuses)
    }

    /// 脱敏预览 — the decision's published text as redaction would make it, next to the
    /// original, for the clerk to check (PUB-8). The read of the original is logged.
    public func publicationPreview(_ id: DecisionPublication.ID, extraTerms: [String] = [], by actor: Actor) async throws
        -> (DecisionPublication, DecisionText) {
        let (publication, organisation) = try await workablePublication(id, .publish, by: actor)
        // A decision withheld because its case is classified has nothing to preview (REC-11, PUB-8).
        guard let theCase = try await store.cases.find(publication.caseID), theCase.classification == .normal else {
            throw SunlightError(.ruleViolation, code: "publication.classified", "案件涉及秘密或隐私，决定不得公开，也不提供预览", rule: .pub8)
        }
        let text = try await decisionText(publication, organisation: organisation, extraTerms: extraTerms, in: store)
        try await log(actor, .read, "decision_publication", id: id.uuidString, in: organisation, "脱敏预览（\(publication.number)）")
        return (publication, text)
    }

    /// 确认公开 — the clerk confirms the previewed text and it is published; publishing again
    /// corrects the text as a new version. `confirmedHash` is the preview's hash: if anything
    /// changed since, nothing is published (PUB-6, PUB-8). The message for the upper-level
    /// platform is written in the same transaction (PUB-10).
    public func publishDecision(_ id: DecisionPublication.ID, extraTerms: [String] = [], confirmedHash: String,
                                by actor: Actor) async throws -> DecisionPublication {
        let (found, organisation) = try await workablePublication(id, .publish, by: actor)
        let today = clock.today
        return try await commit(actor, .update, "decision_publication", id: id.uuidString, in: organisation,
                                "\(found.status == .published ? "更正公开内容" : "公开")\(found.decisionType.chineseName)（\(found.number)）") { [ledger] tx, at in
            guard let theCase = try await tx.cases.find(found.caseID), theCase.classification == .normal else {
                throw SunlightError(.ruleViolation, code: "publication.classified", "案件涉及秘密或隐私，决定不得公开", rule: .pub8)
            }
            let text = try await self.decisionText(found, organisation: organisation, extraTerms: extraTerms, in: tx)
            guard text.publishedHash == confirmedHash.lowercased() else {
                throw SunlightError(.conflict, code: "publication.preview_stale", "预览之后内容有变化，请重新预览后再确认", rule: .pub8)
            }
            var publication = found
            let correcting = found.status == .published
            publication.status = .published
            publication.content = text.redacted
            publication.publishedHash = text.publishedHash
            publication.originalHash = text.originalHash
            publication.version += 1
            if !correcting { publication.publishedOn = today }
            publication.publishedAt = at
            publication.publishedBy = actor.user?.id
            try await tx.publications.update(publication)
            let kind: OutboxMessage.Kind = correcting ? .decisionCorrected : .decisionPublished
            try await tx.outbox.insert(.make(kind, organisationID: organisation.id, subject: publication.id.uuidString.lowercased(),
                                             ledger: ledger, at: at, data: PublicDecision(publication, organisationName: organisation.name)))
            return (publication, try await Self.appendEvent(correcting ? .corrected : .published, publication, at: at, by: actor.user?.id, in: tx))
        }
    }

    /// 登记决定变更 — the decision was changed, revoked, confirmed illegal or void on `changedOn`:
    /// the published page must come down within 3 working days (PUB-7).
    public func reportDecisionChange(_ id: DecisionPublication.ID, kind: DecisionPublication.ChangeKind, changedOn: CivilDate,
                                     by actor: Actor) async throws -> DecisionPublication {
        let (found, organisation) = try await workablePublication(id, .change, by: actor)
        guard changedOn <= clock.today, changedOn >= found.decidedOn else {
            throw SunlightError.invalid("changedOn", "变更日期应在决定日期与今天之间", rule: .pub7)
        }
        let calendar = try await calendars.current()
        let due = try calendar.due(from: changedOn, .workingDays(3)).date
        return try await commit(actor, .update, "decision_publication", id: id.uuidString, in: organisation,
                                "登记\(kind.chineseName)（\(found.number)），应于 \(due.iso) 前撤下") { tx, at in
            var publication = found
            publication.withdrawal = .init(kind: kind, changedOn: changedOn, dueOn: due, reportedBy: actor.user?.id)
            try await tx.publications.update(publication)
            return (publication, try await Self.appendEvent(.changeReported, publication, at: at, by: actor.user?.id, in: tx))
        }
    }

    /// 撤下 — the published decision is marked withdrawn with a public statement of the reason;
    /// the page and its history stay (PUB-7), and the withdrawal goes wherever the decision
    /// went (PUB-13). Without a reported change, `kind` and `changedOn` report it now.
    public func withdrawDecision(_ id: DecisionPublication.ID, statement: String, kind: DecisionPublication.ChangeKind? = nil,
                                 changedOn: CivilDate? = nil, by actor: Actor) async throws -> DecisionPublication {
        let statement = statement.trimmed
        guard (5...500).contains(statement.count) else { throw SunlightError.invalid("statement", "请写明撤下的理由（5–500 字），将向社会公开", rule: .pub7) }
        let (first, organisation) = try await workablePublication(id, .withdraw, by: actor)
        var found = first
        if found.withdrawal == nil {
            guard let kind, let changedOn else { throw SunlightError.invalid("kind", "请选择撤下原因并填写决定变更的日期", rule: .pub7) }
            found = try await reportDecisionChange(id, kind: kind, changedOn: changedOn, by: actor)
        }
        guard found.status == .published, var withdrawal = found.withdrawal else {
            throw SunlightError(.ruleViolation, code: "publication.status", "该决定目前“\(found.status.chineseName)”，不能撤下", rule: .pub7)
        }
        let today = clock.today
        withdrawal.statement = statement
        withdrawal.withdrawnOn = today
        withdrawal.withdrawnBy = actor.user?.id
        var publication = found
        publication.status = .withdrawn
        publication.withdrawal = withdrawal
        let done = publication
        return try await commit(actor, .update, "decision_publication", id: id.uuidString, in: organisation,
                                "撤下\(found.decisionType.chineseName)（\(found.number)）：\(statement)") { [ledger] tx, at in
            try await tx.publications.update(done)
            try await tx.outbox.insert(.make(.decisionWithdrawn, organisationID: organisation.id, subject: done.id.uuidString.lowercased(),
                                             ledger: ledger, at: at, data: PublicDecision(done, organisationName: organisation.name)))
            return (done, try await Self.appendEvent(.withdrawn, done, at: at, by: actor.user?.id, in: tx))
        }
    }

    /// A publication's history, for staff of its organisation and its supervisors.
    public func publicationHistory(_ id: DecisionPublication.ID, by actor: Actor) async throws -> (DecisionPublication, [PublicationEvent]) {
        let (publication, _) = try await publication(id, by: actor, roles: [.publicityClerk, .head, .officer, .legalReviewer, .supervisor, .administrator])
        return (publication, try await store.publications.events(of: id))
    }

    /// 决定公开事项 as its page shows it: the history, what the reader may do now
    /// (``PublicationPermissions``), and the redaction preview when the reader may publish (PUB-6..8).
    public func publicationDetail(_ id: DecisionPublication.ID, extraTerms: [String] = [], by actor: Actor) async throws -> PublicationDetail {
        let (publication, organisation) = try await publication(id, by: actor, roles: [.publicityClerk, .head, .officer, .legalReviewer, .supervisor, .administrator])
        let events = try await store.publications.events(of: id)
        let actions = PublicationPermissions(actor: actor, publication: publication, organisation: organisation).allowed
        let preview = actions.contains(.publish) ? try await publicationPreview(id, extraTerms: extraTerms, by: actor).1 : nil
        return PublicationDetail(publication: publication, events: events, actions: actions, preview: preview)
    }

    // MARK: - Helpers

    func decisionText(_ publication: DecisionPublication, organisation: Organisation, extraTerms: [String], in store: any Store) async throws -> DecisionText {
        guard let theCase = try await store.cases.find(publication.caseID),
              let document = try await store.caseRecords.document(publication.documentID) else { throw SunlightError.notFound("决定书") }
        let parties = try await store.cases.parties(of: theCase.id)
        let sealed = try await store.personalData.values(table: "case_parties", recordIDs: parties.map { $0.id.uuidString.lowercased() })
        // The decision as the log holds it: its prose (违法事实…) as commitments from content version 3 (REC-5).
        let seals = Dictionary(try await store.personalData.values(table: CaseDocument.personalTable, recordIDs: [document.id.uuidString.lowercased()])
            .map { ($0.field, $0) }, uniquingKeysWith: { $1 })
        return DecisionText(document: document, of: theCase, organisation: organisation, parties: parties.map { $0.unsealed(sealed) },
                            decidedOn: publication.decidedOn, extraTerms: extraTerms,
                            originalHash: document.ledgerRecord("", organisationID: organisation.id, sealed: seals).contentHash.hex)
    }

    func publication(_ id: DecisionPublication.ID, by actor: Actor, roles: [Role]) async throws -> (DecisionPublication, Organisation) {
        guard let publication = try await store.publications.find(id) else { throw SunlightError.notFound("决定公开事项") }
        let organisation = try await requireOrganisation(publication.organisationID)
        try await guarded(actor, "decision_publication", id: id.uuidString, in: organisation) {
            guard roles.contains(where: actor.has) else { throw SunlightError.missingRole(roles) }
            try actor.requireRead(organisation)
        }
        return (publication, organisation)
    }

    /// A publication the actor may take `action` on now (``PublicationPermissions``); a refusal
    /// for lack of role or scope is logged.
    func workablePublication(_ id: DecisionPublication.ID, _ action: PublicationAction, by actor: Actor) async throws -> (DecisionPublication, Organisation) {
        guard let publication = try await store.publications.find(id) else { throw SunlightError.notFound("决定公开事项") }
        let organisation = try await requireOrganisation(publication.organisationID)
        let permissions = PublicationPermissions(actor: actor, publication: publication, organisation: organisation)
        try await guarded(actor, "decision_publication", id: id.uuidString, in: organisation) { try permissions.check(action) }
        return (publication, organisation)
    }
}
