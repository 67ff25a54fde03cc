import Foundation

/// A token with the user it acts for, as an administrator sees it.
public struct ApiTokenDetail: Sendable {
    public let token: ApiToken
    public let user: StaffUser
    public let organisation: Organisation
}

extension AccessUseCases {
    /// Issues a bearer token that acts as `userID` (administrator of that user's organisation).
    /// The secret is returned once and never stored.
    public func issueApiToken(for userID: StaffUser.ID, name: String, expiresOn: CivilDate?,
                              by actor: Actor) async throws -> (ApiToken, secret: String) {
        let (user, organisation) = try await organisations.administeredUser(userID, by: actor)
        let name = name.trimmed
        guard (2...40).contains(name.count) else { throw SunlightError.invalid("name", "令牌用途应为 2–40 个字") }
        guard user.isActive else { throw SunlightError.invalid("userID", "不能为已停用的用户签发令牌") }
        if let expiresOn, expiresOn <= clock.today {
            throw SunlightError.invalid("expiresOn", "有效期应晚于今天")
        }
        let secret = ApiTokenFormat.prefix + Secrets.token(secrets)
        let token = ApiToken(
            name: name, userID: user.id, tokenHash: Secrets.digest(secret), prefix: String(secret.prefix(9)),
            issuedBy: actor.user?.id, issuedAt: now,
            expiresAt: expiresOn.map { ChinaTime.startOfDay($0.adding(days: 1)) })
        try await commit(actor, .create, "api_token", id: token.id.uuidString, in: organisation,
                         "为 \(user.username) 签发接口令牌“\(name)”") { tx, _ in
            try await tx.apiTokens.insert(token)
            return ((), [token.ledgerRecord("token.issued", organisationID: organisation.id)])
        }
        return (token, secret)
    }

    /// The tokens of the users the actor administers, newest first.
    public func apiTokens(by actor: Actor) async throws -> [ApiTokenDetail] {
        let users = try await organisations.users(by: actor)
        let byID = Dictionary(uniqueKeysWithValues: users.map { ($0.user.id, $0) })
        return try await store.apiTokens.list(for: users.map(\.user.id))
            .sorted { $0.issuedAt > $1.issuedAt }
            .compactMap { token in byID[token.userID].map { ApiTokenDetail(token: token, user: $0.user, organisation: $0.organisation) } }
    }

    /// Revokes a token at once (吊销); it stays listed as revoked.
    public func revokeApiToken(_ id: ApiToken.ID, by actor: Actor) async throws {
        guard let token = try await store.apiTokens.find(id) else { throw SunlightError.notFound("接口令牌") }
        let (user, organisation) = try await organisations.administeredUser(token.userID, by: actor)
        guard token.revokedAt == nil else { return }
        try await commit(actor, .revoke, "api_token", id: id.uuidString, in: organisation,
                         "吊销 \(user.username) 的接口令牌“\(token.name)”") { tx, at in
            var revoked = token
            revoked.revokedAt = at
            revoked.revokedBy = actor.user?.id
            try await tx.apiTokens.revoke(id, by: revoked.revokedBy, at: at)
            return ((), [revoked.ledgerRecord("token.revoked", organisationID: organisation.id)])
        }
    }
}
