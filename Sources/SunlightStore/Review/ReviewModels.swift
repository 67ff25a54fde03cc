import FluentKit
import Foundation
import SunlightCore

final class ReviewCatalogueModel: Model, @unchecked Sendable {
    static let schema = "review_catalogues"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "version") var version: Int
    @OptionalField(key: "effective_on") var effectiveOn: String?
    @Field(key: "rules") var rules: String
    @Field(key: "review_days") var reviewDays: Int
    @OptionalField(key: "adopted_by") var adoptedBy: UUID?
    @Field(key: "adopted_at") var adoptedAt: Date
    @Field(key: "note") var note: String

    init() {}

    init(_ catalogue: MajorDecisionCatalogue) throws {
        guard let organisationID = catalogue.organisationID, let adoptedAt = catalogue.adoptedAt else {
            throw StoreError(description: "内置目录不存入数据库")
        }
        id = UUID()
        self.organisationID = organisationID
        version = catalogue.version
        effectiveOn = catalogue.effectiveOn?.iso
        rules = try catalogue.rulesJSON
        reviewDays = catalogue.reviewDays
        adoptedBy = catalogue.adoptedBy
        self.adoptedAt = adoptedAt
        note = catalogue.note
    }

    func domain() throws -> MajorDecisionCatalogue {
        guard let rules = try? MajorDecisionCatalogue.rules(json: rules) else { throw StoreError.corrupt(Self.schema, id) }
        return MajorDecisionCatalogue(organisationID: organisationID, version: version, effectiveOn: effectiveOn.flatMap(CivilDate.init(iso:)),
                                      rules: rules, reviewDays: reviewDays, adoptedBy: adoptedBy, adoptedAt: adoptedAt, note: note)
    }
}

final class ReviewRecordModel: Model, @unchecked Sendable {
    static let schema = "review_records"
    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "record_id") var recordID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "round") var round: Int
    @Field(key: "kind") var kind: String
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "body") var body: String

    init() {}

    init(_ record: ReviewRecord) throws {
        recordID = record.id
        caseID = record.caseID
        organisationID = record.organisationID
        documentID = record.documentID
        round = record.round
        kind = record.body.kind
        recordedBy = record.recordedBy
        recordedAt = record.recordedAt
        body = try record.bodyJSON
    }

    func domain() throws -> ReviewRecord {
        guard let body = try? ReviewRecord.body(kind: kind, json: body) else { throw StoreError.corrupt(Self.schema, recordID) }
        return ReviewRecord(id: recordID, caseID: caseID, organisationID: organisationID, documentID: documentID, round: round,
                            recordedBy: recordedBy, recordedAt: recordedAt, body: body)
    }
}

struct FluentReviewRepository: ReviewRepository {
    let database: any Database

    func insert(_ record: ReviewRecord) async throws { try await ReviewRecordModel(record).create(on: database) }

    func record(_ id: ReviewRecord.ID) async throws -> ReviewRecord? {
        try await ReviewRecordModel.query(on: database).filter(\.$recordID == id).first()?.domain()
    }

    func records(ofCase caseID: EnforcementCase.ID) async throws -> [ReviewRecord] {
        try await ReviewRecordModel.query(on: database).filter(\.$caseID == caseID).sort(\.$id).all().map { try $0.domain() }
    }

    func records(ofCases ids: [EnforcementCase.ID]) async throws -> [ReviewRecord] {
        var records: [ReviewRecord] = []
        for chunk in ids.chunked(500) {
            records += try await ReviewRecordModel.query(on: database).filter(\.$caseID ~~ chunk).sort(\.$id).all().map { try $0.domain() }
        }
        return records
    }

    func records(organisations: [Organisation.ID]) async throws -> [ReviewRecord] {
        guard !organisations.isEmpty else { return [] }
        return try await ReviewRecordModel.query(on: database).filter(\.$organisationID ~~ organisations).sort(\.$id).all().map { try $0.domain() }
    }

    func records(offset: Int, limit: Int) async throws -> [ReviewRecord] {
        try await ReviewRecordModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func insert(catalogue: MajorDecisionCatalogue) async throws { try await ReviewCatalogueModel(catalogue).create(on: database) }

    func catalogues(organisation: Organisation.ID) async throws -> [MajorDecisionCatalogue] {
        try await ReviewCatalogueModel.query(on: database).filter(\.$organisationID == organisation).sort(\.$version).all().map { try $0.domain() }
    }

    func allCatalogues() async throws -> [MajorDecisionCatalogue] {
        try await ReviewCatalogueModel.query(on: database).sort(\.$organisationID).sort(\.$version).all().map { try $0.domain() }
    }
}
