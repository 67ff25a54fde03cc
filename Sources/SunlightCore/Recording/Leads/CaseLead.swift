import Foundation

/// 案件线索 — a clue that a violation may have happened, registered before any case exists and
/// checked within 15 working days of its receipt (configurable), extended once by up to 15
/// working days with the head's approval; it ends in 立案 (the case records the lead), 不予立案
/// with a reason the head approves, or 移送 to the organisation with jurisdiction (REC-18,
/// 《市场监督管理行政处罚程序规定》第十八条). Kept whole: every step stays in `steps` and in the
/// log. The party's name is personal data, sealed apart: the record holds only its commitment.
public struct CaseLead: OrganisationState, Equatable {
    public static let table = "case_leads"

    /// 线索来源.
    public enum Source: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 投诉举报.
        case complaint
        /// 监督检查发现.
        case inspection
        /// 其他机关移送.
        case transferIn = "transfer_in"
        /// 数据监测.
        case monitoring
        /// 上级交办.
        case assignment
        /// 热线（12345、12315 等）.
        case hotline
        case other

        public var chineseName: String {
            switch self {
            case .complaint: "投诉举报"
            case .inspection: "监督检查发现"
            case .transferIn: "其他机关移送"
            case .monitoring: "数据监测"
            case .assignment: "上级交办"
            case .hotline: "热线转办"
            case .other: "其他"
            }
        }

