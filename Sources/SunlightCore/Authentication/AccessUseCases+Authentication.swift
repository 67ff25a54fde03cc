import Foundation

/// 登录 — the outcome of a successful login: the session and the secret for its cookie.
public struct LoginResult: Sendable {
    public let session: StaffSession
    /// Goes into the session cookie; only its digest is stored.
    public let cookieToken: String
    public let user: StaffUser
}

extension AccessUseCases {
    static let wrongCredentials = SunlightError(.unauthenticated, code: "login.failed", "用户名或密码错误")
    static let sessionExpired = SunlightError(.unauthenticated, code: "session.expired", "登录已过期或已退出，请重新登录")
    static let tokenInvalid = SunlightError(.unauthenticated, code: "token.invalid", "接口令牌无效、已过期或已被吊销")

    /// Logs a staff user in with a password, with back-off after repeated failures.
    ///
    /// An unknown user and a wrong password get the same answer and take the same time. While
    /// a back-off is running the password is not checked at all.
    public func logIn(username rawUsername: String, password: String, address: String?,
                      userAgent: String?) async throws -> LoginResult {
        let username = rawUsername.trimmed.lowercased()
        guard !username.isEmpty, !password.isEmpty else {
            throw SunlightError.invalid(username.isEmpty ? "username" : "password", "请输入用户名和密码")
        }
        let since = now.addingTimeInterval(-settings.loginBackoff.window)
        var failures = try await store.loginFailures.failures(username: username, since: since)
        if let address {
            let fromAddress = try await store.loginFailures.failures(address: address, since: since)
            if fromAddress.count > failures.count { failures = fromAddress }
        }
        if let wait = settings.loginBackoff.retryAfter(failures: failures, now: now) {
            throw SunlightError(.tooManyAttempts(retryAfterSeconds: wait), code: "login.throttled",
                                "登录失败次数过多，请 \(Self.waitText(wait)) 后再试")
        }
        let user = try await store.users.find(username: username)
        // Verify against a fixed hash when the user is unknown, so timing does not tell.
        let matches = try await passwords.verify(password, against: user?.passwordHash ?? passwords.decoyHash)
        guard let user, matches else {
            let organisation = try await user.asyncMap { try await requireOrganisation($0.organisationID) }
            let line = AccessLogEntry(
                at: now, actorUserID: user?.id, actorName: username, channel: .staff, action: .loginFailed,
                resourceType: "session", resourceID: nil, organisationID: organisation?.id,
                organisationPath: organisation?.path, address: address,
                summary: user == nil ? "未知用户名 \(username) 登录失败" : "密码错误")
            try await commit(line) { tx, at in
                try await tx.loginFailures.record(username: username, address: address, at: at)
                return ((), [])
            }
            throw Self.wrongCredentials
        }
        guard user.isActive else {
            throw SunlightError(.unauthenticated, code: "login.inactive", "该账号已停用，请联系系统管理员")
        }
        try await store.loginFailures.clear(username: username)
        let cookieToken = Secrets.token(secrets)
        let session = StaffSession(
            tokenHash: Secrets.digest(cookieToken), userID: user.id, csrfToken: Secrets.token(secrets),
            createdAt: now, lastSeenAt: now, expiresAt: now.addingTimeInterval(settings.sessionLifetime),
            address: address, userAgent: userAgent.map { String($0.prefix(300)) })
        let actor = try await actor(for: user, channel: .staff, address: address)
        try await commit(actor, .login, "session", id: session.id.uuidString, in: actor.organisation, "登录") { tx, _ in
            try await tx.sessions.insert(session)
            return ((), [])
        }
        return LoginResult(session: session, cookieToken: cookieToken, user: user)
    }

    /// The live session for a cookie token and the actor behind it, or `unauthenticated`.
    public func resumeSession(cookieToken: String, address: String?) async throws -> (StaffSession, Actor) {
        guard let session = try await store.sessions.find(tokenHash: Secrets.digest(cookieToken)),
              session.isLive(at: now, idleTimeout: settings.sessionIdleTimeout),
              let user = try await store.users.find(session.userID), user.isActive
        else { throw Self.sessionExpired }
        if now.timeIntervalSince(session.lastSeenAt) > 60 { try await store.sessions.touch(session.id, at: now) }
        return (session, try await actor(for: user, channel: .staff, address: address, sessionID: session.id))
    }

    /// Ends a session (退出登录).
    public func logOut(_ session: StaffSession, actor: Actor) async throws {
        try await commit(actor, .logout, "session", id: session.id.uuidString, in: actor.organisation, "退出登录") { tx, at in
            try await tx.sessions.end(session.id, at: at)
            return ((), [])
        }
    }

    /// The actor behind an API bearer token, or `unauthenticated`.
    public func authenticate(apiToken secret: String, address: String?) async throws -> Actor {
        guard secret.hasPrefix(ApiTokenFormat.prefix),
              let token = try await store.apiTokens.find(tokenHash: Secrets.digest(secret)),
              token.isUsable(at: now),
              let user = try await store.users.find(token.userID), user.isActive
        else { throw Self.tokenInvalid }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await store.apiTokens.touch(token.id, at: now)
        }
        return try await actor(for: user, channel: .api, address: address, tokenID: token.id)
    }

    /// Builds the actor for a user: their organisation, its parent and so their scope.
    public func actor(for user: StaffUser, channel: Actor.Channel, address: String?,
                      tokenID: ApiToken.ID? = nil, sessionID: StaffSession.ID? = nil) async throws -> Actor {
        let organisation = try await requireOrganisation(user.organisationID)
        let parent = try await organisation.parentID.asyncMap { try await store.organisations.find($0) } ?? nil
        return Actor(user: user, organisation: organisation, parent: parent, channel: channel,
                     address: address, tokenID: tokenID, sessionID: sessionID)
    }

    /// The actor for the account `username`, as the operator's console (or the demo it seeds)
    /// acts for it on the server itself — no password; never reachable from a request.
    public func actor(username: String, channel: Actor.Channel, address: String?) async throws -> Actor {
        guard let user = try await store.users.find(username: username) else { throw SunlightError.notFound("账号 \(username)") }
        return try await actor(for: user, channel: channel, address: address)
    }

    /// `30 秒`, `2 分钟`.
    static func waitText(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) 秒" : "\((seconds + 59) / 60) 分钟"
    }
}

/// 接口令牌格式 — `sl_` followed by 43 URL-safe characters (256 bits).
public enum ApiTokenFormat {
    public static let prefix = "sl_"
}

extension Optional {
    /// `map` for an async transform.
    public func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
