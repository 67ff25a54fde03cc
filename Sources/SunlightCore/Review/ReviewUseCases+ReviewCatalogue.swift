import Foundation

extension ReviewUseCases {
    /// The catalogue in effect for an organisation on a date: its newest version in force by
    /// then — approved by the supervising justice bureau and effective (REV-10); a version from
    /// before approvals existed, from its own date — or the built-in default (REV-2).
    public func catalogue(for organisationID: Organisation.ID, on date: CivilDate) async throws -> MajorDecisionCatalogue {
        try await catalogue(for: organisationID, on: date, store: store)
    }

    /// ``catalogue(for:on:)`` read through `store`, so it may run inside a transaction.
    func catalogue(for organisationID: Organisation.ID, on date: CivilDate, store: any Store) async throws -> MajorDecisionCatalogue {
        try await CataloguesInForce.load(organisationID, in: store).on(date)
    }

    /// 目录清单 — the catalogue in effect today and every version the organisation adopted.
    public func catalogues(of organisationID: Organisation.ID? = nil, by actor: Actor) async throws -> (current: MajorDecisionCatalogue, versions: [MajorDecisionCatalogue]) {
        guard let organisation = try await (organisationID ?? actor.organisation?.id).asyncMap(requireOrganisation) else { throw SunlightError.outsideScope }
        try await guarded(actor, "review_catalogue", id: nil, in: organisation) { try actor.requireReadAdministration(organisation) }
        return (try await catalogue(for: organisation.id, on: clock.today), try await store.reviews.catalogues(organisation: organisation.id))
    }

    /// 发布目录新版本 — the head, the legal office or the administrator adopts a new version of
    /// the organisation's catalogue, asked to take effect from a date not in the past. Old versions
    /// stay (REV-2). The version keeps the situations of 第五十八条 and thresholds within the
    /// province's bounds, and waits for the supervising justice bureau's approval (REV-10).
    public func adoptCatalogue(rules: [MajorDecisionRule], reviewDays: Int, effectiveOn: CivilDate?, note: String,
                               by actor: Actor) async throws -> MajorDecisionCatalogue {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        try await guarded(actor, "review_catalogue", id: nil, in: organisation) { try DeskPermissions(actor: actor).check(.adoptCatalogue) }
        let today = clock.today
        let effective = effectiveOn ?? today
        guard effective >= today else { throw SunlightError.invalid("effectiveOn", "生效日期不能早于今天，已生效的版本不能追溯改变", rule: .rev2) }
        let note = note.trimmed
        guard (2...500).contains(note.count) else { throw SunlightError.invalid("note", "请说明本次修订的理由（2–500 字）", rule: .rev2) }
        let cleaned = rules.map { rule in
            var rule = rule
            rule.code = rule.code.trimmed
            rule.title = rule.title.trimmed
            rule.source = rule.source.trimmed
            rule.fields = rule.fields.map(\.trimmed).filter { !$0.isEmpty }
            return rule
        }
        return try await commit(actor, .create, "review_catalogue", id: nil, in: organisation, "发布重大执法决定法制审核目录新版本") { tx, at in
            let version = (try await tx.reviews.catalogues(organisation: organisation.id).map(\.version).max() ?? 0) + 1
            let catalogue = MajorDecisionCatalogue(organisationID: organisation.id, version: version, effectiveOn: effective, rules: cleaned,
                                                   reviewDays: reviewDays, adoptedBy: actor.user?.id, adoptedAt: at, note: note)
            try catalogue.validate()
            try catalogue.validateFloor()
            try await self.catalogueBounds(for: organisation, store: tx).check(cleaned)
            guard let bureau = try await self.supervisingBureau(of: organisation, store: tx) else {
                throw SunlightError(.ruleViolation, code: "catalogue.no_bureau", "未找到监督本机关的司法行政机关，目录新版本无法报请批准", rule: .rev10)
            }
            let approval = CatalogueApproval(id: self.newID(), organisationID: organisation.id, counterpartID: bureau.id, version: version, requestedOn: effective,
                                             submittedBy: actor.displayName, createdAt: at)
            try await tx.reviews.insert(catalogue: catalogue)
            try await tx.records(CatalogueApproval.self).insert(approval)
            return (catalogue, [try catalogue.ledgerRecord, try approval.ledgerRecord("catalogue_approval.requested")])
        }
    }

    /// 认定重大执法决定情形 — an officer of the case (or the head) declares which circumstances
    /// of 行政处罚法 第五十八条 the case has; the catalogue matches on them (REV-2).
    public func declareMajorFactors(case caseID: EnforcementCase.ID, factors: Set<MajorFactor>, note: String,
                                    by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .declareMajor, by: actor)
        let note = note.trimmed
        guard (2...1000).contains(note.count) else { throw SunlightError.invalid("note", "请写明认定理由（2–1000 字）", rule: .rev2) }
        return try await transition(theCase, in: organisation, kind: .majorFactorsDeclared, note: note,
                                    data: ["factors": factors.sorted().map(\.rawValue).joined(separator: ",")], by: actor,
                                    summary: "认定重大执法决定情形") { _ in }
    }

    /// 是否须经法制审核 — the catalogue's answer for a draft decision, and its review rounds.
    public func reviewStatus(of documentID: UUID, by actor: Actor) async throws -> (requirement: ReviewRequirement, history: ReviewHistory) {
        guard let document = try await store.caseRecords.document(documentID) else { throw SunlightError.notFound("文书") }
        let (theCase, organisation) = try await readableCase(document.caseID, by: actor)
        let records = try await store.reviews.records(ofCase: theCase.id)
        try await log(actor, .read, "review_record", id: documentID.uuidString, in: organisation, "查看决定书的法制审核情况（\(theCase.number)）")
        return (try await reviewRequirement(for: document, in: theCase, store: store), ReviewHistory(documentID: documentID, records: records))
    }

    /// The catalogue applied to a draft decision (or, with no draft yet, to what the case's
    /// notice proposed) on `date` (today if `nil`). Reads only through `store`, so it may run
    /// inside a transaction; ``ReviewRequirementFacts`` decides.
    func reviewRequirement(for document: CaseDocument?, in theCase: EnforcementCase, store: any Store,
                           on date: CivilDate? = nil) async throws -> ReviewRequirement {
        try await ReviewRequirementFacts.load(theCase, in: store).requirement(for: document, in: theCase, on: date ?? clock.today)
    }
}
