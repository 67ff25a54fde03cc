import FluentKit
import SQLKit
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
}

struct FluentReviewRepository: ReviewRepository {
    let database: any Database

    func insert(_ record: ReviewRecord) async throws { try await ReviewRecordModel(record).create(on: database) }

    func record(_ id: ReviewRecord.ID) async throws -> ReviewRecord? {
        try await ReviewRecordRow.first(ReviewRecordRow.select + " WHERE \(ident: "record_id") = \(bind: id)", on: database)
    }

    func records(ofCase caseID: EnforcementCase.ID) async throws -> [ReviewRecord] {
        try await ReviewRecordRow.all(ReviewRecordRow.select + " WHERE \(ident: "case_id") = \(bind: caseID) ORDER BY \(ident: "seq")", on: database)
    }

    func records(ofCases ids: [EnforcementCase.ID]) async throws -> [ReviewRecord] {
        try await ReviewRecordRow.all(where: "case_id", in: ids, order: "\(ident: "seq")", on: database)
    }

    func records(organisations: [Organisation.ID]) async throws -> [ReviewRecord] {
        guard !organisations.isEmpty else { return [] }
        var query = ReviewRecordRow.select + " WHERE \(ident: "organisation_id") IN "
        query.appendList(organisations)
        return try await ReviewRecordRow.all(query + " ORDER BY \(ident: "seq")", on: database)
    }

    func records(runningCasesOf organisations: [Organisation.ID]) async throws -> [ReviewRecord] {
        guard !organisations.isEmpty else { return [] }
        var query = ReviewRecordRow.select + " WHERE \(ident: "case_id") IN (SELECT \(ident: "cases").\(ident: "id") FROM \(ident: "cases") WHERE "
        query += CaseFilterSQL.conditions(.running, organisations: organisations, on: database)
        return try await ReviewRecordRow.all(query + ") ORDER BY \(ident: "seq")", on: database)
    }

    func records(offset: Int, limit: Int) async throws -> [ReviewRecord] {
        try await ReviewRecordRow.all(ReviewRecordRow.select + " ORDER BY \(ident: "seq") LIMIT \(bind: limit) OFFSET \(bind: offset)", on: database)
    }

    func insert(catalogue: MajorDecisionCatalogue) async throws { try await ReviewCatalogueModel(catalogue).create(on: database) }

    func catalogues(organisation: Organisation.ID) async throws -> [MajorDecisionCatalogue] {
        try await ReviewCatalogueModel.query(on: database).filter(\.$organisationID == organisation).sort(\.$version).all().map { try $0.domain() }
    }

    func allCatalogues() async throws -> [MajorDecisionCatalogue] {
        try await ReviewCatalogueModel.query(on: database).sort(\.$organisationID).sort(\.$version).all().map { try $0.domain() }
    }
}
