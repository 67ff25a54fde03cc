import Foundation

/// 登录会话 — a logged-in browser session of a staff user.
///
/// The browser holds a random token in a cookie; the store keeps only its SHA-256, so a copy
/// of the database cannot be used to log in. Each session carries the CSRF token that every
/// form it renders must send back.
public struct StaffSession: Identifiable, Sendable, Equatable {
    public typealias ID = UUID

    public let id: ID
    /// SHA-256 (hex) of the cookie token.
    public let tokenHash: String
    public let userID: StaffUser.ID
    /// 防跨站请求伪造令牌 — sent back by every form of this session.
    public let csrfToken: String
    public let createdAt: Date
    public var lastSeenAt: Date
    /// Hard end of the session, however active it is.
    public let expiresAt: Date
    public var endedAt: Date?
    public let address: String?
    public let userAgent: String?

    public init(id: ID = UUID(), tokenHash: String, userID: StaffUser.ID, csrfToken: String, createdAt: Date,
                lastSeenAt: Date, expiresAt: Date, endedAt: Date? = nil, address: String?, userAgent: String?) {
        self.id = id
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.endedAt = endedAt
        self.address = address
        self.userAgent = userAgent
    }

    /// Whether the session still admits its holder at `now`, given the idle timeout.
    public func isLive(at now: Date, idleTimeout: TimeInterval) -> Bool {
        endedAt == nil && now < expiresAt && now.timeIntervalSince(lastSeenAt) < idleTimeout
    }
}
