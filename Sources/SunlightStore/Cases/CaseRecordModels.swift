import FluentKit
import Foundation
import SunlightCore

final class CaseDocumentModel: Model, @unchecked Sendable {
    static let schema = "case_documents"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "type") var type: String
    @Field(key: "stage") var stage: String
    @Field(key: "fields") var fields: String
    @Field(key: "status") var status: String
    @OptionalField(key: "number") var number: String?
    @OptionalField(key: "drafted_by") var draftedBy: UUID?
    @Field(key: "drafted_at") var draftedAt: Date
    @OptionalField(key: "signed_by") var signedBy: UUID?
    @OptionalField(key: "signed_at") var signedAt: Date?
    @OptionalField(key: "issued_on") var issuedOn: String?
    @OptionalField(key: "corrects") var corrects: UUID?

    init() {}

    init(_ d: CaseDocument) {
        id = d.id
        caseID = d.caseID
        type = d.type.rawValue
        stage = d.stage
        draftedBy = d.draftedBy
        draftedAt = d.draftedAt
        corrects = d.corrects
        apply(d)
    }

    func apply(_ d: CaseDocument) {
        fields = StringMap.encode(d.fields)
        status = d.status.rawValue
        number = d.number
        signedBy = d.signedBy
        signedAt = d.signedAt
        issuedOn = d.issuedOn?.iso
    }
}

final class CaseEvidenceModel: Model, @unchecked Sendable {
    static let schema = "case_evidence"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "stage") var stage: String
    @Field(key: "kind") var kind: String
    @Field(key: "description") var description: String
    @Field(key: "source") var source: String
    @Field(key: "original") var original: Bool
    @Field(key: "copy_verified") var copyVerified: Bool
    @OptionalField(key: "confirmed_by") var confirmedBy: String?
    @OptionalField(key: "confirmed_on") var confirmedOn: String?
    @OptionalField(key: "file_id") var fileID: UUID?
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(_ e: CaseEvidence) {
        id = e.id
        caseID = e.caseID
        stage = e.stage
        kind = e.kind.rawValue
        description = e.description
        source = e.source
        original = e.original
        copyVerified = e.copyVerified
        confirmedBy = e.confirmedBy
        confirmedOn = e.confirmedOn?.iso
        fileID = e.fileID
        recordedBy = e.recordedBy
        recordedAt = e.recordedAt
    }

    func domain() throws -> CaseEvidence {
        guard let kind = CaseEvidence.Kind(rawValue: kind) else { throw StoreError.corrupt(Self.schema, id) }
        return CaseEvidence(id: try requireID(), caseID: caseID, stage: stage, kind: kind, description: description, source: source,
                            original: original, copyVerified: copyVerified, confirmedBy: confirmedBy,
                            confirmedOn: confirmedOn.flatMap { CivilDate(iso: $0) }, fileID: fileID, recordedBy: recordedBy, recordedAt: recordedAt)
    }
}

final class InterferenceModel: Model, @unchecked Sendable {
    static let schema = "case_interference"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "source") var source: String
    @Field(key: "means") var means: String
    @Field(key: "content") var content: String
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(_ r: InterferenceRecord) {
        id = r.id
        caseID = r.caseID
        occurredOn = r.occurredOn.iso
        source = r.source
        means = r.means
        content = r.content
        recordedBy = r.recordedBy
        recordedAt = r.recordedAt
    }

    func domain() throws -> InterferenceRecord {
        guard let on = CivilDate(iso: occurredOn) else { throw StoreError.corrupt(Self.schema, id) }
        return InterferenceRecord(id: try requireID(), caseID: caseID, occurredOn: on, source: source, means: means, content: content,
                                  recordedBy: recordedBy, recordedAt: recordedAt)
    }
}

final class BenchmarkModel: Model, @unchecked Sendable {
    static let schema = "discretion_benchmarks"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "item_entry_id") var itemEntryID: UUID
    @Field(key: "circumstance") var circumstance: String
    @Field(key: "min_fine") var minFine: Int
    @Field(key: "max_fine") var maxFine: Int
    @Field(key: "measures") var measures: String

    init() {}

    func domain() throws -> DiscretionBenchmark {
        guard let circumstance = DiscretionBenchmark.Circumstance(rawValue: circumstance) else { throw StoreError.corrupt(Self.schema, id) }
        return DiscretionBenchmark(id: try requireID(), organisationID: organisationID, itemEntryID: itemEntryID, circumstance: circumstance,
                                   minFine: minFine, maxFine: maxFine, measures: measures)
    }
}
