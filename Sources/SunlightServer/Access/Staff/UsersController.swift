import SunlightCore
import SunlightRendering
import Vapor

/// 用户管理 — staff accounts, their roles and their enforcement certificates.
struct UsersController {
    struct UserForm: Content {
        var organisationID: String?
        var username: String?
        var displayName: String?
        var post: String?
        var roles: [String]?
        var legalQualification: String?
        var password: String?
        var isActive: String?
    }

    struct CertificateForm: Content {
        var number: String?
        var categories: [String]?
        var region: String?
        var validFrom: String?
        var validUntil: String?
    }

    struct UserRow: Encodable {
        let id, displayName, username, organisation, post, roles, certificate, status: String
    }

    struct ListPage: Encodable {
        let page: PageContext
        let users: [UserRow]
        let count: Int
        let organisations: [OrganisationRow]
        let selectedOrganisation: String
        let scopeName: String
        let csvQuery: String
    }

    struct NewPage: Encodable {
        let page: PageContext
        let organisations: [OrganisationRow]
        let roles: [Option]
        let form: UserForm
        let error: String?
    }

    struct UserView: Encodable {
        let id, username, displayName, post, organisation, legalQualification: String
        let isActive: Bool
    }

    struct CertificateRow: Encodable {
        let number, categories, region, validFrom, validUntil, status: String
    }

    struct DetailPage: Encodable {
        let page: PageContext
        let user: UserView
        let roles: [Option]
        let certificates: [CertificateRow]
        let categories: [Option]
        let defaultRegion: String
        let error: String?
    }

    func register(_ routes: any RoutesBuilder) {
        let users = routes.grouped("staff", "admin", "users")
        users.get(use: list)
        routes.get("staff", "admin", "users.csv", use: csv)
        users.get("new", use: new)
        users.post(use: create)
        users.get(":id", use: show)
        users.post(":id", use: update)
        users.post(":id", "password", use: resetPassword)
        users.post(":id", "certificates", use: addCertificate)
    }

    // MARK: list

    @Sendable func list(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let selected = request.query[String.self, at: "organisation"].flatMap(UUID.init(uuidString:))
        let rows = try await rows(request, organisation: selected)
        let tree = try await administeredTree(request)
        return try await Page.render("admin/users", ListPage(
            page: PageContext(request, title: "用户管理"), users: rows, count: rows.count, organisations: tree,
            selectedOrganisation: selected?.uuidString.lowercased() ?? "", scopeName: tree.first?.name ?? staff.actor.organisation?.name ?? "",
            csvQuery: selected.map { "?organisation=\($0.uuidString)" } ?? ""), on: request)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let rows = try await rows(request, organisation: request.query[String.self, at: "organisation"].flatMap(UUID.init(uuidString:)))
        let text = CSV.document(header: ["姓名", "用户名", "机构", "职务", "角色", "执法证", "状态"],
                                rows: rows.map { [$0.displayName, $0.username, $0.organisation, $0.post, $0.roles, $0.certificate, $0.status] })
        return request.csvResponse(text, filename: "用户列表.csv")
    }

    private func rows(_ request: Request, organisation: UUID?) async throws -> [UserRow] {
        let staff = try request.requireStaff()
        let today = request.sunlight.clock.today
        return try await request.sunlight.organisations.users(by: staff.actor, in: organisation).map { detail in
            let certificate = detail.certificates.max { $0.validUntil < $1.validUntil }
                .map { "\($0.number)（\($0.status(on: today).chineseName)，至 \($0.validUntil.iso)）" } ?? "—"
            return UserRow(id: detail.user.id.uuidString, displayName: detail.user.displayName, username: detail.user.username,
                           organisation: detail.organisation.name, post: detail.user.post,
                           roles: detail.user.sortedRoles.map(\.chineseName).joined(separator: "、"),
                           certificate: certificate, status: detail.user.isActive ? "启用" : "停用")
        }
    }

    // MARK: create

