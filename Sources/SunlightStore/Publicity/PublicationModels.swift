import FluentKit
import Foundation
import SQLKit
import SunlightCore

final class DecisionPublicationModel: StateRow, @unchecked Sendable {
    typealias State = DecisionPublication
    static let schema = "decision_publications"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "category") var category: String
    @Field(key: "status") var status: String
    @Field(key: "decided_on") var decidedOn: String
    @OptionalField(key: "published_on") var publishedOn: String?
    @Field(key: "search_text") var searchText: String
    /// What the clerk must do next (`publish`, `withdraw`) and by when; null when nothing waits.
    @OptionalField(key: "pending_step") var pendingStep: String?
    @OptionalField(key: "pending_due") var pendingDue: String?
    @Field(key: "state") var state: String

    init() {}

    init(_ publication: DecisionPublication) throws {
        id = publication.id
        organisationID = publication.organisationID
        caseID = publication.caseID
        documentID = publication.documentID
        category = publication.category.rawValue
        try set(publication)
    }

    /// The columns that change; the rest is fixed when the decision is made.
    func set(_ publication: DecisionPublication) throws {
        status = publication.status.rawValue
        decidedOn = publication.decidedOn.iso
        publishedOn = publication.publishedOn?.iso
        // Only the number and the published (redacted) text are searchable, folded (SearchText).
        searchText = publication.searchText
        pendingStep = publication.pendingStep?.kind.rawValue
        pendingDue = publication.pendingStep?.due?.iso
        state = try publication.stateJSON
    }

    /// Whether every query column is what the state (which the log covers) gives.
    func agreesWithState() throws -> Bool {
        let fresh = try DecisionPublicationModel(try domain())
        return (organisationID, caseID, documentID, category) == (fresh.organisationID, fresh.caseID, fresh.documentID, fresh.category)
            && (status, decidedOn, publishedOn, searchText) == (fresh.status, fresh.decidedOn, fresh.publishedOn, fresh.searchText)
            && (pendingStep, pendingDue) == (fresh.pendingStep, fresh.pendingDue)
    }
}

final class PublicationEventModel: Model, @unchecked Sendable {
    static let schema = "publication_events"
    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "publication_id") var publicationID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "by") var by: UUID?
    @Field(key: "state") var state: String

    init() {}

    init(_ event: PublicationEvent) throws {
        eventID = event.id
        publicationID = event.publicationID
        organisationID = event.organisationID
        kind = event.kind.rawValue
        at = event.at
        by = event.by
        state = try event.state.stateJSON
    }

    func domain() throws -> PublicationEvent {
        guard let kind = PublicationEvent.Kind(rawValue: kind), let state = try? DecisionPublication.decode(stateJSON: state) else {
            throw StoreError.corrupt(Self.schema, eventID)
        }
        return PublicationEvent(id: eventID, kind: kind, at: at, by: by, state: state)
    }
}

final class PublicationPolicyModel: Model, @unchecked Sendable {
    static let schema = "publication_policies"
    @ID(custom: "category", generatedBy: .user) var id: String?
    @Field(key: "working_days") var workingDays: Int
    @Field(key: "exempt_warnings") var exemptWarnings: Bool
    @Field(key: "exempt_simple") var exemptSimple: Bool

    init() {}

    func domain() throws -> PublicationPolicy {
        guard let category = id.flatMap(EnforcementCategory.init(rawValue:)) else { throw StoreError(description: "publication_policies 记录损坏") }
        return PublicationPolicy(category: category, workingDays: workingDays, exemptWarnings: exemptWarnings, exemptSimple: exemptSimple)
    }
}

struct FluentPublicationRepository: PublicationRepository {
    let database: any Database

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// The decision and its search grams (`SearchGramIndex`), in the caller's transaction.
    func insert(_ publication: DecisionPublication) async throws {
        let model = try DecisionPublicationModel(publication)
        try await model.create(on: database)
        try await SearchGramIndex.decisions.insert([(publication.id, model.searchText)], on: sql)
    }

    func insert(_ publications: [DecisionPublication]) async throws {
        let models = try publications.map(DecisionPublicationModel.init)
        try await BulkInsert.create(models, on: database)
        try await SearchGramIndex.decisions.insert(zip(publications, models).map { ($0.id, $1.searchText) }, on: sql)
    }

    func update(_ publication: DecisionPublication) async throws {
        guard let model = try await DecisionPublicationModel.find(publication.id, on: database) else { throw StoreError.corrupt(DecisionPublicationModel.schema, publication.id) }
        let before = model.searchText
        try model.set(publication)
        try await model.update(on: database)
        if model.searchText != before { try await SearchGramIndex.decisions.replace(publication.id, text: model.searchText, on: sql) }
    }

    func find(_ id: DecisionPublication.ID) async throws -> DecisionPublication? {
        try await DecisionPublicationModel.find(id, on: database)?.domain()
    }

