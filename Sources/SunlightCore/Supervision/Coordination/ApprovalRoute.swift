import Foundation

/// 审批监管衔接路由 — which supervising department receives the permit decisions of an approving
/// organisation (all of them, or those whose case title has a keyword); set by the administrator
/// (SUP-12, seed 001 (十四)二: 审批决定基本信息自动导入……向对口监管部门开放).
public struct ApprovalRoute: OrganisationState, Equatable {
    public static let table = "approval_routes"

    public let id: UUID
    /// The approving organisation.
    public let organisationID: Organisation.ID
    /// The supervising department.
    public let counterpartID: Organisation.ID?
    /// Only permits whose case title contains this, when set.
    public let keyword: String?
    public let createdAt: Date
    public var active: Bool

    public init(id: UUID = UUID(), organisationID: Organisation.ID, counterpartID: Organisation.ID, keyword: String?, createdAt: Date, active: Bool = true) {
        self.id = id
        self.organisationID = organisationID
        self.counterpartID = counterpartID
        self.keyword = keyword
        self.createdAt = createdAt
        self.active = active
    }

    public var statusCode: String { active ? "active" : "retired" }

    public func applies(to caseTitle: String) -> Bool { active && (keyword.map { caseTitle.contains($0) } ?? true) }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, counterpartID, keyword, createdAt, active
    }
}

extension SupervisionUseCases {
    /// 设置衔接路由 — the administrator routes an approving organisation's permit decisions to a
    /// supervising department (SUP-12).
    public func addApprovalRoute(from approvingID: Organisation.ID, to supervisingID: Organisation.ID, keyword: String,
                                 by actor: Actor) async throws -> ApprovalRoute {
        let approving = try await requireOrganisation(approvingID)
        let supervising = try await requireOrganisation(supervisingID)
        try await guarded(actor, ApprovalRoute.table, id: nil, in: approving) {
            try actor.requireAdminister(approving)
            try actor.requireAdminister(supervising)
        }
        guard approving.id != supervising.id else { throw SunlightError.invalid("supervising", "监管部门应是审批机关以外的部门", rule: .sup12) }
        let keyword = keyword.trimmed.nilIfEmpty
        guard (keyword?.count ?? 0) <= 50 else { throw SunlightError.invalid("keyword", "关键词不超过 50 字", rule: .sup12) }
        let route = ApprovalRoute(organisationID: approving.id, counterpartID: supervising.id, keyword: keyword, createdAt: now)
        return try await save(route, new: true, "approval_route.added", "许可决定推送\(supervising.name)" + (keyword.map { "（含“\($0)”）" } ?? ""),
                              in: approving, by: actor)
    }

    /// 停用衔接路由.
    public func retireApprovalRoute(_ id: ApprovalRoute.ID, by actor: Actor) async throws -> ApprovalRoute {
        guard var route = try await store.records(ApprovalRoute.self).find(id) else { throw SunlightError.notFound("衔接路由") }
        let approving = try await requireOrganisation(route.organisationID)
        let permissions = ApprovalRoutePermissions(actor: actor, route: route, approving: approving)
        try await guarded(actor, ApprovalRoute.table, id: id.uuidString, in: approving) { try permissions.check(.retire) }
        route.active = false
        return try await save(route, new: false, "approval_route.retired", "停用许可决定推送路由", in: approving, by: actor)
    }

    /// The routes the administrator manages.
    public func approvalRoutes(by actor: Actor) async throws -> [ApprovalRoute] {
        try await guarded(actor, ApprovalRoute.table, id: nil, in: actor.organisation) { try actor.require(anyOf: .administrator, .supervisor) }
        return try await store.records(ApprovalRoute.self).list(organisations: try await administrativeOrganisations(of: actor).map(\.id))
    }

    /// 审批决定推送 — in the transaction that issues a permit decision, a matter for each supervising
    /// department routed to: it must acknowledge in 3 working days and then report how it supervises (SUP-12).
    static func routeApproval(of document: CaseDocument, in theCase: EnforcementCase, on today: CivilDate, at: Date, by actor: Actor,
                              calendar: WorkingDayCalendar, in tx: any Store) async throws -> [LedgerRecord] {
        guard document.type == .permitDecision, let number = document.number, let home = actor.organisation else { return [] }
        let routes = try await tx.records(ApprovalRoute.self).list(organisations: [theCase.organisationID])
            .filter { $0.organisationID == theCase.organisationID && $0.applies(to: theCase.title) }
        guard !routes.isEmpty else { return [] }
        let holders = try await tx.cases.parties(of: theCase.id).map(\.name).joined(separator: "、")
        let due = try calendar.due(from: today, .workingDays(3)).date
        let details = "\(document.type.chineseName) \(number)（\(today.iso)）：\(theCase.title)；申请人：\(holders)。请纳入事中事后监管并反馈。"
        var records: [LedgerRecord] = []
        for route in routes {
            let step = CoordinationMatter.Step(action: .raise, at: at, on: today, by: actor.user?.id, byName: actor.displayName,
                                               organisationID: home.id, option: nil, text: details)
            let matter = CoordinationMatter(kind: .approvalLink, organisationID: theCase.organisationID, counterpartID: route.counterpartID,
                                            subject: "许可决定 \(number)", details: details, reference: number, createdAt: at, createdOn: today,
                                            status: .routed, dueOn: due, steps: [step])
            try await tx.records(CoordinationMatter.self).insert(matter)
            records.append(try matter.ledgerRecord("coordination.routed"))
        }
        return records
    }
}
