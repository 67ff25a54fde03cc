import Foundation

/// 重大执法决定情形 — what the officer declares about a case that makes a decision major
/// (行政处罚法 第五十八条; seed 002 第四条). The catalogue's rules match on them.
public enum MajorFactor: String, Codable, Sendable, CaseIterable, Comparable, ClosedChoice {
    /// 涉及重大公共利益.
    case publicInterest = "public_interest"
    /// 可能造成重大社会影响或引发社会风险.
    case socialImpact = "social_impact"
    /// 直接关系当事人或者第三人重大权益.
    case majorRights = "major_rights"
    /// 情况疑难复杂、涉及多个法律关系.
    case complex
    /// 法律、法规、规章规定应当进行法制审核.
    case requiredByLaw = "required_by_law"

    public var chineseName: String {
        switch self {
        case .publicInterest: "涉及重大公共利益"
        case .socialImpact: "可能造成重大社会影响或引发社会风险"
        case .majorRights: "直接关系当事人或者第三人重大权益"
        case .complex: "情况疑难复杂、涉及多个法律关系"
        case .requiredByLaw: "法律、法规、规章规定应当进行法制审核"
        }
    }

    public static func < (lhs: MajorFactor, rhs: MajorFactor) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// 目录规则 — one rule of the major-decision catalogue (REV-2). Every condition it sets must
/// hold for it to match; an empty list or `nil` sets no condition. Each rule cites its source.
public struct MajorDecisionRule: Codable, Sendable, Equatable {
    /// Short, stable within the catalogue: `R1`.
    public var code: String
    /// 情形, as the catalogue publishes it.
    public var title: String
    /// 依据 — the law, regulation or document the rule comes from.
    public var source: String
    /// 执法行为类别.
    public var categories: [EnforcementCategory]
    /// 执法事项 (entries of the power list).
    public var itemEntryIDs: [UUID]
    /// 所属领域: words of the item's law, e.g. `食品安全`.
    public var fields: [String]
    /// 执法层级.
    public var levels: [AdministrativeLevel]
    /// 涉案金额 (yuan, the larger of fine and amount involved) from which a decision about a
    /// natural person, or about an organisation, matches.
    public var minAmountPerson: Int?
    public var minAmountOrganisation: Int?
    /// 经过听证程序.
    public var hearingHeld: Bool
    /// Declared circumstances that must all be present.
    public var factors: [MajorFactor]
    /// 集体讨论 — a decision this rule matches is decided by the heads collectively (REV-7).
    public var collectiveDiscussion: Bool

    public init(code: String, title: String, source: String, categories: [EnforcementCategory] = [], itemEntryIDs: [UUID] = [],
                fields: [String] = [], levels: [AdministrativeLevel] = [], minAmountPerson: Int? = nil, minAmountOrganisation: Int? = nil,
                hearingHeld: Bool = false, factors: [MajorFactor] = [], collectiveDiscussion: Bool = false) {
        self.code = code
        self.title = title
        self.source = source
        self.categories = categories
        self.itemEntryIDs = itemEntryIDs
        self.fields = fields
        self.levels = levels
        self.minAmountPerson = minAmountPerson
        self.minAmountOrganisation = minAmountOrganisation
        self.hearingHeld = hearingHeld
        self.factors = factors
        self.collectiveDiscussion = collectiveDiscussion
    }

    /// Whether the rule sets any condition at all (a rule without one would make every decision major).
    public var hasCondition: Bool {
        !categories.isEmpty || !itemEntryIDs.isEmpty || !fields.isEmpty || !levels.isEmpty || minAmountPerson != nil
            || minAmountOrganisation != nil || hearingHeld || !factors.isEmpty
    }

    public func matches(_ facts: DecisionFacts) -> Bool {
        if !categories.isEmpty, !categories.contains(facts.category) { return false }
        if !itemEntryIDs.isEmpty, !facts.itemEntryID.map(itemEntryIDs.contains).orFalse { return false }
        if !fields.isEmpty, !fields.contains(where: { facts.itemLaw?.contains($0) == true }) { return false }
        if !levels.isEmpty, !levels.contains(facts.level) { return false }
        if minAmountPerson != nil || minAmountOrganisation != nil {
            let threshold = facts.concernsPerson ? minAmountPerson : minAmountOrganisation
            guard let threshold, let amount = facts.amount, amount >= threshold else { return false }
        }
        if hearingHeld, !facts.hearingHeld { return false }
        return Set(factors).isSubset(of: facts.factors)
    }

