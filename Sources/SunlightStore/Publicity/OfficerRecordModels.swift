import FluentKit
import Foundation
import SunlightCore

final class CertificateReviewModel: Model, @unchecked Sendable {
    static let schema = "certificate_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "certificate_id") var certificateID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "passed") var passed: Bool
    @Field(key: "reviewed_on") var reviewedOn: String
    @OptionalField(key: "note") var note: String?

    init() {}

    init(_ r: CertificateReview) {
        id = r.id
        certificateID = r.certificateID
        year = r.year
        passed = r.passed
        reviewedOn = r.reviewedOn.iso
        note = r.note
    }

    func domain() throws -> CertificateReview {
        guard let date = CivilDate(iso: reviewedOn) else { throw StoreError.corrupt(Self.schema, id) }
        return CertificateReview(id: try requireID(), certificateID: certificateID, year: year, passed: passed, reviewedOn: date, note: note)
    }
}

final class TrainingModel: Model, @unchecked Sendable {
    static let schema = "trainings"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "date") var date: String
    @Field(key: "hours") var hours: Int
    @Field(key: "topic") var topic: String
    @Field(key: "provider") var provider: String

    init() {}

    init(_ t: TrainingRecord) {
        id = t.id
        userID = t.userID
        date = t.date.iso
        hours = t.hours
        topic = t.topic
        provider = t.provider
    }

    func domain() throws -> TrainingRecord {
        guard let day = CivilDate(iso: date) else { throw StoreError.corrupt(Self.schema, id) }
        return TrainingRecord(id: try requireID(), userID: userID, date: day, hours: hours, topic: topic, provider: provider)
    }
}

struct FluentOfficerRecordRepository: OfficerRecordRepository {
    let database: any Database

    func insert(review: CertificateReview) async throws {
        try await CertificateReviewModel(review).create(on: database)
    }

    func insert(training: TrainingRecord) async throws {
        try await TrainingModel(training).create(on: database)
    }

    func reviews(certificates: [EnforcementCertificate.ID]) async throws -> [CertificateReview] {
        guard !certificates.isEmpty else { return [] }
        return try await CertificateReviewModel.query(on: database).filter(\.$certificateID ~~ certificates).sort(\.$year).all().map { try $0.domain() }
    }

    func trainings(users: [StaffUser.ID]) async throws -> [TrainingRecord] {
        guard !users.isEmpty else { return [] }
        return try await TrainingModel.query(on: database).filter(\.$userID ~~ users).sort(\.$date).all().map { try $0.domain() }
    }
}
