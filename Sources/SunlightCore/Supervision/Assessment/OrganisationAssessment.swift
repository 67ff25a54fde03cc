import Foundation

/// 年度考核 — the bureau's rating of one organisation for a year: each indicator's score (measured
/// ones with their counts), the total, the grade; published once the government has approved it
/// (SUP-8, seed 001 (九): 考核结果报本级政府审定后向被考核单位反馈并予公布).
public struct OrganisationAssessment: OrganisationState, Equatable {
    public static let table = "organisation_assessments"

    public struct Score: Codable, Sendable, Equatable {
        public let code: String
        public let name: String
        public let points: Int
        /// “12/15” for a measured indicator, nil for a scored one.
        public let measured: String?
        /// In tenths of a point: no floating point in the log.
        public let tenths: Int

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case code, name, points, measured, tenths
        }
    }

    public enum Status: String, Codable, Sendable { case rated, published }

    public let id: UUID
    /// The organisation assessed.
    public let organisationID: Organisation.ID
    /// The bureau.
    public let counterpartID: Organisation.ID?
    public let year: Int
    public var scores: [Score]
    public var totalTenths: Int
    public var grade: AssessmentGrade
    public var ratedBy: String
    public var status: Status
    /// 政府审定 — the approval's reference.
    public var approval: String?
    public var publishedOn: CivilDate?
    public let createdAt: Date

    public var statusCode: String { status.rawValue }

    /// “87.5”.
    public static func pointsText(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)" }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, counterpartID, year, scores, totalTenths, grade, ratedBy, status, approval, publishedOn, createdAt
    }
}

/// 考核自评与人员评议 — what a department files with the bureau and publishes: its year-end
/// self-assessment, or its half-yearly evaluation of each officer (SUP-8, seed 001 (九)).
public struct AssessmentFiling: OrganisationState, Equatable {
    public static let table = "assessment_filings"

    public enum Kind: String, Codable, Sendable {
        case selfAssessment = "self_assessment", officerEvaluation = "officer_evaluation"

        public var chineseName: String { self == .selfAssessment ? "年度考核自评" : "执法人员半年考核评议" }
    }

    public struct OfficerGrade: Codable, Sendable, Equatable {
        public let userID: StaffUser.ID
        public let name: String
        public let grade: AssessmentGrade
        public let comment: String

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case userID, name, grade, comment
        }
    }

    public let id: UUID
    public let kind: Kind
    public let organisationID: Organisation.ID
    /// The bureau it is filed with.
    public let counterpartID: Organisation.ID?
    /// “2026” or “2026H1”.
    public let period: String
    public let text: String
    public let officers: [OfficerGrade]
    public let filedBy: String
    public let filedOn: CivilDate
    public let createdAt: Date

    public var statusCode: String { kind.rawValue }

    /// The half-year just ended on `date` and when its evaluation is due: the end of the next month.
    public static func lastHalf(before date: CivilDate) -> (period: String, due: CivilDate) {
        date.month >= 7 ? ("\(date.year)H1", CivilDate(year: date.year, month: 7, day: 31)!)
            : ("\(date.year - 1)H2", CivilDate(year: date.year, month: 1, day: 31)!)
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, kind, organisationID, counterpartID, period, text, officers, filedBy, filedOn, createdAt
    }
}
