import Foundation
import SunlightCore
import Vapor

/// JSON shapes of the major-decision catalogue and its evaluation (REV-2), described in `openapi.json`.
extension API {
    // MARK: Catalogue (REV-2)

    /// 目录规则 — one rule of the major-decision catalogue with its conditions.
    struct ReviewRuleOut: Content {
        let code: String
        let title: String
        let source: String
        let categories: [EnforcementCategory]
        let itemEntryIDs: [UUID]
        let fields: [String]
        let levels: [AdministrativeLevel]
        let minAmountPerson: Int?
        let minAmountOrganisation: Int?
        let hearingHeld: Bool
        let factors: [MajorFactor]
        let collectiveDiscussion: Bool
        /// The conditions in words, as the catalogue page shows them.
        let conditions: [String]

        init(_ r: MajorDecisionRule) {
            code = r.code
            title = r.title
            source = r.source
            categories = r.categories
            itemEntryIDs = r.itemEntryIDs
            fields = r.fields
            levels = r.levels
            minAmountPerson = r.minAmountPerson
            minAmountOrganisation = r.minAmountOrganisation
            hearingHeld = r.hearingHeld
            factors = r.factors
            collectiveDiscussion = r.collectiveDiscussion
            conditions = r.conditions
        }
    }

    /// 重大执法决定法制审核目录清单 — one version (0: the built-in default).
    struct ReviewCatalogueOut: Content {
        let organisationID: UUID?
        let version: Int
        let builtIn: Bool
        let effectiveOn: CivilDate?
        let reviewDays: Int
        let rules: [ReviewRuleOut]
        let adoptedBy: UUID?
        let adoptedAt: Date?
        let note: String
        /// The supervising justice bureau's approval (REV-10); absent for the default and for versions adopted before approvals.
        let approval: CatalogueApprovalOut?

        init(_ c: MajorDecisionCatalogue, approval: CatalogueApproval? = nil) {
            self.approval = approval.map { CatalogueApprovalOut($0, organisation: nil, actions: []) }
            organisationID = c.organisationID
            version = c.version
            builtIn = c.organisationID == nil
            effectiveOn = c.effectiveOn
            reviewDays = c.reviewDays
            rules = c.rules.map(ReviewRuleOut.init)
            adoptedBy = c.adoptedBy
            adoptedAt = c.adoptedAt
            note = c.note
        }
    }

    /// The catalogue in effect today and every version the organisation adopted, oldest first.
    struct ReviewCataloguesOut: Content {
        let current: ReviewCatalogueOut
        let versions: [ReviewCatalogueOut]
    }

    /// 审核要求 — whether a draft decision needs review, and which rules matched (REV-2).
    struct ReviewRequirementOut: Content {
        let required: Bool
        let outsideReview: Bool
        let collectiveDiscussion: Bool
        let catalogueVersion: Int
        let summary: String
        let matched: [ReviewRuleOut]

        init(_ r: ReviewRequirement) {
            required = r.required
            outsideReview = r.outsideReview
            collectiveDiscussion = r.collectiveDiscussion
            catalogueVersion = r.catalogueVersion
            summary = r.summary
            matched = r.matched.map(ReviewRuleOut.init)
        }
    }
}
