import Foundation

/// 案件办理操作 — what can be done to a case from its page (REC-1..13, REV-2). The raw value is
/// the last segment of the form's address and its `data-action` (`case.complete`).
public enum CaseAction: String, CaseIterable, Sendable, NamedAction {
    /// 完成环节 — its gates are checked by the use case and shown as the page's blocker.
    case complete
    /// 起草文书.
    case draft = "documents"
    /// 证据登记 (with or without a file).
    case evidence
    /// 当事人陈述申辩、听证要求.
    case response
    /// 缴纳罚款.
    case payment
    /// 申请免于音像记录.
    case requestExemption = "av-exemption"
    /// 批准免于音像记录.
    case approveExemption = "av-exemption-approve"
    /// 申请期限扣除.
    case deduction
    /// 批准期限扣除.
    case approveDeduction = "deduction-approve"
    /// 先行登记保存.
    case preservation
    /// 申请延长办案期限.
    case extend = "extension"
    /// 批准延长办案期限.
    case approveExtension = "extension-approve"
    /// 中止、恢复、终止.
    case changeStatus = "status"
    /// 设定密级.
    case classify = "classification"
    /// 干预记录.
    case interference
    /// 指派执法人员.
    case assign = "officers"
    /// 回避.
    case recuse
    /// 认定重大执法决定情形.
    case declareMajor = "major-factors"
    /// 解除查封、扣押 (REC-16).
    case releaseSeizure = "seizure-release"

    public static let area = "case"
}

/// Who may do what to one case now (REC-1..13): the organisation's head, or an active officer of
/// the case, for the steps of the record; the head alone for the decisions about the case itself
/// (status, time limit, officers, classification, exemptions). Each action also needs the case in
/// the state it belongs to. The statutory gates of a step (a stage's completion, a decision's
/// checks) stay in the use case, which refuses with the statute; this decides whether the step is
/// open to the actor at all.
public struct CasePermissions: Permissions {
    public let actor: Actor
    public let enforcementCase: EnforcementCase
    public let organisation: Organisation
    /// The active officers of the case.
    public let activeOfficers: Set<StaffUser.ID>
    public let events: [CaseEvent]
    public let documents: [CaseDocument]
    /// Stages on the organisation's 音像记录事项清单 for this kind of case (REC-3).
    public let audioVideoStages: Set<String>

    public init(actor: Actor, enforcementCase: EnforcementCase, organisation: Organisation, activeOfficers: Set<StaffUser.ID>,
                events: [CaseEvent], documents: [CaseDocument], audioVideoStages: Set<String>) {
        self.actor = actor
        self.enforcementCase = enforcementCase
        self.organisation = organisation
        self.activeOfficers = activeOfficers
        self.events = events
        self.documents = documents
        self.audioVideoStages = audioVideoStages
    }

    /// Whether the actor is an active officer of the case.
    public var assigned: Bool { actor.user.map { activeOfficers.contains($0.id) } ?? false }

    public func check(_ action: CaseAction) throws {
        let theCase = enforcementCase
        switch action {
        case .complete:
            try requireWork()
            guard theCase.currentStage != nil else { throw CaseRules.refuse(.rec1, "案件已办结，没有待完成的环节", code: "case.no_stage") }
            guard theCase.status == .open || (theCase.status == .closed && theCase.stage == "archiving") else { throw notOpen }
        case .draft, .deduction, .preservation:
            try requireWork()
            try requireOpen()
        case .evidence:
            try requireWork()
            guard theCase.status == .open, theCase.currentStage != nil else { throw notOpen }
        case .response:
            try requireWork()
            guard theCase.status == .open, theCase.category == .penalty, !theCase.simple else {
                throw CaseRules.refuse(.rec13, "只有办理中的普通程序处罚案件登记当事人陈述申辩和听证要求", code: "case.response_stage")
            }
            guard documents.contains(where: { $0.type == .penaltyNotice && $0.status == .issued && $0.issuedOn != nil }) else {
                throw CaseRules.refuse(.rec13, "尚未出具行政处罚事先告知书", code: "case.no_notice")
            }
        case .payment:
            try requireWork()
            try requireOpen()
            guard let fine = CaseRules.decidedFine(documents), fine > 0 else {
                throw CaseRules.refuse(.rec13, "本案没有已出具的罚款决定", code: "case.no_fine")
            }
            guard !events.contains(where: { $0.kind == .paid }) else { throw CaseRules.refuse(.rec13, "罚款已经缴纳", code: "case.paid_twice") }
        case .requestExemption:
            try requireWork()
            guard theCase.status == .open, let stage = theCase.currentStage else { throw notOpen }
            guard audioVideoStages.contains(stage.code) else {
                throw CaseRules.refuse(.rec3, "“\(stage.name)”不在音像记录事项清单内，无须申请", code: "case.av_not_listed")
            }
            guard exemptionRequest == nil, !exemptionApproved else {
                throw CaseRules.refuse(.rec3, "本环节已经申请免于音像记录", code: "case.av_requested")
            }
        case .approveExemption:
            try requireHead()
            guard let request = exemptionRequest, !exemptionApproved else {
                throw SunlightError.notFound("本环节待批准的免于音像记录申请")
            }
            guard request.by != actor.user?.id else {
                throw CaseRules.refuse(.rec3, "免于音像记录的理由须由申请人以外的负责人审核批准", code: "case.av_self_approval")
            }
        case .extend:
            try requireWork()
            try requireOpen()
            switch theCase.category {
            case .penalty where !theCase.simple, .permit, .coercion: break
            default: throw CaseRules.refuse(.rec17, "本类案件没有可延长的法定期限", code: "case.extension_limit")
            }
        case .approveExtension, .approveDeduction:
            try requireHead()
            try requireOpen()
            let requests = CaseTimeLimits.pending(action == .approveExtension ? .extensionRequested : .deductionRequested, in: events)
            guard !requests.isEmpty else { throw SunlightError.notFound(action == .approveExtension ? "待批准的延长申请" : "待批准的期限扣除申请") }
            guard requests.contains(where: { $0.by != actor.user?.id }) else {
                throw CaseRules.refuse(.rec17, "期限的延长和扣除须由申请人以外的负责人批准", code: "case.self_approval")
            }
        case .changeStatus, .assign:
            try requireHead()
            guard theCase.status == .open || theCase.status == .suspended else { throw notOpen }
        case .classify:
            try requireHead()
        case .interference:
            try requireWork()
        case .recuse:
            try requireHead()
            guard activeOfficers.count > 2 else {
                throw CaseRules.refuse(.rec7, "本案只有 \(activeOfficers.count) 名执法人员；请先指派其他执法人员，案件不得少于两名执法人员", code: "case.officers")
            }
        case .releaseSeizure:
            try requireHead()
            guard documents.contains(where: { $0.type == .seizureDecision && $0.status == .issued
                                              && !releasedSeizures.contains($0.id.uuidString.lowercased()) }) else {
                throw SunlightError.notFound("未解除的查封、扣押")
            }
        case .declareMajor:
            try requireWork()
            try requireOpen()
            guard theCase.stages.contains(where: { $0.code == "review" }) else {
                throw ReviewGate.refuse(.rev2, "本程序没有法制审核环节", code: "review.not_applicable")
            }
        }
    }

