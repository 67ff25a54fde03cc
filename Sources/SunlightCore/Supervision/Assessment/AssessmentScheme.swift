import Foundation

/// 考核等次 (seed 001 (九)).
public enum AssessmentGrade: String, Codable, Sendable, CaseIterable, ClosedChoice {
    case excellent, good, pass, fail

    public var chineseName: String {
        switch self {
        case .excellent: "优秀"
        case .good: "良好"
        case .pass: "合格"
        case .fail: "不合格"
        }
    }
}

/// 数据指标 — what the system can measure itself, as a share of the organisation's items that year.
public enum AssessmentMeasure: String, Codable, Sendable, CaseIterable, ClosedChoice {
    case publicationOnTime = "publication_on_time", casesWithinClocks = "cases_within_clocks", reviewsHonoured = "reviews_honoured"
    case complaintsOnTime = "complaints_on_time", rectificationOnTime = "rectification_on_time", certifiedOfficers = "certified_officers"

    public var chineseName: String {
        switch self {
        case .publicationOnTime: "执法决定按期公开率"
        case .casesWithinClocks: "案件办理未超期率"
        case .reviewsHonoured: "重大执法决定法制审核落实率"
        case .complaintsOnTime: "投诉举报按期办理率"
        case .rectificationOnTime: "监督整改按期率"
        case .certifiedOfficers: "执法人员持证率"
        }
    }

    public var rule: RuleID {
        switch self {
        case .publicationOnTime: .pub6
        case .casesWithinClocks: .cal3
        case .reviewsHonoured: .rev9
        case .complaintsOnTime: .sup1
        case .rectificationOnTime: .sup4
        case .certifiedOfficers: .std2
        }
    }
}

/// 考核指标 — one line of the scheme: computed from the data (`measure`) or scored by the bureau.
public struct AssessmentIndicator: Codable, Sendable, Equatable {
    public let code: String
    public let name: String
    public let points: Int
    public let measure: AssessmentMeasure?

    public init(code: String, name: String, points: Int, measure: AssessmentMeasure?) {
        self.code = code
        self.name = name
        self.points = points
        self.measure = measure
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case code, name, points, measure
    }
}

/// 考核方案 — the justice bureau's indicators and grade boundaries for a year, configurable; the
/// newest saved for the year applies (SUP-8).
public struct AssessmentScheme: OrganisationState, Equatable {
    public static let table = "assessment_schemes"

    public let id: UUID
    /// The bureau.
    public let organisationID: Organisation.ID
    public var counterpartID: Organisation.ID? { nil }
    public let year: Int
    public let indicators: [AssessmentIndicator]
    /// The lowest totals (in points) of 优秀, 良好 and 合格.
    public let excellentFrom: Int
    public let goodFrom: Int
    public let passFrom: Int
    public let createdAt: Date

    public var statusCode: String { "\(year)" }

    public init(id: UUID = UUID(), organisationID: Organisation.ID, year: Int, indicators: [AssessmentIndicator], excellentFrom: Int, goodFrom: Int,
                passFrom: Int, createdAt: Date) {
        self.id = id
        self.organisationID = organisationID
        self.year = year
        self.indicators = indicators
        self.excellentFrom = excellentFrom
        self.goodFrom = goodFrom
        self.passFrom = passFrom
        self.createdAt = createdAt
    }

    /// The scheme used until the bureau saves its own: six measured indicators (80 points) and two
    /// scored by the bureau (20), graded at 90 / 80 / 60.
    public static func standard(year: Int, bureau: Organisation.ID, at: Date) -> AssessmentScheme {
        let measured: [(AssessmentMeasure, Int)] = [(.publicationOnTime, 15), (.casesWithinClocks, 15), (.reviewsHonoured, 15),
                                                    (.complaintsOnTime, 15), (.rectificationOnTime, 10), (.certifiedOfficers, 10)]
        let indicators = measured.map { AssessmentIndicator(code: $0.0.rawValue, name: $0.0.chineseName, points: $0.1, measure: $0.0) } + [
            AssessmentIndicator(code: "system_building", name: "依法行政制度建设（评分）", points: 10, measure: nil),
            AssessmentIndicator(code: "civil_enforcement", name: "文明执法与社会评价（评分）", points: 10, measure: nil),
        ]
        return AssessmentScheme(organisationID: bureau, year: year, indicators: indicators, excellentFrom: 90, goodFrom: 80, passFrom: 60, createdAt: at)
    }

    /// A scheme is usable when its points add up to 100 and its boundaries fall in order.
    public func check() throws {
        guard indicators.allSatisfy({ $0.points >= 0 }), indicators.reduce(0, { $0 + $1.points }) == 100 else {
            throw SunlightError.invalid("points", "各项指标分值之和应为 100", rule: .sup8)
        }
        guard 100 >= excellentFrom, excellentFrom > goodFrom, goodFrom > passFrom, passFrom > 0 else {
            throw SunlightError.invalid("excellentFrom", "等次分数线应满足 100 ≥ 优秀 > 良好 > 合格 > 0", rule: .sup8)
        }
    }

    /// The grade of a total given in tenths of a point.
    public func grade(tenths: Int) -> AssessmentGrade {
        if tenths >= excellentFrom * 10 { return .excellent }
        if tenths >= goodFrom * 10 { return .good }
        if tenths >= passFrom * 10 { return .pass }
        return .fail
    }

    /// An indicator's score in tenths: its share of the points, rounded; full points when there was nothing to measure.
    public static func tenths(points: Int, done: Int, of total: Int) -> Int {
        guard total > 0 else { return points * 10 }
        return (points * 10 * done + total / 2) / total
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, year, indicators, excellentFrom, goodFrom, passFrom, createdAt
    }
}
