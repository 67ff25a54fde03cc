import Foundation

/// 数额标准幅度 — the range within which the organisations of a province may set the amount
/// thresholds of their catalogues (REV-10). An administrator of the province sets it; until
/// then ``standard`` applies (docs/review.md gives the sources).
public struct CatalogueBounds: OrganisationState, Equatable {
    public static let table = "catalogue_bounds"

    public let id: UUID
    /// The province's government: the bounds hold for every organisation below it.
    public let organisationID: Organisation.ID
    public var counterpartID: Organisation.ID? { nil }
    /// 对公民 — lowest and highest threshold, yuan.
    public var personMin: Int
    public var personMax: Int
    /// 对法人或者其他组织 — lowest and highest threshold, yuan.
    public var organisationMin: Int
    public var organisationMax: Int
    /// 依据 — the province's rule the bounds come from.
    public var basis: String
    /// Who set them last (display name).
    public var setBy: String
    public let createdAt: Date
    public var changedAt: Date

    public init(id: UUID, organisationID: Organisation.ID, personMin: Int, personMax: Int, organisationMin: Int, organisationMax: Int,
                basis: String, setBy: String, createdAt: Date, changedAt: Date? = nil) {
        self.id = id
        self.organisationID = organisationID
        self.personMin = personMin
        self.personMax = personMax
        self.organisationMin = organisationMin
        self.organisationMax = organisationMax
        self.basis = basis
        self.setBy = setBy
        self.createdAt = createdAt
        self.changedAt = changedAt ?? createdAt
    }

    public var statusCode: String { "set" }

    /// 默认幅度 — until the province sets its own: no higher than the 较大数额 of 《市场监督管理行政处罚
    /// 听证办法》第五条 (10 000 yuan for a person, 100 000 for an organisation), no lower than the most
    /// a simple-procedure decision may fine (行政处罚法 第五十一条: 200 and 3 000 yuan).
    public static func standard(for organisationID: Organisation.ID) -> CatalogueBounds {
        CatalogueBounds(id: Self.standardID, organisationID: organisationID, personMin: 200, personMax: 10_000, organisationMin: 3_000,
                        organisationMax: 100_000, basis: "默认幅度：《市场监督管理行政处罚听证办法》第五条；《中华人民共和国行政处罚法》第五十一条",
                        setBy: "", createdAt: Date(timeIntervalSince1970: 0))
    }

    private static let standardID = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    /// Whether these are the defaults rather than a province's own.
    public var isStandard: Bool { id == Self.standardID }

    /// Refuses bounds that are not ranges of whole yuan.
    public func validate() throws {
        guard personMin >= 0, organisationMin >= 0, personMin <= personMax, organisationMin <= organisationMax,
              personMax <= 100_000_000, organisationMax <= 100_000_000 else {
            throw SunlightError.invalid("bounds", "幅度应为不小于 0 的整数（元），下限不高于上限", rule: .rev10)
        }
        guard (2...200).contains(basis.trimmed.count) else { throw SunlightError.invalid("basis", "请写明幅度的依据（2–200 字）", rule: .rev10) }
    }

    /// Refuses a catalogue whose thresholds fall outside the bounds (REV-10).
    public func check(_ rules: [MajorDecisionRule]) throws {
        for rule in rules {
            if let amount = rule.minAmountPerson, !(personMin...personMax).contains(amount) {
                throw SunlightError.invalid("rules", "规则 \(rule.code) 对公民的数额标准 \(amount) 元超出本省设定的幅度（\(personMin)–\(personMax) 元，\(basis)）",
                                            rule: .rev10)
            }
            if let amount = rule.minAmountOrganisation, !(organisationMin...organisationMax).contains(amount) {
                throw SunlightError.invalid("rules", "规则 \(rule.code) 对法人或其他组织的数额标准 \(amount) 元超出本省设定的幅度"
                                            + "（\(organisationMin)–\(organisationMax) 元，\(basis)）", rule: .rev10)
            }
        }
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, personMin, personMax, organisationMin, organisationMax, basis, setBy, createdAt, changedAt
    }
}
