import Foundation

/// 访问日志 — one line of the access log: who did what to which record, when and from where.
///
/// Every read of a protected record and every change is written here (REC-11); the log is
/// append-only and readable by administrators and supervisors of the organisation concerned.
public struct AccessLogEntry: Identifiable, Sendable, Codable, Equatable {
    public typealias ID = UUID

    /// What happened.
    public enum Action: String, Sendable, Codable, CaseIterable, ClosedChoice {
        case read, create, update, deactivate, revoke, export, erase, login
        case loginFailed = "login_failed"
        case logout
        /// An attempt refused for lack of role or scope.
        case denied

        public var chineseName: String {
            switch self {
            case .read: "查看"
            case .create: "新增"
            case .update: "修改"
            case .deactivate: "停用"
            case .revoke: "吊销"
            case .export: "导出"
            case .erase: "依法删除"
            case .login: "登录"
            case .loginFailed: "登录失败"
            case .logout: "退出"
            case .denied: "拒绝访问"
            }
        }
    }

    public let id: ID
    public let at: Date
    public let actorUserID: StaffUser.ID?
    /// `张三（zhangsan）` as the actor was known at the time.
    public let actorName: String
    public let channel: Actor.Channel
    public let action: Action
    /// The kind of record: `organisation`, `user`, `api_token`, `calendar`, `access_log`, `session`.
    public let resourceType: String
    public let resourceID: String?
    /// The organisation that owns the record, which decides who may read this entry.
    public let organisationID: Organisation.ID?
    public let organisationPath: String?
    /// Client IP address, or the console's operating-system user.
    public let address: String?
    /// A short Chinese description, e.g. `新增用户 zhangsan`.
    public let summary: String

    public init(id: ID = UUID(), at: Date, actorUserID: StaffUser.ID?, actorName: String, channel: Actor.Channel,
                action: Action, resourceType: String, resourceID: String?, organisationID: Organisation.ID?,
                organisationPath: String?, address: String?, summary: String) {
        self.id = id
        self.at = at
        self.actorUserID = actorUserID
        self.actorName = actorName
        self.channel = channel
        self.action = action
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.organisationID = organisationID
        self.organisationPath = organisationPath
        self.address = address
        self.summary = summary
    }

    /// The entry as the append-only table keeps it: the address lives with the personal data.
    var withoutAddress: AccessLogEntry { with(address: nil) }

    public func with(address: String?) -> AccessLogEntry {
        AccessLogEntry(id: id, at: at, actorUserID: actorUserID, actorName: actorName, channel: channel, action: action,
                       resourceType: resourceType, resourceID: resourceID, organisationID: organisationID,
                       organisationPath: organisationPath, address: address, summary: summary)
    }

    /// An entry for `actor` acting on a record of `organisation`.
    public init(_ actor: Actor, at: Date, _ action: Action, _ resourceType: String, id resourceID: String?,
                in organisation: Organisation?, _ summary: String) {
        self.init(at: at, actorUserID: actor.user?.id, actorName: actor.displayName, channel: actor.channel,
                  action: action, resourceType: resourceType, resourceID: resourceID,
                  organisationID: organisation?.id, organisationPath: organisation?.path,
                  address: actor.address, summary: summary)
    }
}
