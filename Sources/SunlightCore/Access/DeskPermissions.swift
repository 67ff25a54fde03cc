/// 工作台 — what an actor may start in their own organisation before any record exists, and
/// which desks the staff menu offers them. The raw value names the desk's form
/// (`data-action="desk.case-new"`).
public enum DeskAction: String, CaseIterable, Sendable, NamedAction {
    /// 立案 — an officer or head opens a case (REC-1).
    case openCase = "case-new"
    /// 音像记录事项清单与裁量基准 — the head or an administrator sets them (REC-3, STD-3).
    case configureCases = "case-settings"
    /// 音像及电子文件 — an officer or head records a file (REC-4).
    case recordEvidence = "evidence-new"
    /// 节假日 — an administrator loads a year's holiday notice (CAL-1).
    case loadCalendar = "calendar"
    /// 重大执法决定目录 — the head, the legal office or an administrator adopts a new version (REV-2).
    case adoptCatalogue = "catalogue"
    /// 系统管理 — organisations, users, tokens, data exchange.
    case administer = "admin"
    /// 执法监督 — the justice bureau's supervisors.
    case supervise = "supervision"
    /// 访问日志.
    case readAccessLog = "access-log"
    /// 法制审核 — the reviewer's queue, the catalogue and statistics.
    case review = "reviews"

    public static let area = "desk"
}

/// The desk actions of one member of staff (or the console): decided by role, since each is
/// taken in the actor's own organisation. The use cases ask this before they change anything.
public struct DeskPermissions: Permissions {
    public let actor: Actor

    public init(actor: Actor) { self.actor = actor }

    public func check(_ action: DeskAction) throws {
        switch action {
        case .openCase, .recordEvidence: try actor.require(anyOf: .officer, .head)
        case .configureCases: try actor.require(anyOf: .head, .administrator)
        case .loadCalendar:
            // The calendar is the installation's, not one jurisdiction's (CAL-1; issue 15 item 5).
            try actor.require(anyOf: .administrator)
            guard actor.scope.administersInstallation else {
                throw SunlightError(.forbidden, code: "calendar.installation_only", "节假日安排适用于整个系统，只能由最上级机构的系统管理员载入", rule: .cal1)
            }
        case .administer: try actor.require(anyOf: .administrator)
        case .adoptCatalogue: try actor.require(anyOf: .head, .legalReviewer, .administrator)
        case .supervise: try actor.require(anyOf: .supervisor)
        case .readAccessLog: try actor.require(anyOf: .administrator, .supervisor)
        case .review: try actor.require(anyOf: .legalReviewer, .head, .supervisor)
        }
    }
}
