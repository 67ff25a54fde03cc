import FluentKit
import Foundation
import SunlightCore

final class InspectionDrawModel: StateRow, @unchecked Sendable {
    typealias State = InspectionDraw
    static let schema = "inspection_draws"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "committed_at") var committedAt: Date
    @Field(key: "status") var status: String
    @Field(key: "state") var state: String

    init() {}

    init(_ draw: InspectionDraw) throws {
        id = draw.id
        organisationID = draw.organisationID
        committedAt = draw.committedAt
        try set(draw)
    }

    func set(_ draw: InspectionDraw) throws {
        status = draw.status.rawValue
        state = try draw.stateJSON
    }
}

struct FluentDrawRepository: DrawRepository {
    let database: any Database

    func insert(_ draw: InspectionDraw) async throws { try await InspectionDrawModel(draw).create(on: database) }

    func update(_ draw: InspectionDraw) async throws {
        guard let model = try await InspectionDrawModel.find(draw.id, on: database) else { throw StoreError.corrupt(InspectionDrawModel.schema, draw.id) }
        try model.set(draw)
        try await model.update(on: database)
    }

    func find(_ id: InspectionDraw.ID) async throws -> InspectionDraw? { try await InspectionDrawModel.find(id, on: database)?.domain() }

    func list(organisations: [Organisation.ID]?) async throws -> [InspectionDraw] {
        let query = InspectionDrawModel.query(on: database)
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            query.filter(\.$organisationID ~~ organisations)
        }
        return try await query.sort(\.$committedAt, .descending).sort(\.$id).all().map { try $0.domain() }
    }

    func chronological(offset: Int, limit: Int) async throws -> [InspectionDraw] {
        try await InspectionDrawModel.query(on: database).sort(\.$committedAt).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }
}
