import Foundation
import SunlightCore
import Vapor

/// JSON shapes of the API (`/api/v1`), described in `openapi.json`. Domain types never go
/// out as they are, so the API stays stable when the domain grows.
enum API {
    struct OrganisationOut: Content {
        let id: UUID
        let parentID: UUID?
        let name: String
        let shortName: String
        let kind: OrganisationKind
        let kindName: String
        let level: AdministrativeLevel
        let depth: Int

        init(_ o: Organisation, depth: Int? = nil) {
            id = o.id
            parentID = o.parentID
            name = o.name
            shortName = o.shortName
            kind = o.kind
            kindName = o.kind.chineseName
            level = o.level
            self.depth = depth ?? o.depth
        }
    }

    struct CertificateOut: Content {
        let id: UUID
        let number: String
        let categories: [EnforcementCategory]
        let region: String
        let validFrom: CivilDate
        let validUntil: CivilDate
        let status: EnforcementCertificate.Status

        init(_ c: EnforcementCertificate, today: CivilDate) {
            id = c.id
            number = c.number
            categories = EnforcementCategory.allCases.filter(c.categories.contains)
            region = c.region
            validFrom = c.validFrom
            validUntil = c.validUntil
            status = c.status(on: today)
        }
    }

    struct UserOut: Content {
        let id: UUID
        let organisationID: UUID
        let username: String
        let displayName: String
        let post: String
        let roles: [Role]
        let isActive: Bool
        let legalQualification: String?
        let certificates: [CertificateOut]?

        init(_ u: StaffUser, certificates: [EnforcementCertificate]? = nil, today: CivilDate) {
            id = u.id
            organisationID = u.organisationID
            username = u.username
            displayName = u.displayName
            post = u.post
            roles = u.sortedRoles
            isActive = u.isActive
            legalQualification = u.legalQualification
            self.certificates = certificates?.map { CertificateOut($0, today: today) }
        }
    }

    struct MeOut: Content {
        let user: UserOut
        let organisation: OrganisationOut
        let channel: Actor.Channel
    }

    struct NewUserIn: Content {
        let organisationID: UUID
        let username: String
        let displayName: String
        let post: String?
        let roles: [Role]
        let password: String
        let legalQualification: String?
    }

    struct UserChangesIn: Content {
        let displayName: String?
        let post: String?
        let roles: [Role]?
        let isActive: Bool?
        let legalQualification: String?
    }

    struct RenameIn: Content {
        let name: String
        let shortName: String
    }

    struct TokenOut: Content {
        let id: UUID
        let name: String
        let userID: UUID
        let prefix: String
        let issuedAt: Date
        let expiresAt: Date?
        let revokedAt: Date?
        let lastUsedAt: Date?
        /// Only in the answer to issuing.
        let secret: String?

        init(_ t: ApiToken, secret: String? = nil) {
            id = t.id
            name = t.name
            userID = t.userID
            prefix = t.prefix
            issuedAt = t.issuedAt
            expiresAt = t.expiresAt
            revokedAt = t.revokedAt
            lastUsedAt = t.lastUsedAt
            self.secret = secret
        }
    }

    struct NewTokenIn: Content {
        let userID: UUID
        let name: String
        let expiresOn: CivilDate?
    }

    struct DeadlineOut: Content {
        let from: CivilDate
        let days: Int
        let unit: PeriodUnit
        let due: CivilDate
        let state: DeadlineState
        let stateName: String
        let workingDaysLeft: Int?
    }

    struct CalendarYearOut: Content {
        let year: Int
        let source: String
        let holidays: Int
        let makeUpWorkdays: Int
        let workingDays: Int
        let origin: String
    }

    struct AccessLogOut: Content {
        let entries: [AccessLogEntry]
    }

    struct ListOut<Item: Content>: Content {
        let items: [Item]
    }
}
