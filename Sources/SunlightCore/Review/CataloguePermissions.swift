import Foundation

/// 目录审批操作 — what the supervising justice bureau does with a pending catalogue version
/// (REV-10). The raw value is the last segment of the form's address and its `data-action`
/// (`catalogue.approve`).
public enum CatalogueApprovalAction: String, CaseIterable, Sendable, NamedAction {
    /// 批准 — the version takes effect on its date, never before the next working day.
    case approve
    /// 退回 — with a reason; the version never takes effect.
    case returnVersion = "return"

    public static let area = "catalogue"
}

/// Who may answer a pending version (REV-10): a supervisor of the justice bureau that oversees
/// the organisation, while the version is pending.
public struct CatalogueApprovalPermissions: Permissions {
    public let actor: Actor
    public let approval: CatalogueApproval

    public init(actor: Actor, approval: CatalogueApproval) {
        self.actor = actor
        self.approval = approval
    }

    public func check(_ action: CatalogueApprovalAction) throws {
        try actor.require(anyOf: .supervisor)
        guard let home = actor.organisation, home.id == approval.counterpartID else {
            throw SunlightError(.forbidden, code: "catalogue.not_supervisor", "只有监督本机关的司法行政机关可以审批其重大执法决定目录", rule: .rev10)
        }
        guard approval.status == .pending else {
            throw SunlightError(.conflict, code: "catalogue.decided", "目录第 \(approval.version) 版已\(approval.status.chineseName)，不能再审批", rule: .rev10)
        }
    }
}

/// 设定数额幅度 — the one action on a province's bounds.
public enum CatalogueBoundsAction: String, CaseIterable, Sendable, NamedAction {
    case set = "bounds"

    public static let area = "catalogue"
}

/// Who may set a province's bounds (REV-10): an administrator whose jurisdiction holds the
/// province's government — an administrator of the province, or the console.
public struct CatalogueBoundsPermissions: Permissions {
    public let actor: Actor
    /// The province's government.
    public let province: Organisation

    public init(actor: Actor, province: Organisation) {
        self.actor = actor
        self.province = province
    }

    public func check(_ action: CatalogueBoundsAction) throws {
        try actor.require(anyOf: .administrator)
        guard actor.scope.canAdminister(province) else {
            throw SunlightError(.forbidden, code: "catalogue.not_province", "数额标准幅度由省级系统管理员设定", rule: .rev10)
        }
    }
}
