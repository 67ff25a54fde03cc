/// 操作人 — who is acting, through which channel and from where. Every use case takes one,
/// checks its roles and scope, and writes it into the access log.
public struct Actor: Sendable {
    /// How the actor reached the system.
    public enum Channel: String, Sendable, Codable {
        /// 工作人员界面 — a logged-in browser session.
        case staff
        /// 接口 — a bearer token on the JSON API.
        case api
        /// 命令行 — the operator's console on the server itself.
        case console
        /// 公众 — the public portal, no login.
        case publicPortal = "public"

        public var chineseName: String {
            switch self {
            case .staff: "工作人员界面"
            case .api: "接口"
            case .console: "命令行"
            case .publicPortal: "公众门户"
            }
        }
    }

    public let user: StaffUser?
    public let organisation: Organisation?
    public let scope: AccessScope
    public let channel: Channel
    /// Client address (IP) or, on the console, the operating-system user.
    public let address: String?
    /// The API token used, if any.
    public let tokenID: ApiToken.ID?
    /// The staff session used, if any.
    public let sessionID: StaffSession.ID?

    public init(user: StaffUser, organisation: Organisation, parent: Organisation?,
                channel: Channel, address: String?, tokenID: ApiToken.ID? = nil, sessionID: StaffSession.ID? = nil) {
        self.user = user
        self.organisation = organisation
        self.scope = AccessScope(user: user, organisation: organisation, parent: parent)
        self.channel = channel
        self.address = address
        self.tokenID = tokenID
        self.sessionID = sessionID
    }

    /// The credential the actor acts with — `token:<id>` or `session:<id>` — if any.
    public var credential: String? {
        if let tokenID { return "token:\(tokenID.uuidString.lowercased())" }
        if let sessionID { return "session:\(sessionID.uuidString.lowercased())" }
        return nil
    }

    private init(channel: Channel, address: String?, scope: AccessScope) {
        self.user = nil
        self.organisation = nil
        self.scope = scope
        self.channel = channel
        self.address = address
        self.tokenID = nil
        self.sessionID = nil
    }

    /// The operator at the server's console, who can do anything the installation can.
    public static func console(_ operatorName: String) -> Actor {
        Actor(channel: .console, address: operatorName, scope: .everything)
    }

    /// A member of the public on the portal: sees only what is published.
    public static func visitor(address: String?) -> Actor {
        Actor(channel: .publicPortal, address: address,
              scope: AccessScope(ownPath: "!public", supervisedPath: nil, administeredPath: nil))
    }

    public func has(_ role: Role) -> Bool { channel == .console || user?.has(role) == true }

    /// Throws unless the actor has at least one of the roles.
    public func require(anyOf roles: Role...) throws {
        guard roles.contains(where: has) else { throw SunlightError.missingRole(roles) }
    }

    public func requireRead(_ organisation: Organisation) throws {
        guard scope.canRead(organisation) else { throw SunlightError.outsideScope }
    }

    /// Organisation details, users, officers, catalogues: its staff, supervisors and administrators.
    public func requireReadAdministration(_ organisation: Organisation) throws {
        guard scope.canReadAdministration(organisation) else { throw SunlightError.outsideScope }
    }

    public func requireAdminister(_ organisation: Organisation) throws {
        try require(anyOf: .administrator)
        guard scope.canAdminister(organisation) else { throw SunlightError.outsideScope }
    }

    /// Name for logs: `张三（zhangsan）`, `命令行（root）`.
    public var displayName: String {
        if let user { return "\(user.displayName)（\(user.username)）" }
        return "\(channel.chineseName)（\(address ?? "未知")）"
    }
}
