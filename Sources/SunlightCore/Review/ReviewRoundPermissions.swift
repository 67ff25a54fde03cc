import Foundation

/// 审核轮次操作 — what can be recorded on a round of legal review (REV-5..8). The raw value is
/// the last segment of the form's address and its `data-action` (`review.opinion`).
public enum ReviewRoundAction: String, CaseIterable, Sendable, NamedAction {
    /// 审核意见 — an eligible legal reviewer answers the checklist and gives the opinion.
    case opinion
    /// 意见协调 — after an opinion that did not approve.
    case coordination
    /// 集体讨论 — the heads discuss a decision whose review passed.
    case discussion

    public static let area = "review"
}

/// Who may record what on one round now (REV-5..8): the opinion by a legal reviewer of the
/// case's organisation or one above it who is not an officer of the case and — for a first
/// penalty review — holds the legal professional qualification (行政处罚法 第五十八条); the
/// coordination by the case's organisation or such a reviewer; the collective discussion by a
/// head of the case's organisation. Only on the latest round of an open case.
public struct ReviewRoundPermissions: Permissions {
    public let actor: Actor
    public let enforcementCase: EnforcementCase
    /// The case's organisation.
    public let organisation: Organisation
    public let round: ReviewRound
    /// This is the latest round of the draft.
    public let latest: Bool
    /// Everyone ever assigned to the case (a recused officer may not review it either).
    public let caseOfficers: Set<StaffUser.ID>
    /// The actor has given an opinion on a penalty case before (REV-8).
    public let reviewedPenaltyBefore: Bool

    public init(actor: Actor, enforcementCase: EnforcementCase, organisation: Organisation, round: ReviewRound, latest: Bool,
                caseOfficers: Set<StaffUser.ID>, reviewedPenaltyBefore: Bool) {
        self.actor = actor
        self.enforcementCase = enforcementCase
        self.organisation = organisation
        self.round = round
        self.latest = latest
        self.caseOfficers = caseOfficers
        self.reviewedPenaltyBefore = reviewedPenaltyBefore
    }

    public func check(_ action: ReviewRoundAction) throws {
        switch action {
        case .opinion:
            try requireReviewer()
            guard let user = actor.user else { throw SunlightError.outsideScope }
            guard !caseOfficers.contains(user.id) else { throw ReviewGate.refuse(.rev8, "审核人员不得是本案的执法人员", code: "review.conflict") }
            if enforcementCase.category == .penalty, (user.legalQualification ?? "").trimmed.isEmpty, !reviewedPenaltyBefore {
                throw ReviewGate.refuse(.rev8, "初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（行政处罚法第五十八条）",
                                        code: "review.qualification")
            }
            try requireOpenLatest()
            guard round.pending else {
                throw ReviewGate.refuse(.rev5, "该轮审核已有审核意见；每轮只有一个意见，退回后重新送审为新的一轮", code: "review.already_reviewed")
            }
        case .coordination:
            guard actor.scope.canChange(organisation) || passes(requireReviewer) else { throw SunlightError.outsideScope }
            try requireOpenLatest()
            guard let opinion = round.opinion, opinion.outcome != .approve else {
                throw ReviewGate.refuse(.rev6, "只有未获同意的审核意见才需要协调", code: "review.nothing_to_coordinate")
            }
        case .discussion:
            guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
            try actor.require(anyOf: .head)
            try requireOpenLatest()
            guard round.approved else {
                throw ReviewGate.refuse(.rev7, "法制审核通过后方可提请集体讨论", code: "review.discussion_before_approval")
            }
        }
    }

    /// A legal reviewer of the case's organisation or of one above it (REV-8).
    private func requireReviewer() throws {
        guard let user = actor.user, user.has(.legalReviewer) else {
            throw SunlightError(.forbidden, code: "review.not_reviewer", "只有法制审核人员可以审核", rule: .rev8)
        }
        guard let mine = actor.organisation, organisation.path.hasPrefix(mine.path) else {
            throw SunlightError(.forbidden, code: "review.outside_scope", "只能审核本机构或下级机构的重大执法决定", rule: .rev8)
        }
    }

    private func requireOpenLatest() throws {
        guard enforcementCase.status == .open else {
            throw CaseRules.refuse(.rec1, "案件已\(enforcementCase.status.chineseName)", code: "case.not_open")
        }
        guard latest else {
            throw ReviewGate.refuse(.rev5, "第 \(round.number) 轮之后已有新的送审，请在最新一轮上办理", code: "review.superseded")
        }
    }
}

extension ReviewUseCases {
    /// A round the actor may read, and what the actor may record on it (``ReviewRoundPermissions``).
    func reviewRoundPermissions(_ roundID: UUID, by actor: Actor) async throws -> (ReviewRecord, Organisation, ReviewRoundPermissions) {
        guard let submission = try await store.reviews.record(roundID), submission.submission != nil else { throw SunlightError.notFound("送审记录") }
        let (theCase, organisation) = try await readableCase(submission.caseID, by: actor)
        let history = ReviewHistory(documentID: submission.documentID, records: try await store.reviews.records(ofCase: theCase.id))
        guard let round = history.rounds.first(where: { $0.submissionRecord.id == roundID }) else { throw SunlightError.notFound("送审记录") }
        let officers = Set(try await store.cases.officers(of: theCase.id).map(\.userID))
        var reviewedBefore = false
        if let user = actor.user, user.has(.legalReviewer), theCase.category == .penalty, (user.legalQualification ?? "").trimmed.isEmpty {
            // The reviewer's own earlier opinions, and whether any was on a penalty case.
            let reviewed = Set(try await store.reviews.records(organisations: [theCase.organisationID])
                .filter { $0.opinion != nil && $0.recordedBy == user.id }.map(\.caseID))
            reviewedBefore = try await store.cases.find(ids: Array(reviewed)).contains { $0.category == .penalty }
        }
        return (submission, organisation, ReviewRoundPermissions(actor: actor, enforcementCase: theCase, organisation: organisation, round: round,
                                                                 latest: round.number == history.last?.number, caseOfficers: officers,
                                                                 reviewedPenaltyBefore: reviewedBefore))
    }

    /// What the actor may record on this round now — the decision its use cases make (REV-5..8).
    public func reviewRoundActions(_ roundID: UUID, by actor: Actor) async throws -> Set<ReviewRoundAction> {
        try await reviewRoundPermissions(roundID, by: actor).2.allowed
    }

    /// Why the actor may not give the opinion on this round now, in the refusal's words; `nil` when they may.
    public func opinionRefusal(_ roundID: UUID, by actor: Actor) async throws -> String? {
        do { try await reviewRoundPermissions(roundID, by: actor).2.check(.opinion); return nil } catch let error as SunlightError { return error.message }
    }
}
