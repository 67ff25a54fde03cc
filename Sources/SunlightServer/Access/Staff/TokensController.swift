import SunlightCore
import Vapor

/// 接口令牌 — bearer tokens for the JSON API, issued and revoked by administrators.
struct TokensController {
    struct TokenForm: Content {
        var userID: String?
        var name: String?
        var expiresOn: String?
    }

    struct TokenRow: Encodable {
        let id, name, user, prefix, issuedAt, expiresAt, lastUsedAt, status: String
        let revocable: Bool
    }

    struct Issued: Encodable {
        let name, secret: String
    }

    struct UserOption: Encodable {
        let id, label: String
    }

    struct TokensPage: Encodable {
        let page: PageContext
        let tokens: [TokenRow]
        let users: [UserOption]
        let issued: Issued?
        let error: String?
    }

    func register(_ routes: any RoutesBuilder) {
        let tokens = routes.grouped("staff", "admin", "tokens")
        tokens.get(use: list)
        tokens.post(use: issue)
        tokens.post(":id", "revoke", use: revoke)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, issued: nil, error: nil)
    }

    @Sendable func issue(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = try request.content.decode(TokenForm.self)
        do {
            guard let userID = form.userID.flatMap(UUID.init(uuidString:)) else { throw SunlightError.invalid("userID", "请选择令牌代表的用户") }
            var expires: CivilDate?
            if let text = form.expiresOn, !text.isEmpty {
                guard let date = CivilDate(iso: text) else { throw SunlightError.invalid("expiresOn", "有效期格式应为 YYYY-MM-DD") }
                expires = date
            }
            let (token, secret) = try await request.sunlight.access.issueApiToken(for: userID, name: form.name ?? "", expiresOn: expires,
                                                                            by: staff.actor)
            // The secret is shown in this response only: no redirect, nothing stored.
            return try await render(request, issued: Issued(name: token.name, secret: secret), error: nil, status: .created)
        } catch let error as SunlightError where error.kind == .invalidInput {
            return try await render(request, issued: nil, error: error.description, status: .badRequest)
        }
    }

    @Sendable func revoke(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        try await request.sunlight.access.revokeApiToken(try request.uuid("id", "接口令牌"), by: staff.actor)
        return Page.redirect("/staff/admin/tokens", notice: "revoked")
    }

    private func render(_ request: Request, issued: Issued?, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let now = request.sunlight.clock.now
        let tokens = try await request.sunlight.access.apiTokens(by: staff.actor).map { detail in
            let token = detail.token
            return TokenRow(id: token.id.uuidString, name: token.name, user: "\(detail.user.displayName)（\(detail.user.username)）",
                            prefix: token.prefix, issuedAt: ChinaTime.minuteText(token.issuedAt),
                            expiresAt: token.expiresAt.map { ChinaTime.date(of: $0.addingTimeInterval(-1)).iso } ?? "长期",
                            lastUsedAt: token.lastUsedAt.map(ChinaTime.minuteText) ?? "从未使用",
                            status: token.statusText(at: now), revocable: token.revokedAt == nil)
        }
        let users = try await request.sunlight.organisations.users(by: staff.actor).filter(\.user.isActive).map {
            UserOption(id: $0.user.id.uuidString, label: "\($0.user.displayName)（\($0.user.username)）· \($0.organisation.name)")
        }
        return try await Page.render("admin/tokens", TokensPage(
            page: PageContext(request, title: "接口令牌"), tokens: tokens, users: users, issued: issued, error: error),
            on: request, status: status)
    }
}
