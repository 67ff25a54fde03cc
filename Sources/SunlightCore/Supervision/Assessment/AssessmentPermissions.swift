import Foundation

/// 考核评价 — what the assessment page offers besides the ratings (SUP-8).
public enum AssessmentStart: String, CaseIterable, Sendable, NamedAction {
    /// 调整考核方案 — the bureau's supervisor.
    case scheme
    /// 年度考核自评 — a head of a department or town, for this year or the last, once.
    case selfAssessment = "self"
    /// 执法人员考核评议 — a head, for the half-year just ended, once.
    case officers

    public static let area = "assessment"
}

/// Whether the actor may adjust the scheme or file their organisation's self-assessment for
/// `year` or its officer evaluation for the half just ended, given what it has `filed` (SUP-8).
public struct AssessmentPermissions: Permissions {
    public let actor: Actor
    public let year: Int
    public let today: CivilDate
    /// The filings of the actor's organisation.
    public let filed: [AssessmentFiling]

    public init(actor: Actor, year: Int, today: CivilDate, filed: [AssessmentFiling]) {
        self.actor = actor
        self.year = year
        self.today = today
        self.filed = filed
    }

    public func check(_ action: AssessmentStart) throws {
        switch action {
        case .scheme:
            try actor.require(anyOf: .supervisor)
            guard actor.organisation != nil else { throw SunlightError.outsideScope }
        case .selfAssessment:
            let home = try filer()
            guard year == today.year || year == today.year - 1 else { throw SunlightError.invalid("year", "只能填报本年度或上年度的自评", rule: .sup8) }
            try refuseDuplicate(.selfAssessment, period: "\(year)", of: home)
        case .officers:
            try refuseDuplicate(.officerEvaluation, period: AssessmentFiling.lastHalf(before: today).period, of: try filer())
        }
    }

    /// A head of an organisation the bureau assesses (not the bureau itself).
    private func filer() throws -> Organisation {
        try actor.require(anyOf: .head)
        guard let home = actor.organisation, home.kind != .justiceBureau else { throw SunlightError.outsideScope }
        return home
    }

    private func refuseDuplicate(_ kind: AssessmentFiling.Kind, period: String, of home: Organisation) throws {
        guard !filed.contains(where: { $0.organisationID == home.id && $0.kind == kind && $0.period == period }) else {
            throw SunlightError(.conflict, code: "assessment.filed", "\(period) \(kind.chineseName)已经报送", rule: .sup8)
        }
    }
}

/// 评定与公布 — what can be done to one organisation's rating for a year (SUP-8).
public enum RatingAction: String, CaseIterable, Sendable, NamedAction {
    /// 评定 — (again, until published) a supervisor over the organisation.
    case rate
    /// 审定后公布 — a supervisor of the bureau that rated it, a saved rating not yet published.
    case publish

    public static let area = "rating"
}

/// Who may rate one organisation for a year, or publish its rating, now (SUP-8).
public struct RatingPermissions: Permissions {
    public let actor: Actor
    /// The organisation assessed.
    public let organisation: Organisation
    /// Its saved rating for the year, if any.
    public let saved: OrganisationAssessment?

    public init(actor: Actor, organisation: Organisation, saved: OrganisationAssessment?) {
        self.actor = actor
        self.organisation = organisation
        self.saved = saved
    }

    public func check(_ action: RatingAction) throws {
        try actor.require(anyOf: .supervisor)
        switch action {
        case .rate:
            guard actor.scope.canRead(organisation) else { throw SunlightError.outsideScope }
            guard saved?.status != .published else { throw SunlightError(.conflict, code: "assessment.published", "考核结果已公布，不能再评定", rule: .sup8) }
        case .publish:
            guard let saved else { throw SunlightError.notFound("考核结果") }
            guard actor.organisation?.id == saved.counterpartID else { throw SunlightError.outsideScope }
            guard saved.status == .rated else { throw SunlightError(.conflict, code: "assessment.published", "考核结果已公布", rule: .sup8) }
        }
    }
}

/// One organisation's line of the assessment page: its rating (saved, or computed from the
/// records as they stand), its name, and what the reader may do.
public struct AssessmentRatingItem: Sendable {
    public let rating: OrganisationAssessment
    public let saved: Bool
    public let organisationName: String
    public let actions: Set<RatingAction>
}

/// The assessment page (SUP-8): the year's scheme, each organisation's rating, the filings in
/// view with their organisations named, the officers a head evaluates, and what the reader may do.
public struct AssessmentDesk: Sendable {
    public let scheme: AssessmentScheme
    public let ratings: [AssessmentRatingItem]
    public let filings: [(filing: AssessmentFiling, organisationName: String)]
    public let officers: [PersonName]
    /// The half-year the officer evaluation is for.
    public let half: String
    public let start: Set<AssessmentStart>
}
