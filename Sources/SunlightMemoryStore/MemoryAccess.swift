import Foundation
import SunlightCore
import SunlightLedger

struct MemoryOrganisationRepository: OrganisationRepository {
    let context: MemoryContext

    func all() async throws -> [Organisation] {
        context.read { $0.organisations }.stableSorted { $0.path < $1.path }
    }

    func find(_ id: Organisation.ID) async throws -> Organisation? {
        context.read { $0.organisations.first { $0.id == id } }
    }

    func find(ids: [Organisation.ID]) async throws -> [Organisation] {
        let wanted = Set(ids)
        return try await all().filter { wanted.contains($0.id) }
    }

    func subtree(_ path: String) async throws -> [Organisation] {
        try await all().filter { $0.path.hasPrefix(path) }
    }

    func insert(_ organisation: Organisation) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.organisations, \.id, organisation.id, "机构")
            try MemoryTables.unique(t.organisations, \.path, organisation.path, "机构路径")
            t.organisations.append(organisation)
        }
    }

    func update(_ organisation: Organisation) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.organisations, \.id, organisation.id, missing: SunlightError.notFound("机构"))
            t.organisations[i] = organisation
        }
    }
}

struct MemoryStaffUserRepository: StaffUserRepository {
    let context: MemoryContext

    func find(_ id: StaffUser.ID) async throws -> StaffUser? {
        context.read { $0.users.first { $0.id == id } }
    }

    func find(ids: [StaffUser.ID]) async throws -> [StaffUser] {
        let wanted = Set(ids)
        return context.read { $0.users }.filter { wanted.contains($0.id) }.stableSorted { $0.username < $1.username }
    }

    func find(username: String) async throws -> StaffUser? {
        let name = username.lowercased()
        return context.read { $0.users.first { $0.username == name } }
    }

    /// Sorted by username, as the SQL store sorts them.
    func list(in organisations: [Organisation.ID]) async throws -> [StaffUser] {
        let wanted = Set(organisations)
        return context.read { $0.users }.filter { wanted.contains($0.organisationID) }.stableSorted { $0.username < $1.username }
    }

    func insert(_ user: StaffUser) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.users, \.id, user.id, "用户")
            try MemoryTables.unique(t.users, \.username, user.username, "用户名")
            t.users.append(user)
        }
    }

    func update(_ user: StaffUser) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.users, \.id, user.id, missing: SunlightError.notFound("用户"))
            if t.users.enumerated().contains(where: { $0.offset != i && $0.element.username == user.username }) {
                throw MemoryStoreError(description: "用户名 已存在（唯一约束）")
            }
            t.users[i] = user
        }
    }
}

struct MemoryCertificateRepository: CertificateRepository {
    let context: MemoryContext

    func list(holders: [StaffUser.ID]) async throws -> [EnforcementCertificate] {
        let wanted = Set(holders)
        return context.read { $0.certificates }.filter { wanted.contains($0.holderID) }.stableSorted { $0.validUntil < $1.validUntil }
    }

    func find(number: String) async throws -> EnforcementCertificate? {
        context.read { $0.certificates.first { $0.number == number } }
    }

    func find(_ id: EnforcementCertificate.ID) async throws -> EnforcementCertificate? {
        context.read { $0.certificates.first { $0.id == id } }
    }

    func insert(_ certificate: EnforcementCertificate) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.certificates, \.id, certificate.id, "执法证件")
            try MemoryTables.unique(t.certificates, \.number, certificate.number, "执法证号")
            t.certificates.append(certificate)
        }
    }

    /// Only a certificate not yet revoked is changed: the first revocation stands.
    func revoke(_ id: EnforcementCertificate.ID, on date: CivilDate, reason: String) async throws {
        try await context.write { t in
            guard let i = t.certificates.firstIndex(where: { $0.id == id }), t.certificates[i].revokedOn == nil else { return }
            t.certificates[i].revokedOn = date
            t.certificates[i].revocationReason = reason
        }
    }
}

struct MemorySessionRepository: SessionRepository {
    let context: MemoryContext

    func insert(_ session: StaffSession) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.sessions, \.id, session.id, "会话")
            try MemoryTables.unique(t.sessions, \.tokenHash, session.tokenHash, "会话令牌")
            t.sessions.append(session)
        }
    }

    func find(tokenHash: String) async throws -> StaffSession? {
        context.read { $0.sessions.first { $0.tokenHash == tokenHash } }
    }

    func touch(_ id: StaffSession.ID, at: Date) async throws {
        try await context.write { t in
            for i in t.sessions.indices where t.sessions[i].id == id { t.sessions[i].lastSeenAt = at }
        }
    }

    func end(_ id: StaffSession.ID, at: Date) async throws {
        try await context.write { t in
            for i in t.sessions.indices where t.sessions[i].id == id && t.sessions[i].endedAt == nil { t.sessions[i].endedAt = at }
        }
    }

    func endAll(of user: StaffUser.ID, at: Date) async throws {
        try await context.write { t in
            for i in t.sessions.indices where t.sessions[i].userID == user && t.sessions[i].endedAt == nil { t.sessions[i].endedAt = at }
        }
    }
}

