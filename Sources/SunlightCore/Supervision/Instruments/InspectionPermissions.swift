/// 监督检查操作 (SUP-4).
public enum InspectionAction: String, CaseIterable, Sendable, NamedAction {
    /// 下发监督通知书 — a notice for the problems an inspection found, citing it.
    case notify = "notice"

    public static let area = "inspection"
}

/// Who may issue a notice from one inspection now (SUP-4): a supervisor who may issue to the
/// inspected organisation, for an inspection that found problems.
public struct InspectionPermissions: Permissions {
    public let actor: Actor
    public let inspection: SupervisionInspection
    /// The inspected organisation.
    public let inspected: Organisation

    public init(actor: Actor, inspection: SupervisionInspection, inspected: Organisation) {
        self.actor = actor
        self.inspection = inspection
        self.inspected = inspected
    }

    public func check(_ action: InspectionAction) throws {
        try InstrumentPermissions.requireIssuer(actor, to: inspected)
        guard inspection.problemsFound else {
            throw SunlightError(.ruleViolation, code: "inspection.no_problems", "该次检查未发现问题，无需下发监督通知书", rule: .sup4)
        }
    }
}

/// An inspection as the desk lists it, with the inspected organisation's name, the numbers of
/// the notices issued from it, and what the reader may do.
public struct InspectionListItem: Sendable {
    public let inspection: SupervisionInspection
    public let organisationName: String
    public let notices: [String]
    public let actions: Set<InspectionAction>
}

/// The inspections desk (SUP-4): inspections in view, and the organisations the reader may
/// inspect (empty when they may record none).
public struct InspectionDesk: Sendable {
    public let items: [InspectionListItem]
    public let inspectable: [Organisation]
}

extension SupervisionUseCases {
    /// 监督检查 as the desk shows it (SUP-4).
    public func inspectionDesk(by actor: Actor) async throws -> InspectionDesk {
        let inspections = try await supervisionInspections(by: actor)
        let instruments = try await supervisionInstruments(by: actor)
        let inView = try await organisationsInView(of: actor)
        let byID = Dictionary(inView.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = inspections.map { inspection in
            let key = inspection.id.uuidString.lowercased()
            let inspected = inspection.counterpartID.flatMap { byID[$0] }
            return InspectionListItem(inspection: inspection, organisationName: inspected?.name ?? "",
                                      notices: instruments.filter { $0.evidence?.contains(key) == true }.map(\.number),
                                      actions: inspected.map { InspectionPermissions(actor: actor, inspection: inspection, inspected: $0).allowed } ?? [])
        }
        let inspectable = inView.filter { organisation in
            (organisation.kind == .department || organisation.level == .town) && passes { try InstrumentPermissions.requireIssuer(actor, to: organisation) }
        }
        return InspectionDesk(items: items, inspectable: inspectable)
    }
}