        /// The case source a case opened from this lead starts with.
        public var caseSource: EnforcementCase.Source {
            switch self {
            case .complaint, .hotline: .complaint
            case .inspection: .inspection
            case .transferIn: .transfer
            case .monitoring: .monitoring
            case .assignment, .other: .other
            }
        }
    }

    public enum Status: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 核查中 — the check clock runs.
        case open
        /// 拟不予立案，待负责人批准.
        case declineProposed = "decline_proposed"
        /// 已立案 — `caseID` names the case.
        case opened
        /// 不予立案 — with the reason the head approved.
        case declined
        /// 已移送有管辖权的机关.
        case transferred

        public var chineseName: String {
            switch self {
            case .open: "核查中"
            case .declineProposed: "拟不予立案，待负责人批准"
            case .opened: "已立案"
            case .declined: "不予立案"
            case .transferred: "已移送"
            }
        }

        /// Still being checked (the clock runs).
        public var isOpen: Bool { self == .open || self == .declineProposed }

        public static let openCodes = allCases.filter(\.isOpen).map(\.rawValue)
    }

    /// 不予立案的理由 in general terms — what the complainant may be told (the written reason stays inside).
    public enum DeclineGround: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 违法事实不成立.
        case noViolation = "no_violation"
        /// 证据不足，无法认定.
        case insufficientEvidence = "insufficient_evidence"
        /// 违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条）.
        case minor
        /// 超过追责时效（行政处罚法第三十六条）.
        case limitation
        /// 依法不属于行政处罚的对象或事项.
        case notPunishable = "not_punishable"

        public var chineseName: String {
            switch self {
            case .noViolation: "经核查，违法事实不成立"
            case .insufficientEvidence: "经核查，证据不足，无法认定违法事实"
            case .minor: "违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚"
            case .limitation: "违法行为已超过法定追责期限"
            case .notPunishable: "反映的事项依法不属于行政处罚的范围"
            }
        }
    }

    /// 延长核查期限 — asked for by one member of staff, approved by the head (another person).
    public struct Extension: Codable, Sendable, Equatable {
        public enum Status: String, Codable, Sendable {
            case requested, approved, refused
        }
        public let days: Int
        public let reason: String
        public let requestedBy: StaffUser.ID?
        public let requestedOn: CivilDate
        public var status: Status
        public var decidedBy: StaffUser.ID?
        public var decidedOn: CivilDate?

        enum CodingKeys: String, CodingKey {
            case days, reason, requestedBy, requestedOn, status, decidedBy, decidedOn
        }
    }

    /// 不予立案 proposed (by an officer) or decided (by the head).
    public struct Decline: Codable, Sendable, Equatable {
        public let ground: DeclineGround
        public let reason: String
        public let proposedBy: StaffUser.ID?
        public var approvedBy: StaffUser.ID?

        enum CodingKeys: String, CodingKey {
            case ground, reason, proposedBy, approvedBy
        }
    }

    /// 步骤 — one recorded act on the lead.
    public struct Step: Codable, Sendable, Equatable {
        public enum Action: String, Codable, Sendable {
            case register, joinComplaint = "join_complaint", requestExtension = "request_extension", approveExtension = "approve_extension"
            case refuseExtension = "refuse_extension", proposeDecline = "propose_decline", approveDecline = "approve_decline"
            case rejectDecline = "reject_decline", decline, transfer, openCase = "open_case"
            /// The due date, provisional while a year's holiday notice was missing, counted again when it was loaded (CAL-4).
            case reschedule

            public var chineseName: String {
                switch self {
                case .register: "登记线索"
                case .joinComplaint: "并入投诉举报"
                case .requestExtension: "申请延长核查期限"
                case .approveExtension: "负责人批准延长"
                case .refuseExtension: "负责人不批准延长"
                case .proposeDecline: "拟不予立案"
                case .approveDecline: "负责人批准不予立案"
                case .rejectDecline: "负责人退回继续核查"
                case .decline: "负责人决定不予立案"
                case .transfer: "移送有管辖权的机关"
                case .openCase: "立案"
                case .reschedule: "加载节假日安排后重算期限"
                }
            }
        }
        public let action: Action
        public let at: Date
        public let on: CivilDate
        public let by: StaffUser.ID?
        public let text: String

        enum CodingKeys: String, CodingKey {
            case action, at, on, by, text
        }
    }

    public let id: UUID
    /// 登记号, e.g. `XS2026-0007` — unique in its organisation.
    public let number: String
    public let organisationID: Organisation.ID
    public let source: Source
    /// 收到材料或发现线索之日 — the check clock runs from here.
    public let receivedOn: CivilDate
    /// 线索内容 — kept in the row for pages; the log holds its commitment (`summarySeal`) from
    /// content version 2. Cleared only when erased by law.
    public internal(set) var summary: String
    public let partyKind: CaseParty.Kind?
    /// The salted commitment of the party's sealed name (`personal_data`, field `party`), never the name.
    public let partySeal: String?
    public let createdAt: Date
    public let registeredBy: StaffUser.ID?
    /// 核查期限 — `nil` while the calendar lacks a year it needs (as other working-day due dates).
    public var dueOn: CivilDate?
    public var status: Status
    /// Complaints that alleged this violation (one lead may gather several).
    public var complaintIDs: [UUID]
    /// The transfer this lead came in with, if any.
    public let transferID: UUID?
    /// The lead it came from, when another organisation in the system sent it here.
    public let fromLeadID: UUID?
    public var checkExtension: Extension?
    public var decline: Decline?
    /// 移送: the receiving organisation (in the system) or recipient's name.
    public var transferredTo: Organisation.ID?
    public var transferredToName: String?
    /// The lead registered at the receiver.
    public var transferredLeadID: UUID?
    /// 立案: the case opened from this lead.
    public var caseID: EnforcementCase.ID?
    public var concludedOn: CivilDate?
    public var steps: [Step]
    /// The salted commitment of the sealed summary (`personal_data`, field `summary`); absent
    /// for leads registered before content version 2, whose summary the log holds in the clear.
    public internal(set) var summarySeal: String?

    public init(id: UUID, number: String, organisationID: Organisation.ID, source: Source, receivedOn: CivilDate, summary: String,
                partyKind: CaseParty.Kind?, partySeal: String?, createdAt: Date, registeredBy: StaffUser.ID?, dueOn: CivilDate?,
                complaintIDs: [UUID] = [], transferID: UUID? = nil, fromLeadID: UUID? = nil) {
        self.id = id
        self.number = number
        self.organisationID = organisationID
        self.source = source
        self.receivedOn = receivedOn
        self.summary = summary
        self.partyKind = partyKind
        self.partySeal = partySeal
        self.createdAt = createdAt
        self.registeredBy = registeredBy
        self.dueOn = dueOn
        self.status = .open
        self.complaintIDs = complaintIDs
        self.transferID = transferID
        self.fromLeadID = fromLeadID
        self.steps = []
    }

    public var counterpartID: Organisation.ID? { transferredTo }
    public var statusCode: String { status.rawValue }

    /// Past its check deadline and not concluded (REC-18).
    public func isOverdue(today: CivilDate) -> Bool {
        guard status.isOpen, let dueOn else { return false }
        return today > dueOn
    }

    /// Whether the one extension has been used (approved) or is waiting for the head.
    public var extensionUsed: Bool { checkExtension.map { $0.status != .refused } ?? false }

    /// What the complainant may read about this lead: the outcome in plain words, never the
    /// written reasons, the party or the case number.
    public var publicOutcome: String {
        switch status {
        case .open, .declineProposed: "已登记为案件线索，正在核查"
        case .opened: "经核查，已立案调查"
        case .declined: "经核查，不予立案：" + (decline?.ground.chineseName ?? "")
        case .transferred: "经核查，不属于本机关管辖，已移送有管辖权的机关处理"
        }
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, number, organisationID, source, receivedOn, summary, partyKind, partySeal, createdAt, registeredBy, dueOn, status
        case complaintIDs, transferID, fromLeadID, checkExtension = "extension", decline, transferredTo, transferredToName, transferredLeadID
        case caseID, concludedOn, steps, summarySeal
    }
}
