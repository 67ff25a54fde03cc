import Foundation

/// 审核依据 — everything the catalogue reads of one case to say whether a decision of it needs
/// legal review (REV-2, REV-10): the organisation's level, the case's events and documents,
/// whether a party is a natural person, the law of its enforcement item, and the organisation's
/// catalogue versions with their approvals. Loaded once, evaluated without the store, so the
/// gate at issue (REV-1) and the supervisor's flags (REV-9) answer with the same function.
struct ReviewRequirementFacts: Sendable {
    let level: AdministrativeLevel
    let events: [CaseEvent]
    let documents: [CaseDocument]
    let concernsPerson: Bool
    let itemLaw: String?
    let catalogues: CataloguesInForce

    /// The catalogue applied to a draft decision (or, with no draft, to what the case's issued
    /// notice proposed) on `date`; the stricter of it and the version in force when the notice
    /// was issued (REV-10).
    func requirement(for document: CaseDocument?, in theCase: EnforcementCase, on date: CivilDate) -> ReviewRequirement {
        let notices = documents.filter { $0.type == .penaltyNotice && $0.status == .issued }
        let notice = notices.max { ($0.issuedOn ?? .init(dayNumber: 0), $0.draftedAt) < ($1.issuedOn ?? .init(dayNumber: 0), $1.draftedAt) }
        let terms = DocumentTerms(document?.fields ?? notice?.fields ?? [:])
        let amount = [terms.fine, terms.amountInvolved].compactMap { $0 }.max()
        let factors = events.last { $0.kind == .majorFactorsDeclared }?.data["factors"]?.split(separator: ",").compactMap { MajorFactor(rawValue: String($0)) } ?? []
        let facts = DecisionFacts(category: theCase.category, itemEntryID: theCase.itemEntryID, itemLaw: itemLaw, level: level,
                                  concernsPerson: concernsPerson, amount: amount,
                                  hearingHeld: events.contains { $0.kind == .hearingRequested } && !events.contains { $0.kind == .stageSkipped && $0.stage == "hearing" },
                                  factors: Set(factors), simple: theCase.simple, severe: terms.circumstance == .severe)
        let current = catalogues.on(date).evaluate(facts)
        guard let noticeDate = notice?.issuedOn, noticeDate < date else { return current }
        return current.stricter(catalogues.on(noticeDate).evaluate(facts))
    }

    /// The law an enforcement item rests on: that of its newest published version.
    static func itemLaw(_ entryID: UUID?, in store: any Store) async throws -> String? {
        guard let entryID else { return nil }
        return try await store.lists.versions(entryID: entryID).last { $0.status == .published }?.terms.law
    }

    /// One case's facts, read through `store` (so it may run inside a transaction).
    static func load(_ theCase: EnforcementCase, in store: any Store) async throws -> ReviewRequirementFacts {
        guard let organisation = try await store.organisations.find(theCase.organisationID) else { throw SunlightError.notFound("机构") }
        return ReviewRequirementFacts(level: organisation.level, events: try await store.cases.events(of: theCase.id),
                                      documents: try await store.caseRecords.documents(of: theCase.id),
                                      concernsPerson: try await store.cases.parties(of: theCase.id).contains { $0.kind == .person },
                                      itemLaw: try await itemLaw(theCase.itemEntryID, in: store),
                                      catalogues: try await CataloguesInForce.load(organisation.id, in: store))
    }

    /// The facts of many cases in a few queries, their events and documents from `rows`: their parties at once,
    /// each organisation's catalogues and each item's law once.
    static func load(_ cases: [EnforcementCase], rows: CaseRows, in store: any Store) async throws -> [EnforcementCase.ID: ReviewRequirementFacts] {
        guard !cases.isEmpty else { return [:] }
        let ids = cases.map(\.id)
        let events = rows.events, documents = rows.documents
        let people = Set(try await store.cases.parties(ofCases: ids).filter { $0.kind == .person }.map(\.caseID))
        var levels: [Organisation.ID: AdministrativeLevel] = [:]
        var catalogues: [Organisation.ID: CataloguesInForce] = [:]
        var laws: [UUID: String?] = [:]
        var facts: [EnforcementCase.ID: ReviewRequirementFacts] = [:]
        for theCase in cases {
            if levels[theCase.organisationID] == nil {
                guard let organisation = try await store.organisations.find(theCase.organisationID) else { throw SunlightError.notFound("机构") }
                levels[organisation.id] = organisation.level
                catalogues[organisation.id] = try await CataloguesInForce.load(organisation.id, in: store)
            }
            if let entry = theCase.itemEntryID, laws[entry] == nil { laws[entry] = .some(try await itemLaw(entry, in: store)) }
            facts[theCase.id] = ReviewRequirementFacts(level: levels[theCase.organisationID] ?? .county, events: events[theCase.id] ?? [],
                                                       documents: documents[theCase.id] ?? [], concernsPerson: people.contains(theCase.id),
                                                       itemLaw: theCase.itemEntryID.flatMap { laws[$0] ?? nil },
                                                       catalogues: catalogues[theCase.organisationID] ?? CataloguesInForce(versions: [], approvals: [:]))
        }
        return facts
    }
}

/// 目录版本 — an organisation's catalogue versions and their approvals (REV-2, REV-10).
struct CataloguesInForce: Sendable {
    let versions: [MajorDecisionCatalogue]
    let approvals: [Int: CatalogueApproval]

    /// The catalogue in effect on a date: the newest version in force by then — approved and
    /// effective (REV-10); a version from before approvals existed, from its own date — or the
    /// built-in default (REV-2).
    func on(_ date: CivilDate) -> MajorDecisionCatalogue {
        guard var inForce = versions.last(where: { version in
            approvals[version.version].map { $0.inForce(on: date) } ?? ((version.effectiveOn ?? date) <= date)
        }) else { return .builtIn }
        if let approved = approvals[inForce.version]?.effectiveOn { inForce.effectiveOn = approved }
        return inForce
    }

    /// An organisation's versions and approvals, read through `store`.
    static func load(_ organisationID: Organisation.ID, in store: any Store) async throws -> CataloguesInForce {
        let approvals = try await store.records(CatalogueApproval.self).list(organisations: [organisationID]).filter { $0.organisationID == organisationID }
        return CataloguesInForce(versions: try await store.reviews.catalogues(organisation: organisationID),
                                 approvals: Dictionary(approvals.map { ($0.version, $0) }, uniquingKeysWith: { a, _ in a }))
    }
}
