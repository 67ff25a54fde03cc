import FluentKit
import Foundation
import SunlightCore

final class OutboxModel: Model, @unchecked Sendable {
    static let schema = "outbox"
    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "delivery_id") var deliveryID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "last_attempt_at") var lastAttemptAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "signature") var signature: String?

    init() {}

    init(_ message: OutboxMessage) {
        deliveryID = message.id
        kind = message.kind.rawValue
        organisationID = message.organisationID
        subject = message.subject
        body = message.body
        createdAt = message.createdAt
        signature = message.signature
        set(message)
    }

    func set(_ message: OutboxMessage) {
        status = message.status.rawValue
        attempts = message.attempts
        nextAttemptAt = message.nextAttemptAt
        lastAttemptAt = message.lastAttemptAt
        lastError = message.lastError
        deliveredAt = message.deliveredAt
    }

    func domain() throws -> OutboxMessage {
        guard let kind = OutboxMessage.Kind(rawValue: kind), let status = OutboxMessage.Status(rawValue: status) else {
            throw StoreError.corrupt(Self.schema, deliveryID)
        }
        return OutboxMessage(id: deliveryID, kind: kind, organisationID: organisationID, subject: subject, body: body, createdAt: createdAt,
                             status: status, attempts: attempts, nextAttemptAt: nextAttemptAt, lastAttemptAt: lastAttemptAt,
                             lastError: lastError, deliveredAt: deliveredAt, signature: signature)
    }
}

struct FluentOutboxRepository: OutboxRepository {
    let database: any Database

    func insert(_ message: OutboxMessage) async throws { try await OutboxModel(message).create(on: database) }

    func update(_ message: OutboxMessage) async throws {
        guard let model = try await OutboxModel.query(on: database).filter(\.$deliveryID == message.id).first() else {
            throw StoreError.corrupt(OutboxModel.schema, message.id)
        }
        model.set(message)
        try await model.update(on: database)
    }

    func find(_ id: OutboxMessage.ID) async throws -> OutboxMessage? {
        try await OutboxModel.query(on: database).filter(\.$deliveryID == id).first()?.domain()
    }

    func due(at time: Date, limit: Int) async throws -> [OutboxMessage] {
        try await OutboxModel.query(on: database).filter(\.$status == OutboxMessage.Status.pending.rawValue).filter(\.$nextAttemptAt <= time)
            .sort(\.$id).limit(limit).all().map { try $0.domain() }
    }

    func recent(limit: Int, pendingOnly: Bool, organisations: [Organisation.ID]?) async throws -> [OutboxMessage] {
        let query = scoped(organisations)
        if pendingOnly { query.filter(\.$status == OutboxMessage.Status.pending.rawValue) }
        return try await query.sort(\.$id, .descending).limit(limit).all().map { try $0.domain() }
    }

    func counts(organisations: [Organisation.ID]?) async throws -> (pending: Int, failing: Int, delivered: Int) {
        let pending = OutboxMessage.Status.pending.rawValue
        return (try await scoped(organisations).filter(\.$status == pending).count(),
                try await scoped(organisations).filter(\.$status == pending).filter(\.$lastError != nil).count(),
                try await scoped(organisations).filter(\.$status == OutboxMessage.Status.delivered.rawValue).count())
    }

    private func scoped(_ organisations: [Organisation.ID]?) -> QueryBuilder<OutboxModel> {
        let query = OutboxModel.query(on: database)
        if let organisations { query.filter(\.$organisationID ~~ organisations) }
        return query
    }

    func chronological(offset: Int, limit: Int) async throws -> [OutboxMessage] {
        try await OutboxModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func lastCheckpointSize() async throws -> UInt64? {
        try await OutboxModel.query(on: database).filter(\.$kind == OutboxMessage.Kind.checkpoint.rawValue).sort(\.$id, .descending).first()
            .flatMap { UInt64($0.subject) }
    }
}
