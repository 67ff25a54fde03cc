import Foundation

/// 文书要素 — what the rules read from a document, decoded in one place from its stored fields:
/// the fine and the amount involved in whole yuan, the kinds of penalty named, the dates, the
/// hearing right offered, the circumstance and the benchmark flag, the first-offence
/// conditions, a permit's result. Free text stays text (`CaseDocument.text(_:)`).
///
/// Only reading is typed: a document keeps storing `[String: String]` exactly as before, for
/// those fields are hashed into the log. A stored value that is not a value of its kind (a fine
/// of “1.5万”, a date of “10月1日”) reads as absent here and is listed in `malformed`, so a
/// rule that needs it refuses the document rather than skipping itself (`problems(in:)`).
public struct DocumentTerms: Sendable, Equatable {
    /// 罚款金额（元）of a notice or a decision; `nil` when it names none.
    public let fine: Int?
    /// 处罚种类 as typed (REC-15); `nil` for a document written before sanctions were typed,
    /// whose kinds are read from its text (`penaltyKinds`).
    public let sanctions: Set<PenaltyKind>?
    /// 没收违法所得、非法财物的价值（元）.
    public let confiscated: Int?
    /// 涉案金额（元）: goods' value, illegal gains.
    public let amountInvolved: Int?
    /// 处罚内容 as written.
    public let penalty: String?
    /// 告知听证权利 — the notice offers a hearing (行政处罚法 第六十三条).
    public let hearingOffered: Bool
    /// 听证日期 of a hearing notice, 送达日期 of a delivery receipt.
    public let date: CivilDate?
    /// 违法情节, matched against the discretion benchmark (STD-3).
    public let circumstance: DiscretionBenchmark.Circumstance?
    /// 超出裁量基准的理由.
    public let deviationReason: String?
    /// 超出裁量基准 — set when the decision was signed with a fine outside the benchmark (STD-3).
    public let exceedsDiscretion: Bool
    /// 首违不罚's conditions (行政处罚法 第三十三条): 首次违法, 危害后果轻微, 及时改正.
    public let firstOffence: Bool
    public let minorHarm: Bool
    public let corrected: Bool
    /// 许可决定.
    public let result: PermitResult?
    /// 查封、扣押的期限（日）of a seizure decision (REC-16); `nil` when absent or, for a decision
    /// written before terms were typed (“三十日”), not a number.
    public let seizureDays: Int?
    /// 送达文书 of a delivery receipt, when it names the document by ID (REC-14).
    public let servedDocument: UUID?
    /// 送达方式.
    public let serviceMethod: DocumentService.Method?
    /// 受送达人书面同意电子送达.
    public let electronicConsent: Bool
    /// Fields whose stored text is not a value of their kind, in catalogue order.
    public let malformed: [DocumentField]

    public init(_ fields: [String: String]) {
        var malformed: [DocumentField] = []
        func decode<T>(_ field: DocumentField, _ parse: (String) -> T?) -> T? {
            guard let text = fields.text(field) else { return nil }
            guard let value = parse(text) else { malformed.append(field); return nil }
            return value
        }
        func yes(_ field: DocumentField) -> Bool {
            decode(field) { [YesNo.yes: true, YesNo.no: false][$0] } ?? false
        }
        fine = decode(.fine, Self.yuan)
        sanctions = decode(.sanctions) { text in
            let kinds = text.split(separator: ",").map { PenaltyKind(rawValue: String($0)) }
            return kinds.contains(nil) ? nil : Set(kinds.compactMap { $0 })
        }
        confiscated = decode(.confiscated, Self.yuan)
        amountInvolved = decode(.amountInvolved, Self.yuan)
        penalty = fields.text(.penalty)
        hearingOffered = yes(.hearing)
        date = decode(.date, CivilDate.init(iso:))
        circumstance = decode(.circumstance, DiscretionBenchmark.Circumstance.init(rawValue:))
        deviationReason = fields.text(.deviationReason)
        exceedsDiscretion = yes(.discretionFlag)
        firstOffence = yes(.firstOffence)
        minorHarm = yes(.minor)
        corrected = yes(.corrected)
        result = decode(.result, PermitResult.init(rawValue:))
        seizureDays = decode(.term) { Int($0).flatMap { $0 > 0 ? $0 : nil } }
        servedDocument = fields.text(.document).flatMap(UUID.init(uuidString:))
        serviceMethod = decode(.method, DocumentService.Method.init(rawValue:))
        electronicConsent = yes(.consent)
        self.malformed = malformed
    }

    /// A whole, non-negative number of yuan: `15000`, not `1.5万`, `15000元` or `-1`.
    static func yuan(_ text: String) -> Int? { Int(text).flatMap { $0 >= 0 ? $0 : nil } }

    /// The kinds of penalty imposed or proposed (REC-15): the typed sanctions, or for a document
    /// written before they were typed, the kinds its 处罚内容 names and its amounts imply.
    public var penaltyKinds: Set<PenaltyKind> {
        if let sanctions { return sanctions }
        var kinds = PenaltyKind.named(in: penalty ?? "")
        if (fine ?? 0) > 0 { kinds.insert(.fine) }
        if (confiscated ?? 0) > 0 { kinds.insert(.confiscation) }
        return kinds
    }

    /// Where typed sanctions and amounts disagree: a fine chosen without its amount, an amount
    /// without its kind (REC-15).
    public var sanctionProblems: [String] {
        guard let sanctions else { return [] }
        var problems: [String] = []
        if sanctions.contains(.fine) != ((fine ?? 0) > 0) {
            problems.append(sanctions.contains(.fine) ? "选择了罚款，请填写罚款金额" : "填写了罚款金额，请在处罚种类中选择罚款")
        }
        if sanctions.contains(.confiscation) != ((confiscated ?? 0) > 0) {
            problems.append(sanctions.contains(.confiscation) ? "选择了没收，请填写没收违法所得、非法财物的价值" : "填写了没收价值，请在处罚种类中选择没收")
        }
        return problems
    }

    /// The values of `type`'s fields that do not decode, each in the catalogue's words; empty
    /// when every value a rule reads is well formed.
    public func problems(in type: DocumentType) -> [FieldProblem] {
        type.fields.compactMap { field in
            guard let key = DocumentField(rawValue: field.key), malformed.contains(key) else { return nil }
            return FieldProblem(field: field, Self.expected(key))
        }
    }

    /// What a well-formed value of `field` looks like.
    static func expected(_ field: DocumentField) -> String {
        switch field {
        case .fine, .amountInvolved, .confiscated: "应为不小于 0 的整数，如 15000（不写“万”“元”）"
        case .term: "应为 1–30 的整数天数"
        case .date: "格式应为 YYYY-MM-DD"
        default: "不是有效的取值"
        }
    }
}

extension CaseDocument {
    /// What the rules read from this document.
    public var terms: DocumentTerms { DocumentTerms(fields) }
}
