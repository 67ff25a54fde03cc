import Foundation

/// 工作人员 — a person who logs in to the staff side: officer, head, reviewer, clerk,
/// supervisor or administrator, belonging to exactly one organisation.
public struct StaffUser: Identifiable, Hashable, Sendable, Codable {
    public typealias ID = UUID

    public let id: ID
    public var organisationID: Organisation.ID
    /// 登录名 — unique, lower-case ASCII.
    public var username: String
    /// 姓名.
    public var displayName: String
    /// 职务 — post, e.g. 科员, 副局长.
    public var post: String
    public var roles: Set<Role>
    /// A Bcrypt hash; never the password.
    public var passwordHash: String
    /// Whether the person may log in. Users are deactivated, never deleted (REC-5).
    public var isActive: Bool
    /// 法律职业资格证书编号 — required of a first-time reviewer of penalty decisions (REV-8).
    public var legalQualification: String?
    public var createdAt: Date

    public init(id: ID = UUID(), organisationID: Organisation.ID, username: String, displayName: String,
                post: String = "", roles: Set<Role>, passwordHash: String, isActive: Bool = true,
                legalQualification: String? = nil, createdAt: Date) {
        self.id = id
        self.organisationID = organisationID
        self.username = username
        self.displayName = displayName
        self.post = post
        self.roles = roles
        self.passwordHash = passwordHash
        self.isActive = isActive
        self.legalQualification = legalQualification
        self.createdAt = createdAt
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// Roles in their canonical order, for display.
    public var sortedRoles: [Role] { roles.sorted() }
}
