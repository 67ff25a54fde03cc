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

/// 问题线索 — something the supervisor should look at (REV-9).
public struct ReviewFlag: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A decision made without the review it needed.
        case missingReview = "missing_review"
        /// A draft sent back by the reviewer resubmitted unchanged, without a recorded coordination.
        case opinionIgnored = "opinion_ignored"

        public var chineseName: String { self == .missingReview ? "应审未审" : "无正当理由不采纳审核意见" }
    }

    public let kind: Kind
    public let caseID: EnforcementCase.ID
    public let caseNumber: String
    public let organisationName: String
    public let documentID: UUID
    public let detail: String
    public let on: CivilDate
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

    /// The flags of these organisations' cases, newest first; not logged (the callers log their
    /// reads). Only the cases that can have one are loaded: general-procedure cases with an issued
    /// decision or a review record.
    func reviewFlags(in organisations: [Organisation]) async throws -> [ReviewFlag] {
        let names = Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let cases = try await store.cases.reviewable(organisations: Array(names.keys), decisionTypes: Set(DocumentType.allCases.filter(\.isReviewable)))
        let ids = cases.map(\.id)
        let documents = Dictionary(grouping: try await store.caseRecords.documents(ofCases: ids), by: \.caseID)
        let records = Dictionary(grouping: try await store.reviews.records(ofCases: ids), by: \.caseID)
        var flags: [ReviewFlag] = []
        for theCase in cases where !theCase.simple {
            let caseRecords = records[theCase.id] ?? []
            let organisation = names[theCase.organisationID] ?? ""
            for document in documents[theCase.id] ?? [] where document.type.isReviewable && document.status == .issued {
                let issuedOn = document.issuedOn ?? clock.today
                // The stricter of the version in force at the notice and at the decision (REV-10).
                let requirement = try await reviewRequirement(for: document, in: theCase, store: store, on: issuedOn)
                do {
                    try ReviewGate.check(document, requirement: requirement, history: ReviewHistory(documentID: document.id, records: caseRecords))
                } catch let error as SunlightError {
                    flags.append(ReviewFlag(kind: .missingReview, caseID: theCase.id, caseNumber: theCase.number, organisationName: organisation,
                                            documentID: document.id, detail: "\(document.type.chineseName)\(document.number.map { "（\($0)）" } ?? "")：\(error.message)",
                                            on: issuedOn))
                }
            }
            for documentID in Set(caseRecords.map(\.documentID)) {
                let rounds = ReviewHistory(documentID: documentID, records: caseRecords).rounds
                for (previous, next) in zip(rounds, rounds.dropFirst()) {
                    guard let opinion = previous.opinion, opinion.outcome != .approve, previous.coordinations.isEmpty,
                          previous.submission.draftHash == next.submission.draftHash else { continue }
                    flags.append(ReviewFlag(kind: .opinionIgnored, caseID: theCase.id, caseNumber: theCase.number, organisationName: organisation,
                                            documentID: documentID,
                                            detail: "第 \(previous.number) 轮审核意见为“\(opinion.outcome.chineseName)”，第 \(next.number) 轮未作修改、未经协调即重新送审",
                                            on: next.submission.submittedOn))
                }
            }
        }
        return flags.sorted { ($0.on, $0.caseNumber) > ($1.on, $1.caseNumber) }
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
