/// 清单条目要素 — what the rules read from a version of a list entry, decoded in one place:
/// for an item of the power list (执法事项, PUB-3) its code, 执法类别, legal basis, discretion
/// benchmark and time limit; for a service guide (PUB-5) its 执法类别. The stored
/// `[String: String]` (hashed into the log) does not change; only reading is typed. A stored
/// code that is not a category reads as `nil` and is listed in `malformed`.
public struct ListEntryTerms: Sendable, Equatable {
    /// 事项编码.
    public let code: String?
    /// 执法类别: the item's (`enforcementCategory`, REC-7) or the guide's (`category`).
    public let enforcementCategory: EnforcementCategory?
    /// 法律依据（法律法规名称）, 条款.
    public let law: String?
    public let article: String?
    /// 裁量基准 as the list states it (STD-3).
    public let discretionBenchmark: String?
    /// 办理时限 as written: `立案之日起 90 日`, `20个工作日`.
    public let timeLimit: String?
    /// 可由执法人员当场适用简易程序 (REC-15, 行政处罚法 第五十一条).
    public let simpleProcedure: Bool
    /// Fields whose stored text is not a value of their kind.
    public let malformed: [ListEntryField]

    public init(kind: ListKind, fields: [String: String]) {
        func text(_ field: ListEntryField) -> String? { fields[field.rawValue].flatMap { $0.isEmpty ? nil : $0 } }
        var malformed: [ListEntryField] = []
        let categoryField: ListEntryField = kind == .guide ? .category : .enforcementCategory
        if let code = text(categoryField) {
            enforcementCategory = EnforcementCategory(rawValue: code)
            if enforcementCategory == nil { malformed.append(categoryField) }
        } else {
            enforcementCategory = nil
        }
        code = text(.code)
        law = text(.law)
        article = text(.article)
        discretionBenchmark = text(.discretionBenchmark)
        timeLimit = text(.timeLimit)
        simpleProcedure = text(.simpleProcedure) == YesNo.yes
        self.malformed = malformed
    }

    /// The calendar days of the 办理时限 (`立案之日起 90 日`); `nil` for working days or none (REC-13, REC-17).
    public var timeLimitCalendarDays: Int? {
        guard let text = timeLimit, !text.contains("工作日"), text.contains("日") else { return nil }
        return Int(text.drop { !$0.isNumber }.prefix { $0.isNumber })
    }
}

extension ListEntryVersion {
    /// What the rules read from this version.
    public var terms: ListEntryTerms { ListEntryTerms(kind: kind, fields: fields) }
}
