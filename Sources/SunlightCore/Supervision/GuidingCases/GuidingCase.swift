import Foundation

/// 行政执法指导案例 — a closed case a department nominates for the year (at least 3 a year, by
/// category), the justice bureau has experts review, and publishes redacted when accepted (SUP-10,
/// seed 001 (十一)).
public struct GuidingCase: OrganisationState, Equatable {
    public static let table = "guiding_cases"
    /// 报送数量每年一般不少于3件.
    public static let yearlyMinimum = 3
    /// Why a case is worth guiding (seed 001 (十一)).
    public static let reasons = ["办理数量较大", "社会普遍关注", "容易发生执法偏差", "法律、政治、社会效果较好"]

    public enum Status: String, Codable, Sendable {
        case nominated, accepted, rejected, published
        /// 撤下 — taken off the portal because its case was classified after publication (REC-11).
        case withdrawn

        public var chineseName: String {
            switch self {
            case .nominated: "已报送，待审查"
            case .accepted: "审查通过，待发布"
            case .rejected: "审查未通过"
            case .published: "已发布"
            case .withdrawn: "已撤下（案件已设定密级）"
            }
        }
    }

    public let id: UUID
    /// The department whose case it is.
    public let organisationID: Organisation.ID
    /// The justice bureau that reviews it.
    public let counterpartID: Organisation.ID?
    public let caseID: EnforcementCase.ID
    public let caseNumber: String
    public let category: EnforcementCategory
    /// 年度 — the year whose cases are being nominated.
    public let year: Int
    public let title: String
    public let reasons: [String]
    /// 案情与指导意义, as the department wrote it.
    public let summary: String
    public let nominatedBy: String
    public let createdAt: Date
    public var status: Status
    /// 专家论证意见.
    public var reviewOpinion: String?
    public var reviewedOn: CivilDate?
    /// What the portal shows: the summary with personal data removed (PUB-8).
    public var publishedText: String?
    /// The title as the portal shows it, redacted too (absent in cases published before it was kept).
    public var publishedTitle: String?
    public var publishedOn: CivilDate?

    public var statusCode: String { status.rawValue }

    /// The title the portal shows: the redacted one.
    public var portalTitle: String { publishedTitle ?? title }

    /// Nominations for `year` are due by the end of the following January (seed: 于每年1月之前将上年度……报送).
    public static func nominationDue(forYear year: Int) -> CivilDate { CivilDate(year: year + 1, month: 1, day: 31)! }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, counterpartID, caseID, caseNumber, category, year, title, reasons, summary, nominatedBy, createdAt
        case status, reviewOpinion, reviewedOn, publishedText, publishedOn, publishedTitle
    }
}