    @Sendable func new(_ request: Request) async throws -> Response {
        try await renderNew(request, form: UserForm(organisationID: request.query[String.self, at: "organisation"]), error: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = try request.content.decode(UserForm.self)
        do {
            guard let organisationID = form.organisationID.flatMap(UUID.init(uuidString:)) else {
                throw SunlightError.invalid("organisationID", "请选择所属机构")
            }
            let user = try await request.sunlight.organisations.createUser(NewStaffUser(
                organisationID: organisationID, username: form.username ?? "", displayName: form.displayName ?? "",
                post: form.post ?? "", roles: try Self.roles(form.roles), password: form.password ?? "",
                legalQualification: form.legalQualification), by: staff.actor)
            return Page.redirect("/staff/admin/users/\(user.id.uuidString)", notice: "created")
        } catch let error as SunlightError where error.kind == .invalidInput || error.kind == .conflict {
            var kept = form
            kept.password = nil
            return try await renderNew(request, form: kept, error: error.description,
                                       status: error.kind == .conflict ? .conflict : .badRequest)
        }
    }

    private func renderNew(_ request: Request, form original: UserForm, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        var form = original
        form.organisationID = form.organisationID?.lowercased()
        let checked = Set((form.roles ?? []).compactMap(Role.init(rawValue:)))
        return try await Page.render("admin/user-new", NewPage(
            page: PageContext(request, title: "新增用户"), organisations: try await administeredTree(request),
            roles: Options.roles(checked: checked), form: form, error: error), on: request, status: status)
    }

    // MARK: detail

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderDetail(request, error: nil)
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        try await act(request) { staff, id, form in
            _ = try await request.sunlight.organisations.updateUser(id, StaffUserChanges(
                displayName: form.displayName, post: form.post, roles: try Self.roles(form.roles),
                isActive: form.isActive.map { $0 == "true" }, legalQualification: form.legalQualification ?? ""), by: staff.actor)
            return "saved"
        }
    }

    @Sendable func resetPassword(_ request: Request) async throws -> Response {
        try await act(request) { staff, id, form in
            try await request.sunlight.organisations.resetPassword(of: id, to: form.password ?? "", by: staff.actor)
            return "password_reset"
        }
    }

    @Sendable func addCertificate(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("id", "用户")
        let form = try request.content.decode(CertificateForm.self)
        do {
            guard let from = form.validFrom.flatMap(CivilDate.init(iso:)), let until = form.validUntil.flatMap(CivilDate.init(iso:)) else {
                throw SunlightError.invalid("validFrom", "请填写有效期（YYYY-MM-DD）", rule: .std2)
            }
            let categories = try (form.categories ?? []).map { code -> EnforcementCategory in
                guard let category = EnforcementCategory(rawValue: code) else { throw SunlightError.invalid("categories", "未知的执法类别：\(code)") }
                return category
            }
            try await request.sunlight.organisations.addCertificate(EnforcementCertificate(
                holderID: id, number: form.number ?? "", categories: Set(categories), region: form.region?.trimmed ?? "",
                validFrom: from, validUntil: until), by: staff.actor)
            return Page.redirect("/staff/admin/users/\(id.uuidString)", notice: "certificate_added")
        } catch let error as SunlightError where error.kind == .invalidInput || error.kind == .conflict {
            return try await renderDetail(request, error: error.description, status: .badRequest)
        }
    }

    /// Decodes the form, runs a change and redirects with a notice, or shows the page again with the error.
    private func act(_ request: Request, _ change: (StaffContext, UUID, UserForm) async throws -> String) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("id", "用户")
        let form = try request.content.decode(UserForm.self)
        do {
            let notice = try await change(staff, id, form)
            return Page.redirect("/staff/admin/users/\(id.uuidString)", notice: notice)
        } catch let error as SunlightError where error.kind == .invalidInput || error.kind == .conflict {
            return try await renderDetail(request, error: error.description, status: error.kind == .conflict ? .conflict : .badRequest)
        }
    }

    private func renderDetail(_ request: Request, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let detail = try await request.sunlight.organisations.user(try request.uuid("id", "用户"), by: staff.actor)
        let today = request.sunlight.clock.today
        let user = detail.user
        return try await Page.render("admin/user", DetailPage(
            page: PageContext(request, title: user.displayName),
            user: UserView(id: user.id.uuidString, username: user.username, displayName: user.displayName, post: user.post,
                           organisation: detail.organisation.name, legalQualification: user.legalQualification ?? "",
                           isActive: user.isActive),
            roles: Options.roles(checked: user.roles),
            certificates: detail.certificates.map {
                CertificateRow(number: $0.number, categories: EnforcementCategory.allCases.filter($0.categories.contains).map(\.chineseName).joined(separator: "、"),
                               region: $0.region, validFrom: $0.validFrom.iso, validUntil: $0.validUntil.iso,
                               status: $0.status(on: today).chineseName)
            },
            categories: Options.categories, defaultRegion: "", error: error), on: request, status: status)
    }

    // MARK: helpers

    private func administeredTree(_ request: Request) async throws -> [OrganisationRow] {
        OrganisationRow.rows(try await request.sunlight.organisations.administeredTree(for: try request.requireStaff().actor))
    }

    static func roles(_ codes: [String]?) throws -> Set<Role> {
        Set(try (codes ?? []).map { code in
            guard let role = Role(rawValue: code) else { throw SunlightError.invalid("roles", "未知的角色：\(code)") }
            return role
        })
    }
}
