/// 监督文书操作 — the steps of a notice, opinion or decision after it is issued (SUP-4).
public enum InstrumentAction: String, CaseIterable, Sendable, NamedAction {
    /// 报告整改 — the supervised organisation's head.
    case report
    /// 销号或退回整改 — a supervisor of the issuing bureau.
    case check
    /// 升级 — a notice not rectified becomes an opinion, an opinion a decision.
    case escalate

    public static let area = "instrument"
}

/// Who may take each step of one supervision instrument now (SUP-4).
public struct InstrumentPermissions: Permissions {
    public let actor: Actor
    public let instrument: SupervisionInstrument
    /// The supervised organisation.
    public let organisation: Organisation

    public init(actor: Actor, instrument: SupervisionInstrument, organisation: Organisation) {
        self.actor = actor
        self.instrument = instrument
        self.organisation = organisation
    }

    public func check(_ action: InstrumentAction) throws {
        switch action {
        case .report:
            try actor.require(anyOf: .head)
            guard actor.organisation?.id == organisation.id else { throw SunlightError.outsideScope }
            try requireStatus(.issued)
        case .check:
            try actor.require(anyOf: .supervisor)
            guard actor.organisation?.id == instrument.issuedBy else { throw SunlightError.outsideScope }
            try requireStatus(.reported)
        case .escalate:
            try Self.requireIssuer(actor, to: organisation)
            guard instrument.isOpen, instrument.kind.next != nil else {
                throw SunlightError(.ruleViolation, code: "instrument.escalation", "只有未销号的通知书或意见书可以升级", rule: .sup4)
            }
        }
    }

    /// A supervisor whose jurisdiction covers `organisation`, which is not their own bureau.
    public static func requireIssuer(_ actor: Actor, to organisation: Organisation) throws {
        try actor.require(anyOf: .supervisor)
        guard actor.scope.canRead(organisation), actor.organisation?.id != organisation.id else { throw SunlightError.outsideScope }
    }

    private func requireStatus(_ status: SupervisionInstrument.Status) throws {
        guard instrument.status == status else {
            throw SunlightError(.conflict, code: "instrument.status", "该文书目前“\(instrument.status.chineseName)”", rule: .sup4)
        }
    }
}

/// 监督文书台账 row: the instrument, the supervised organisation's name, what the reader may do.
public struct InstrumentListItem: Sendable {
    public let instrument: SupervisionInstrument
    public let organisationName: String
    public let actions: Set<InstrumentAction>
}

/// The instruments desk: instruments in view, and the organisations the reader may issue to
/// (empty when the reader may issue none) (SUP-4).
public struct InstrumentDesk: Sendable {
    public let items: [InstrumentListItem]
    public let issuableTo: [Organisation]
}
