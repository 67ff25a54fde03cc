/// 清单字段 — the key of every field of the publicity lists, written once: the schemas
/// (`ListSchema.of`) declare them and the typed view (`ListEntryTerms`) reads them. The raw
/// values are the keys stored in `ListEntryVersion.fields` (hashed into the log): they never change.
public enum ListEntryField: String, Sendable, CaseIterable {
    /// The name of an entry in every list (`ListSchema.titleKey`).
    case name
    // 主体资格清单 (PUB-1).
    case organisationType, fundingSource, staffing, subjectCategory, duties, legalRepresentative, address, complaintPhone
    // 执法事项清单 (PUB-3, STD-1).
    case code, powerCategory, enforcementCategory, law, article, discretionBenchmark, responsibleOrganisation, entrusted, timeLimit
    /// 可当场适用简易程序 — `yes`/`no`: officers may open on-the-spot cases of the item (REC-15, art. 51).
    case simpleProcedure
    // 随机抽查事项清单 (PUB-4).
    case subject, basis, object, content, method, ratio, frequency
    // 服务指南 (PUB-5): `category` is its 执法类别.
    case category, materials, steps, supervision, remedies, officeHours, phone
    // 监督信息 (PUB-11).
    case channel, contact, email, outcome
}

extension ListField {
    /// A list's field, keyed by the catalogue of list fields.
    static func entry(_ key: ListEntryField, _ label: String, _ kind: Kind, required: Bool = true, hint: String? = nil) -> ListField {
        ListField(key.rawValue, label, kind, required: required, hint: hint)
    }
}