struct MemoryApiTokenRepository: ApiTokenRepository {
    let context: MemoryContext

    func insert(_ token: ApiToken) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.apiTokens, \.id, token.id, "接口令牌")
            try MemoryTables.unique(t.apiTokens, \.tokenHash, token.tokenHash, "接口令牌摘要")
            t.apiTokens.append(token)
        }
    }

    func find(_ id: ApiToken.ID) async throws -> ApiToken? {
        context.read { $0.apiTokens.first { $0.id == id } }
    }

    func find(tokenHash: String) async throws -> ApiToken? {
        context.read { $0.apiTokens.first { $0.tokenHash == tokenHash } }
    }

    /// Newest issued first.
    func list(for users: [StaffUser.ID]) async throws -> [ApiToken] {
        let wanted = Set(users)
        return context.read { $0.apiTokens }.filter { wanted.contains($0.userID) }.stableSorted { $0.issuedAt > $1.issuedAt }
    }

    func revoke(_ id: ApiToken.ID, by: StaffUser.ID?, at: Date) async throws {
        try await context.write { t in
            for i in t.apiTokens.indices where t.apiTokens[i].id == id && t.apiTokens[i].revokedAt == nil {
                t.apiTokens[i].revokedAt = at
                t.apiTokens[i].revokedBy = by
            }
        }
    }

    func touch(_ id: ApiToken.ID, at: Date) async throws {
        try await context.write { t in
            for i in t.apiTokens.indices where t.apiTokens[i].id == id { t.apiTokens[i].lastUsedAt = at }
        }
    }
}

struct MemoryLoginFailureRepository: LoginFailureRepository {
    let context: MemoryContext

    func record(username: String, address: String?, at: Date) async throws {
        try await context.write { t in t.loginFailures.append((username, address, at)) }
    }

    func failures(username: String, since: Date) async throws -> [Date] {
        context.read { $0.loginFailures.filter { $0.username == username && $0.at >= since }.map(\.at) }
    }

    func failures(address: String, since: Date) async throws -> [Date] {
        context.read { $0.loginFailures.filter { $0.address == address && $0.at >= since }.map(\.at) }
    }

    func clear(username: String) async throws {
        try await context.write { t in t.loginFailures.removeAll { $0.username == username } }
    }
}

/// Append-only: the port has no way to change an entry.
struct MemoryAccessLogRepository: AccessLogRepository {
    let context: MemoryContext

    func append(_ entry: AccessLogEntry) async throws {
        try await context.write { t in
            if t.accessLogIDs.contains(entry.id) { throw MemoryStoreError(description: "访问日志 已存在（唯一约束）") }
            t.accessLogIDs.add(entry.id, at: t.accessLog.count)
            t.accessLog.append(entry)
        }
    }

    func entries(_ query: AccessLogQuery) async throws -> [AccessLogEntry] {
        let paths = query.organisationPaths
        if paths.isEmpty && !query.includeUnscoped { return [] }
        return context.read { $0.accessLog }.reversed().filter { e in
            if !paths.contains("/") {
                let inScope = e.organisationPath.map { path in paths.contains { path.hasPrefix($0) } } ?? query.includeUnscoped
                guard inScope else { return false }
            }
            if let actor = query.actorUserID, e.actorUserID != actor { return false }
            if let action = query.action, e.action != action { return false }
            if let type = query.resourceType, e.resourceType != type { return false }
            if let since = query.since, e.at < since { return false }
            if let before = query.before, e.at >= before { return false }
            return true
        }.limited(query.limit)
    }

    func chronological(offset: Int, limit: Int) async throws -> [AccessLogEntry] {
        context.read { $0.accessLog }.page(offset: offset, limit: limit)
    }
}

struct MemoryHolidayNoticeRepository: HolidayNoticeRepository {
    let context: MemoryContext

    func insert(_ loaded: LoadedHolidayNotice) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.holidayNotices, \.id, loaded.id, "节假日安排")
            t.holidayNotices.append(loaded)
        }
    }

    func all() async throws -> [LoadedHolidayNotice] {
        context.read { $0.holidayNotices }.stableSorted { $0.loadedAt < $1.loadedAt }
    }
}

struct MemoryUploadClaimRepository: UploadClaimRepository {
    let context: MemoryContext

    func insert(_ claim: UploadClaim) async throws {
        try await context.write { t in t.uploadClaims.append(claim) }
    }

    func holds(_ sha256: LedgerHash, credential: String) async throws -> Bool {
        context.read { $0.uploadClaims.contains { $0.sha256 == sha256 && $0.credential == credential } }
    }
}
