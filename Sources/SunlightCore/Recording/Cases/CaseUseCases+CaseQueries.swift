import Foundation

/// One line of a case list.
public struct CaseSummary: Sendable {
    public let enforcementCase: EnforcementCase
    public let organisation: Organisation
    /// `false` for a classified case the reader may not open: its title is withheld (REC-11).
    public let readable: Bool
    /// The most urgent running clock.
    public let clock: CaseClock?

    public var title: String { readable ? enforcementCase.title : "（\(enforcementCase.classification.chineseName)，仅承办人员可见）" }
}

/// An officer on a case, as the case page shows them.
public struct CaseOfficerView: Sendable {
    public let assignment: CaseOfficer
    public let user: StaffUser
    public let qualification: OfficerQualification?
}

/// 案件详情 — everything recorded about a case, as its readers see it (parties unsealed).
public struct CaseDetail: Sendable {
    public let snapshot: CaseSnapshot
    public let organisation: Organisation
    public let files: [EvidenceFile.ID: EvidenceFile]
    public let officers: [CaseOfficerView]
    public let interference: [InterferenceRecord]
    public let clocks: [CaseClock]
    public let benchmarks: [DiscretionBenchmark]
    /// Why the current stage cannot be completed today, if it cannot.
    public let blocker: SunlightError?
    public let nextStage: ProcedureStage?
    /// Names of everyone who appears in the record.
    public let names: [StaffUser.ID: String]
    /// What the reader may do to the case now (``CasePermissions``); empty when read without a reader.
    public internal(set) var actions: Set<CaseAction> = []

    public var enforcementCase: EnforcementCase { snapshot.enforcementCase }
    public var parties: [CaseParty] { snapshot.parties }
    public var events: [CaseEvent] { snapshot.events }
    public var documents: [CaseDocument] { snapshot.documents }
    public var evidence: [CaseEvidence] { snapshot.evidence }

    /// A document of this case laid out for print and the case file.
    public func sheet(_ document: CaseDocument) -> DocumentSheet {
        DocumentSheet(document: document, enforcementCase: enforcementCase, organisation: organisation, parties: parties, names: names)
    }

    /// Each stage with where it stands: done, current, skipped, or to come.
    public var stageStates: [(stage: ProcedureStage, state: String)] {
        let theCase = enforcementCase
        return theCase.stages.map { stage in
            if events.contains(where: { $0.kind == .stageCompleted && $0.stage == stage.code }) { return (stage, "done") }
            if events.contains(where: { $0.kind == .stageSkipped && $0.stage == stage.code }) { return (stage, "skipped") }
            if stage.code == theCase.stage { return (stage, "current") }
            return (stage, "pending")
        }
    }
}

extension CaseUseCases {
    /// 案件列表 — the cases of the organisations the actor may read, newest first, each with
    /// its most urgent clock; `limit` of them after the first `offset`. The read is logged.
    public func cases(_ filter: CaseFilter = .all, by actor: Actor, limit: Int = 500, offset: Int = 0) async throws -> [CaseSummary] {
        guard actor.user != nil || actor.channel == .console else { throw SunlightError.outsideScope }
        var organisations: [Organisation] = []
        for path in actor.scope.readablePaths { organisations += try await store.organisations.subtree(path) }
        let byID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let found = try await store.cases.list(organisations: Array(byID.keys), filter: filter, limit: limit, offset: max(0, offset))
        let clocks = try await runningClocks(of: found)
        let mine = Set(try await actor.user.asyncMap { try await store.cases.assigned(to: $0.id) } ?? [])
        try await log(actor, .read, "case", id: nil, in: actor.organisation, "查看案件列表（\(offset > 0 ? "自第 \(offset + 1) 件起 " : "")\(found.count) 件）")
        return found.compactMap { theCase in
            byID[theCase.organisationID].map { organisation in
                CaseSummary(enforcementCase: theCase, organisation: organisation,
                            readable: Self.mayRead(theCase, in: organisation, assigned: mine.contains(theCase.id), by: actor),
                            clock: clocks[theCase.id]?.min { urgency($0) < urgency($1) })
            }
        }
    }

    /// Overdue, due soon, on time, then those that cannot be computed; earliest first.
    private func urgency(_ clock: CaseClock) -> (Int, Int) {
        let rank = switch clock.state { case .overdue: 0; case .dueSoon: 1; case .onTime: 2; case nil: 3 }
        return (rank, clock.due?.dayNumber ?? .max)
    }

    /// Whether the actor may read a (possibly classified) case of a readable organisation (REC-11).
    static func mayRead(_ theCase: EnforcementCase, in organisation: Organisation, assigned: Bool, by actor: Actor) -> Bool {
        theCase.classification == .normal || assigned || actor.has(.supervisor)
            || (actor.scope.canChange(organisation) && (actor.has(.head) || actor.has(.legalReviewer)))
    }

    /// The running clocks of several cases, read in two queries.
    func runningClocks(of cases: [EnforcementCase]) async throws -> [EnforcementCase.ID: [CaseClock]] {
        let running = cases.filter { $0.status == .open || $0.status == .suspended }
        guard !running.isEmpty else { return [:] }
        let calendar = try await calendars.current()
        var result: [EnforcementCase.ID: [CaseClock]] = [:]
        for snapshot in CaseClockSummaries.clockSnapshots(of: try await CaseRows.load(running, in: store)) {
            do {
                result[snapshot.enforcementCase.id] = try CaseClocks.clocks(for: snapshot, today: clock.today, calendar: calendar,
                                                                            dueSoonMargin: settings.dueSoonMargin)
            } catch {
                result[snapshot.enforcementCase.id] = []   // shown as not computable, never as overdue
            }
        }
        return result
    }

