import Foundation
import SunlightLedger

/// 行政执法监督文书 — a finding of the justice bureau sent to a department with a rectification
/// deadline, tracked to closure (SUP-4): the 监督通知书 (seed 001 (七)), escalated to the 监督意见书
/// and the 监督决定书 of the 行政执法监督条例 when rectification fails.
public struct SupervisionInstrument: StoredState, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case notice, opinion, decision

        public var chineseName: String {
            switch self {
            case .notice: "行政执法监督通知书"
            case .opinion: "行政执法监督意见书"
            case .decision: "行政执法监督决定书"
            }
        }

        /// 文号 code: 元司监通〔2026〕1号.
        public var numberCode: String { ["notice": "监通", "opinion": "监意", "decision": "监决"][rawValue]! }
        public var next: Kind? { self == .notice ? .opinion : (self == .opinion ? .decision : nil) }
    }

    public enum Status: String, Codable, Sendable {
        /// 整改中 — the department must rectify by the deadline.
        case issued
        /// 已报告整改 — the department reported; the bureau checks.
        case reported
        /// 已销号 — rectification accepted.
        case closed
        /// 已升级 — rectification failed; a stronger instrument followed.
        case escalated

        public var chineseName: String {
            switch self {
            case .issued: "整改中"
            case .reported: "已报告整改，待核查"
            case .closed: "整改完成，已销号"
            case .escalated: "整改不到位，已升级"
            }
        }
    }

    public let id: UUID
    public let kind: Kind
    public let number: String
    /// The supervised organisation.
    public let organisationID: Organisation.ID
    public let issuedBy: Organisation.ID
    public let issuedOn: CivilDate
    /// 发现的问题.
    public let findings: String
    /// 整改要求.
    public let requirement: String
    public let rectifyBy: CivilDate
    /// The clue or record it rests on (a staff link), if any.
    public let evidence: String?
    /// The instrument this one escalates.
    public let follows: UUID?
    public var status: Status
    public var report: String?
    public var reportedOn: CivilDate?
    public var checkNote: String?
    public var closedOn: CivilDate?

    public init(id: UUID = UUID(), kind: Kind, number: String, organisationID: Organisation.ID, issuedBy: Organisation.ID, issuedOn: CivilDate,
                findings: String, requirement: String, rectifyBy: CivilDate, evidence: String?, follows: UUID?) {
        self.id = id
        self.kind = kind
        self.number = number
        self.organisationID = organisationID
        self.issuedBy = issuedBy
        self.issuedOn = issuedOn
        self.findings = findings
        self.requirement = requirement
        self.rectifyBy = rectifyBy
        self.evidence = evidence
        self.follows = follows
        self.status = .issued
    }

    public var isOpen: Bool { status == .issued || status == .reported }

    /// Not rectified by the deadline: still open past it, or reported late.
    public func isOverdue(today: CivilDate) -> Bool {
        status == .issued ? today > rectifyBy : (reportedOn.map { $0 > rectifyBy } ?? false)
    }

    func ledgerRecord(_ type: String) throws -> LedgerRecord {
        try stateRecord(type, table: "supervision_instruments", organisationID: organisationID)
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, kind, number, organisationID, issuedBy, issuedOn, findings, requirement, rectifyBy, evidence, follows, status, report
        case reportedOn, checkNote, closedOn
    }
}

/// 监督文书存储.
public protocol SupervisionInstrumentRepository: Sendable {
    func insert(_ instrument: SupervisionInstrument) async throws
    func update(_ instrument: SupervisionInstrument) async throws
    func find(_ id: SupervisionInstrument.ID) async throws -> SupervisionInstrument?
    /// Instruments sent to or issued by these organisations, newest first.
    func list(organisations: [Organisation.ID]) async throws -> [SupervisionInstrument]
    func chronological(offset: Int, limit: Int) async throws -> [SupervisionInstrument]
    /// How many of `kind` the bureau issued in `year` (for the next number).
    func count(kind: SupervisionInstrument.Kind, issuedBy: Organisation.ID, year: Int) async throws -> Int
}
