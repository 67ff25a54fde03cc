import Foundation

/// The fields of a new staff user.
public struct NewStaffUser: Sendable, Codable {
    public var organisationID: Organisation.ID
    public var username: String
    public var displayName: String
    public var post: String
    public var roles: Set<Role>
    public var password: String
    public var legalQualification: String?

    public init(organisationID: Organisation.ID, username: String, displayName: String, post: String = "",
                roles: Set<Role>, password: String, legalQualification: String? = nil) {
        self.organisationID = organisationID
        self.username = username
        self.displayName = displayName
        self.post = post
        self.roles = roles
        self.password = password
        self.legalQualification = legalQualification
    }
}

/// Changes to a staff user's profile, roles and status; `nil` leaves a field as it is.
public struct StaffUserChanges: Sendable, Codable {
    public var displayName: String?
    public var post: String?
    public var roles: Set<Role>?
    public var isActive: Bool?
    public var legalQualification: String?

    public init(displayName: String? = nil, post: String? = nil, roles: Set<Role>? = nil, isActive: Bool? = nil,
                legalQualification: String? = nil) {
        self.displayName = displayName
        self.post = post
        self.roles = roles
        self.isActive = isActive
        self.legalQualification = legalQualification
    }
}

/// A user with their organisation and certificates, as shown to an administrator.
public struct StaffUserDetail: Sendable {
    public let user: StaffUser
    public let organisation: Organisation
    public let certificates: [EnforcementCertificate]
}

extension OrganisationUseCases {
    /// The users of the organisations the actor administers (or only `organisationID`'s).
    /// Reading the list is logged (REC-11: personal data).
    public func users(by actor: Actor, in organisationID: Organisation.ID? = nil) async throws -> [StaffUserDetail] {
        try await guarded(actor, "user", id: nil, in: actor.organisation) { try actor.require(anyOf: .administrator) }
        let organisations: [Organisation]
        if let organisationID {
            let organisation = try await requireOrganisation(organisationID)
            try await guarded(actor, "user", id: nil, in: organisation) { try actor.requireAdminister(organisation) }
            organisations = [organisation]
        } else {
            organisations = try await store.organisations.subtree(actor.scope.administeredPath ?? actor.scope.ownPath)
        }
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        let users = try await store.users.list(in: organisations.map(\.id))
        let certificates = Dictionary(grouping: try await store.certificates.list(holders: users.map(\.id)), by: \.holderID)
        try await log(actor, .read, "user", id: nil, in: organisationID.flatMap { byID[$0] } ?? actor.organisation,
                      "查看用户列表（\(users.count) 人）")
        return users.compactMap { user in
            byID[user.organisationID].map { StaffUserDetail(user: user, organisation: $0, certificates: certificates[user.id] ?? []) }
        }
    }

    /// One user, for an administrator of their organisation. The read is logged.
    public func user(_ id: StaffUser.ID, by actor: Actor) async throws -> StaffUserDetail {
        let (user, organisation) = try await administeredUser(id, by: actor)
        try await log(actor, .read, "user", id: id.uuidString, in: organisation, "查看用户 \(user.username)")
        return StaffUserDetail(user: user, organisation: organisation,
                               certificates: try await store.certificates.list(holders: [id]))
    }

    /// Creates a staff user in an organisation the actor administers.
    public func createUser(_ input: NewStaffUser, by actor: Actor) async throws -> StaffUser {
        let organisation = try await requireOrganisation(input.organisationID)
        try await guarded(actor, "user", id: nil, in: organisation) { try actor.requireAdminister(organisation) }
        let username = input.username.trimmed.lowercased()
        try UserRules.validateUsername(username)
        try UserRules.validateProfile(displayName: input.displayName, post: input.post, roles: input.roles)
        try PasswordPolicy.validate(input.password)
        let user = StaffUser(
            organisationID: organisation.id, username: username, displayName: input.displayName.trimmed,
            post: input.post.trimmed, roles: input.roles, passwordHash: try await passwords.hash(input.password),
            legalQualification: input.legalQualification?.trimmed.nilIfEmpty, createdAt: now)
        try await commit(actor, .create, "user", id: user.id.uuidString, in: organisation,
                         "新增用户 \(username)（\(user.displayName)），角色：\(user.sortedRoles.map(\.chineseName).joined(separator: "、"))") { tx, _ in
            if try await tx.users.find(username: username) != nil {
                throw SunlightError(.conflict, code: "user.duplicate", "用户名 \(username) 已被使用", field: "username")
            }
            try await tx.users.insert(user)
            return ((), [user.ledgerRecord("user.created")])
        }
        return user
    }

    /// Changes a user's profile, roles or status. Deactivating ends the user's sessions.
    public func updateUser(_ id: StaffUser.ID, _ changes: StaffUserChanges, by actor: Actor) async throws -> StaffUser {
        let (found, organisation) = try await administeredUser(id, by: actor)
        var user = found
        let before = user
        if let name = changes.displayName { user.displayName = name.trimmed }
        if let post = changes.post { user.post = post.trimmed }
        if let roles = changes.roles { user.roles = roles }
        if let active = changes.isActive { user.isActive = active }
        if let qualification = changes.legalQualification { user.legalQualification = qualification.trimmed.nilIfEmpty }
        try UserRules.validateProfile(displayName: user.displayName, post: user.post, roles: user.roles)
        if user.id == actor.user?.id, !user.isActive || !user.has(.administrator) {
            throw SunlightError(.conflict, code: "user.self_lockout", "不能停用自己或取消自己的系统管理员角色，请由其他管理员操作")
        }
        let summary = UserRules.describeChanges(from: before, to: user)
        guard !summary.isEmpty else { return user }
        try await commit(actor, user.isActive ? .update : .deactivate, "user", id: id.uuidString, in: organisation,
                         "修改用户 \(user.username)：\(summary)") { [user] tx, at in
            try await tx.users.update(user)
            if !user.isActive { try await tx.sessions.endAll(of: user.id, at: at) }
            try await StandardsUseCases.reindexOfficer(user.id, at: at, in: tx)
            return ((), [user.ledgerRecord(user.isActive ? "user.updated" : "user.deactivated")])
        }
        return user
    }

