import FluentKit
import Foundation
import SunlightCore

final class DisciplineReferralModel: StateRow, @unchecked Sendable {
    typealias State = DisciplineReferral
    static let schema = "discipline_referrals"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "referred_on") var referredOn: String
    @Field(key: "state") var state: String

    init() {}

    init(_ referral: DisciplineReferral) throws {
        id = referral.id
        caseID = referral.caseID
        organisationID = referral.organisationID
        referredOn = referral.referredOn.iso
        state = try referral.stateJSON
    }
}

struct FluentDisciplineReferralRepository: DisciplineReferralRepository {
    let database: any Database

    func insert(_ referral: DisciplineReferral) async throws { try await DisciplineReferralModel(referral).create(on: database) }

    func list(organisations: [Organisation.ID]) async throws -> [DisciplineReferral] {
        guard !organisations.isEmpty else { return [] }
        return try await DisciplineReferralModel.query(on: database).filter(\.$organisationID ~~ organisations).sort(\.$referredOn).all().map { try $0.domain() }
    }

    func chronological(offset: Int, limit: Int) async throws -> [DisciplineReferral] {
        try await DisciplineReferralModel.query(on: database).sort(\.$referredOn).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }
}
