import Foundation
import SunlightLedger

/// 案件移送 — a case sent to another organisation because it is outside the sender's
/// jurisdiction (within 3 working days, 24 hours if urgent; seed 001 (十五)一), or to the police
/// because a crime is suspected, under the clocks of 国务院令第310号 (SUP-2).
public struct CaseTransfer: StoredState, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// 移送其他行政机关.
        case organisation
        /// 移送公安机关（涉嫌犯罪）.
        case police

        public var chineseName: String { self == .organisation ? "移送有管辖权的行政机关" : "涉嫌犯罪移送公安机关" }
    }

    public enum Status: String, Codable, Sendable {
        /// Police only: the report of at least two officers waits for the head (3 days).
        case reported
        /// Decided (organisation) or approved (police): to be sent.
        case approved
        /// 不批准移送 — with the head's recorded reason.
        case refused
        case sent
        /// The receiver acknowledged (organisation) or the police decided to file.
        case accepted
        /// The police declined to file.
        case declined
        /// 提请复议 — the organisation objected to the police's refusal.
        case objected

        public var chineseName: String {
            switch self {
            case .reported: "已报告，待负责人决定"
            case .approved: "已批准，待移送"
            case .refused: "不批准移送"
            case .sent: "已移送，待接收"
            case .accepted: "已接收（立案）"
            case .declined: "不予立案"
            case .objected: "已提请复议"
            }
        }
    }

    /// 310号 第六条: the transfer goes with these (all required before it is sent).
    public enum Attachment: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case letter, investigationReport = "investigation_report", itemList = "item_list", inspectionReports = "inspection_reports"

        public var chineseName: String {
            switch self {
            case .letter: "涉嫌犯罪案件移送书"
            case .investigationReport: "涉嫌犯罪案件情况的调查报告"
            case .itemList: "涉案物品清单"
            case .inspectionReports: "有关检验报告或者鉴定结论"
            }
        }
    }

    public let id: UUID
    public let caseID: EnforcementCase.ID
    public let fromOrganisation: Organisation.ID
    public let kind: Kind
    /// The receiving organisation, when it is in the system.
    public let toOrganisation: Organisation.ID?
    /// The receiver's name (the police station's, for a police transfer).
    public let recipient: String
    public let urgent: Bool
    public let reason: String
    public let createdAt: Date
    public let createdOn: CivilDate
    /// Police: the officers who signed the report (at least two).
    public let reportedBy: [StaffUser.ID]
    public var status: Status
    /// The head's decision is due (police: 3 days from the report).
    public var decideBy: CivilDate?
    public var decidedAt: Date?
    public var refusalReason: String?
    /// Send by: 3 working days (organisation), 24 hours if urgent or after a police approval.
    public var sendByDate: CivilDate?
    public var sendByTime: Date?
    public var sentAt: Date?
    public var sentOn: CivilDate?
    public var attachments: [Attachment]
    /// 抄送 — the procuratorate and the justice bureau (police transfers).
    public var copiesTo: [String]
    /// The police decide within 3 days of receiving it.
    public var policeDecideBy: CivilDate?
    public var outcomeOn: CivilDate?
    public var outcome: String?
    /// The organisation may object within 3 days of the police's refusal.
    public var objectBy: CivilDate?
    public var objection: String?

    public init(id: UUID = UUID(), caseID: EnforcementCase.ID, fromOrganisation: Organisation.ID, kind: Kind, toOrganisation: Organisation.ID?,
                recipient: String, urgent: Bool, reason: String, createdAt: Date, createdOn: CivilDate, reportedBy: [StaffUser.ID], status: Status) {
        self.id = id
        self.caseID = caseID
        self.fromOrganisation = fromOrganisation
        self.kind = kind
        self.toOrganisation = toOrganisation
        self.recipient = recipient
        self.urgent = urgent
        self.reason = reason
        self.createdAt = createdAt
        self.createdOn = createdOn
        self.reportedBy = reportedBy
        self.status = status
        self.attachments = []
        self.copiesTo = []
    }

    /// Whether a clock has run out: decision, sending or the police's answer (SUP-2).
    public func overdue(now: Date, today: CivilDate) -> String? {
        switch status {
        case .reported: if let decideBy, today > decideBy { return "负责人应于 \(decideBy.iso) 前作出是否批准移送的决定" }
        case .approved:
            if let sendByTime, now > sendByTime { return "应于批准后 24 小时内移送" }
            if let sendByDate, today > sendByDate { return "应于 \(sendByDate.iso) 前移送" }
        case .sent: if let policeDecideBy, today > policeDecideBy { return "公安机关应于 \(policeDecideBy.iso) 前作出立案与否的决定" }
        default: break
        }
        return nil
    }

    func ledgerRecord(_ type: String) throws -> LedgerRecord {
        try stateRecord(type, table: "case_transfers", organisationID: fromOrganisation)
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, caseID, fromOrganisation, kind, toOrganisation, recipient, urgent, reason, createdAt, createdOn, reportedBy, status
        case decideBy, decidedAt, refusalReason, sendByDate, sendByTime, sentAt, sentOn, attachments, copiesTo, policeDecideBy, outcomeOn
        case outcome, objectBy, objection
    }
}

/// 案件移送存储.
public protocol CaseTransferRepository: Sendable {
    func insert(_ transfer: CaseTransfer) async throws
    func update(_ transfer: CaseTransfer) async throws
    func find(_ id: CaseTransfer.ID) async throws -> CaseTransfer?
    /// Transfers from or to these organisations, newest first.
    func list(organisations: [Organisation.ID]) async throws -> [CaseTransfer]
    func chronological(offset: Int, limit: Int) async throws -> [CaseTransfer]
}
