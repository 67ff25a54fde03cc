/// 双随机抽查操作 — the steps of one draw after it is set up (PUB-4, PUB-9).
public enum DrawAction: String, CaseIterable, Sendable, NamedAction {
    /// 抽取 — run the draw from the committed seed.
    case perform = "draw"
    /// 登记检查结果.
    case results
    /// 公开检查结果 — the publicity clerk.
    case publish

    public static let area = "draw"
}

/// Who may take each step of one draw now (PUB-4, PUB-9): a head or the publicity clerk of the
/// draw's own organisation draws and records the results; only its publicity clerk publishes them —
/// each in its status.
public struct DrawPermissions: Permissions {
    public let actor: Actor
    public let draw: InspectionDraw
    /// The organisation that runs the draw.
    public let organisation: Organisation

    public init(actor: Actor, draw: InspectionDraw, organisation: Organisation) {
        self.actor = actor
        self.draw = draw
        self.organisation = organisation
    }

    public func check(_ action: DrawAction) throws {
        switch action {
        case .perform:
            try requireDesk(.head, .publicityClerk)
            guard draw.status == .committed else { throw SunlightError(.conflict, code: "draw.status", "该抽查已抽取", rule: .pub9) }
        case .results:
            try requireDesk(.head, .publicityClerk)
            guard draw.status == .drawn else { throw SunlightError(.conflict, code: "draw.status", "只有已抽取、尚未登记结果的抽查可以登记结果", rule: .pub9) }
        case .publish:
            try requireDesk(.publicityClerk)
            guard draw.status == .inspected else { throw SunlightError(.conflict, code: "draw.status", "只有已登记结果的抽查可以公开结果", rule: .pub9) }
        }
    }

    private func requireDesk(_ roles: Role...) throws {
        guard roles.contains(where: actor.has) else { throw SunlightError.missingRole(roles) }
        guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
    }
}

/// 建立抽查 — what the draws desk offers before a draw exists (PUB-4).
public enum DrawStart: String, CaseIterable, Sendable, NamedAction {
    /// Fix the pools and commit the seed — a head or the publicity clerk of an organisation.
    case create

    public static let area = "draw-new"

    /// Throws unless the actor may set up a draw for their organisation.
    public static func check(_ actor: Actor) throws {
        try actor.require(anyOf: .head, .publicityClerk)
        guard actor.organisation != nil else { throw SunlightError.outsideScope }
    }

    public static func allowed(for actor: Actor) -> Set<DrawStart> { passes { try check(actor) } ? [.create] : [] }
}

/// The draws desk: the draws in view and whether the reader may set up a new one (PUB-4, PUB-9).
public struct DrawDesk: Sendable {
    public let draws: [InspectionDraw]
    public let start: Set<DrawStart>
}

/// One draw as its page shows it, with the steps the reader may take now (PUB-9).
public struct DrawDetail: Sendable {
    public let draw: InspectionDraw
    public let actions: Set<DrawAction>
}
