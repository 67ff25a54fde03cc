import Foundation

/// 待审批目录 — one version on the supervising bureau's desk, with what the actor may do to it.
public struct CatalogueApprovalItem: Sendable {
    public let approval: CatalogueApproval
    public let catalogue: MajorDecisionCatalogue
    public let organisation: Organisation
    public let actions: Set<CatalogueApprovalAction>
}

extension ReviewUseCases {
    /// 目录审批台 — the catalogue versions the actor's justice bureau answers for, pending first (REV-10).
    public func catalogueApprovalDesk(by actor: Actor) async throws -> [CatalogueApprovalItem] {
        guard let home = actor.organisation else { throw SunlightError.outsideScope }
        try await guarded(actor, CatalogueApproval.table, id: nil, in: home) { try DeskPermissions(actor: actor).check(.supervise) }
        let approvals = try await store.records(CatalogueApproval.self).list(organisations: [home.id]).filter { $0.counterpartID == home.id }
        var items: [CatalogueApprovalItem] = []
        for approval in approvals {
            guard let organisation = try await store.organisations.find(approval.organisationID),
                  let catalogue = try await store.reviews.catalogues(organisation: organisation.id).first(where: { $0.version == approval.version }) else { continue }
            items.append(CatalogueApprovalItem(approval: approval, catalogue: catalogue, organisation: organisation,
                                               actions: CatalogueApprovalPermissions(actor: actor, approval: approval).allowed))
        }
        try await log(actor, .read, CatalogueApproval.table, id: nil, in: home, "查看待审批的重大执法决定目录（\(items.count) 项）")
        return items.sorted { ($0.approval.status != .pending ? 1 : 0, $1.approval.createdAt) < ($1.approval.status != .pending ? 1 : 0, $0.approval.createdAt) }
    }

    /// 批准目录 — a supervisor of the overseeing justice bureau approves a pending version: it
    /// takes effect on the date asked for, and never earlier than the next working day (REV-10).
    public func approveCatalogue(_ approvalID: UUID, note: String = "", by actor: Actor) async throws -> CatalogueApproval {
        let calendar = try await calendars.current()
        let today = clock.today
        let earliest = try calendar.dueDate(from: today, .workingDays(1))
        let note = note.trimmed
        guard note.count <= 500 else { throw SunlightError.invalid("note", "审批意见不超过 500 字", rule: .rev10) }
        return try await answer(approvalID, .approve, by: actor, summary: "批准重大执法决定目录") { approval in
            approval.status = .approved
            approval.effectiveOn = max(approval.requestedOn, earliest)
            approval.reason = note.isEmpty ? nil : note
        }
    }

    /// 退回目录 — the bureau returns a pending version with its reason; it never takes effect (REV-10).
    public func returnCatalogue(_ approvalID: UUID, reason: String, by actor: Actor) async throws -> CatalogueApproval {
        let reason = reason.trimmed
        guard (2...500).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明退回理由（2–500 字）", rule: .rev10) }
        return try await answer(approvalID, .returnVersion, by: actor, summary: "退回重大执法决定目录") { approval in
            approval.status = .returned
            approval.reason = reason
        }
    }

    private func answer(_ approvalID: UUID, _ action: CatalogueApprovalAction, by actor: Actor, summary: String,
                        _ change: @escaping @Sendable (inout CatalogueApproval) -> Void) async throws -> CatalogueApproval {
        guard let found = try await store.records(CatalogueApproval.self).find(approvalID) else { throw SunlightError.notFound("目录审批") }
        let organisation = try await requireOrganisation(found.organisationID)
        try await guarded(actor, CatalogueApproval.table, id: approvalID.uuidString, in: organisation) {
            try CatalogueApprovalPermissions(actor: actor, approval: found).check(action)
        }
        let today = clock.today
        return try await commit(actor, .update, CatalogueApproval.table, id: approvalID.uuidString, in: organisation,
                                "\(summary)（\(organisation.name) 第 \(found.version) 版）") { tx, _ in
            // Read again inside the transaction: two supervisors cannot both answer.
            guard var approval = try await tx.records(CatalogueApproval.self).find(approvalID) else { throw SunlightError.notFound("目录审批") }
            try CatalogueApprovalPermissions(actor: actor, approval: approval).check(action)
            change(&approval)
            approval.decidedBy = actor.displayName
            approval.decidedByID = actor.user?.id
            approval.decidedOn = today
            try await tx.records(CatalogueApproval.self).update(approval)
            return (approval, [try approval.ledgerRecord("catalogue_approval.\(approval.status.rawValue)")])
        }
    }

    /// 目录版本审批情况 — each version's approval record, by version (a version without one was
    /// adopted before approvals existed), for the catalogue page and the API (REV-10).
    public func catalogueApprovals(of organisationID: Organisation.ID? = nil, by actor: Actor) async throws -> [Int: CatalogueApproval] {
        guard let organisation = try await (organisationID ?? actor.organisation?.id).asyncMap(requireOrganisation) else { throw SunlightError.outsideScope }
        try await guarded(actor, "review_catalogue", id: nil, in: organisation) { try actor.requireReadAdministration(organisation) }
        return try await CataloguesInForce.load(organisation.id, in: store).approvals
    }

