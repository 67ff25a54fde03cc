import Foundation

/// 公开决定 — a decision as the public sees it: on the portal, in the open-data API, the bulk
/// export, the Atom feed and the message pushed upward (PUB-10). Only published text — never
/// the original, never who on the staff did what.
public struct PublicDecision: Codable, Sendable, Equatable {
    public struct Withdrawal: Codable, Sendable, Equatable {
        public let reason: String
        public let reasonName: String
        public let statement: String
        public let withdrawnOn: CivilDate
    }

    public let id: String
    public let organisationId: String
    public let organisation: String
    public let category: String
    public let categoryName: String
    public let type: String
    public let typeName: String
    public let number: String
    public let title: String
    public let decidedOn: CivilDate
    public let publishedOn: CivilDate?
    public let status: String
    public let statusName: String
    public let version: Int
    public let fields: [PublishedField]
    /// SHA-256 of `fields` as canonical JSON, and of the decision document in the log.
    public let publishedHash: String?
    public let originalHash: String?
    public let withdrawal: Withdrawal?
    /// The portal page (``StoredLink``: the text is part of the exported and pushed record).
    public let link: String

    public init(_ publication: DecisionPublication, organisationName: String) {
        id = publication.id.uuidString.lowercased()
        organisationId = publication.organisationID.uuidString.lowercased()
        organisation = organisationName
        category = publication.category.rawValue
        categoryName = publication.category.chineseName
        type = publication.decisionType.rawValue
        typeName = publication.decisionType.chineseName
        number = publication.number
        title = publication.text("title") ?? publication.decisionType.chineseName
        decidedOn = publication.decidedOn
        publishedOn = publication.publishedOn
        status = publication.status.rawValue
        statusName = publication.status.chineseName
        version = publication.version
        fields = publication.content
        publishedHash = publication.publishedHash
        originalHash = publication.originalHash
        withdrawal = publication.withdrawal.flatMap { w in
            guard let statement = w.statement, let on = w.withdrawnOn else { return nil }
            return Withdrawal(reason: w.kind.rawValue, reasonName: w.kind.chineseName, statement: statement, withdrawnOn: on)
        }
        link = StoredLink.publicDecision(publication.id)
    }

    /// One JSON line of the bulk export.
    public var jsonLine: String { get throws { try StateJSON.encode(self) } }

    /// 批量导出 CSV columns.
    public static let csvHeader = ["决定书文号", "案由", "执法机关", "执法类别", "决定类型", "决定日期", "公开日期", "状态", "当事人", "处罚/许可决定", "撤下说明", "链接"]

    public var csvRow: [String] {
        [number, title, organisation, categoryName, typeName, decidedOn.iso, publishedOn?.iso ?? "", statusName,
         fields.first { $0.key == "party" }?.text ?? "", fields.first { $0.key == "decision" }?.text ?? "",
         withdrawal?.statement ?? "", link]
    }
}
