import FluentKit
import Foundation
import SunlightCore
import SunlightLedger

final class ListEntryModel: Model, @unchecked Sendable {
    static let schema = "list_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "change") var change: String
    /// The fields as canonical JSON.
    @Field(key: "fields") var fields: String
    @Field(key: "effective_from") var effectiveFrom: String
    @Field(key: "status") var status: String
    @OptionalField(key: "drafted_by") var draftedBy: UUID?
    @Field(key: "drafted_at") var draftedAt: Date
    @OptionalField(key: "checked_by") var checkedBy: UUID?
    @OptionalField(key: "checked_at") var checkedAt: Date?
    @OptionalField(key: "check_note") var checkNote: String?

    init() {}

    init(_ v: ListEntryVersion) {
        id = v.id
        entryID = v.entryID
        kind = v.kind.rawValue
        organisationID = v.organisationID
        version = v.version
        change = v.change.rawValue
        fields = CanonicalJSON.object(v.fields.mapValues(CanonicalJSON.string)).text
        effectiveFrom = v.effectiveFrom.iso
        draftedBy = v.draftedBy
        draftedAt = v.draftedAt
        apply(v)
    }

    func apply(_ v: ListEntryVersion) {
        status = v.status.rawValue
        checkedBy = v.checkedBy
        checkedAt = v.checkedAt
        checkNote = v.checkNote
    }

    func domain() throws -> ListEntryVersion {
        guard let kind = ListKind(rawValue: kind), let change = ListEntryVersion.Change(rawValue: change),
              let status = ListEntryVersion.Status(rawValue: status), let effective = CivilDate(iso: effectiveFrom),
              case .object(let members)? = try? CanonicalJSON(parsing: Array(fields.utf8)) else {
            throw StoreError.corrupt(Self.schema, id)
        }
        return ListEntryVersion(id: try requireID(), entryID: entryID, kind: kind, organisationID: organisationID, version: version,
                                change: change, fields: members.compactMapValues(\.stringValue), effectiveFrom: effective, status: status,
                                draftedBy: draftedBy, draftedAt: draftedAt, checkedBy: checkedBy, checkedAt: checkedAt, checkNote: checkNote)
    }
}

struct FluentListEntryRepository: ListEntryRepository {
    let database: any Database

    func insert(_ version: ListEntryVersion) async throws {
        try await ListEntryModel(version).create(on: database)
    }

    func update(_ version: ListEntryVersion) async throws {
        guard let model = try await ListEntryModel.find(version.id, on: database) else { throw SunlightError.notFound("清单条目") }
        model.apply(version)
        try await model.update(on: database)
    }

    func find(_ id: ListEntryVersion.ID) async throws -> ListEntryVersion? {
        try await ListEntryModel.find(id, on: database)?.domain()
    }

    func versions(entryID: UUID) async throws -> [ListEntryVersion] {
        try await ListEntryModel.query(on: database).filter(\.$entryID == entryID).sort(\.$version).all().map { try $0.domain() }
    }

    func versions(kind: ListKind?, organisations: [Organisation.ID], statuses: [ListEntryVersion.Status]) async throws -> [ListEntryVersion] {
        guard !organisations.isEmpty, !statuses.isEmpty else { return [] }
        let query = ListEntryModel.query(on: database).filter(\.$organisationID ~~ organisations).filter(\.$status ~~ statuses.map(\.rawValue))
        if let kind { query.filter(\.$kind == kind.rawValue) }
        return try await query.sort(\.$draftedAt).all().map { try $0.domain() }
    }

    func recentlyChecked(organisations: [Organisation.ID]?, limit: Int) async throws -> [ListEntryVersion] {
        let query = ListEntryModel.query(on: database).filter(\.$checkedAt != nil)
        if let organisations { query.filter(\.$organisationID ~~ organisations) }
        return try await query.sort(\.$checkedAt, .descending).limit(limit).all().map { try $0.domain() }
    }

    func chronological(offset: Int, limit: Int) async throws -> [ListEntryVersion] {
        try await ListEntryModel.query(on: database).sort(\.$draftedAt).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }
}