    /// 监督机关 — the justice bureau that oversees an organisation: the bureau of the nearest
    /// government above it (a justice bureau is overseen by the bureau of the government above its own).
    func supervisingBureau(of organisation: Organisation, store: any Store) async throws -> Organisation? {
        let all = try await store.organisations.all()
        let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return all.filter { bureau in
            guard bureau.kind == .justiceBureau, bureau.id != organisation.id, let government = bureau.parentID.flatMap({ byID[$0] }) else { return false }
            return organisation.path.hasPrefix(government.path) && !(organisation.kind == .justiceBureau && government.id == organisation.parentID)
        }.max { $0.path.count < $1.path.count }
    }

    /// 省级人民政府 — the province an organisation belongs to (or the root of its tree, where none is a province).
    func province(of organisation: Organisation, store: any Store) async throws -> Organisation {
        let ancestors = try await store.organisations.all().filter { organisation.path.hasPrefix($0.path) && $0.kind == .government }
            .sorted { $0.path.count < $1.path.count }
        return ancestors.first { $0.level == .province } ?? ancestors.first ?? organisation
    }

    /// The bounds that hold for an organisation's thresholds: its province's, or the defaults.
    func catalogueBounds(for organisation: Organisation, store: any Store) async throws -> CatalogueBounds {
        let province = try await province(of: organisation, store: store)
        return try await store.records(CatalogueBounds.self).list(organisations: [province.id]).first { $0.organisationID == province.id }
            ?? .standard(for: province.id)
    }

    /// 数额标准幅度 — the bounds for an organisation's catalogue (the actor's own by default), its
    /// province, and whether the actor may set them (REV-10).
    public func catalogueBounds(of organisationID: Organisation.ID? = nil, by actor: Actor)
        async throws -> (bounds: CatalogueBounds, province: Organisation, actions: Set<CatalogueBoundsAction>) {
        guard let organisation = try await (organisationID ?? actor.organisation?.id).asyncMap(requireOrganisation) else { throw SunlightError.outsideScope }
        try await guarded(actor, CatalogueBounds.table, id: nil, in: organisation) { try actor.requireReadAdministration(organisation) }
        let province = try await province(of: organisation, store: store)
        return (try await catalogueBounds(for: organisation, store: store), province,
                CatalogueBoundsPermissions(actor: actor, province: province).allowed)
    }

    /// 设定数额标准幅度 — an administrator of the province sets the range within which its
    /// organisations set the amount thresholds of their catalogues (REV-10). Versions already
    /// adopted stay; a new version must fit.
    public func setCatalogueBounds(province provinceID: Organisation.ID, personMin: Int, personMax: Int, organisationMin: Int, organisationMax: Int,
                                   basis: String, by actor: Actor) async throws -> CatalogueBounds {
        let given = try await requireOrganisation(provinceID)
        let province = try await province(of: given, store: store)
        try await guarded(actor, CatalogueBounds.table, id: nil, in: province) { try CatalogueBoundsPermissions(actor: actor, province: province).check(.set) }
        return try await commit(actor, .update, CatalogueBounds.table, id: nil, in: province, "设定重大执法决定目录数额标准幅度（\(province.name)）") { tx, at in
            let existing = try await tx.records(CatalogueBounds.self).list(organisations: [province.id]).first { $0.organisationID == province.id }
            var bounds = existing ?? CatalogueBounds(id: self.newID(), organisationID: province.id, personMin: personMin, personMax: personMax,
                                                     organisationMin: organisationMin, organisationMax: organisationMax, basis: basis, setBy: "", createdAt: at)
            bounds.personMin = personMin
            bounds.personMax = personMax
            bounds.organisationMin = organisationMin
            bounds.organisationMax = organisationMax
            bounds.basis = basis.trimmed
            bounds.setBy = actor.displayName
            bounds.changedAt = at
            try bounds.validate()
            if existing == nil { try await tx.records(CatalogueBounds.self).insert(bounds) } else { try await tx.records(CatalogueBounds.self).update(bounds) }
            return (bounds, [try bounds.ledgerRecord("catalogue_bounds.set")])
        }
    }

    /// 目录审批待办 — for a supervisor, each version waiting for the bureau's approval (REV-10).
    func catalogueApprovalTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, user.has(.supervisor), let home = actor.organisation, home.kind == .justiceBureau else { return [] }
        let pending = try await store.records(CatalogueApproval.self).list(organisations: [home.id], statuses: [CatalogueApproval.Status.pending.rawValue])
        var tasks: [StaffTask] = []
        for approval in pending where approval.counterpartID == home.id {
            let name = try await store.organisations.find(approval.organisationID)?.name ?? ""
            tasks.append(StaffTask(title: "审批目录：\(name) 第 \(approval.version) 版", detail: "拟自 \(approval.requestedOn.iso) 起施行；报送人 \(approval.submittedBy)",
                                   due: nil, state: nil, link: .catalogueApprovals, rule: .rev10))
        }
        return tasks
    }
}
