import FluentKit
import Foundation
import SunlightCore

struct FluentOrganisationRepository: OrganisationRepository {
    let database: any Database

    func all() async throws -> [Organisation] {
        try await OrganisationModel.query(on: database).sort(\.$path).all().map { try $0.domain() }
    }

    func find(_ id: Organisation.ID) async throws -> Organisation? {
        try await OrganisationModel.find(id, on: database)?.domain()
    }

    func find(ids: [Organisation.ID]) async throws -> [Organisation] {
        guard !ids.isEmpty else { return [] }
        return try await OrganisationModel.query(on: database).filter(\.$id ~~ Array(Set(ids))).sort(\.$path).all().map { try $0.domain() }
    }

    func subtree(_ path: String) async throws -> [Organisation] {
        try await OrganisationModel.query(on: database).filter(\.$path =~ path).sort(\.$path).all().map { try $0.domain() }
    }

    func insert(_ organisation: Organisation) async throws {
        try await OrganisationModel(organisation).create(on: database)
    }

    func update(_ organisation: Organisation) async throws {
        guard let model = try await OrganisationModel.find(organisation.id, on: database) else {
            throw SunlightError.notFound("机构")
        }
        model.apply(organisation)
        try await model.update(on: database)
    }
}

struct FluentStaffUserRepository: StaffUserRepository {
    let database: any Database

    func find(_ id: StaffUser.ID) async throws -> StaffUser? {
        guard let model = try await StaffUserModel.find(id, on: database) else { return nil }
        return try await withRoles([model]).first
    }

    func find(ids: [StaffUser.ID]) async throws -> [StaffUser] {
        guard !ids.isEmpty else { return [] }
        return try await withRoles(try await StaffUserModel.query(on: database).filter(\.$id ~~ Array(Set(ids))).sort(\.$username).all())
    }

    func find(username: String) async throws -> StaffUser? {
        guard let model = try await StaffUserModel.query(on: database).filter(\.$username == username.lowercased()).first()
        else { return nil }
        return try await withRoles([model]).first
    }

    func list(in organisations: [Organisation.ID]) async throws -> [StaffUser] {
        guard !organisations.isEmpty else { return [] }
        let models = try await StaffUserModel.query(on: database)
            .filter(\.$organisationID ~~ organisations).sort(\.$username).all()
        return try await withRoles(models)
    }

    func insert(_ user: StaffUser) async throws {
        try await StaffUserModel(user).create(on: database)
        try await insertRoles(user)
    }

    func update(_ user: StaffUser) async throws {
        guard let model = try await StaffUserModel.find(user.id, on: database) else { throw SunlightError.notFound("用户") }
        model.apply(user)
        try await model.update(on: database)
        let stored = Set(try await UserRoleModel.query(on: database).filter(\.$userID == user.id).all().compactMap { Role(rawValue: $0.role) })
        if stored != user.roles {
            try await UserRoleModel.query(on: database).filter(\.$userID == user.id).delete()
            try await insertRoles(user)
        }
    }

    private func insertRoles(_ user: StaffUser) async throws {
        for role in user.sortedRoles { try await UserRoleModel(userID: user.id, role: role).create(on: database) }
    }

    private func withRoles(_ models: [StaffUserModel]) async throws -> [StaffUser] {
        let ids = try models.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let roles = Dictionary(grouping: try await UserRoleModel.query(on: database).filter(\.$userID ~~ ids).all(), by: \.userID)
        return try models.map { model in
            try model.domain(roles: Set((roles[try model.requireID()] ?? []).compactMap { Role(rawValue: $0.role) }))
        }
    }
}

struct FluentCertificateRepository: CertificateRepository {
    let database: any Database

    func list(holders: [StaffUser.ID]) async throws -> [EnforcementCertificate] {
        guard !holders.isEmpty else { return [] }
        return try await CertificateModel.query(on: database).filter(\.$holderID ~~ holders).sort(\.$validUntil).all()
            .map { try $0.domain() }
    }

    func find(number: String) async throws -> EnforcementCertificate? {
        try await CertificateModel.query(on: database).filter(\.$number == number).first()?.domain()
    }

    func insert(_ certificate: EnforcementCertificate) async throws {
        try await CertificateModel(certificate).create(on: database)
    }

    func find(_ id: EnforcementCertificate.ID) async throws -> EnforcementCertificate? {
        try await CertificateModel.find(id, on: database)?.domain()
    }

    func revoke(_ id: EnforcementCertificate.ID, on date: CivilDate, reason: String) async throws {
        try await CertificateModel.query(on: database).filter(\.$id == id).filter(\.$revokedOn == nil)
            .set(\.$revokedOn, to: date.iso).set(\.$revocationReason, to: reason).update()
    }
}
