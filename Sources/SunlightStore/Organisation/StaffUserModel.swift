import FluentKit
import Foundation
import SunlightCore

final class StaffUserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "post") var post: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "legal_qualification") var legalQualification: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ user: StaffUser) {
        id = user.id
        createdAt = user.createdAt
        apply(user)
    }

    func apply(_ user: StaffUser) {
        organisationID = user.organisationID
        username = user.username
        displayName = user.displayName
        post = user.post
        passwordHash = user.passwordHash
        isActive = user.isActive
        legalQualification = user.legalQualification
    }

    func domain(roles: Set<Role>) throws -> StaffUser {
        StaffUser(id: try requireID(), organisationID: organisationID, username: username, displayName: displayName,
                  post: post, roles: roles, passwordHash: passwordHash, isActive: isActive,
                  legalQualification: legalQualification, createdAt: createdAt)
    }
}

final class UserRoleModel: Model, @unchecked Sendable {
    static let schema = "user_roles"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "role") var role: String

    init() {}

    init(userID: UUID, role: Role) {
        id = UUID()
        self.userID = userID
        self.role = role.rawValue
    }
}

final class CertificateModel: Model, @unchecked Sendable {
    static let schema = "certificates"

    @ID(key: .id) var id: UUID?
    @Field(key: "holder_id") var holderID: UUID
    @Field(key: "number") var number: String
    /// Category codes, comma-separated in canonical order.
    @Field(key: "categories") var categories: String
    @Field(key: "region") var region: String
    @Field(key: "valid_from") var validFrom: String
    @Field(key: "valid_until") var validUntil: String
    @OptionalField(key: "revoked_on") var revokedOn: String?
    @OptionalField(key: "revocation_reason") var revocationReason: String?

    init() {}

    init(_ c: EnforcementCertificate) {
        revocationReason = c.revocationReason
        id = c.id
        holderID = c.holderID
        number = c.number
        categories = EnforcementCategory.allCases.filter(c.categories.contains).map(\.rawValue).joined(separator: ",")
        region = c.region
        validFrom = c.validFrom.iso
        validUntil = c.validUntil.iso
        revokedOn = c.revokedOn?.iso
    }

    func domain() throws -> EnforcementCertificate {
        let parsed = categories.split(separator: ",").map { EnforcementCategory(rawValue: String($0)) }
        guard let from = CivilDate(iso: validFrom), let until = CivilDate(iso: validUntil), !parsed.contains(nil) else {
            throw StoreError.corrupt(Self.schema, id)
        }
        return EnforcementCertificate(id: try requireID(), holderID: holderID, number: number,
                                      categories: Set(parsed.compactMap { $0 }), region: region, validFrom: from,
                                      validUntil: until, revokedOn: revokedOn.flatMap { CivilDate(iso: $0) },
                                      revocationReason: revocationReason)
    }
}
