import FluentKit
import Foundation
import SunlightCore

final class SupervisionInstrumentModel: StateRow, @unchecked Sendable {
    typealias State = SupervisionInstrument
    static let schema = "supervision_instruments"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "issued_by") var issuedBy: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "status") var status: String
    @Field(key: "state") var state: String

    init() {}

    init(_ instrument: SupervisionInstrument) throws {
        id = instrument.id
        organisationID = instrument.organisationID
        issuedBy = instrument.issuedBy
        kind = instrument.kind.rawValue
        issuedOn = instrument.issuedOn.iso
        try set(instrument)
    }

    func set(_ instrument: SupervisionInstrument) throws {
        status = instrument.status.rawValue
        state = try instrument.stateJSON
    }
}

struct FluentSupervisionInstrumentRepository: SupervisionInstrumentRepository {
    let database: any Database

    func insert(_ instrument: SupervisionInstrument) async throws { try await SupervisionInstrumentModel(instrument).create(on: database) }

    func update(_ instrument: SupervisionInstrument) async throws {
        guard let model = try await SupervisionInstrumentModel.find(instrument.id, on: database) else {
            throw StoreError.corrupt(SupervisionInstrumentModel.schema, instrument.id)
        }
        try model.set(instrument)
        try await model.update(on: database)
    }

    func find(_ id: SupervisionInstrument.ID) async throws -> SupervisionInstrument? { try await SupervisionInstrumentModel.find(id, on: database)?.domain() }

    func list(organisations: [Organisation.ID]) async throws -> [SupervisionInstrument] {
        guard !organisations.isEmpty else { return [] }
        return try await SupervisionInstrumentModel.query(on: database)
            .group(.or) { $0.filter(\.$organisationID ~~ organisations).filter(\.$issuedBy ~~ organisations) }
            .sort(\.$issuedOn, .descending).sort(\.$id).all().map { try $0.domain() }
    }

    func chronological(offset: Int, limit: Int) async throws -> [SupervisionInstrument] {
        try await SupervisionInstrumentModel.query(on: database).sort(\.$issuedOn).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func count(kind: SupervisionInstrument.Kind, issuedBy: Organisation.ID, year: Int) async throws -> Int {
        try await SupervisionInstrumentModel.query(on: database).filter(\.$kind == kind.rawValue).filter(\.$issuedBy == issuedBy)
            .filter(\.$issuedOn >= "\(year)-01-01").filter(\.$issuedOn <= "\(year)-12-31").count()
    }
}
