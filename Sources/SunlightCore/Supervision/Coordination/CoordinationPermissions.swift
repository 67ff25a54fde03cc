import Foundation

extension CoordinationMatter.Action: NamedAction {
    /// `coordination.accept`, … — the steps of ``CoordinationFlow``.
    public static let area = "coordination"
}

/// Who may take each step of one coordination matter now (SUP-3, SUP-7, SUP-11, SUP-12, SUP-13):
/// the party whose turn ``CoordinationFlow`` says it is, with one of the step's roles; any party
/// may add a statement while the matter is open. `raise` is never a step.
public struct CoordinationPermissions: Permissions {
    public let actor: Actor
    public let matter: CoordinationMatter

    public init(actor: Actor, matter: CoordinationMatter) {
        self.actor = actor
        self.matter = matter
    }

    public func check(_ action: CoordinationMatter.Action) throws {
        _ = try transition(for: action)
    }

    /// The step `action` is now — what its form asks and the clock it starts — or the refusal.
    public func transition(for action: CoordinationMatter.Action) throws -> CoordinationFlow.Transition {
        let parties = matter.parties(of: actor.organisation?.id)
        guard !parties.isEmpty, actor.user != nil else { throw SunlightError.outsideScope }
        let matching = CoordinationFlow.next(of: matter).filter { $0.action == action }
        guard !matching.isEmpty else {
            throw SunlightError(.conflict, code: "coordination.status", "该事项目前“\(matter.status.chineseName)”，不能\(action.chineseName)", rule: matter.kind.rule)
        }
        guard let transition = matching.first(where: { parties.contains($0.party) }) else { throw SunlightError.outsideScope }
        guard transition.roles.contains(where: actor.has) else { throw SunlightError.missingRole(transition.roles) }
        return transition
    }

    /// The steps the actor may take now, in the flow's order (what the page's forms show).
    public var steps: [CoordinationFlow.Transition] {
        var seen = Set<CoordinationMatter.Action>()
        return CoordinationFlow.next(of: matter).compactMap { try? transition(for: $0.action) }.filter { seen.insert($0.action).inserted }
    }
}

extension CoordinationFlow {
    /// The next steps of a matter, the statement any party may add included.
    public static func next(of matter: CoordinationMatter) -> [Transition] {
        guard matter.status.isOpen else { return [] }
        let next = transitions(of: matter.kind).filter { $0.from == matter.status }
        let parties: [CoordinationMatter.Party] = [.raiser, .counterpart, .coordinator].filter { matter.organisation(of: $0) != nil }
        return next + parties.map { note(from: matter.status, by: $0) }
    }
}

/// 提出协调事项 — what the coordination desk offers before a matter exists (SUP-3, SUP-7, SUP-13).
public enum CoordinationStart: String, CaseIterable, Sendable, NamedAction {
    /// 申请执法争议协调 — a head, against another organisation of the same government.
    case dispute
    /// 执法协助函 — a head or officer, between a town and a department of the same county.
    case assistance
    /// 责任追究 — a supervisor for an organisation below, or a head for their own.
    case accountability

    public static let area = "coordination-new"

    public var roles: [Role] {
        switch self {
        case .dispute: [.head]
        case .assistance: [.head, .officer]
        case .accountability: [.supervisor, .head]
        }
    }

    /// Whether `other` may be the other side of this kind of matter raised from `home` by the actor.
    public func accepts(_ other: Organisation, from home: Organisation, by actor: Actor) -> Bool {
        switch self {
        case .dispute: other.id != home.id && other.parentID == home.parentID && other.kind != .justiceBureau
        case .assistance: other.id != home.id && other.parentID == home.parentID && (home.level == .town) != (other.level == .town)
        case .accountability: (other.id == home.id && actor.has(.head)) || (actor.has(.supervisor) && actor.scope.canRead(other))
        }
    }
}

/// Whether the actor may raise each kind of matter now: one of its roles, an organisation, and
/// someone it may be raised with.
public struct CoordinationStartPermissions: Permissions {
    public let actor: Actor
    /// The organisations each kind may be raised with.
    public let candidates: [CoordinationStart: [Organisation]]

    public init(actor: Actor, candidates: [CoordinationStart: [Organisation]]) {
        self.actor = actor
        self.candidates = candidates
    }

    public func check(_ action: CoordinationStart) throws {
        guard action.roles.contains(where: actor.has) else { throw SunlightError.missingRole(action.roles) }
        guard actor.organisation != nil, actor.user != nil else { throw SunlightError.outsideScope }
        guard !(candidates[action] ?? []).isEmpty else { throw SunlightError.outsideScope }
    }
}

/// 协调事项 as the list shows one: the matter and the names of its parties.
public struct CoordinationListItem: Sendable {
    public let matter: CoordinationMatter
    public let raiser: String
    public let counterpart: String
}

/// The coordination desk: the matters in view, what the reader may raise, and with whom.
public struct CoordinationDesk: Sendable {
    public let items: [CoordinationListItem]
    public let start: Set<CoordinationStart>
    /// The organisations each kind the reader may raise may be raised with.
    public let candidates: [CoordinationStart: [Organisation]]
}

/// One matter as its page shows it: its parties' names and the steps the reader may take now.
public struct CoordinationMatterDetail: Sendable {
    public let matter: CoordinationMatter
    public let names: [Organisation.ID: String]
    public let steps: [CoordinationFlow.Transition]
    public var actions: Set<CoordinationMatter.Action> { Set(steps.map(\.action)) }
}
