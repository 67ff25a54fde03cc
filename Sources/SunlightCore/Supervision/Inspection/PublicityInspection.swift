import Foundation

/// 季度 — a calendar quarter, `2026Q3`.
public struct Quarter: Sendable, Equatable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]), (2000...2100).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    public var first: CivilDate { CivilDate(year: year, month: number * 3 - 2, day: 1)! }
    public var last: CivilDate { CivilDate(year: year, month: number * 3, day: number == 1 || number == 4 ? 31 : 30)! }
    public var description: String { "\(year)Q\(number)" }
    public var chineseName: String { "\(year) 年第\(["一", "二", "三", "四"][number - 1])季度" }
}

/// 网上巡查 — the quarterly online inspection of every organisation's publicity (SUP-5): lists
/// that must exist and do not, items not reviewed for over a year, decisions published late or
/// not at all, withdrawals late, 双随机 results late, and personal data left in published text.
public struct PublicityInspection: Sendable {
    public struct Finding: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case missingList = "missing_list", staleItem = "stale_item", latePublication = "late_publication"
            case missingPublication = "missing_publication", lateWithdrawal = "late_withdrawal", lateDrawResults = "late_draw_results"
            case redactionMiss = "redaction_miss"

            public var chineseName: String {
                switch self {
                case .missingList: "清单缺失"
                case .staleItem: "超过一年未更新"
                case .latePublication: "决定逾期公开"
                case .missingPublication: "决定应公开未公开"
                case .lateWithdrawal: "逾期未撤下"
                case .lateDrawResults: "抽查结果逾期未公开"
                case .redactionMiss: "公开内容含未隐去的个人信息"
                }
            }

            public var rule: RuleID {
                switch self {
                case .missingList, .staleItem: .pub3
                case .latePublication, .missingPublication: .pub6
                case .lateWithdrawal: .pub7
                case .lateDrawResults: .pub9
                case .redactionMiss: .pub8
                }
            }
        }

        public let kind: Kind
        public let detail: String
        /// Where to look (staff page).
        public let link: RecordRef?
        /// The rule broken: the kind's, or the list's own for a list finding.
        public let rule: RuleID

        public init(kind: Kind, detail: String, link: RecordRef?, rule: RuleID? = nil) {
            self.kind = kind
            self.detail = detail
            self.link = link
            self.rule = rule ?? kind.rule
        }
    }

    public struct OrganisationReport: Sendable {
        public let organisation: Organisation
        public let findings: [Finding]
    }

    /// The lists each kind of organisation must publish (PUB-1, PUB-3..5, PUB-11).
    public static func requiredLists(_ kind: OrganisationKind) -> [ListKind] {
        switch kind {
        case .department: [.subject, .item, .randomInspection, .guide]
        case .justiceBureau: [.subject, .supervision]
        case .government: []
        }
    }

    /// Days after which a list item counts as not reviewed (动态管理).
    public static let staleDays = 365

    public let quarter: Quarter
    /// The day the lists are judged on: the quarter's last day, or today if earlier.
    public let asOf: CivilDate
    public let organisations: [OrganisationReport]

    public var findingCount: Int { organisations.reduce(0) { $0 + $1.findings.count } }

    /// One line per finding, for the CSV export; `url` gives the web address of a link.
    public func table(url: (RecordRef) -> String) -> TextTable {
        TextTable(header: ["季度", "机构", "问题", "依据", "说明", "链接"], rows: organisations.flatMap { report in
            report.findings.map { [quarter.description, report.organisation.name, $0.kind.chineseName, $0.rule.legalBasis ?? "", $0.detail, $0.link.map(url) ?? ""] }
        })
    }
}
