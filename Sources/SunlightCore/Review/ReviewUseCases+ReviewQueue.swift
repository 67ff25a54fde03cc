import Foundation

/// 待审事项 — one round in a reviewer's queue, with its deadline (REV-5).
public struct ReviewQueueItem: Sendable {
    public let round: ReviewRound
    public let enforcementCase: EnforcementCase
    public let organisation: Organisation
    public let document: CaseDocument
    /// `nil` when the deadline cannot be computed (CAL-1) or the round is done.
    public let state: DeadlineState?
    /// The actor is an officer of the case and may not review it (REV-8).
    public let conflict: Bool
}

extension ReviewUseCases {
    /// 审核工作台 — the rounds of the organisations the actor reviews for (their own and those
    /// below), open ones first by deadline; with `includeDone`, finished rounds too.
    public func reviewQueue(includeDone: Bool = false, by actor: Actor) async throws -> [ReviewQueueItem] {
        guard let me = actor.user, let home = actor.organisation else { throw SunlightError.outsideScope }
        try await guarded(actor, "review_record", id: nil, in: home) { try DeskPermissions(actor: actor).check(.review) }
        let organisations = try await store.organisations.subtree(home.path) + (actor.has(.supervisor) ? try await readableOrganisations(of: actor) : [])
        let byID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Open rounds are on running cases; finished ones only when asked for.
        let records = includeDone ? try await store.reviews.records(organisations: Array(byID.keys))
            : try await store.reviews.records(runningCasesOf: Array(byID.keys))
        let calendar = try await calendars.current()
        var items: [ReviewQueueItem] = []
        for (caseID, caseRecords) in Dictionary(grouping: records, by: \.caseID) {
            guard let theCase = try await store.cases.find(caseID), let organisation = byID[theCase.organisationID] else { continue }
            let officers = Set(try await store.cases.officers(of: caseID).map(\.userID))
            for documentID in Set(caseRecords.map(\.documentID)) {
                let history = ReviewHistory(documentID: documentID, records: caseRecords)
                guard let document = try await store.caseRecords.document(documentID) else { continue }
                for round in history.rounds where includeDone || (round.pending && round.number == history.last?.number) {
                    let state = round.pending ? deadlineState(of: round.submission.due(on: calendar), calendar: calendar) : nil
                    items.append(ReviewQueueItem(round: round, enforcementCase: theCase, organisation: organisation, document: document,
                                                 state: state, conflict: officers.contains(me.id)))
                }
            }
        }
        try await log(actor, .read, "review_record", id: nil, in: home, "查看法制审核工作台（\(items.count) 项）")
        return items.sorted { a, b in
            if a.round.pending != b.round.pending { return a.round.pending }
            return (a.round.submission.due(on: calendar).dayNumber, a.round.submissionRecord.recordedAt)
                < (b.round.submission.due(on: calendar).dayNumber, b.round.submissionRecord.recordedAt)
        }
    }

    /// One round with its case and draft, for the review page.
    public func reviewRound(_ roundID: UUID, by actor: Actor) async throws -> (round: ReviewRound, history: ReviewHistory, case: EnforcementCase,
                                                                            document: CaseDocument, requirement: ReviewRequirement) {
        guard let record = try await store.reviews.record(roundID), record.submission != nil else { throw SunlightError.notFound("送审记录") }
        let (theCase, organisation) = try await readableCase(record.caseID, by: actor)
        guard let document = try await store.caseRecords.document(record.documentID) else { throw SunlightError.notFound("文书") }
        let history = ReviewHistory(documentID: record.documentID, records: try await store.reviews.records(ofCase: theCase.id))
        guard let round = history.rounds.first(where: { $0.submissionRecord.id == roundID }) else { throw SunlightError.notFound("送审记录") }
        try await log(actor, .read, "review_record", id: roundID.uuidString, in: organisation, "查看法制审核（\(theCase.number) 第 \(round.number) 轮）")
        return (round, history, theCase, document, try await reviewRequirement(for: document, in: theCase, store: store))
    }

    /// 监督线索 (REV-9) — in the actor's jurisdiction: decisions made without the review they
    /// needed (say, entered by an import, or before a catalogue change), and drafts the
    /// reviewer sent back that came back unchanged without a recorded coordination.
    public func reviewFlags(by actor: Actor) async throws -> [ReviewFlag] {
        guard let home = actor.organisation else { throw SunlightError.outsideScope }
        try await guarded(actor, "review_flag", id: nil, in: home) { try actor.require(anyOf: .supervisor, .head, .legalReviewer) }
        let flags = try await reviewFlags(in: try await readableOrganisations(of: actor))
        try await log(actor, .read, "review_flag", id: nil, in: home, "查看法制审核监督线索（\(flags.count) 条）")
        return flags
    }

    /// The flags of these organisations' cases, newest first, from the read model kept with
    /// the records (``ReviewFlags``); not logged (the callers log their reads).
    func reviewFlags(in organisations: [Organisation]) async throws -> [ReviewFlag] {
        let names = Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return try await store.reviewFlags.flags(organisations: Array(names.keys)).map { $0.named(names[$0.organisationID] ?? "") }
    }

    /// 法制审核统计 (REV issue §8) — per organisation, of the rounds submitted between the dates.
    public func reviewStatistics(from: CivilDate, to: CivilDate, by actor: Actor) async throws -> ReviewStatistics {
        guard let home = actor.organisation else { throw SunlightError.outsideScope }
        try await guarded(actor, "review_record", id: nil, in: home) { try DeskPermissions(actor: actor).check(.review) }
        guard from <= to else { throw SunlightError.invalid("from", "开始日期不能晚于结束日期") }
        let organisations = try await readableOrganisations(of: actor)
        let records = try await store.reviews.records(organisations: organisations.map(\.id))
        let calendar = try await calendars.current()
        try await log(actor, .read, "review_record", id: nil, in: home, "查看法制审核统计（\(from.iso)–\(to.iso)）")
        return ReviewStatistics.compute(records: records, organisations: organisations, from: from, to: to, today: clock.today, calendar: calendar)
    }
}
