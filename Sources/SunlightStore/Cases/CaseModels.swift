import FluentKit
import Foundation
import SunlightCore
import SunlightLedger

/// Stored JSON of string maps (document fields, event data), canonical so it reads back the same.
enum StringMap {
    static func encode(_ map: [String: String]) -> String { CanonicalJSON.object(map.mapValues(CanonicalJSON.string)).text }

    static func decode(_ text: String) -> [String: String]? {
        guard case .object(let members)? = try? CanonicalJSON(parsing: Array(text.utf8)) else { return nil }
        return members.compactMapValues(\.stringValue)
    }
}

final class CaseModel: Model, @unchecked Sendable {
    static let schema = "cases"
    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "number") var number: String
    @Field(key: "title") var title: String
    @Field(key: "category") var category: String
    @Field(key: "simple") var simple: Bool
    @OptionalField(key: "item_entry_id") var itemEntryID: UUID?
    @Field(key: "source") var source: String
    @OptionalField(key: "violation_on") var violationOn: String?
    @Field(key: "endangers_safety") var endangersSafety: Bool
    @Field(key: "opened_on") var openedOn: String
    @Field(key: "opened_at") var openedAt: Date
    @OptionalField(key: "opened_by") var openedBy: UUID?
    @Field(key: "decision_days") var decisionDays: Int
    @Field(key: "classification") var classification: String
    @Field(key: "stage") var stage: String
    @Field(key: "status") var status: String
    @OptionalField(key: "lead_id") var leadID: UUID?

    init() {}

    init(_ c: EnforcementCase) {
        id = c.id
        organisationID = c.organisationID
        number = c.number
        title = c.title
        category = c.category.rawValue
        simple = c.simple
        itemEntryID = c.itemEntryID
        source = c.source.rawValue
        violationOn = c.violationOn?.iso
        endangersSafety = c.endangersSafety
        openedOn = c.openedOn.iso
        openedAt = c.openedAt
        openedBy = c.openedBy
        decisionDays = c.decisionDays
        leadID = c.leadID
        apply(c)
    }

    func apply(_ c: EnforcementCase) {
        // The title changes only when erased by law (REC-5).
        title = c.title
        classification = c.classification.rawValue
        stage = c.stage
        status = c.status.rawValue
    }
}

final class CasePartyModel: Model, @unchecked Sendable {
    static let schema = "case_parties"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @OptionalField(key: "id_number") var idNumber: String?
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "representative") var representative: String?
    @Field(key: "party_member") var partyMember: Bool
    /// 当事人比对摘要 (M015): set and dropped apart from the party, never logged.
    @OptionalField(key: "lookup_digest") var lookupDigest: String?

    init() {}

    /// A natural person's name, ID, address and phone are not stored here: they are sealed.
    init(_ p: CaseParty) {
        id = p.id
        caseID = p.caseID
        kind = p.kind.rawValue
        let person = p.kind == .person
        name = person ? "" : p.name
        idNumber = person ? nil : p.idNumber
        address = person ? nil : p.address
        phone = person ? nil : p.phone
        representative = p.representative
        partyMember = p.partyMemberOrOfficial
    }

    func domain() throws -> CaseParty {
        guard let kind = CaseParty.Kind(rawValue: kind) else { throw StoreError.corrupt(Self.schema, id) }
        return CaseParty(id: try requireID(), caseID: caseID, kind: kind, name: name, idNumber: idNumber, address: address, phone: phone,
                         representative: representative, partyMemberOrOfficial: partyMember)
    }
}

final class CaseEventModel: Model, @unchecked Sendable {
    static let schema = "case_events"
    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "stage") var stage: String?
    @Field(key: "at") var at: Date
    @Field(key: "on_date") var onDate: String
    @OptionalField(key: "by_user") var by: UUID?
    @OptionalField(key: "note") var note: String?
    @Field(key: "data") var data: String

    init() {}

    init(_ e: CaseEvent) {
        eventID = e.id
        caseID = e.caseID
        kind = e.kind.rawValue
        stage = e.stage
        at = e.at
        onDate = e.on.iso
        by = e.by
        note = e.note
        data = StringMap.encode(e.data)
    }
}

final class CaseOfficerModel: Model, @unchecked Sendable {
    static let schema = "case_officers"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "assigned_at") var assignedAt: Date
    @OptionalField(key: "removed_at") var removedAt: Date?
    @OptionalField(key: "removal_reason") var removalReason: String?

    init() {}

    func domain() -> CaseOfficer {
        CaseOfficer(caseID: caseID, userID: userID, assignedAt: assignedAt, removedAt: removedAt, removalReason: removalReason)
    }
}
