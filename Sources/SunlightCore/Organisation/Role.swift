/// 角色 — what a person may do (DOMAIN.md §0). A user has one or more.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable, ClosedChoice {
    /// 执法人员 — opens cases, records every step, drafts documents.
    case officer
    /// 负责人 — approves case opening, signs decisions, chairs collective discussion.
    case head
    /// 法制审核人员 — reviews major decisions before they are made.
    case legalReviewer = "legal_reviewer"
    /// 公示管理员 — maintains the public lists, checks redaction, publishes.
    case publicityClerk = "publicity_clerk"
    /// 监督人员（司法行政机关）— supervises the departments under the justice bureau's government.
    case supervisor
    /// 系统管理员 — organisations, users, roles, calendars, catalogues, API tokens.
    case administrator

    public var chineseName: String {
        switch self {
        case .officer: "执法人员"
        case .head: "负责人"
        case .legalReviewer: "法制审核人员"
        case .publicityClerk: "公示管理员"
        case .supervisor: "监督人员"
        case .administrator: "系统管理员"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
