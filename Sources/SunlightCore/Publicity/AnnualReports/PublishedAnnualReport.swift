import Foundation

/// 年度行政执法数据报告（公开版本）— one published version of an organisation's annual
/// enforcement statistics report (PUB-12, 国办发〔2018〕118号: 每年 1 月 31 日前公开上年度行政执法
/// 总体情况和有关数据). A head publishes the text the system drafted; a correction is a new
/// version with its reason, and every version stays readable with its publication date.
public struct PublishedAnnualReport: OrganisationState, Equatable {
    public static let table = "annual_reports"

    public let id: UUID
    public let organisationID: Organisation.ID
    public var counterpartID: Organisation.ID? { nil }
    /// 报告年度.
    public let year: Int
    /// 1 for the first publication, then one more for each correction.
    public let version: Int
    /// The report's text, paragraph by paragraph, as published.
    public let paragraphs: [String]
    /// 公开日期.
    public let publishedOn: CivilDate
    /// Who published it (display name and account).
    public let publishedBy: String
    public let publishedByID: StaffUser.ID?
    /// 更正说明 — why a later version replaces the one before; nil for the first.
    public let correction: String?
    public let createdAt: Date

    public init(id: UUID, organisationID: Organisation.ID, year: Int, version: Int, paragraphs: [String], publishedOn: CivilDate,
                publishedBy: String, publishedByID: StaffUser.ID?, correction: String?, createdAt: Date) {
        self.id = id
        self.organisationID = organisationID
        self.year = year
        self.version = version
        self.paragraphs = paragraphs
        self.publishedOn = publishedOn
        self.publishedBy = publishedBy
        self.publishedByID = publishedByID
        self.correction = correction
        self.createdAt = createdAt
    }

    public var statusCode: String { "published" }

    /// The deadline: 31 January of the year after the report's.
    public var dueOn: CivilDate { CivilDate(year: year + 1, month: 1, day: 31)! }
    /// Published by the deadline (PUB-12).
    public var onTime: Bool { publishedOn <= dueOn }
    /// 按期公开 / 逾期公开, in plain words with the document.
    public var timelinessText: String {
        onTime ? "按期公开（国办发〔2018〕118号：每年 1 月 31 日前公开上年度行政执法数据）"
            : "逾期公开：应于 \(dueOn.chinese) 前公开（国办发〔2018〕118号）"
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, year, version, paragraphs, publishedOn, publishedBy, publishedByID, correction, createdAt
    }
}
