/// 执法人员管理操作 — what can be recorded about an officer and their certificates (STD-2).
public enum OfficerAction: String, CaseIterable, Sendable, NamedAction {
    /// 登记培训 — the organisation's head, or an administrator of its jurisdiction.
    case train = "trainings"

    public static let area = "officer"
}

/// 执法证操作 (STD-2).
public enum CertificateAction: String, CaseIterable, Sendable, NamedAction {
    /// 年度审验 — an administrator of the holder's organisation.
    case review
    /// 注销 — an administrator, once.
    case revoke

    public static let area = "certificate"
}

/// Who may record what about one officer (STD-2).
public struct OfficerPermissions: Permissions {
    public let actor: Actor
    /// The officer's organisation.
    public let organisation: Organisation

    public init(actor: Actor, organisation: Organisation) {
        self.actor = actor
        self.organisation = organisation
    }

    public func check(_ action: OfficerAction) throws {
        if actor.has(.head), actor.scope.canChange(organisation) { return }
        try actor.requireAdminister(organisation)
    }
}

/// Who may review or revoke one certificate (STD-2): an administrator of the holder's organisation.
public struct CertificatePermissions: Permissions {
    public let actor: Actor
    public let certificate: EnforcementCertificate
    /// The holder's organisation.
    public let organisation: Organisation

    public init(actor: Actor, certificate: EnforcementCertificate, organisation: Organisation) {
        self.actor = actor
        self.certificate = certificate
        self.organisation = organisation
    }

    public func check(_ action: CertificateAction) throws {
        try actor.requireAdminister(organisation)
        if action == .revoke, certificate.revokedOn != nil { throw SunlightError(.conflict, code: "certificate.revoked", "该证件已经注销", rule: .std2) }
    }
}

/// 执法人员档案 — one officer as the staff page shows them: certificates with what the reader may
/// do to each, trainings, and whether the reader may record a training (STD-2).
public struct OfficerRecordView: Sendable {
    public let officer: OfficerQualification
    public let organisation: Organisation
    public let actions: Set<OfficerAction>
    public let certificateActions: [EnforcementCertificate.ID: Set<CertificateAction>]
}

extension StandardsUseCases {
    /// One officer of an organisation the actor may read, with what the actor may record (STD-2).
    public func officerRecord(_ id: StaffUser.ID, by actor: Actor) async throws -> OfficerRecordView {
        guard let user = try await store.users.find(id) else { throw SunlightError.notFound("执法人员") }
        let organisation = try await requireOrganisation(user.organisationID)
        try await guarded(actor, "officer", id: id.uuidString, in: organisation) { try actor.requireReadAdministration(organisation) }
        guard let officer = try await qualifications(in: [organisation]).first(where: { $0.user.id == id && $0.user.isActive }) else {
            throw SunlightError.notFound("执法人员")
        }
        let certificateActions = Dictionary(officer.certificates.map {
            ($0.id, CertificatePermissions(actor: actor, certificate: $0, organisation: organisation).allowed)
        }, uniquingKeysWith: { a, _ in a })
        return OfficerRecordView(officer: officer, organisation: organisation, actions: OfficerPermissions(actor: actor, organisation: organisation).allowed,
                                 certificateActions: certificateActions)
    }

    /// The holder of a certificate (to return to their page after a change).
    public func certificateHolder(_ id: EnforcementCertificate.ID, by actor: Actor) async throws -> StaffUser.ID {
        guard let certificate = try await store.certificates.find(id) else { throw SunlightError.notFound("执法证") }
        return certificate.holderID
    }
}