    /// 案件详情 — one case with all its records; the read is logged, naming the case's
    /// classification (REC-11).
    public func caseDetail(_ id: EnforcementCase.ID, by actor: Actor) async throws -> CaseDetail {
        let (theCase, organisation) = try await readableCase(id, by: actor)
        try await log(actor, .read, "case", id: id.uuidString, in: organisation,
                      "查看案件 \(theCase.number)" + (theCase.classification == .normal ? "" : "（\(theCase.classification.chineseName)）"))
        var detail = try await detail(of: theCase, in: organisation)
        detail.actions = CasePermissions(actor: actor, enforcementCase: theCase, organisation: organisation,
                                         activeOfficers: Set(detail.officers.filter(\.assignment.isActive).map(\.user.id)),
                                         events: detail.events, documents: detail.documents, audioVideoStages: detail.snapshot.audioVideoStages).allowed
        return detail
    }

    /// Everything about a case, read without logging (the caller logs).
    func detail(of theCase: EnforcementCase, in organisation: Organisation) async throws -> CaseDetail {
        let id = theCase.id
        let (stored, read) = try await snapshotAndFiles(of: theCase, in: store, forNextStage: true)
        let sealed = try await store.personalData.values(table: "case_parties", recordIDs: stored.parties.map { $0.id.uuidString.lowercased() })
        let parties = stored.parties.map { $0.unsealed(sealed) }
        let snapshot = CaseSnapshot(enforcementCase: theCase, parties: parties, events: stored.events, documents: stored.documents,
                                    evidence: stored.evidence, fileKinds: stored.fileKinds, officers: stored.officers,
                                    audioVideoStages: stored.audioVideoStages)
        var files: [EvidenceFile.ID: EvidenceFile] = [:]
        for file in try await withParties(read) { files[file.id] = file }
        let assignments = try await store.cases.officers(of: id)
        let users = try await store.users.list(in: [organisation.id])
        var byID = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for assignment in assignments where byID[assignment.userID] == nil {
            if let user = try await store.users.find(assignment.userID) { byID[user.id] = user }
        }
        // The snapshot holds the active officers' qualifications; the others' are read only if there are others.
        var qualifications = Dictionary(stored.officers.map { ($0.user.id, $0) }, uniquingKeysWith: { a, _ in a })
        if assignments.contains(where: { qualifications[$0.userID] == nil }) {
            for qualification in try await standards.qualifications(in: [organisation]) where qualifications[qualification.user.id] == nil {
                qualifications[qualification.user.id] = qualification
            }
        }
        let officers = assignments.compactMap { assignment in
            byID[assignment.userID].map { CaseOfficerView(assignment: assignment, user: $0, qualification: qualifications[$0.id]) }
        }
        var names = Dictionary(users.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        for officer in officers { names[officer.user.id] = officer.user.displayName }
        let calendar = try await calendars.current()
        let today = clock.today
        let clocks = (try? CaseClocks.clocks(for: snapshot, today: today, calendar: calendar, dueSoonMargin: settings.dueSoonMargin)) ?? []
        var blocker: SunlightError?
        if let stage = theCase.currentStage {
            do { try CaseRules.checkCompletion(of: stage, in: snapshot, today: today, calendar: calendar) } catch let error as SunlightError { blocker = error }
        }
        let benchmarks = try await theCase.itemEntryID.asyncMap { try await store.caseSettings.benchmarks(organisation: organisation.id, item: $0) } ?? []
        return CaseDetail(snapshot: snapshot, organisation: organisation, files: files, officers: officers,
                          interference: try await store.caseRecords.interference(of: id), clocks: clocks,
                          benchmarks: benchmarks.sorted { $0.minFine < $1.minFine }, blocker: blocker,
                          nextStage: theCase.currentStage.flatMap { CaseRules.nextStage(after: $0.code, in: snapshot) }, names: names)
    }

    /// A case by its ID or its number (`元市监立〔2026〕1号`), if the actor may read it.
    public func findCase(_ reference: String, by actor: Actor) async throws -> EnforcementCase {
        let reference = reference.trimmed
        if let id = UUID(uuidString: reference) { return try await readableCase(id, by: actor).0 }
        var organisations: [Organisation.ID] = []
        for path in actor.scope.readablePaths { organisations += try await store.organisations.subtree(path).map(\.id) }
        guard let found = try await store.cases.list(organisations: organisations, filter: CaseFilter(text: reference), limit: 50)
            .first(where: { $0.number == reference }) else { throw SunlightError.notFound("案号为 \(reference) 的案件") }
        return try await readableCase(found.id, by: actor).0
    }

    /// One document with its case, for the document page and the print view; the read is logged.
    public func caseDocument(_ id: UUID, by actor: Actor) async throws -> (CaseDocument, CaseDetail) {
        guard let document = try await store.caseRecords.document(id) else { throw SunlightError.notFound("文书") }
        let detail = try await caseDetail(document.caseID, by: actor)
        return (document, detail)
    }
}

extension CaseParty {
    /// The party with its sealed fields filled in from `values` (erased values say so).
    func unsealed(_ values: [PersonalValue]) -> CaseParty {
        let mine = values.filter { $0.recordID == id.uuidString.lowercased() }
        guard kind == .person, !mine.isEmpty else { return self }
        func value(_ field: String, _ current: String?) -> String? {
            guard let found = mine.first(where: { $0.field == field }) else { return current }
            return found.value ?? "（已依法删除）"
        }
        return CaseParty(id: id, caseID: caseID, kind: kind, name: value("name", name) ?? "", idNumber: value("idNumber", idNumber),
                         address: value("address", address), phone: value("phone", phone), representative: representative,
                         partyMemberOrOfficial: partyMemberOrOfficial)
    }
}
