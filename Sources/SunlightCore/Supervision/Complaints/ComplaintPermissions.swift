/// 投诉举报办理操作 — what can be done to a complaint (SUP-1).
public enum ComplaintAction: String, CaseIterable, Sendable, NamedAction {
    /// 分派 / 转办 — name a handler of the handling organisation, or hand it to another organisation.
    case assign
    /// 直接办理 — a supervisor of the justice bureau takes a complaint handled below it.
    case take
    /// 答复 — the feedback the complainant sees.
    case answer
    /// 办结 — after the answer.
    case close

    public static let area = "complaint"
}

/// Who may do what to one complaint now (SUP-1): the handling organisation's head or clerk
/// assigns; its head, clerk, supervisor or the named handler answers; its head closes an
/// answered one — and a supervisor whose jurisdiction covers the handling organisation may do
/// each of these, or take the complaint to the justice bureau.
public struct ComplaintPermissions: Permissions {
    public let actor: Actor
    public let complaint: Complaint
    /// The organisation handling it now.
    public let handling: Organisation

    public init(actor: Actor, complaint: Complaint, handling: Organisation) {
        self.actor = actor
        self.complaint = complaint
        self.handling = handling
    }

    public func check(_ action: ComplaintAction) throws {
        switch action {
        case .assign: try work(roles: [.head, .publicityClerk, .supervisor])
        case .answer: try work(roles: [.head, .publicityClerk, .officer, .supervisor])
        case .close:
            try work(roles: [.head, .supervisor], open: false)
            guard complaint.status == .answered else {
                throw SunlightError(.ruleViolation, code: "complaint.not_answered", "答复投诉人之后才能办结", rule: .sup1)
            }
        case .take:
            try actor.require(anyOf: .supervisor)
            guard actor.organisation?.id != handling.id, actor.scope.canRead(handling) else { throw SunlightError.outsideScope }
            try requireOpen()
        }
    }

    /// Staff of the handling organisation with one of `roles` (an officer only as its named
    /// handler), or a supervisor above it; the complaint open (or, to close, answered).
    private func work(roles: [Role], open: Bool = true) throws {
        guard roles.contains(where: actor.has) else { throw SunlightError.missingRole(roles) }
        guard actor.organisation?.id == handling.id || (actor.has(.supervisor) && actor.scope.canRead(handling)) else {
            throw SunlightError.outsideScope
        }
        let onlyOfficer = !actor.has(.head) && !actor.has(.publicityClerk) && !actor.has(.supervisor)
        if onlyOfficer, complaint.handler != actor.user?.id { throw SunlightError.missingRole([.head, .publicityClerk]) }
        if open { try requireOpen() } else if !(complaint.isOpen || complaint.status == .answered) { throw statusConflict }
    }

    private func requireOpen() throws { guard complaint.isOpen else { throw statusConflict } }

    private var statusConflict: SunlightError {
        SunlightError(.conflict, code: "complaint.status", "该投诉举报已\(complaint.status.chineseName)", rule: .sup1)
    }
}
