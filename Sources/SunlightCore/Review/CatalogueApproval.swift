import Foundation

/// 目录审批 — the supervising justice bureau's answer to one version of an organisation's
/// catalogue (REV-10). A version adopted is pending and not in force until a supervisor of the
/// bureau approves it; it then takes effect on the date asked for, and never earlier than the
/// next working day after the approval. A returned version never takes effect.
///
/// A separate record (docs/ledger.md, "How the format may evolve", point 5): the catalogue
/// versions stay as they were logged. A version with no approval record was adopted before
/// approval existed and applies from its own date.
public struct CatalogueApproval: OrganisationState, Equatable {
    public static let table = "catalogue_approvals"

    public enum Status: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 待审批.
        case pending
        /// 已批准.
        case approved
        /// 已退回.
        case returned

        public var chineseName: String {
            switch self {
            case .pending: "待司法行政机关审批"
            case .approved: "已批准"
            case .returned: "已退回"
            }
        }
    }

    public let id: UUID
    /// The organisation whose catalogue it is.
    public let organisationID: Organisation.ID
    /// The justice bureau that approves it.
    public let counterpartID: Organisation.ID?
    /// The catalogue version.
    public let version: Int
    /// 拟生效日期 — the date the organisation asked for.
    public let requestedOn: CivilDate
    /// Who adopted the version (display name).
    public let submittedBy: String
    public let createdAt: Date
    public var status: Status
    /// Who approved or returned it (display name and account).
    public var decidedBy: String?
    public var decidedByID: StaffUser.ID?
    public var decidedOn: CivilDate?
    /// 生效日期 — set on approval: the requested date, or the next working day after approval if later.
    public var effectiveOn: CivilDate?
    /// 退回理由 or 审批意见.
    public var reason: String?

    public init(id: UUID, organisationID: Organisation.ID, counterpartID: Organisation.ID?, version: Int, requestedOn: CivilDate,
                submittedBy: String, createdAt: Date, status: Status = .pending, decidedBy: String? = nil, decidedByID: StaffUser.ID? = nil,
                decidedOn: CivilDate? = nil, effectiveOn: CivilDate? = nil, reason: String? = nil) {
        self.id = id
        self.organisationID = organisationID
        self.counterpartID = counterpartID
        self.version = version
        self.requestedOn = requestedOn
        self.submittedBy = submittedBy
        self.createdAt = createdAt
        self.status = status
        self.decidedBy = decidedBy
        self.decidedByID = decidedByID
        self.decidedOn = decidedOn
        self.effectiveOn = effectiveOn
        self.reason = reason
    }

    public var statusCode: String { status.rawValue }

    /// Whether the version it approves is in force on `date`.
    public func inForce(on date: CivilDate) -> Bool {
        guard status == .approved, let effectiveOn else { return false }
        return effectiveOn <= date
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, counterpartID, version, requestedOn, submittedBy, createdAt, status, decidedBy, decidedByID, decidedOn
        case effectiveOn, reason
    }
}