    /// Sets a new password for a user (administrator); the user's sessions end.
    public func resetPassword(of id: StaffUser.ID, to password: String, by actor: Actor) async throws {
        let (found, organisation) = try await administeredUser(id, by: actor)
        var user = found
        try PasswordPolicy.validate(password)
        user.passwordHash = try await passwords.hash(password)
        try await commit(actor, .update, "user", id: id.uuidString, in: organisation, "重置用户 \(user.username) 的密码") { [user] tx, at in
            try await tx.users.update(user)
            try await tx.sessions.endAll(of: user.id, at: at)
            return ((), [user.ledgerRecord("user.password_reset")])
        }
    }

    /// Changes the actor's own password, after checking the current one. Every session of the
    /// user ends, this one included: a session opened with the old password — perhaps by whoever
    /// learnt it — does not outlive it (issue 15 item 12).
    public func changeOwnPassword(current: String, new password: String, by actor: Actor) async throws {
        guard var user = actor.user, let organisation = actor.organisation else { throw AccessUseCases.sessionExpired }
        guard try await passwords.verify(current, against: user.passwordHash) else {
            throw SunlightError.invalid("current", "当前密码不正确")
        }
        try PasswordPolicy.validate(password)
        user.passwordHash = try await passwords.hash(password)
        try await commit(actor, .update, "user", id: user.id.uuidString, in: organisation, "修改本人密码") { [user] tx, at in
            try await tx.users.update(user)
            try await tx.sessions.endAll(of: user.id, at: at)
            return ((), [user.ledgerRecord("user.password_changed")])
        }
    }

    /// Records an enforcement certificate for an officer (STD-2), by an administrator.
    public func addCertificate(_ certificate: EnforcementCertificate, by actor: Actor) async throws {
        let (holder, organisation) = try await administeredUser(certificate.holderID, by: actor)
        let number = certificate.number.trimmed
        guard (4...32).contains(number.count), number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw SunlightError.invalid("number", "证件编号应为 4–32 位字母或数字", rule: .std2)
        }
        guard certificate.validFrom <= certificate.validUntil else {
            throw SunlightError.invalid("validUntil", "有效期截止日期不能早于起始日期", rule: .std2)
        }
        guard !certificate.categories.isEmpty else {
            throw SunlightError.invalid("categories", "请至少选择一个执法类别", rule: .std2)
        }
        var stored = certificate
        stored.number = number
        try await commit(actor, .create, "certificate", id: stored.id.uuidString, in: organisation,
                         "为 \(holder.username) 登记执法证 \(number)") { [stored] tx, at in
            if try await tx.certificates.find(number: number) != nil {
                throw SunlightError(.conflict, code: "certificate.duplicate", "证件编号 \(number) 已登记", field: "number")
            }
            try await tx.certificates.insert(stored)
            try await StandardsUseCases.reindexOfficer(holder.id, at: at, in: tx)
            return ((), [stored.ledgerRecord("certificate.recorded", organisationID: organisation.id)])
        }
    }

    /// Loads a user whom the actor administers, logging a refusal.
    func administeredUser(_ id: StaffUser.ID, by actor: Actor) async throws -> (StaffUser, Organisation) {
        guard let user = try await store.users.find(id) else { throw SunlightError.notFound("用户") }
        let organisation = try await requireOrganisation(user.organisationID)
        try await guarded(actor, "user", id: id.uuidString, in: organisation) { try actor.requireAdminister(organisation) }
        return (user, organisation)
    }
}

/// The rules for staff accounts.
public enum UserRules {
    public static func validateUsername(_ username: String) throws {
        let allowed = username.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard (3...32).contains(username.count), allowed, username.first?.isLetter == true else {
            throw SunlightError.invalid("username", "用户名应为 3–32 位小写字母、数字或 . _ -，并以字母开头")
        }
    }

    public static func validateProfile(displayName: String, post: String, roles: Set<Role>) throws {
        guard (1...30).contains(displayName.trimmed.count) else { throw SunlightError.invalid("displayName", "姓名应为 1–30 个字") }
        guard post.trimmed.count <= 30 else { throw SunlightError.invalid("post", "职务最多 30 个字") }
        guard !roles.isEmpty else { throw SunlightError.invalid("roles", "请至少选择一个角色") }
    }

    /// `角色：执法人员 → 执法人员、负责人；停用` — what changed, for the access log.
    static func describeChanges(from old: StaffUser, to new: StaffUser) -> String {
        var parts: [String] = []
        func roles(_ user: StaffUser) -> String { user.sortedRoles.map(\.chineseName).joined(separator: "、") }
        if old.displayName != new.displayName { parts.append("姓名 \(old.displayName) → \(new.displayName)") }
        if old.post != new.post { parts.append("职务 \(old.post) → \(new.post)") }
        if old.roles != new.roles { parts.append("角色 \(roles(old)) → \(roles(new))") }
        if old.legalQualification != new.legalQualification { parts.append("法律职业资格证书编号已更新") }
        if old.isActive != new.isActive { parts.append(new.isActive ? "启用" : "停用") }
        return parts.joined(separator: "；")
    }
}

extension String {
    /// `nil` for an empty string.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
