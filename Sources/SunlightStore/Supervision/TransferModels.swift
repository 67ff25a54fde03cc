import FluentKit
import Foundation
import SunlightCore

final class CaseTransferModel: StateRow, @unchecked Sendable {
    typealias State = CaseTransfer
    static let schema = "case_transfers"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "from_organisation") var fromOrganisation: UUID
    @OptionalField(key: "to_organisation") var toOrganisation: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "status") var status: String
    @Field(key: "state") var state: String

    init() {}

    init(_ transfer: CaseTransfer) throws {
        id = transfer.id
        caseID = transfer.caseID
        fromOrganisation = transfer.fromOrganisation
        toOrganisation = transfer.toOrganisation
        createdAt = transfer.createdAt
        try set(transfer)
    }

    func set(_ transfer: CaseTransfer) throws {
        status = transfer.status.rawValue
        state = try transfer.stateJSON
    }
}

struct FluentCaseTransferRepository: CaseTransferRepository {
    let database: any Database

    func insert(_ transfer: CaseTransfer) async throws { try await CaseTransferModel(transfer).create(on: database) }

    func update(_ transfer: CaseTransfer) async throws {
        guard let model = try await CaseTransferModel.find(transfer.id, on: database) else { throw StoreError.corrupt(CaseTransferModel.schema, transfer.id) }
        try model.set(transfer)
        try await model.update(on: database)
    }

    func find(_ id: CaseTransfer.ID) async throws -> CaseTransfer? { try await CaseTransferModel.find(id, on: database)?.domain() }

    func list(organisations: [Organisation.ID]) async throws -> [CaseTransfer] {
        guard !organisations.isEmpty else { return [] }
        return try await CaseTransferModel.query(on: database)
            .group(.or) { $0.filter(\.$fromOrganisation ~~ organisations).filter(\.$toOrganisation ~~ organisations) }
            .sort(\.$createdAt, .descending).sort(\.$id).all().map { try $0.domain() }
    }

    func chronological(offset: Int, limit: Int) async throws -> [CaseTransfer] {
        try await CaseTransferModel.query(on: database).sort(\.$createdAt).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }
}