    /// The conditions in words, for the catalogue page.
    public var conditions: [String] {
        var out: [String] = []
        if !categories.isEmpty { out.append("类别：" + categories.map(\.chineseName).joined(separator: "、")) }
        if !itemEntryIDs.isEmpty { out.append("限定 \(itemEntryIDs.count) 个执法事项") }
        if !fields.isEmpty { out.append("领域：" + fields.joined(separator: "、")) }
        if !levels.isEmpty { out.append("层级：" + levels.map(\.chineseName).joined(separator: "、")) }
        if let amount = minAmountPerson { out.append("对公民涉案金额 \(amount) 元以上") }
        if let amount = minAmountOrganisation { out.append("对法人或其他组织涉案金额 \(amount) 元以上") }
        if hearingHeld { out.append("经过听证程序") }
        out += factors.sorted().map(\.chineseName)
        if collectiveDiscussion { out.append("须集体讨论") }
        return out
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case code, title, source, categories, itemEntryIDs, fields, levels, minAmountPerson, minAmountOrganisation, hearingHeld, factors
        case collectiveDiscussion
    }
}

private extension Optional where Wrapped == Bool {
    var orFalse: Bool { self ?? false }
}

/// What the catalogue looks at in a draft decision and its case.
public struct DecisionFacts: Sendable, Equatable {
    public var category: EnforcementCategory
    public var itemEntryID: UUID?
    /// The law the item is based on (for 领域).
    public var itemLaw: String?
    public var level: AdministrativeLevel
    /// Whether any party is a natural person (the lower thresholds apply).
    public var concernsPerson: Bool
    /// 涉案金额, yuan.
    public var amount: Int?
    public var hearingHeld: Bool
    public var factors: Set<MajorFactor>
    /// 简易程序 decisions are outside review (REV-2).
    public var simple: Bool
    /// 违法情节 of the draft, if given: 严重 is a 重大违法行为 (行政处罚法 第五十七条).
    public var severe: Bool

    public init(category: EnforcementCategory, itemEntryID: UUID? = nil, itemLaw: String? = nil, level: AdministrativeLevel = .county,
                concernsPerson: Bool = false, amount: Int? = nil, hearingHeld: Bool = false, factors: Set<MajorFactor> = [],
                simple: Bool = false, severe: Bool = false) {
        self.category = category
        self.itemEntryID = itemEntryID
        self.itemLaw = itemLaw
        self.level = level
        self.concernsPerson = concernsPerson
        self.amount = amount
        self.hearingHeld = hearingHeld
        self.factors = factors
        self.simple = simple
        self.severe = severe
    }
}

/// 审核要求 — whether a draft decision needs legal review, and why (REV-2).
public struct ReviewRequirement: Sendable, Equatable {
    /// The rules that matched; review is required when there is any.
    public let matched: [MajorDecisionRule]
    /// The catalogue version that was applied (0: the built-in default).
    public let catalogueVersion: Int
    /// Simple-procedure decisions are outside review.
    public let outsideReview: Bool
    /// The heads decide collectively (REV-7, 行政处罚法 第五十七条).
    public let collectiveDiscussion: Bool
    /// 违法情节严重 — a 重大违法行为, decided collectively even when no rule matches (第五十七条第二款).
    public var severe = false
    /// The version in force when the case's 事先告知书 was issued, when it differs from ``catalogueVersion``
    /// and was applied too (REV-10: the stricter of the two decides).
    public var noticeCatalogueVersion: Int?

    public var required: Bool { !matched.isEmpty }

    /// One sentence for the case page.
    public var summary: String {
        if outsideReview { return "简易程序当场作出的决定不属于法制审核范围" }
        let versions = "目录第 \(catalogueVersion) 版" + (noticeCatalogueVersion.map { "及告知时施行的第 \($0) 版" } ?? "")
        let discussion = severe ? "；违法情节严重，须经机关负责人集体讨论决定" : ""
        guard required else { return "按本机关重大执法决定\(versions)，本决定不属于重大执法决定；可自愿申请法制审核\(discussion)" }
        return "属于重大执法决定，须经法制审核（\(versions) " + matched.map { "\($0.code) \($0.title)" }.joined(separator: "；") + "）\(discussion)"
    }

