import Foundation

/// 衔接路由操作 — what can be done to one approval route (SUP-12).
public enum ApprovalRouteAction: String, CaseIterable, Sendable, NamedAction {
    /// 停用 — an active route.
    case retire

    public static let area = "route"
}

/// Who may change one route now: an administrator of the approving organisation, while it is active (SUP-12).
public struct ApprovalRoutePermissions: Permissions {
    public let actor: Actor
    public let route: ApprovalRoute
    /// The approving organisation.
    public let approving: Organisation

    public init(actor: Actor, route: ApprovalRoute, approving: Organisation) {
        self.actor = actor
        self.route = route
        self.approving = approving
    }

    public func check(_ action: ApprovalRouteAction) throws {
        try actor.requireAdminister(approving)
        guard route.active else { throw SunlightError(.conflict, code: "approval_route.retired", "该路由已停用", rule: .sup12) }
    }
}

/// 设置衔接路由 — what the routes desk offers before a route exists (SUP-12).
public enum ApprovalRouteStart: String, CaseIterable, Sendable, NamedAction {
    /// Route an approving organisation's permits to a supervising department — both administered by the actor.
    case add

    public static let area = "route-new"

    /// The administrator, with two organisations it administers to route between.
    public static func allowed(for actor: Actor, administrable: [Organisation]) -> Set<ApprovalRouteStart> {
        actor.has(.administrator) && administrable.count >= 2 ? [.add] : []
    }
}

/// 衔接路由 as the desk lists one: its organisations named, and what the reader may do.
public struct ApprovalRouteItem: Sendable {
    public let route: ApprovalRoute
    public let approving: String
    public let supervising: String
    public let actions: Set<ApprovalRouteAction>
}

/// The routes desk: the routes in view, what the reader may start, and the organisations the
/// reader may route between (SUP-12).
public struct ApprovalRouteDesk: Sendable {
    public let items: [ApprovalRouteItem]
    public let start: Set<ApprovalRouteStart>
    public let organisations: [Organisation]
}

extension SupervisionUseCases {
    /// The routes desk, its organisations read in one query (SUP-12).
    public func approvalRouteDesk(by actor: Actor) async throws -> ApprovalRouteDesk {
        let routes = try await approvalRoutes(by: actor)
        let organisations = try await organisations.publicOrganisationTree().nodes.map(\.organisation)
        let byID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = routes.map { route in
            ApprovalRouteItem(route: route, approving: byID[route.organisationID]?.name ?? "", supervising: route.counterpartID.flatMap { byID[$0]?.name } ?? "",
                              actions: byID[route.organisationID].map { ApprovalRoutePermissions(actor: actor, route: route, approving: $0).allowed } ?? [])
        }
        let administrable = actor.has(.administrator)
            ? organisations.filter { ($0.kind != .government || $0.level == .town) && actor.scope.canAdminister($0) } : []
        return ApprovalRouteDesk(items: items, start: ApprovalRouteStart.allowed(for: actor, administrable: administrable), organisations: administrable)
    }
}
