import FluentKit
import Foundation
import SunlightCore
import SunlightLedger

final class EvidenceFileModel: Model, @unchecked Sendable {
    static let schema = "evidence_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "filename") var filename: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int64
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "place") var place: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "device") var device: String
    @OptionalField(key: "uploaded_by") var uploadedBy: UUID?
    @Field(key: "uploaded_at") var uploadedAt: Date
    @OptionalField(key: "corrects") var corrects: UUID?
    @OptionalField(key: "correction_reason") var correctionReason: String?

    init() {}

    init(_ f: EvidenceFile) {
        id = f.id
        organisationID = f.organisationID
        kind = f.kind.rawValue
        title = f.title
        filename = f.filename
        mediaType = f.mediaType
        sha256 = f.sha256.hex
        size = Int64(f.size)
        recordedAt = f.recordedAt
        place = f.place
        recordedBy = f.recordedBy
        device = f.device
        uploadedBy = f.uploadedBy
        uploadedAt = f.uploadedAt
        corrects = f.corrects
        correctionReason = f.correctionReason
    }

    func domain() throws -> EvidenceFile {
        guard let kind = EvidenceFile.Kind(rawValue: kind), let hash = LedgerHash(hex: sha256), size >= 0 else {
            throw StoreError.corrupt(Self.schema, id)
        }
        return EvidenceFile(id: try requireID(), organisationID: organisationID, kind: kind, title: title, filename: filename,
                            mediaType: mediaType, sha256: hash, size: UInt64(size), recordedAt: recordedAt, place: place,
                            recordedBy: recordedBy, device: device, parties: nil, uploadedBy: uploadedBy, uploadedAt: uploadedAt,
                            corrects: corrects, correctionReason: correctionReason)
    }
}

struct FluentEvidenceRepository: EvidenceRepository {
    let database: any Database

    func insert(_ file: EvidenceFile) async throws {
        try await EvidenceFileModel(file).create(on: database)
    }

    func insert(_ files: [EvidenceFile]) async throws {
        try await BulkInsert.create(files.map(EvidenceFileModel.init), on: database)
    }

    func find(_ id: EvidenceFile.ID) async throws -> EvidenceFile? {
        try await EvidenceFileModel.find(id, on: database)?.domain()
    }

    func list(in organisations: [Organisation.ID], limit: Int) async throws -> [EvidenceFile] {
        guard !organisations.isEmpty else { return [] }
        return try await EvidenceFileModel.query(on: database).filter(\.$organisationID ~~ organisations)
            .sort(\.$uploadedAt, .descending).limit(limit).all().map { try $0.domain() }
    }

    func chronological(offset: Int, limit: Int) async throws -> [EvidenceFile] {
        try await EvidenceFileModel.query(on: database).sort(\.$uploadedAt).sort(\.$id).offset(offset).limit(limit).all()
            .map { try $0.domain() }
    }
}
