import Foundation

/// 案件移送操作 — the steps of a transfer after it is started (SUP-2).
public enum TransferAction: String, CaseIterable, Sendable, NamedAction {
    /// 批准或不批准 — the head decides on a crime report.
    case decide
    /// 移送 — send it (with the attachments of 国务院令第310号 第六条 for the police).
    case send
    /// 接收与结果 — the receiver acknowledges, or the sender records the police's decision.
    case recordOutcome = "outcome"
    /// 提请复议 — object to the police's refusal to file, within 3 days.
    case object

    public static let area = "transfer"
}

/// Who may take each step of one transfer now (SUP-2, 国务院令第310号): the sending
/// organisation's head decides and objects; its head or an officer of the case sends; the
/// answering organisation's head or clerk records the outcome — each only in its status.
public struct TransferPermissions: Permissions {
    public let actor: Actor
    public let transfer: CaseTransfer
    /// The sending organisation (the case's).
    public let sender: Organisation
    /// Whether the actor is an active officer of the case.
    public let assignedToCase: Bool
    public let today: CivilDate

    public init(actor: Actor, transfer: CaseTransfer, sender: Organisation, assignedToCase: Bool, today: CivilDate) {
        self.actor = actor
        self.transfer = transfer
        self.sender = sender
        self.assignedToCase = assignedToCase
        self.today = today
    }

    /// The organisation that records the outcome: the receiver, or for the police the sender.
    public var answeringOrganisation: Organisation.ID { transfer.kind == .organisation ? transfer.toOrganisation ?? transfer.fromOrganisation : transfer.fromOrganisation }

    public func check(_ action: TransferAction) throws {
        switch action {
        case .decide:
            try requireCaseWork(headOnly: true)
            try requireStatus(.reported)
        case .send:
            try requireCaseWork(headOnly: false)
            try requireStatus(.approved)
        case .recordOutcome:
            try actor.require(anyOf: .head, .publicityClerk)
            guard actor.organisation?.id == answeringOrganisation else { throw SunlightError.outsideScope }
            try requireStatus(.sent)
        case .object:
            try requireCaseWork(headOnly: true)
            guard transfer.status == .declined, transfer.kind == .police, let objectBy = transfer.objectBy else { throw statusConflict }
            guard today <= objectBy else {
                throw SunlightError(.ruleViolation, code: "transfer.objection_late", "提请复议应于 \(objectBy.iso) 前提出", rule: .sup2)
            }
        }
    }

    /// The case's organisation, and its head (or, unless `headOnly`, an officer of the case).
    private func requireCaseWork(headOnly: Bool) throws {
        guard actor.scope.canChange(sender) else { throw SunlightError.outsideScope }
        if headOnly || !assignedToCase { try actor.require(anyOf: .head) }
    }

    private func requireStatus(_ status: CaseTransfer.Status) throws {
        guard transfer.status == status else { throw statusConflict }
    }

    private var statusConflict: SunlightError {
        SunlightError(.conflict, code: "transfer.status", "该移送目前“\(transfer.status.chineseName)”", rule: .sup2)
    }
}

/// 发起移送 — what the transfers desk offers before any transfer exists (SUP-2).
public enum TransferStart: String, CaseIterable, Sendable, NamedAction {
    /// 决定移送有管辖权的机关 — the head.
    case toOrganisation = "organisation"
    /// 涉嫌犯罪案件报告 — officers of a case (or the head).
    case reportCrime = "crime"

    public static let area = "transfer-new"

    /// Whether the actor may start this kind of transfer on some case of their organisation.
    public static func allowed(for actor: Actor) -> Set<TransferStart> {
        guard actor.organisation != nil, actor.user != nil else { return [] }
        var allowed: Set<TransferStart> = []
        if actor.has(.head) { allowed.formUnion([.toOrganisation, .reportCrime]) }
        if actor.has(.officer) { allowed.insert(.reportCrime) }
        return allowed
    }
}

/// 案件移送台账 — one transfer as the desk lists it: its case number and what the reader may do.
public struct TransferListItem: Sendable {
    public let transfer: CaseTransfer
    public let caseNumber: String
    public let actions: Set<TransferAction>
}

/// The transfers desk: the transfers in view, and what the reader may start, with the cases and
/// colleagues the forms offer (SUP-2).
public struct TransferDesk: Sendable {
    public let items: [TransferListItem]
    public let start: Set<TransferStart>
    /// The organisation's open cases (for the forms).
    public let openCases: [EnforcementCase]
    /// The organisation's other active officers (co-signers of a crime report).
    public let colleagues: [PersonName]
    /// Organisations a case may be transferred to.
    public let receivers: [Organisation]
}
