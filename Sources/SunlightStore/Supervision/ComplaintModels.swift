import FluentKit
import SQLKit
import Foundation
import SunlightCore

final class ComplaintModel: StateRow, @unchecked Sendable {
    typealias State = Complaint
    static let schema = "complaints"
    @ID(key: .id) var id: UUID?
    @Field(key: "tracking_code") var trackingCode: String
    @Field(key: "received_by") var receivedBy: UUID
    @Field(key: "handling_organisation") var handlingOrganisation: UUID
    @Field(key: "status") var status: String
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "state") var state: String

    init() {}

    init(_ complaint: Complaint) throws {
        id = complaint.id
        trackingCode = complaint.trackingCode
        receivedBy = complaint.receivedBy
        receivedAt = complaint.receivedAt
        try set(complaint)
    }

    func set(_ complaint: Complaint) throws {
        handlingOrganisation = complaint.handlingOrganisation
        status = complaint.status.rawValue
        state = try complaint.stateJSON
    }
}

final class ComplaintEventModel: Model, @unchecked Sendable {
    static let schema = "complaint_events"
    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "complaint_id") var complaintID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "by") var by: UUID?
    @OptionalField(key: "note") var note: String?
    @Field(key: "state") var state: String

    init() {}

    init(_ event: ComplaintEvent) throws {
        eventID = event.id
        complaintID = event.complaintID
        kind = event.kind.rawValue
        at = event.at
        by = event.by
        note = event.note
        state = try event.state.stateJSON
    }

    func domain() throws -> ComplaintEvent {
        guard let kind = ComplaintEvent.Kind(rawValue: kind), let state = try? Complaint.decode(stateJSON: state) else {
            throw StoreError.corrupt(Self.schema, eventID)
        }
        return ComplaintEvent(id: eventID, kind: kind, at: at, by: by, note: note, state: state)
    }
}

struct FluentComplaintRepository: ComplaintRepository {
    let database: any Database

    func insert(_ complaint: Complaint) async throws { try await ComplaintModel(complaint).create(on: database) }

    func update(_ complaint: Complaint) async throws {
        guard let model = try await ComplaintModel.find(complaint.id, on: database) else { throw StoreError.corrupt(ComplaintModel.schema, complaint.id) }
        try model.set(complaint)
        try await model.update(on: database)
    }

    func find(_ id: Complaint.ID) async throws -> Complaint? { try await ComplaintModel.find(id, on: database)?.domain() }

    func find(trackingCode: String) async throws -> Complaint? {
        try await ComplaintModel.query(on: database).filter(\.$trackingCode == trackingCode).first()?.domain()
    }

    func list(organisations: [Organisation.ID]) async throws -> [Complaint] {
        guard !organisations.isEmpty else { return [] }
        typealias Row = StateColumnRow<ComplaintModel>
        var query = Row.select + " WHERE \(ident: "received_by") IN "
        query.appendList(organisations)
        query += " OR \(ident: "handling_organisation") IN "
        query.appendList(organisations)
        return try await Row.all(query + " ORDER BY \(ident: "received_at") DESC, \(ident: "id")", on: database)
    }

    func open(organisations: [Organisation.ID]) async throws -> [Complaint] {
        guard !organisations.isEmpty else { return [] }
        typealias Row = StateColumnRow<ComplaintModel>
        var query = Row.select + " WHERE (\(ident: "received_by") IN "
        query.appendList(organisations)
        query += " OR \(ident: "handling_organisation") IN "
        query.appendList(organisations)
        query += ") AND \(ident: "status") IN "
        query.appendList(Complaint.openStatuses.map(\.rawValue))
        return try await Row.all(query + " ORDER BY \(ident: "received_at") DESC, \(ident: "id")", on: database)
    }

    func chronological(offset: Int, limit: Int) async throws -> [Complaint] {
        try await ComplaintModel.query(on: database).sort(\.$receivedAt).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func append(_ event: ComplaintEvent) async throws { try await ComplaintEventModel(event).create(on: database) }

    func events(of complaint: Complaint.ID) async throws -> [ComplaintEvent] {
        try await ComplaintEventModel.query(on: database).filter(\.$complaintID == complaint).sort(\.$id).all().map { try $0.domain() }
    }

    func events(offset: Int, limit: Int) async throws -> [ComplaintEvent] {
        try await ComplaintEventModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }
}
