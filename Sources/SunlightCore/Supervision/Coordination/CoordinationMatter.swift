import Foundation

/// 协调事项 — a matter one organisation raises with another that moves by recorded steps, each
/// with its clock: 执法争议协调 (SUP-3), 执法协助 (SUP-13), 审批监管衔接 (SUP-12), 联席会议议定事项
/// (SUP-11) and 责任追究 (SUP-7). Every step stays in `steps` and in the log.
public struct CoordinationMatter: OrganisationState, Equatable {
    public static let table = "coordination_matters"

    public enum Kind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 执法争议协调 — departments that could not agree apply to the justice bureau (seed 001 (二)).
        case dispute
        /// 执法协助 — a town asks a county department for technical support or files (seed 001 (十五)五).
        case assistance
        /// 审批监管衔接 — a permit decision routed to the supervising department (seed 001 (十四)).
        case approvalLink = "approval_link"
        /// 联席会议议定事项 — an item a joint meeting decided, with its owner (seed 001 (一)).
        case decidedItem = "decided_item"
        /// 责任追究 — a fault found, the person responsible, and how it was handled (seed 001 (八)).
        case accountability

        public var chineseName: String {
            switch self {
            case .dispute: "执法争议协调"
            case .assistance: "执法协助"
            case .approvalLink: "审批监管衔接"
            case .decidedItem: "联席会议议定事项"
            case .accountability: "责任追究"
            }
        }

        public var rule: RuleID {
            switch self {
            case .dispute: .sup3
            case .assistance: .sup13
            case .approvalLink: .sup12
            case .decidedItem: .sup11
            case .accountability: .sup7
            }
        }
    }

    public enum Status: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case applied, accepted, opinionIssued = "opinion_issued", referred
        case requested, routed, acknowledged, assigned, reported, found
        case closed, declined

        public var chineseName: String {
            switch self {
            case .applied: "已申请，待受理"
            case .accepted: "已受理，协调中"
            case .opinionIssued: "已出具书面建议，待报请政府裁决"
            case .referred: "已报请政府裁决"
            case .requested: "已函告，待答复"
            case .routed: "已推送，待确认接收"
            case .acknowledged: "已接收，待反馈监管情况"
            case .assigned: "待落实并反馈"
            case .reported: "已反馈，待确认办结"
            case .found: "已认定过错，待处理"
            case .closed: "已办结"
            case .declined: "不予受理（协助）"
            }
        }

        public var isOpen: Bool { self != .closed && self != .declined }

        /// The stored codes of the open statuses.
        public static let openCodes = allCases.filter(\.isOpen).map(\.rawValue)
    }

    /// 步骤 — what one party did to the matter.
    public enum Action: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case raise, accept, decline, agree, issueOpinion = "issue_opinion", refer, recordRuling = "record_ruling"
        case answer, acknowledge, feedback, report, close, sendBack = "send_back", handle, note

        public var chineseName: String {
            switch self {
            case .raise: "提出"
            case .accept: "受理"
            case .decline: "不予受理（协助）"
            case .agree: "协调一致"
            case .issueOpinion: "出具书面协调建议"
            case .refer: "报请政府裁决"
            case .recordRuling: "记录政府裁决"
            case .answer: "答复协助情况"
            case .acknowledge: "确认接收"
            case .feedback: "反馈监管情况"
            case .report: "反馈落实情况"
            case .close: "确认办结"
            case .sendBack: "退回重办"
            case .handle: "作出处理"
            case .note: "说明情况"
            }
        }
    }

    /// Who acts: the organisation that raised it, the one addressed, or the coordinating bureau.
    public enum Party: String, Codable, Sendable { case raiser, counterpart, coordinator }

    public struct Step: Codable, Sendable, Equatable {
        public let action: Action
        public let at: Date
        public let on: CivilDate
        public let by: StaffUser.ID?
        public let byName: String
        public let organisationID: Organisation.ID
        /// The chosen option (a handling, a kind of help), if the step has one.
        public let option: String?
        public let text: String

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case action, at, on, by, byName, organisationID, option, text
        }
    }

    public let id: UUID
    public let kind: Kind
    public let organisationID: Organisation.ID
    public let counterpartID: Organisation.ID?
    /// The justice bureau that coordinates a dispute.
    public let coordinatorID: Organisation.ID?
    public let subject: String
    public let details: String
    /// What it concerns (a decision number, a meeting), and where to see it.
    public let reference: String?
    public let link: String?
    /// 责任追究: the person found at fault.
    public let responsiblePerson: String?
    /// 执法协助: the help asked for.
    public let option: String?
    public let createdAt: Date
    public let createdOn: CivilDate
    public var status: Status
    /// When the next step is due, if it has a clock.
    public var dueOn: CivilDate?
    public var steps: [Step]

    public init(id: UUID = UUID(), kind: Kind, organisationID: Organisation.ID, counterpartID: Organisation.ID?, coordinatorID: Organisation.ID? = nil,
                subject: String, details: String, reference: String? = nil, link: String? = nil, responsiblePerson: String? = nil, option: String? = nil,
                createdAt: Date, createdOn: CivilDate, status: Status, dueOn: CivilDate?, steps: [Step] = []) {
        self.id = id
        self.kind = kind
        self.organisationID = organisationID
        self.counterpartID = counterpartID
        self.coordinatorID = coordinatorID
        self.subject = subject
        self.details = details
        self.reference = reference
        self.link = link
        self.responsiblePerson = responsiblePerson
        self.option = option
        self.createdAt = createdAt
        self.createdOn = createdOn
        self.status = status
        self.dueOn = dueOn
        self.steps = steps
    }

    public var statusCode: String { status.rawValue }

    /// The parties an organisation plays in this matter (a department may raise an accountability
    /// matter about itself).
    public func parties(of organisation: Organisation.ID?) -> Set<Party> {
        guard let organisation else { return [] }
        var parties: Set<Party> = []
        if organisation == organisationID { parties.insert(.raiser) }
        if organisation == counterpartID { parties.insert(.counterpart) }
        if organisation == coordinatorID { parties.insert(.coordinator) }
        return parties
    }

    /// The organisation that plays `party`.
    public func organisation(of party: Party) -> Organisation.ID? {
        switch party {
        case .raiser: organisationID
        case .counterpart: counterpartID
        case .coordinator: coordinatorID
        }
    }

    public func isOverdue(today: CivilDate) -> Bool { status.isOpen && (dueOn.map { $0 < today } ?? false) }

    /// The organisation whose step is awaited (the first party of the next step).
    public var awaitedOrganisation: Organisation.ID? {
        CoordinationFlow.transitions(of: kind).first { $0.from == status && $0.action != .note }.flatMap { organisation(of: $0.party) }
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, kind, organisationID, counterpartID, coordinatorID, subject, details, reference, link, responsiblePerson, option
        case createdAt, createdOn, status, dueOn, steps
    }
}