    func find(document: UUID) async throws -> DecisionPublication? {
        try await DecisionPublicationModel.query(on: database).filter(\.$documentID == document).first()?.domain()
    }

    func list(organisations: [Organisation.ID], statuses: Set<DecisionPublication.Status>) async throws -> [DecisionPublication] {
        guard !organisations.isEmpty else { return [] }
        typealias Row = StateColumnRow<DecisionPublicationModel>
        var found: [DecisionPublication] = []
        for chunk in organisations.chunked(500) {
            var query = Row.select + " WHERE \(ident: "organisation_id") IN "
            query.appendList(chunk)
            if !statuses.isEmpty {
                query += " AND \(ident: "status") IN "
                query.appendList(statuses.map(\.rawValue).sorted())
            }
            found += try await Row.all(query, on: database)
        }
        return found.sorted { ($0.decidedOn, $0.number) > ($1.decidedOn, $1.number) }
    }

    /// Published or withdrawn decisions holding every word (bigram candidates, then the exact
    /// check on `search_text`); more words in the number first, then newest, then by ID (PUB-7).
    func publicDecisions(_ filter: DecisionFilter) async throws -> [DecisionPublication] {
        let dialect = sql.dialect
        let words = filter.words
        var query = SQLQueryString("SELECT d.state FROM decision_publications d WHERE d.status IN ('published', 'withdrawn')")
        guard let grams = try await SearchGramIndex.decisions.plan(words, on: sql) else { return [] }
        SearchGramIndex.decisions.appendCandidates(to: &query, column: "d.id", grams: grams)
        SearchGramIndex.appendExact(to: &query, column: "d.search_text", words: words, dialect: dialect)
        if let organisations = filter.organisations {
            guard !organisations.isEmpty else { return [] }
            query.appendLiteral(" AND d.organisation_id IN ")
            query.appendList(organisations)
        }
        if let category = filter.category {
            query.appendLiteral(" AND d.category = ")
            query.appendInterpolation(bind: category.rawValue)
        }
        if let from = filter.from {
            query.appendLiteral(" AND d.decided_on >= ")
            query.appendInterpolation(bind: from.iso)
        }
        if let to = filter.to {
            query.appendLiteral(" AND d.decided_on <= ")
            query.appendInterpolation(bind: to.iso)
        }
        query.appendLiteral(" ORDER BY ")
        SearchGramIndex.appendScore(to: &query, column: "d.search_text", words: words, dialect: dialect)
        query.appendLiteral("d.decided_on DESC, d.id LIMIT \(max(1, min(filter.limit, 5000))) OFFSET \(max(0, filter.offset))")
        return try await sql.raw(query).all().map { row in
            let state = try row.decode(column: "state", as: String.self)
            guard let publication = try? DecisionPublication.decode(stateJSON: state) else { throw StoreError(description: "decision_publications 记录损坏") }
            return publication
        }
    }

    func chronological(offset: Int, limit: Int) async throws -> [DecisionPublication] {
        try await DecisionPublicationModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func queryColumnMismatches() async throws -> [DecisionPublication.ID] {
        var mismatched: [DecisionPublication.ID] = []
        var offset = 0
        while true {
            let rows = try await DecisionPublicationModel.query(on: database).sort(\.$id).offset(offset).limit(1000).all()
            guard !rows.isEmpty else { return mismatched }
            let grams = Set(try await SearchGramIndex.decisions.mismatches(try rows.map { (try $0.requireID(), $0.searchText) }, on: sql))
            for row in rows where try !row.agreesWithState() || grams.contains(try row.requireID()) { mismatched.append(try row.requireID()) }
            offset += rows.count
        }
    }

    func append(_ event: PublicationEvent) async throws { try await PublicationEventModel(event).create(on: database) }

    func append(_ events: [PublicationEvent]) async throws { try await BulkInsert.create(events.map(PublicationEventModel.init), on: database) }

    func events(of publication: DecisionPublication.ID) async throws -> [PublicationEvent] {
        try await PublicationEventModel.query(on: database).filter(\.$publicationID == publication).sort(\.$id).all().map { try $0.domain() }
    }

    func events(offset: Int, limit: Int) async throws -> [PublicationEvent] {
        try await PublicationEventModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func policies() async throws -> [PublicationPolicy] {
        try await PublicationPolicyModel.query(on: database).sort(\.$id).all().map { try $0.domain() }
    }

    func save(_ policy: PublicationPolicy) async throws {
        let model = try await PublicationPolicyModel.find(policy.category.rawValue, on: database) ?? {
            let new = PublicationPolicyModel()
            new.id = policy.category.rawValue
            return new
        }()
        model.workingDays = policy.workingDays
        model.exemptWarnings = policy.exemptWarnings
        model.exemptSimple = policy.exemptSimple
        try await model.save(on: database)
    }
}
