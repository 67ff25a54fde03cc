import FluentKit
import Foundation
import SQLKit
import SunlightCore

/// The row of an ``OrganisationState``: who raised it, who must answer, when, its status and the
/// whole record — one shape for every such table.
final class OrganisationStateModel<State: OrganisationState>: StateRow, @unchecked Sendable {
    static var schema: String { State.table }
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "counterpart_id") var counterpartID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "status") var status: String
    @Field(key: "state") var state: String

    init() {}

    init(_ record: State) throws {
        id = record.id
        organisationID = record.organisationID
        counterpartID = record.counterpartID
        createdAt = record.createdAt
        try set(record)
    }

    func set(_ record: State) throws {
        // The counterpart may be named later (a case lead transferred to another organisation, REC-18).
        counterpartID = record.counterpartID
        status = record.statusCode
        state = try record.stateJSON
    }
}

struct FluentOrganisationStateRepository<State: OrganisationState>: OrganisationStateRepository {
    typealias Row = OrganisationStateModel<State>
    let database: any Database

    func insert(_ record: State) async throws { try await Row(record).create(on: database) }

    func update(_ record: State) async throws {
        guard let model = try await Row.find(record.id, on: database) else { throw StoreError.corrupt(Row.schema, record.id) }
        try model.set(record)
        try await model.update(on: database)
    }

    func find(_ id: UUID) async throws -> State? { try await Row.find(id, on: database)?.domain() }

    func list(organisations: [Organisation.ID]?, statuses: [String]?) async throws -> [State] {
        guard organisations?.isEmpty != true, statuses?.isEmpty != true else { return [] }
        let query = Row.query(on: database)
        if let organisations { query.group(.or) { $0.filter(\.$organisationID ~~ organisations).filter(\.$counterpartID ~~ organisations) } }
        if let statuses { query.filter(\.$status ~~ statuses) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id).all().map { try $0.domain() }
    }

    func chronological(offset: Int, limit: Int) async throws -> [State] {
        try await Row.query(on: database).sort(\.$createdAt).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }
}

/// Creates the table of an ``OrganisationState`` kind, indexed by both organisations.
struct OrganisationStateTable: Sendable {
    let table: String

    func create(on database: any Database) async throws {
        try await database.schema(table)
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("counterpart_id", .uuid, .references("organisations", "id"))
            .field("created_at", .datetime, .required)
            .field("status", .string, .required)
            .field("state", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "idx_\(table)_organisation").on(table).column("organisation_id").run()
        try await sql.create(index: "idx_\(table)_counterpart").on(table).column("counterpart_id").run()
    }

    func delete(on database: any Database) async throws { try await database.schema(table).delete() }
}
