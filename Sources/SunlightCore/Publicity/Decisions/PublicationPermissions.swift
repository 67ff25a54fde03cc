/// 决定公开操作 — what can be done to one decision's publication (PUB-6, PUB-7, PUB-8).
public enum PublicationAction: String, CaseIterable, Sendable, NamedAction {
    /// 脱敏预览并确认公开（或更正公开内容） — the publicity clerk of the decision's organisation.
    case publish
    /// 登记决定变更 — the decision was changed, revoked, confirmed illegal or void.
    case change
    /// 撤下 — with a public statement of the reason.
    case withdraw

    public static let area = "publication"
}

/// Who may do what to one publication now: the publicity clerk of its own organisation previews
/// and publishes a due, exempt or published decision (PUB-6, PUB-8); its clerk, head, officers
/// or legal reviewers report a change of a published decision once (PUB-7); its clerk or head
/// withdraws a published one (PUB-7, PUB-13).
public struct PublicationPermissions: Permissions {
    public let actor: Actor
    public let publication: DecisionPublication
    /// The decision's organisation.
    public let organisation: Organisation

    public init(actor: Actor, publication: DecisionPublication, organisation: Organisation) {
        self.actor = actor
        self.publication = publication
        self.organisation = organisation
    }

    public func check(_ action: PublicationAction) throws {
        switch action {
        case .publish:
            try actor.require(anyOf: .publicityClerk)
            guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
            guard [.due, .exempt, .published].contains(publication.status) else {
                throw SunlightError(.ruleViolation, code: "publication.status", "该决定目前“\(publication.status.chineseName)”，不能公开",
                                    rule: publication.status == .withheld ? .pub8 : .pub7)
            }
        case .change:
            let roles: [Role] = [.publicityClerk, .head, .officer, .legalReviewer]
            guard roles.contains(where: actor.has) else { throw SunlightError.missingRole(roles) }
            // Reporting a change acts on the organisation's record: reading it is not enough (issue 15 item 2).
            guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
            guard publication.status == .published, publication.withdrawal == nil else {
                throw SunlightError(.ruleViolation, code: "publication.status", "只有已公开、尚未登记变更的决定可以登记变更", rule: .pub7)
            }
        case .withdraw:
            try actor.require(anyOf: .publicityClerk, .head)
            guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
            guard publication.status == .published else {
                throw SunlightError(.ruleViolation, code: "publication.status", "该决定目前“\(publication.status.chineseName)”，不能撤下", rule: .pub7)
            }
        }
    }
}

/// 决定公开事项 as its page shows it: the publication, its history, what the reader may do now,
/// and — when the reader may publish — the redaction preview (PUB-6..8).
public struct PublicationDetail: Sendable {
    public let publication: DecisionPublication
    public let events: [PublicationEvent]
    public let actions: Set<PublicationAction>
    /// The previewed text, exactly when ``actions`` contains ``PublicationAction/publish``.
    public let preview: DecisionText?
}
