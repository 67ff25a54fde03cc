/// 移送纪检监察操作 (SUP-9).
public enum ReferralAction: String, CaseIterable, Sendable, NamedAction {
    /// 移送 — record the referral of a case to the discipline inspection organ.
    case refer

    public static let area = "referral"
}

/// Who may record the referral of one case now (SUP-9): the head of the case's organisation,
/// once, for a case that must be referred.
public struct ReferralPermissions: Permissions {
    public let actor: Actor
    public let obligation: ReferralObligation
    /// The case's organisation.
    public let organisation: Organisation

    public init(actor: Actor, obligation: ReferralObligation, organisation: Organisation) {
        self.actor = actor
        self.obligation = obligation
        self.organisation = organisation
    }

    public func check(_ action: ReferralAction) throws {
        guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
        try actor.require(anyOf: .head)
        guard obligation.referral == nil else { throw SunlightError(.conflict, code: "referral.done", "该案件已移送", rule: .sup9) }
    }
}

/// A case that must be referred, as the desk lists it, with what the reader may do.
public struct ReferralListItem: Sendable {
    public let obligation: ReferralObligation
    public let actions: Set<ReferralAction>
}

extension SupervisionUseCases {
    /// 移送纪检监察 as the desk shows it: every case in view that must be referred, with the
    /// referral the reader may record (SUP-9).
    public func referralDesk(by actor: Actor) async throws -> [ReferralListItem] {
        try await guarded(actor, "discipline_referral", id: nil, in: actor.organisation) { try actor.require(anyOf: .head, .publicityClerk, .supervisor) }
        let organisations = try await organisationsInView(of: actor)
        let byID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try await referralObligations(in: organisations).compactMap { obligation in
            guard let organisation = byID[obligation.enforcementCase.organisationID] else { return nil }
            return ReferralListItem(obligation: obligation,
                                    actions: ReferralPermissions(actor: actor, obligation: obligation, organisation: organisation).allowed)
        }
    }
}
