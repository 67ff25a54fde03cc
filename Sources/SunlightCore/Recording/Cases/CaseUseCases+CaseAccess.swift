import Foundation

extension CaseUseCases {

    /// Everything the gates look at, read in one go; with `forNextStage`, also whether the case
    /// goes through 法制审核 (only what moves the case, or shows where it goes, needs that).
    /// Reads only through `store`, so it may run inside a transaction.
    func snapshot(of theCase: EnforcementCase, in store: any Store, forNextStage: Bool = false) async throws -> CaseSnapshot {
        try await snapshotAndFiles(of: theCase, in: store, forNextStage: forNextStage).snapshot
    }

    /// ``snapshot(of:in:forNextStage:)`` with the evidence files it read for their kinds, so a
    /// caller that shows them does not read them again.
    func snapshotAndFiles(of theCase: EnforcementCase, in store: any Store,
                          forNextStage: Bool = false) async throws -> (snapshot: CaseSnapshot, files: [EvidenceFile]) {
        guard let organisation = try await store.organisations.find(theCase.organisationID) else { throw SunlightError.notFound("机构") }
        let evidence = try await unsealed(try await store.caseRecords.evidence(of: theCase.id), in: store)
        var files: [EvidenceFile] = []
        for id in Set(evidence.compactMap(\.fileID)) { if let file = try await store.evidence.find(id) { files.append(file) } }
        let active = Set(try await store.cases.officers(of: theCase.id).filter(\.isActive).map(\.userID))
        let officers = try await standards.qualifications(in: [organisation], store: store).filter { active.contains($0.user.id) }
        let parties = try await store.cases.parties(of: theCase.id)
        let events = try await store.cases.events(of: theCase.id)
        let documents = try await store.caseRecords.documents(of: theCase.id)
        var reviewNeeded = false
        if forNextStage {
            // The rows just read are the facts the catalogue reads; only its versions and the item's law are read on top.
            let facts = ReviewRequirementFacts(level: organisation.level, events: events, documents: documents,
                                               concernsPerson: parties.contains { $0.kind == .person },
                                               itemLaw: try await ReviewRequirementFacts.itemLaw(theCase.itemEntryID, in: store),
                                               catalogues: try await CataloguesInForce.load(organisation.id, in: store))
            reviewNeeded = try await self.reviewNeeded(theCase, facts: facts, store: store)
        }
        let snapshot = CaseSnapshot(enforcementCase: theCase, parties: parties, events: events, documents: documents,
                                    evidence: evidence, fileKinds: Dictionary(files.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a }),
                                    officers: officers,
                                    audioVideoStages: try await Self.audioVideoStages(organisation: organisation.id, category: theCase.category,
                                                                                      simple: theCase.simple, in: store),
                                    reviewNeeded: reviewNeeded)
        return (snapshot, files)
    }

    /// Whether the case goes through 法制审核: its draft decision (or, before there is one, what
    /// its notice proposed) is major by the catalogue, or a review was asked for (REV-2).
    func reviewNeeded(_ theCase: EnforcementCase, facts: ReviewRequirementFacts, store: any Store) async throws -> Bool {
        // Only a case that has not yet reached 法制审核 asks where it goes next.
        guard let review = theCase.stages.firstIndex(where: { $0.code == "review" }),
              let current = theCase.stages.firstIndex(where: { $0.code == theCase.stage }), current < review else { return false }
        if try await !store.reviews.records(ofCase: theCase.id).isEmpty { return true }
        let draft = facts.documents.filter { $0.type.isDecision && $0.status != .issued }.max { $0.draftedAt < $1.draftedAt }
        // A 严重 violation goes through it too: its collective discussion is recorded on the review (REV-10).
        let requirement = facts.requirement(for: draft, in: theCase, on: clock.today)
        return requirement.required || requirement.collectiveDiscussion
    }

    /// 音像记录事项清单 — the stages that need an audio/video record (REC-3): the defaults
    /// (国办发〔2018〕118号) as changed by the organisation.
    public func audioVideoStages(organisation: Organisation.ID, category: EnforcementCategory, simple: Bool = false) async throws -> Set<String> {
        try await Self.audioVideoStages(organisation: organisation, category: category, simple: simple, in: store)
    }

    /// ``audioVideoStages(organisation:category:simple:)`` read through `store` (inside a
    /// transaction, or for any area that decides what a case may do).
    static func audioVideoStages(organisation: Organisation.ID, category: EnforcementCategory, simple: Bool,
                                 in store: any Store) async throws -> Set<String> {
        let overrides = try await store.caseSettings.audioVideoList(organisation: organisation, category: category)
        return Set(Procedures.stages(for: category, simple: simple).filter { overrides[Self.audioVideoKey($0.code, simple: simple)] ?? $0.audioVideo }
            .map(\.code))
    }

    /// The simple procedure's stages are listed apart: `simple:delivery` is 当场交付, not 送达.
    static func audioVideoKey(_ stage: String, simple: Bool) -> String { simple ? "simple:\(stage)" : stage }

    /// Changes the organisation's 音像记录事项清单 (administrator or head).
    public func setAudioVideoRequirement(category: EnforcementCategory, stage: String, simple: Bool = false, required: Bool,
                                         by actor: Actor) async throws {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        try await guarded(actor, "audio_video_list", id: nil, in: organisation) { try DeskPermissions(actor: actor).check(.configureCases) }
        guard !simple || category == .penalty else { throw SunlightError.invalid("simple", "简易程序只适用于行政处罚", rule: .std4) }
        guard let definition = Procedures.stages(for: category, simple: simple).first(where: { $0.code == stage }) else {
            throw SunlightError.invalid("stage", "没有这个环节", rule: .rec3)
        }
        let key = Self.audioVideoKey(stage, simple: simple)
        try await commit(actor, .update, "audio_video_list", id: "\(category.rawValue)/\(key)", in: organisation,
                         "音像记录事项清单：\(category.chineseName)\(simple ? "（简易程序）" : "")“\(definition.name)”\(required ? "须" : "不须")音像记录") { tx, _ in
            try await tx.caseSettings.setAudioVideo(organisation: organisation.id, category: category, stage: key, required: required)
            return ((), [AudioVideoListEntry(organisationID: organisation.id, category: category, stage: key, required: required).ledgerRecord])
        }
    }

    /// Appends case events and saves the case as it now stands, in the caller's transaction.
    static func record(_ events: [CaseEvent], case theCase: EnforcementCase, changed: Bool, secrets: any SecretGenerator,
                       in tx: any Store) async throws -> [LedgerRecord] {
        var records: [LedgerRecord] = []
        for event in events {
            try await tx.cases.append(event)
            records.append(event.ledgerRecord(organisationID: theCase.organisationID))
        }
        if changed {
            try await tx.cases.update(theCase)
            records.append(theCase.ledgerRecord("case.updated", title: try await titleSeal(of: theCase, in: tx, secrets: secrets)))
        }
        return records
    }
}

