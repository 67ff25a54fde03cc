/// 指导案例操作 (SUP-10).
public enum GuidingCaseAction: String, CaseIterable, Sendable, NamedAction {
    /// 审查 — record the experts' opinion, accept or reject.
    case review
    /// 发布 — put an accepted case on the portal.
    case publish

    public static let area = "guiding-case"
}

/// Who may take each step of one nomination now (SUP-10): a supervisor of the bureau it was
/// sent to reviews a nominated case and publishes an accepted one.
public struct GuidingCasePermissions: Permissions {
    public let actor: Actor
    public let nomination: GuidingCase

    public init(actor: Actor, nomination: GuidingCase) {
        self.actor = actor
        self.nomination = nomination
    }

    public func check(_ action: GuidingCaseAction) throws {
        try actor.require(anyOf: .supervisor)
        guard actor.organisation?.id == nomination.counterpartID else { throw SunlightError.outsideScope }
        guard nomination.status == (action == .review ? .nominated : .accepted) else { throw SupervisionUseCases.guidingStatus(nomination) }
    }

    /// 报送 — a head nominates a closed case of their own organisation; a supervisor one of any
    /// organisation in their jurisdiction.
    public static func requireNominator(_ actor: Actor, for organisation: Organisation) throws {
        let own = actor.has(.head) && actor.organisation?.id == organisation.id
        guard own || (actor.has(.supervisor) && actor.scope.canRead(organisation)) else {
            throw actor.has(.head) || actor.has(.supervisor) ? SunlightError.outsideScope : SunlightError.missingRole([.head, .supervisor])
        }
    }
}

/// A nomination as the desk lists it: the organisation's name and what the reader may do.
public struct GuidingCaseListItem: Sendable {
    public let nomination: GuidingCase
    public let organisationName: String
    public let actions: Set<GuidingCaseAction>
}

/// The guiding-cases desk (SUP-10): nominations in view, the count per department for the year,
/// and the closed cases the reader may nominate (empty when they may nominate none).
public struct GuidingCaseDesk: Sendable {
    public struct Quota: Sendable {
        public let organisation: Organisation
        public let count: Int
    }

    public let items: [GuidingCaseListItem]
    /// The year being counted (last year in January).
    public let year: Int
    public let quotas: [Quota]
    public let nominable: [EnforcementCase]
    /// Organisation names of the nominable cases.
    public let names: [Organisation.ID: String]
}
