import Foundation
import SunlightCore
import Vapor

/// Drafting and checking list entries, and REC-7 eligibility, through the API (token).
struct ListsApiController {
    struct DraftIn: Content {
        let entryID: UUID?
        let effectiveFrom: CivilDate
        let change: ListEntryVersion.Change?
        let fields: [String: String]?
    }

    struct CheckIn: Content {
        let approve: Bool
        let note: String?
    }

    struct VersionOut: Content {
        let id: UUID
        let entryID: UUID
        let kind: ListKind
        let version: Int
        let change: ListEntryVersion.Change
        let status: ListEntryVersion.Status
        let effectiveFrom: CivilDate
        let fields: [String: String]
        let checkNote: String?

        init(_ v: ListEntryVersion) {
            id = v.id
            entryID = v.entryID
            kind = v.kind
            version = v.version
            change = v.change
            status = v.status
            effectiveFrom = v.effectiveFrom
            fields = v.fields
            checkNote = v.checkNote
        }
    }

    struct EligibilityOut: Content {
        let officerID: UUID
        let category: EnforcementCategory?
        let eligible: Bool
    }

    func register(_ authenticated: any RoutesBuilder) {
        authenticated.post("lists", ":kind", use: draft)
        authenticated.post("lists", "versions", ":id", "check", use: check)
        authenticated.get("officers", ":officer", "eligibility", use: eligibility)
    }

    @Sendable func draft(_ request: Request) async throws -> Response {
        let actor = try request.requireApiActor()
        guard let kind = request.parameters.get("kind").flatMap(ListKind.init(rawValue:)) else { throw SunlightError.notFound("清单") }
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        let input = try request.content.decode(DraftIn.self)
        let version = try await request.sunlight.publicity.draftListEntry(kind, organisationID: organisation.id, entryID: input.entryID,
                                                                fields: input.fields ?? [:], effectiveFrom: input.effectiveFrom,
                                                                change: input.change ?? .publish, by: actor)
        return try await VersionOut(version).encodeResponse(status: .created, for: request)
    }

    @Sendable func check(_ request: Request) async throws -> VersionOut {
        let input = try request.content.decode(CheckIn.self)
        return VersionOut(try await request.sunlight.publicity.checkListEntry(try request.uuid("id", "清单条目"), approve: input.approve,
                                                                    note: input.note, by: try request.requireApiActor()))
    }

    /// 200 when the officer may be assigned to enforcement of the category today; otherwise
    /// 422 with the reason and rule REC-7.
    @Sendable func eligibility(_ request: Request) async throws -> EligibilityOut {
        let category = try request.query.get(String?.self, at: "category").map { code in
            guard let category = EnforcementCategory(rawValue: code) else { throw SunlightError.invalid("category", "未知的执法类别：\(code)") }
            return category
        }
        let officer = try request.uuid("officer", "执法人员")
        _ = try await request.sunlight.standards.checkAssignment(officer: officer, category: category, by: try request.requireApiActor())
        return EligibilityOut(officerID: officer, category: category, eligible: true)
    }
}