    /// The stricter of two answers (REV-10): review where either requires it, collective
    /// discussion where either asks for it; the rules matched by both, each code once.
    public func stricter(_ other: ReviewRequirement) -> ReviewRequirement {
        guard other.catalogueVersion != catalogueVersion || other.matched != matched else { return self }
        var codes = Set(matched.map(\.code))
        var result = ReviewRequirement(matched: matched + other.matched.filter { codes.insert($0.code).inserted }, catalogueVersion: catalogueVersion,
                                       outsideReview: outsideReview && other.outsideReview,
                                       collectiveDiscussion: collectiveDiscussion || other.collectiveDiscussion, severe: severe || other.severe)
        result.noticeCatalogueVersion = other.catalogueVersion == catalogueVersion ? nil : other.catalogueVersion
        return result
    }
}

/// 重大执法决定法制审核目录清单 — one version of an organisation's catalogue (REV-2). Versions
/// are kept, never changed; a new version takes effect from its date.
public struct MajorDecisionCatalogue: Codable, Sendable, Equatable {
    /// `nil` for the built-in default.
    public var organisationID: Organisation.ID?
    /// 0 for the built-in default; an organisation's versions count from 1.
    public var version: Int
    public var effectiveOn: CivilDate?
    public var rules: [MajorDecisionRule]
    /// 审核期限 — working days from receipt (REV-5; seed 002 第九条: 3).
    public var reviewDays: Int
    public var adoptedBy: StaffUser.ID?
    public var adoptedAt: Date?
    /// 说明 — why this version.
    public var note: String

    public init(organisationID: Organisation.ID?, version: Int, effectiveOn: CivilDate?, rules: [MajorDecisionRule], reviewDays: Int = 3,
                adoptedBy: StaffUser.ID? = nil, adoptedAt: Date? = nil, note: String = "") {
        self.organisationID = organisationID
        self.version = version
        self.effectiveOn = effectiveOn
        self.rules = rules
        self.reviewDays = reviewDays
        self.adoptedBy = adoptedBy
        self.adoptedAt = adoptedAt
        self.note = note
    }

    /// Evaluates a draft decision (REV-2): the rules that match, whether the heads must
    /// discuss it collectively (a matched rule says so, or the violation is 严重, art. 57).
    public func evaluate(_ facts: DecisionFacts) -> ReviewRequirement {
        guard !facts.simple else { return ReviewRequirement(matched: [], catalogueVersion: version, outsideReview: true, collectiveDiscussion: false) }
        let matched = effectiveRules.filter { $0.matches(facts) }
        // 严重 is a 重大违法行为: decided collectively whatever the catalogue says (第五十七条第二款, REV-10).
        let discussion = matched.contains(where: \.collectiveDiscussion) || facts.severe
        return ReviewRequirement(matched: matched, catalogueVersion: version, outsideReview: false, collectiveDiscussion: discussion,
                                 severe: facts.severe)
    }

    /// Checks a new version before it is adopted: codes unique, every rule with a title, a
    /// source and at least one condition.
    public func validate() throws {
        guard !rules.isEmpty else { throw SunlightError.invalid("rules", "目录至少应有一条规则", rule: .rev2) }
        guard (1...30).contains(reviewDays) else { throw SunlightError.invalid("reviewDays", "审核期限应为 1–30 个工作日", rule: .rev5) }
        var codes = Set<String>()
        for rule in rules {
            let code = rule.code.trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty, code.count <= 10, codes.insert(code).inserted else {
                throw SunlightError.invalid("rules", "规则编号应为 1–10 个字符且不重复：“\(rule.code)”", rule: .rev2)
            }
            guard (2...200).contains(rule.title.trimmingCharacters(in: .whitespaces).count) else {
                throw SunlightError.invalid("rules", "规则 \(code) 应写明情形（2–200 字）", rule: .rev2)
            }
            guard (2...300).contains(rule.source.trimmingCharacters(in: .whitespaces).count) else {
                throw SunlightError.invalid("rules", "规则 \(code) 应写明依据（2–300 字）", rule: .rev2)
            }
            guard rule.hasCondition else {
                throw SunlightError.invalid("rules", "规则 \(code) 没有任何条件，会使所有决定都须审核；如确需全部审核，请限定执法类别", rule: .rev2)
            }
            for amount in [rule.minAmountPerson, rule.minAmountOrganisation].compactMap({ $0 }) where amount < 0 {
                throw SunlightError.invalid("rules", "规则 \(code) 的金额不能为负数", rule: .rev2)
            }
        }
    }
}
