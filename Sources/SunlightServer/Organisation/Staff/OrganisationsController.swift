import SunlightCore
import Vapor

/// 机构管理 — the organisation tree of an administrator's jurisdiction.
struct OrganisationsController {
    struct OrganisationForm: Content {
        var parentID: String?
        var name: String?
        var shortName: String?
        var kind: String?
        var level: String?
    }

    struct ListPage: Encodable {
        let page: PageContext
        let nodes: [OrganisationRow]
        let kinds: [Option]
        let levels: [Option]
        let form: OrganisationForm
        let error: String?
    }

    struct Detail: Encodable {
        let id, name, shortName, kind, level, parent: String
    }

    struct DetailPage: Encodable {
        let page: PageContext
        let organisation: Detail
        let error: String?
    }

    func register(_ routes: any RoutesBuilder) {
        let admin = routes.grouped("staff", "admin", "organisations")
        admin.get(use: list)
        admin.post(use: create)
        admin.get(":id", use: show)
        admin.post(":id", use: rename)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request, form: OrganisationForm(kind: OrganisationKind.department.rawValue), error: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = try request.content.decode(OrganisationForm.self)
        do {
            guard let kind = form.kind.flatMap(OrganisationKind.init(rawValue:)) else { throw SunlightError.invalid("kind", "请选择机构类型") }
            guard let level = form.level.flatMap(AdministrativeLevel.init(rawValue:)) else { throw SunlightError.invalid("level", "请选择层级") }
            guard let parent = form.parentID.flatMap(UUID.init(uuidString:)) else { throw SunlightError.invalid("parentID", "请选择上级机构") }
            let created = try await request.sunlight.organisations.createOrganisation(
                NewOrganisation(parentID: parent, name: form.name ?? "", shortName: form.shortName ?? "", kind: kind, level: level),
                by: staff.actor)
            return Page.redirect("/staff/admin/organisations/\(created.id.uuidString)", notice: "created")
        } catch let error as SunlightError where error.kind == .invalidInput || error.kind == .conflict {
            return try await renderList(request, form: form, error: error.description, status: .badRequest)
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderDetail(request, error: nil)
    }

    @Sendable func rename(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("id", "机构")
        let form = try request.content.decode(OrganisationForm.self)
        do {
            _ = try await request.sunlight.organisations.renameOrganisation(id, name: form.name ?? "", shortName: form.shortName ?? "", by: staff.actor)
            return Page.redirect("/staff/admin/organisations/\(id.uuidString)", notice: "saved")
        } catch let error as SunlightError where error.kind == .invalidInput {
            return try await renderDetail(request, error: error.description, status: .badRequest)
        }
    }

    private func renderList(_ request: Request, form original: OrganisationForm, error: String?,
                            status: HTTPResponseStatus = .ok) async throws -> Response {
        var form = original
        form.parentID = form.parentID?.lowercased()
        let staff = try request.requireStaff()
        let tree = try await request.sunlight.organisations.administeredTree(for: staff.actor)
        return try await Page.render("admin/organisations", ListPage(
            page: PageContext(request, title: "机构管理"), nodes: OrganisationRow.rows(tree),
            kinds: Options.kinds, levels: Options.levels, form: form, error: error), on: request, status: status)
    }

    private func renderDetail(_ request: Request, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let organisation = try await request.sunlight.organisations.organisation(try request.uuid("id", "机构"), for: staff.actor)
        try staff.actor.requireAdminister(organisation)
        let parent = try await organisation.parentID.asyncMap { try await request.sunlight.organisations.organisationNames(of: [$0])[$0] } ?? nil
        let detail = Detail(id: organisation.id.uuidString, name: organisation.name, shortName: organisation.shortName,
                            kind: organisation.kind.chineseName, level: organisation.level.chineseName,
                            parent: parent ?? "（顶层）")
        return try await Page.render("admin/organisation", DetailPage(
            page: PageContext(request, title: organisation.name), organisation: detail, error: error), on: request, status: status)
    }
}
