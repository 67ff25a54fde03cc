/// 年度报告操作 — what may be done with an organisation's annual report (PUB-12).
public enum AnnualReportAction: String, CaseIterable, Sendable, NamedAction {
    /// 公开 — publish the draft as the first version, or a correction as the next.
    case publish

    public static let area = "annual-report"
}

/// Who may publish an organisation's annual report of a year (PUB-12, 国办发〔2018〕118号): a head
/// of that organisation, once the year is over.
public struct AnnualReportPermissions: Permissions {
    public let actor: Actor
    public let organisation: Organisation
    public let year: Int
    public let today: CivilDate

    public init(actor: Actor, organisation: Organisation, year: Int, today: CivilDate) {
        self.actor = actor
        self.organisation = organisation
        self.year = year
        self.today = today
    }

    public func check(_ action: AnnualReportAction) throws {
        switch action {
        case .publish:
            try actor.require(anyOf: .head)
            guard actor.organisation?.id == organisation.id else { throw SunlightError.outsideScope }
            guard year < today.year else {
                throw SunlightError(.conflict, code: "annual_report.year_open",
                                    "\(year) 年度尚未结束，年度报告应在次年 1 月 31 日前公开上年度数据（国办发〔2018〕118号）", rule: .pub12)
            }
        }
    }
}
