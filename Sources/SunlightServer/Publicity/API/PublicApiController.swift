import Foundation
import SunlightCore
import Vapor

/// 开放数据 — the portal's content as JSON under `/api/v1/public` (PUB-10): no token, only
/// what is published.
struct PublicApiController {
    struct EntryOut: Content {
        let entryID: UUID
        let kind: ListKind
        let version: Int
        let change: ListEntryVersion.Change
        let title: String
        let effectiveFrom: CivilDate
        let until: CivilDate?
        /// By field code, as stored (choices as codes).
        let fields: [String: String]
        /// By Chinese label, as shown.
        let display: [String: String]

        init(_ v: ListEntryVersion, until: CivilDate? = nil) {
            entryID = v.entryID
            kind = v.kind
            version = v.version
            change = v.change
            title = v.title
            effectiveFrom = v.effectiveFrom
            self.until = until
            fields = v.fields
            var display: [String: String] = [:]
            for field in v.kind.schema.fields { if let value = v.fields[field.key] { display[field.label] = field.display(value) } }
            self.display = display
        }
    }

    struct HistoryOut: Content {
        let entryID: UUID
        let organisationID: UUID
        let versions: [EntryOut]
    }

    struct CertificateOut: Content {
        let number: String
        let status: EnforcementCertificate.Status
        let statusName: String
        let holder: String
        let organisation: String
        let organisationID: UUID
        let categories: [EnforcementCategory]
        let region: String
        let validFrom: CivilDate
        let validUntil: CivilDate
        let annualReview: String
        let revokedOn: CivilDate?
        let revocationReason: String?

        init(_ officer: OfficerQualification, _ c: EnforcementCertificate, today: CivilDate) {
            number = c.number
            status = c.status(on: today)
            statusName = status.chineseName
            holder = officer.user.displayName
            organisation = officer.organisation.name
            organisationID = officer.organisation.id
            categories = EnforcementCategory.allCases.filter(c.categories.contains)
            region = c.region
            validFrom = c.validFrom
            validUntil = c.validUntil
            annualReview = officer.reviewText(of: c)
            revokedOn = c.revokedOn
            revocationReason = c.revocationReason
        }
    }

    struct OfficerOut: Content {
        let name: String
        let post: String
        let certificates: [CertificateOut]
    }

    struct HitOut: Content {
        let kind, title, body, link: String
        let organisationID: UUID
    }

    func register(_ api: any RoutesBuilder) {
        let open = api.grouped("public")
        open.get("organisations", ":organisation", "lists", ":kind", use: list)
        open.get("entries", ":entry", use: history)
        open.get("organisations", ":organisation", "officers", use: officers)
        open.get("certificates", ":number", use: certificate)
        open.get("search", use: search)
    }

    @Sendable func list(_ request: Request) async throws -> API.ListOut<EntryOut> {
        let organisation = try await request.sunlight.organisations.organisation(try request.uuid("organisation", "机构"))
        guard let kind = request.parameters.get("kind").flatMap(ListKind.init(rawValue:)) else { throw SunlightError.notFound("清单") }
        let date = try request.civilDate(query: "date")
        return API.ListOut(items: try await request.sunlight.publicity.publishedList(kind, organisationID: organisation.id, on: date).map { EntryOut($0.version) })
    }

    @Sendable func history(_ request: Request) async throws -> HistoryOut {
        let history = try await request.sunlight.publicity.entryHistory(try request.uuid("entry", "清单条目"))
        return HistoryOut(entryID: history.entryID, organisationID: history.published[0].organisationID,
                          versions: history.published.map { EntryOut($0, until: history.supersededOn($0)) })
    }

    @Sendable func officers(_ request: Request) async throws -> API.ListOut<OfficerOut> {
        let organisation = try await request.sunlight.organisations.organisation(try request.uuid("organisation", "机构"))
        let today = request.sunlight.clock.today
        return API.ListOut(items: try await request.sunlight.standards.publicOfficers(of: organisation.id).map { officer in
            OfficerOut(name: officer.user.displayName, post: officer.user.post,
                       certificates: officer.certificates.map { CertificateOut(officer, $0, today: today) })
        })
    }

    @Sendable func certificate(_ request: Request) async throws -> CertificateOut {
        let (officer, certificate) = try await request.sunlight.standards.certificateLookup(request.parameters.get("number") ?? "")
        return CertificateOut(officer, certificate, today: request.sunlight.clock.today)
    }

    @Sendable func search(_ request: Request) async throws -> API.ListOut<HitOut> {
        guard let q = request.query[String.self, at: "q"] else { throw SunlightError.invalid("q", "请用 q 给出要查找的文字") }
        let organisation = try request.query.get(UUID?.self, at: "organisation")
        return API.ListOut(items: try await request.sunlight.publicity.searchPortal(q, organisationID: organisation).map {
            HitOut(kind: $0.kind, title: $0.title, body: $0.body, link: $0.link, organisationID: $0.organisationID)
        })
    }
}
