import Foundation
import SunlightCore
import Vapor

/// `/api/v1/review-catalogue/approvals` and `/bounds` — the supervising justice bureau approves or
/// returns a catalogue version; a province's administrator sets the bounds of thresholds (REV-10).
struct CatalogueApprovalApiController {
    struct ApproveIn: Content { let note: String? }
    struct ReturnIn: Content { let reason: String }
    struct BoundsIn: Content {
        let province: UUID
        let personMin, personMax, organisationMin, organisationMax: Int
        let basis: String
    }

    func register(_ authenticated: any RoutesBuilder) {
        let catalogue = authenticated.grouped("review-catalogue")
        catalogue.get("approvals", use: approvals)
        catalogue.post("approvals", ":id", "approve", use: approve)
        catalogue.post("approvals", ":id", "return", use: returnVersion)
        catalogue.get("bounds", use: bounds)
        catalogue.post("bounds", use: setBounds)
    }

    /// The versions the caller's justice bureau answers for, pending first, each with the actions the caller may take.
    @Sendable func approvals(_ request: Request) async throws -> [API.CatalogueApprovalOut] {
        try await request.sunlight.reviews.catalogueApprovalDesk(by: try request.requireApiActor()).map {
            API.CatalogueApprovalOut($0.approval, organisation: $0.organisation.name, actions: $0.actions)
        }
    }

    @Sendable func approve(_ request: Request) async throws -> API.CatalogueApprovalOut {
        let input = try request.content.decode(ApproveIn.self)
        let approval = try await request.sunlight.reviews.approveCatalogue(try request.uuid("id", "目录审批"), note: input.note ?? "",
                                                                   by: try request.requireApiActor())
        return API.CatalogueApprovalOut(approval, organisation: nil, actions: [])
    }

    @Sendable func returnVersion(_ request: Request) async throws -> API.CatalogueApprovalOut {
        let input = try request.content.decode(ReturnIn.self)
        let approval = try await request.sunlight.reviews.returnCatalogue(try request.uuid("id", "目录审批"), reason: input.reason,
                                                                  by: try request.requireApiActor())
        return API.CatalogueApprovalOut(approval, organisation: nil, actions: [])
    }

    /// The bounds that hold for the caller's organisation, or with `organisation`, another it may read.
    @Sendable func bounds(_ request: Request) async throws -> API.CatalogueBoundsOut {
        let organisation = try request.query.get(UUID?.self, at: "organisation")
        let (bounds, province, actions) = try await request.sunlight.reviews.catalogueBounds(of: organisation, by: try request.requireApiActor())
        return API.CatalogueBoundsOut(bounds, province: province, actions: actions)
    }

    @Sendable func setBounds(_ request: Request) async throws -> API.CatalogueBoundsOut {
        let input = try request.content.decode(BoundsIn.self)
        let actor = try request.requireApiActor()
        _ = try await request.sunlight.reviews.setCatalogueBounds(province: input.province, personMin: input.personMin, personMax: input.personMax,
                                                          organisationMin: input.organisationMin, organisationMax: input.organisationMax,
                                                          basis: input.basis, by: actor)
        let (bounds, province, actions) = try await request.sunlight.reviews.catalogueBounds(of: input.province, by: actor)
        return API.CatalogueBoundsOut(bounds, province: province, actions: actions)
    }
}

extension API {
    /// 目录审批 — one catalogue version's approval by the supervising justice bureau (REV-10).
    struct CatalogueApprovalOut: Content {
        let id: UUID
        let organisationID: UUID
        let organisation: String?
        let bureauID: UUID?
        let version: Int
        let requestedOn: CivilDate
        let status: String
        let submittedBy: String
        let decidedBy: String?
        let decidedOn: CivilDate?
        let effectiveOn: CivilDate?
        let reason: String?
        let actions: [String]

        init(_ a: CatalogueApproval, organisation: String?, actions: Set<CatalogueApprovalAction>) {
            id = a.id
            organisationID = a.organisationID
            self.organisation = organisation
            bureauID = a.counterpartID
            version = a.version
            requestedOn = a.requestedOn
            status = a.status.rawValue
            submittedBy = a.submittedBy
            decidedBy = a.decidedBy
            decidedOn = a.decidedOn
            effectiveOn = a.effectiveOn
            reason = a.reason
            self.actions = actions.map(\.qualifiedName).sorted()
        }
    }

    /// 数额标准幅度 — the range of thresholds a province allows (REV-10).
    struct CatalogueBoundsOut: Content {
        let provinceID: UUID
        let province: String
        let personMin, personMax, organisationMin, organisationMax: Int
        let basis: String
        /// The defaults apply: the province has set none.
        let standard: Bool
        let actions: [String]

        init(_ b: CatalogueBounds, province: Organisation, actions: Set<CatalogueBoundsAction>) {
            provinceID = province.id
            self.province = province.name
            personMin = b.personMin
            personMax = b.personMax
            organisationMin = b.organisationMin
            organisationMax = b.organisationMax
            basis = b.basis
            standard = b.isStandard
            self.actions = actions.map(\.qualifiedName).sorted()
        }
    }
}
