import Foundation

/// 公开文本 — what of a decision is published (PUB-6): number, party, facts, reasons, legal
/// basis, decision, organisation, date and remedies; for a coercive measure the minimum —
/// body, party, type of action and conclusion. Built from the issued document, then redacted
/// (PUB-8).
public struct DecisionText: Sendable, Equatable {
    /// The fields before redaction — shown to the clerk only, never stored apart from the
    /// document they come from.
    public let original: [PublishedField]
    public let redacted: [PublishedField]
    /// What redaction found, per field key.
    public let findings: [String: [RedactionFinding]]
    /// SHA-256 (hex) of the decision document's content in the log — the sealed original.
    public let originalHash: String

    public var publishedHash: String { PublishedField.hash(redacted) }
    public var findingCount: Int { findings.values.reduce(0) { $0 + $1.count } }

    /// 救济途径 when the document names none (行政复议法 第二十条, 行政诉讼法 第四十六条).
    public static let standardRemedies = "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"

    public init(document: CaseDocument, of theCase: EnforcementCase, organisation: Organisation, parties: [CaseParty],
                decidedOn: CivilDate, extraTerms: [String] = [], originalHash: String) {
        let original = Self.fields(document: document, of: theCase, organisation: organisation, parties: parties, decidedOn: decidedOn)
        let redactor = Redactor(parties: parties, extraTerms: extraTerms, allowed: [organisation.name])
        var redacted: [PublishedField] = []
        var findings: [String: [RedactionFinding]] = [:]
        for field in original {
            guard !PublishedField.organisationsOwn.contains(field.key) else { redacted.append(field); continue }
            let result = redactor.redact(field.text)
            redacted.append(PublishedField(key: field.key, label: field.label, text: result.text))
            if !result.findings.isEmpty { findings[field.key] = result.findings }
        }
        self.original = original
        self.redacted = redacted
        self.findings = findings
        self.originalHash = originalHash
    }

    static func fields(document: CaseDocument, of theCase: EnforcementCase, organisation: Organisation, parties: [CaseParty],
                       decidedOn: CivilDate) -> [PublishedField] {
        let f = document.fields
        var out: [PublishedField] = []
        func add(_ key: String, _ label: String, _ text: String?) {
            guard let text = text?.trimmed, !text.isEmpty else { return }
            out.append(PublishedField(key: key, label: label, text: text))
        }
        add("number", "决定书文号", document.number)
        add("title", "案由", theCase.title)
        add("party", "当事人", parties.map(partyLine).joined(separator: "；"))
        add("category", "执法类别", theCase.category.chineseName)
        add("type", "决定类型", document.type.chineseName)
        switch document.type {
        case .penaltyDecision, .simpleDecision:
            add("facts", "违法事实", f[.facts])
            add("reasons", "处罚理由（裁量基准适用情况）", f[.discretion])
            add("basis", "处罚依据", f[.basis])
            let fine = f[.fine].flatMap { $0.isEmpty || document.terms.penaltyKinds.contains(.fine) ? nil : "罚款 \($0) 元" }
            add("decision", "处罚决定", [f[.penalty], fine].compactMap { $0 }.joined(separator: "；"))
        case .noPenaltyDecision:
            add("facts", "违法事实", f[.facts])
            add("basis", "不予处罚的依据", f[.basis])
            add("decision", "决定", "不予行政处罚")
        case .permitDecision:
            add("decision", "许可决定", (document.terms.result == .refused ? PermitResult.refused : .granted).chineseName + (f[.content].map { "：\($0)" } ?? ""))
        case .seizureDecision:
            add("decision", "行政强制措施及结论", ["查封（扣押）", f[.term].map { "期限：\($0)" }, f[.reason].map { "理由和依据：\($0)" }]
                .compactMap { $0 }.joined(separator: "；"))
        default:
            break
        }
        add("organisation", "执法机关", organisation.name)
        add("date", "决定日期", decidedOn.chinese)
        if document.type != .seizureDecision { add("remedies", "救济途径", f[.remedies] ?? standardRemedies) }
        return out
    }

    /// 当事人 as published: an organisation by name with its legal representative; a person by name (then redacted).
    static func partyLine(_ party: CaseParty) -> String {
        switch party.kind {
        case .organisation: party.name + (party.representative.map { "（法定代表人：\($0)）" } ?? "")
        case .person: party.name
        }
    }
}

extension Redactor {
    /// The redactor for a case: its natural persons' and legal representatives' names, and the
    /// persons' own ID numbers, addresses and phones as exact terms (PUB-8). `parties` unsealed.
    public init(parties: [CaseParty], extraTerms: [String] = [], allowed: [String] = []) {
        let persons = parties.filter { $0.kind == .person }
        let names = persons.map(\.name) + parties.compactMap(\.representative)
        let terms = persons.flatMap { [$0.idNumber, $0.address, $0.phone].compactMap { $0 } } + extraTerms
        self.init(personNames: names.filter { !$0.isEmpty }, personalTerms: terms.map(\.trimmed).filter { $0.count >= 2 }, allowed: allowed)
    }
}

extension PublishedField {
    /// The number, the organisation, the date and the kinds of decision are the organisation's
    /// own words: never redacted.
    static let organisationsOwn: Set<String> = ["number", "organisation", "date", "category", "type"]
}
