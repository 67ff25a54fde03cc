import Foundation

/// 文书操作 — the four steps of a document (REC-6) and returning it to draft. The raw value is
/// the last segment of the form's address and its `data-action` (`document.sign`).
public enum DocumentAction: String, CaseIterable, Sendable, NamedAction {
    /// 修改草稿.
    case revise
    /// 送审.
    case submit
    /// 退回 — by whoever may sign it, or withdrawn by its drafter.
    case returnToDraft = "return"
    /// 审签 — the statutory checks of a decision (REC-13, STD-3, STD-4, REV-1) stay in the use case.
    case sign
    /// 出具.
    case issue
    /// 提交法制审核 — a draft decision of an ordinary-procedure case (REV-3).
    case submitForReview = "legal-review"

    public static let area = "document"
}

/// Who may take each step of one document now (REC-6): the organisation's head or an active
/// officer of the case, on an open case, in the document's status; an approval, notice or
/// decision is signed by the head, a record by a second officer of the case who did not draft it;
/// a draft under legal review is not revised (REV-3).
public struct DocumentPermissions: Permissions {
    public let document: CaseDocument
    /// The case's permissions for the same reader.
    public let onCase: CasePermissions
    /// The draft is in a legal-review round that has not been answered (REV-3).
    public let reviewPending: Bool
    /// Who gave an opinion on any round of the draft's legal review: they never sign it (REV-10).
    public let reviewers: Set<StaffUser.ID>

    public init(document: CaseDocument, onCase: CasePermissions, reviewPending: Bool, reviewers: Set<StaffUser.ID> = []) {
        self.document = document
        self.onCase = onCase
        self.reviewPending = reviewPending
        self.reviewers = reviewers
    }

    public func check(_ action: DocumentAction) throws {
        let actor = onCase.actor, theCase = onCase.enforcementCase
        guard actor.scope.canChange(onCase.organisation) else { throw SunlightError.outsideScope }
        if !onCase.assigned { try actor.require(anyOf: .head) }
        let me = actor.user?.id
        switch action {
        case .revise:
            guard document.status == .draft else {
                throw CaseRules.refuse(.rec6, "只有草稿可以修改；已签发的文书如有错误，应另行出具更正文书", code: "case.document_locked")
            }
            try requireOpen(theCase)
            if reviewPending { throw ReviewGate.refuse(.rev3, "决定书正在法制审核中，审核完成前不能修改", code: "review.pending") }
        case .submit:
            try requireStatus(.draft, "送审")
            try requireOpen(theCase)
        case .returnToDraft:
            try requireStatus(.review, "退回")
            try requireOpen(theCase)
            guard me != nil, me == document.draftedBy || (document.type.signedByHead ? actor.has(.head) : onCase.assigned) else {
                throw CaseRules.refuse(.rec6, "只有起草人或有权签发的人可以退回\(document.type.chineseName)", code: "case.document_signer")
            }
        case .sign:
            try requireStatus(.review, "签发")
            try requireOpen(theCase)
            if let me, reviewers.contains(me) {
                throw ReviewGate.refuse(.rev10, "您审核过本\(document.type.chineseName)，审核人员不得签发其审核的决定（法制审核与决定相分离，"
                                        + "《中华人民共和国行政处罚法》第五十八条）", code: "review.reviewer_signs")
            }
            if document.type.signedByHead {
                try actor.require(anyOf: .head)
            } else {
                guard let me, onCase.activeOfficers.contains(me), me != document.draftedBy else {
                    throw CaseRules.refuse(.rec6, "\(document.type.chineseName)应由制作人以外的另一名承办人员核对签名", code: "case.document_signer")
                }
            }
        case .issue:
            try requireStatus(.signed, "出具")
            try requireOpen(theCase)
        case .submitForReview:
            guard document.type.isReviewable, !theCase.simple else {
                throw ReviewGate.refuse(.rev2, "只有拟作出的执法决定需要法制审核；简易程序当场作出的决定不属于审核范围", code: "review.not_a_decision")
            }
            try requireOpen(theCase)
            guard document.status == .draft || document.status == .review else {
                throw ReviewGate.refuse(.rev1, "\(document.type.chineseName)已\(document.status.chineseName)，法制审核应在作出决定之前", code: "review.too_late")
            }
            if reviewPending { throw ReviewGate.refuse(.rev3, "本轮法制审核尚未完成，不能重复送审", code: "review.pending") }
        }
    }

    private func requireStatus(_ status: CaseDocument.Status, _ step: String) throws {
        guard document.status == status else {
            throw CaseRules.refuse(.rec6, "\(document.type.chineseName)目前“\(document.status.chineseName)”，不能\(step)", code: "case.document_status")
        }
    }

    private func requireOpen(_ theCase: EnforcementCase) throws {
        guard theCase.status == .open else { throw CaseRules.refuse(.rec1, "案件已\(theCase.status.chineseName)", code: "case.not_open") }
    }
}

extension CaseUseCases {

    /// What the actor may do to this document now — the decision its use cases make (REC-6).
    public func documentActions(_ id: UUID, by actor: Actor) async throws -> Set<DocumentAction> {
        try await documentPermissions(id, by: actor).3.allowed
    }
}

extension UseCaseArea {
    /// A document the actor may take `action` on now; a refusal for lack of role or scope is logged.
    func workableDocument(_ id: UUID, _ action: DocumentAction, by actor: Actor) async throws -> (CaseDocument, EnforcementCase, Organisation) {
        let (document, theCase, organisation, permissions) = try await documentPermissions(id, by: actor)
        try await guarded(actor, "case", id: theCase.id.uuidString, in: organisation) { try permissions.check(action) }
        return (document, theCase, organisation)
    }
}

extension UseCaseArea {
    /// A document and what the actor may do to it (``DocumentPermissions``).
    func documentPermissions(_ id: UUID, by actor: Actor) async throws -> (CaseDocument, EnforcementCase, Organisation, DocumentPermissions) {
        guard let document = try await store.caseRecords.document(id) else { throw SunlightError.notFound("文书") }
        guard let theCase = try await store.cases.find(document.caseID) else { throw SunlightError.notFound("案件") }
        let organisation = try await requireOrganisation(theCase.organisationID)
        let onCase = try await casePermissions(theCase, in: organisation, by: actor)
        var pending = false
        var reviewers: Set<StaffUser.ID> = []
        if document.type.isReviewable {
            let records = try await store.reviews.records(ofCase: theCase.id)
            pending = ReviewHistory(documentID: id, records: records).last?.pending == true
            reviewers = Set(records.filter { $0.documentID == id && $0.opinion != nil }.compactMap(\.recordedBy))
        }
        return (document, theCase, organisation, DocumentPermissions(document: document, onCase: onCase, reviewPending: pending, reviewers: reviewers))
    }
}
