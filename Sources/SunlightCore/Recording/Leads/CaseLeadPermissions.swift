import Foundation

/// 案件线索操作 — the steps of a lead after it is registered (REC-18).
public enum CaseLeadAction: String, CaseIterable, Sendable, NamedAction {
    /// 申请延长核查期限 — once, before the deadline.
    case requestExtension = "extend"
    /// 批准或不批准延长 — the head, not the one who asked.
    case decideExtension = "approve-extension"
    /// 拟不予立案 — an officer (not a head, who decides directly) proposes, with the reason.
    case proposeDecline = "propose-decline"
    /// 批准或退回不予立案 — the head, not the one who proposed.
    case decideDecline = "approve-decline"
    /// 决定不予立案 — the head directly.
    case decline
    /// 移送有管辖权的机关 — the head.
    case transfer
    /// 立案 — open a case from the lead.
    case openCase = "open-case"

    public static let area = "lead"
}

/// 登记线索 — what the register offers before a lead exists (REC-18).
public enum CaseLeadStart: String, CaseIterable, Sendable, NamedAction {
    /// 登记线索 — an officer or the head of the organisation.
    case register
    /// 投诉举报反映违法行为 — record a complaint the organisation handles as a lead, or join it to one.
    case fromComplaint = "complaint"

    public static let area = "lead-new"

    /// Whether the actor may register leads in their own organisation (the register's form).
    public static func allowed(for actor: Actor) -> Set<CaseLeadStart> {
        guard actor.organisation != nil, actor.user != nil, actor.has(.officer) || actor.has(.head) else { return [] }
        return [.register]
    }

    /// Whether the actor may make this complaint a lead: an officer or the head of the organisation
    /// handling it, once (the complaint page's form).
    public static func allowed(for actor: Actor, complaint: Complaint, alreadyLead: Bool) -> Set<CaseLeadStart> {
        guard !alreadyLead, allowed(for: actor).contains(.register), actor.organisation?.id == complaint.handlingOrganisation else { return [] }
        return [.fromComplaint]
    }
}

/// Who may read a lead and take each step now (REC-18, 《市场监督管理行政处罚程序规定》第十八条):
/// the lead's organisation reads and works it — officers and the head register, ask for the one
/// extension and propose 不予立案; only the head approves an extension or a 不予立案, never the
/// same person who asked, and only the head transfers; a supervisor above it reads only.
public struct CaseLeadPermissions: Permissions {
    public let actor: Actor
    public let lead: CaseLead
    /// The lead's organisation.
    public let organisation: Organisation
    public let today: CivilDate

    public init(actor: Actor, lead: CaseLead, organisation: Organisation, today: CivilDate) {
        self.actor = actor
        self.lead = lead
        self.organisation = organisation
        self.today = today
    }

    /// Reading: staff of the lead's organisation, or a supervisor whose jurisdiction covers it.
    public func checkRead() throws {
        try actor.require(anyOf: .head, .officer, .publicityClerk, .supervisor)
        let own = actor.organisation?.id == organisation.id
        guard own || (actor.has(.supervisor) && actor.scope.canRead(organisation)) else { throw SunlightError.outsideScope }
    }

    public func check(_ action: CaseLeadAction) throws {
        switch action {
        case .requestExtension:
            try work(roles: [.officer, .head])
            try requireStatus(.open)
            guard !lead.extensionUsed else {
                throw SunlightError(.ruleViolation, code: "lead.extension_once", "核查期限只能延长一次，本线索已申请或已延长过", rule: .rec18)
            }
            try requireBeforeDue()
        case .decideExtension:
            try work(roles: [.head])
            guard lead.status.isOpen, let request = lead.checkExtension, request.status == .requested else {
                throw SunlightError(.conflict, code: "lead.no_extension_request", "本线索没有待批准的延期申请", rule: .rec18)
            }
            try requireOtherPerson(request.requestedBy, "延期申请应由申请人以外的负责人批准")
            try requireBeforeDue()
        case .proposeDecline:
            try work(roles: [.officer])
            try requireStatus(.open)
            guard !actor.has(.head) else {
                throw SunlightError(.conflict, code: "lead.head_decides", "负责人可直接决定不予立案，无需报批", rule: .rec18)
            }
        case .decideDecline:
            try work(roles: [.head])
            try requireStatus(.declineProposed)
            try requireOtherPerson(lead.decline?.proposedBy, "不予立案应由拟办人以外的负责人批准")
        case .decline, .transfer:
            try work(roles: [.head])
            try requireStatus(.open)
        case .openCase:
            try work(roles: [.officer, .head])
            try requireStatus(.open)
        }
    }

    /// Staff of the lead's own organisation with one of `roles`.
    private func work(roles: [Role]) throws {
        guard roles.contains(where: actor.has) else { throw SunlightError.missingRole(roles) }
        guard actor.organisation?.id == organisation.id else { throw SunlightError.outsideScope }
    }

    private func requireStatus(_ status: CaseLead.Status) throws {
        guard lead.status == status else {
            throw SunlightError(.conflict, code: "lead.status", "该线索目前“\(lead.status.chineseName)”", rule: .rec18)
        }
    }

    /// An extension is asked for and approved before the check period ends (第十八条).
    private func requireBeforeDue() throws {
        guard let due = lead.dueOn else {
            throw SunlightError(.ruleViolation, code: "lead.no_due_date", "核查期限尚无法计算（节假日安排未加载），暂不能延长", rule: .cal1)
        }
        guard today <= due else {
            throw SunlightError(.ruleViolation, code: "lead.extension_late", "核查期限已于 \(due.iso) 届满，不能再延长", rule: .rec18)
        }
    }

    private func requireOtherPerson(_ other: StaffUser.ID?, _ message: String) throws {
        guard let user = actor.user?.id, user != other else {
            throw SunlightError(.ruleViolation, code: "lead.same_person", message, rule: .rec18)
        }
    }
}
