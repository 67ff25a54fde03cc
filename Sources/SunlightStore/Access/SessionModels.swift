import FluentKit
import Foundation
import SunlightCore

final class StaffSessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "user_agent") var userAgent: String?

    init() {}

    init(_ s: StaffSession) {
        id = s.id
        tokenHash = s.tokenHash
        userID = s.userID
        csrfToken = s.csrfToken
        createdAt = s.createdAt
        lastSeenAt = s.lastSeenAt
        expiresAt = s.expiresAt
        endedAt = s.endedAt
        address = s.address
        userAgent = s.userAgent
    }

    func domain() throws -> StaffSession {
        StaffSession(id: try requireID(), tokenHash: tokenHash, userID: userID, csrfToken: csrfToken,
                     createdAt: createdAt, lastSeenAt: lastSeenAt, expiresAt: expiresAt, endedAt: endedAt,
                     address: address, userAgent: userAgent)
    }
}

final class ApiTokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "prefix") var prefix: String
    @OptionalField(key: "issued_by") var issuedBy: UUID?
    @Field(key: "issued_at") var issuedAt: Date
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revoked_by") var revokedBy: UUID?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(_ t: ApiToken) {
        id = t.id
        name = t.name
        userID = t.userID
        tokenHash = t.tokenHash
        prefix = t.prefix
        issuedBy = t.issuedBy
        issuedAt = t.issuedAt
        expiresAt = t.expiresAt
        revokedAt = t.revokedAt
        revokedBy = t.revokedBy
        lastUsedAt = t.lastUsedAt
    }

    func domain() throws -> ApiToken {
        ApiToken(id: try requireID(), name: name, userID: userID, tokenHash: tokenHash, prefix: prefix,
                 issuedBy: issuedBy, issuedAt: issuedAt, expiresAt: expiresAt, revokedAt: revokedAt,
                 revokedBy: revokedBy, lastUsedAt: lastUsedAt)
    }
}

final class LoginFailureModel: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @OptionalField(key: "address") var address: String?
    @Field(key: "at") var at: Date

    init() {}

    init(username: String, address: String?, at: Date) {
        id = UUID()
        self.username = username
        self.address = address
        self.at = at
    }
}
