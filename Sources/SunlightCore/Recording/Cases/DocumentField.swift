/// 文书字段 — the key of every field a document may carry, written once: the catalogue
/// (`DocumentType.fields`) declares them and the typed view (`DocumentTerms`) reads them, so a
/// misspelt key is a compile error, not a rule silently skipped. The raw values are the keys
/// stored in `CaseDocument.fields` (hashed into the log): they never change.
public enum DocumentField: String, Sendable, CaseIterable {
    case facts, evidence, basis, opinion, reasons, rights
    case time, place, person, present, content, host
    /// 听证日期 (hearing notice), 送达日期 (delivery receipt): `YYYY-MM-DD`.
    case date
    /// 拟作出的行政处罚 / 处罚内容 — free text, read for the kinds of penalty it names.
    case penalty
    /// 处罚种类 — `PenaltyKind` codes joined by commas, in the order of 第九条 (REC-15).
    case sanctions
    /// 罚款金额 — whole yuan.
    case fine
    /// 没收违法所得、非法财物的价值 — whole yuan (REC-15).
    case confiscated
    /// 涉案金额 — whole yuan.
    case amountInvolved
    /// 告知听证权利 — `yes`/`no`.
    case hearing
    /// 裁量基准适用情况及理由.
    case discretion
    /// 违法情节 — a `DiscretionBenchmark.Circumstance` code.
    case circumstance
    case deviationReason
    case payment, remedies
    /// 首违不罚's three conditions — `yes`/`no` each.
    case firstOffence, minor, corrected
    /// 理由, 查封扣押清单, 查封扣押期限 — whole days, at most 30 (REC-16).
    case reason, items, term
    case applicant, item, materials
    /// 许可决定 — a `PermitResult` code.
    case result
    /// 送达文书 (the served document's ID; older receipts: its name and number), 送达方式
    /// (a `DocumentService.Method` code), 受送达人.
    case document, method, recipient
    /// 受送达人书面同意电子送达 — `yes`/`no` (REC-14).
    case consent
    case summary
    /// 超出裁量基准 — not on any form: set when a decision is signed with a fine outside the
    /// benchmark and a written reason (STD-3), and left out of the reviewed content hash (REV-1).
    case discretionFlag
}

extension ListField {
    /// A document's field, keyed by the catalogue of document fields.
    init(_ key: DocumentField, _ label: String, _ kind: Kind, required: Bool = true, hint: String? = nil) {
        self.init(key.rawValue, label, kind, required: required, hint: hint)
    }
}

extension CaseDocument {
    /// The free text of a field as written, `nil` when blank.
    public func text(_ field: DocumentField) -> String? { fields.text(field) }

    /// 超出裁量基准 — marks a decision whose fine departs from the benchmark with a written
    /// reason, for legal review and supervision (STD-3). The only field the system writes.
    public mutating func flagExceedsDiscretion() { fields[DocumentField.discretionFlag.rawValue] = YesNo.yes }
}

extension Dictionary where Key == String, Value == String {
    /// The value stored under a document field's key, `nil` when blank.
    public func text(_ field: DocumentField) -> String? { self[field.rawValue].flatMap { $0.isEmpty ? nil : $0 } }
    public subscript(_ field: DocumentField) -> String? {
        get { self[field.rawValue] }
        set { self[field.rawValue] = newValue }
    }
}
