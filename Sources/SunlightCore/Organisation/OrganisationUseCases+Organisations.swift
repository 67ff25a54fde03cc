import Foundation

/// The fields of a new organisation.
public struct NewOrganisation: Sendable, Codable {
    public var parentID: Organisation.ID?
    public var name: String
    public var shortName: String
    public var kind: OrganisationKind
    public var level: AdministrativeLevel

    public init(parentID: Organisation.ID?, name: String, shortName: String, kind: OrganisationKind,
                level: AdministrativeLevel) {
        self.parentID = parentID
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.level = level
    }
}

extension OrganisationUseCases {
    /// 公开机构树 — every organisation, for the public portal (names are public by law, PUB-1).
    public func publicOrganisationTree() async throws -> OrganisationTree {
        OrganisationTree(try await store.organisations.all())
    }

    /// The organisations an actor may read, as a tree.
    public func organisationTree(for actor: Actor) async throws -> OrganisationTree {
        var found: [Organisation.ID: Organisation] = [:]
        for path in actor.scope.administrativePaths {
            for organisation in try await store.organisations.subtree(path) { found[organisation.id] = organisation }
        }
        return OrganisationTree(Array(found.values))
    }

    /// The organisations the actor administers, as a tree (administrators only).
    public func administeredTree(for actor: Actor) async throws -> OrganisationTree {
        guard let path = actor.scope.administeredPath, actor.has(.administrator) else {
            try await log(actor, .denied, "organisation", id: nil, in: actor.organisation, SunlightError.missingRole([.administrator]).message)
            throw SunlightError.missingRole([.administrator])
        }
        return OrganisationTree(try await store.organisations.subtree(path))
    }

    /// One organisation, if the actor may read it.
    public func organisation(_ id: Organisation.ID, for actor: Actor) async throws -> Organisation {
        let organisation = try await requireOrganisation(id)
        try await guarded(actor, "organisation", id: id.uuidString, in: organisation) { try actor.requireReadAdministration(organisation) }
        return organisation
    }

    /// Creates an organisation (administrator, inside their jurisdiction; or the console).
    public func createOrganisation(_ input: NewOrganisation, by actor: Actor) async throws -> Organisation {
        let parent = try await input.parentID.asyncMap { try await requireOrganisation($0) }
        try await guarded(actor, "organisation", id: nil, in: parent) {
            if let parent { try actor.requireAdminister(parent) } else {
                guard actor.channel == .console else {
                    throw SunlightError(.forbidden, code: "organisation.root", "只能在命令行创建顶层机构")
                }
            }
        }
        try OrganisationRules.validateNames(name: input.name, shortName: input.shortName)
        try OrganisationRules.validatePlacement(kind: input.kind, level: input.level, under: parent)
        let id = UUID()
        let organisation = Organisation(
            id: id, parentID: parent?.id, name: input.name.trimmed, shortName: input.shortName.trimmed,
            kind: input.kind, level: input.level, path: Organisation.path(for: id, under: parent), createdAt: now)
        try await commit(actor, .create, "organisation", id: id.uuidString, in: organisation, "新增机构 \(organisation.name)") { tx, _ in
            if try await tx.organisations.subtree(parent?.path ?? "/").contains(where: {
                $0.parentID == parent?.id && $0.name == organisation.name
            }) {
                throw SunlightError(.conflict, code: "organisation.duplicate", "同一上级下已有名为“\(organisation.name)”的机构", field: "name")
            }
            try await tx.organisations.insert(organisation)
            return ((), [organisation.ledgerRecord("organisation.created")])
        }
        return organisation
    }

    /// Renames an organisation. Its kind, level and place in the tree do not change.
    public func renameOrganisation(_ id: Organisation.ID, name: String, shortName: String,
                                   by actor: Actor) async throws -> Organisation {
        var organisation = try await requireOrganisation(id)
        try await guarded(actor, "organisation", id: id.uuidString, in: organisation) { try actor.requireAdminister(organisation) }
        try OrganisationRules.validateNames(name: name, shortName: shortName)
        let before = "\(organisation.name)（\(organisation.shortName)）"
        organisation.name = name.trimmed
        organisation.shortName = shortName.trimmed
        try await commit(actor, .update, "organisation", id: id.uuidString, in: organisation,
                         "机构名称由 \(before) 改为 \(organisation.name)（\(organisation.shortName)）") { [organisation] tx, at in
            try await tx.organisations.update(organisation)
            // The portal finds its officers under the new name (the search index is checked by verify).
            for user in try await tx.users.list(in: [organisation.id]) { try await StandardsUseCases.reindexOfficer(user.id, at: at, in: tx) }
            return ((), [organisation.ledgerRecord("organisation.renamed")])
        }
        return organisation
    }

    /// Every organisation's name, by ID, in one read (organisations are public, PUB-1).
    public func organisationNames() async throws -> [Organisation.ID: String] {
        Dictionary(try await store.organisations.all().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// One organisation, or not found (organisations are public, PUB-1).
    public func organisation(_ id: Organisation.ID) async throws -> Organisation {
        try await requireOrganisation(id)
    }

    /// The names of these organisations, in one query (organisations are public, PUB-1).
    public func organisationNames(of ids: some Sequence<Organisation.ID>) async throws -> [Organisation.ID: String] {
        try await organisationNames(ids)
    }

}

// Every area shows and filters by the organisations an actor may read.
extension UseCaseArea {
    /// The organisations whose records the actor may read.
    func readableOrganisations(of actor: Actor) async throws -> [Organisation] {
        try await organisations(under: actor.scope.readablePaths)
    }

    /// The organisations whose settings the actor may read (administrators see their jurisdiction).
    func administrativeOrganisations(of actor: Actor) async throws -> [Organisation] {
        try await organisations(under: actor.scope.administrativePaths)
    }

    private func organisations(under paths: [String]) async throws -> [Organisation] {
        var organisations: [Organisation] = []
        for path in paths { organisations += try await store.organisations.subtree(path) }
        var seen = Set<Organisation.ID>()
        return organisations.filter { seen.insert($0.id).inserted }
    }

    /// A desk's organisations: a supervisor's whole jurisdiction, anyone else's own organisation.
    func organisationsInView(of actor: Actor) async throws -> [Organisation] {
        actor.has(.supervisor) ? try await readableOrganisations(of: actor) : [actor.organisation].compactMap { $0 }
    }
}