    /// The seizure decisions already released (REC-16).
    var releasedSeizures: Set<String> { Set(events.filter { $0.kind == .seizureReleased }.compactMap { $0.data["document"] }) }

    /// The current stage's pending request to go without audio/video, if any (REC-3).
    public var exemptionRequest: CaseEvent? {
        exemptionApproved ? nil : events.last { $0.kind == .audioVideoExemptionRequested && $0.stage == enforcementCase.stage }
    }

    public var exemptionApproved: Bool {
        events.contains { $0.kind == .audioVideoExemptionApproved && $0.stage == enforcementCase.stage }
    }

    /// The organisation's own staff: its head, or an active officer of the case.
    private func requireWork() throws {
        guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
        if !assigned { try actor.require(anyOf: .head) }
    }

    private func requireHead() throws {
        guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
        try actor.require(anyOf: .head)
    }

    private func requireOpen() throws { guard enforcementCase.status == .open else { throw notOpen } }

    private var notOpen: SunlightError {
        CaseRules.refuse(.rec1, "案件处于“\(enforcementCase.status.chineseName)”状态", code: "case.not_open")
    }
}

extension CaseUseCases {

    /// What the actor may do to this case now — the decision its use cases make.
    public func caseActions(_ id: EnforcementCase.ID, by actor: Actor) async throws -> Set<CaseAction> {
        guard let theCase = try await store.cases.find(id) else { throw SunlightError.notFound("案件") }
        let organisation = try await requireOrganisation(theCase.organisationID)
        return try await casePermissions(theCase, in: organisation, by: actor).allowed
    }
}

extension UseCaseArea {
    /// A case the actor may take `action` on now; a refusal for lack of role or scope is logged.
    func workableCase(_ id: EnforcementCase.ID, _ action: CaseAction, by actor: Actor) async throws -> (EnforcementCase, Organisation) {
        guard let theCase = try await store.cases.find(id) else { throw SunlightError.notFound("案件") }
        let organisation = try await requireOrganisation(theCase.organisationID)
        let permissions = try await casePermissions(theCase, in: organisation, by: actor)
        try await guarded(actor, "case", id: id.uuidString, in: organisation) { try permissions.check(action) }
        return (theCase, organisation)
    }
}

extension UseCaseArea {
    /// What the actor may do to the case now, from what is stored (``CasePermissions``).
    func casePermissions(_ theCase: EnforcementCase, in organisation: Organisation, by actor: Actor,
                         store: (any Store)? = nil) async throws -> CasePermissions {
        let store = store ?? self.store
        return CasePermissions(actor: actor, enforcementCase: theCase, organisation: organisation,
                               activeOfficers: Set(try await store.cases.officers(of: theCase.id).filter(\.isActive).map(\.userID)),
                               events: try await store.cases.events(of: theCase.id), documents: try await store.caseRecords.documents(of: theCase.id),
                               audioVideoStages: try await CaseUseCases.audioVideoStages(organisation: organisation.id, category: theCase.category,
                                                                                         simple: theCase.simple, in: store))
    }
}