// Every area reads and works cases through these scope checks (REC-11).
extension UseCaseArea {
    /// A case the actor may work on: in their own organisation, and they are one of its
    /// officers or a head of the organisation. Refusals are logged.
    func workableCase(_ id: EnforcementCase.ID, by actor: Actor, headOnly: Bool = false) async throws -> (EnforcementCase, Organisation) {
        guard let theCase = try await store.cases.find(id) else { throw SunlightError.notFound("案件") }
        let organisation = try await requireOrganisation(theCase.organisationID)
        let assigned = try await store.cases.officers(of: id).contains { $0.isActive && $0.userID == actor.user?.id }
        try await guarded(actor, "case", id: id.uuidString, in: organisation) {
            guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
            if headOnly { try actor.require(anyOf: .head) } else if !assigned { try actor.require(anyOf: .head) }
        }
        return (theCase, organisation)
    }

    /// A case the actor may read: their organisation's (or, for a supervisor, their
    /// jurisdiction's). A classified case only as ``ClassifiedAccess`` allows (REC-11).
    func readableCase(_ id: EnforcementCase.ID, by actor: Actor) async throws -> (EnforcementCase, Organisation) {
        guard let theCase = try await store.cases.find(id) else { throw SunlightError.notFound("案件") }
        let organisation = try await requireOrganisation(theCase.organisationID)
        try await guarded(actor, "case", id: id.uuidString, in: organisation) { try actor.requireRead(organisation) }
        try await requireClassifiedRead(theCase, in: organisation, by: actor)
        return (theCase, organisation)
    }
}
