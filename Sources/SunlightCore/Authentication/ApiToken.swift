import Foundation

/// 接口令牌 — a bearer token for the JSON API under `/api/v1`, issued and revoked by an
/// administrator. It acts with the roles and scope of the user it was issued for.
public struct ApiToken: Identifiable, Sendable, Equatable {
    public typealias ID = UUID

    public let id: ID
    /// What it is for, e.g. `省平台数据对接`.
    public let name: String
    public let userID: StaffUser.ID
    /// SHA-256 (hex) of the secret; the secret itself is shown once, when issued.
    public let tokenHash: String
    /// The first characters of the secret, so people can tell tokens apart.
    public let prefix: String
    public let issuedBy: StaffUser.ID?
    public let issuedAt: Date
    public let expiresAt: Date?
    public var revokedAt: Date?
    public var revokedBy: StaffUser.ID?
    public var lastUsedAt: Date?

    public init(id: ID = UUID(), name: String, userID: StaffUser.ID, tokenHash: String, prefix: String,
                issuedBy: StaffUser.ID?, issuedAt: Date, expiresAt: Date?, revokedAt: Date? = nil,
                revokedBy: StaffUser.ID? = nil, lastUsedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.userID = userID
        self.tokenHash = tokenHash
        self.prefix = prefix
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
        self.lastUsedAt = lastUsedAt
    }

    public func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }

    /// 有效 / 已吊销 / 已过期.
    public func statusText(at now: Date) -> String {
        if revokedAt != nil { return "已吊销" }
        if let expiresAt, now >= expiresAt { return "已过期" }
        return "有效"
    }
}
