import Foundation

/// 文书版式 — what a document shows when it is printed on A4 and filed in the case file
/// (REC-6, REC-10): the issuer, the case, the parties, the filled-in fields, the notices, who
/// drafted and signed it, and the date. Core keeps the values; `SunlightRendering` writes the
/// one self-contained HTML page (the same bytes for the staff print view and the case file).
public struct DocumentSheet: Sendable {
    /// One labelled line of the sheet: a filled-in field, a notice, a signature.
    public struct Entry: Sendable, Equatable {
        public let label: String
        public let text: String
    }

    public let document: CaseDocument
    public let enforcementCase: EnforcementCase
    public let organisation: Organisation
    /// Parties as their readers see them (unsealed).
    public let parties: [CaseParty]
    /// Who drafted and signed, by ID.
    public let names: [StaffUser.ID: String]

    public init(document: CaseDocument, enforcementCase: EnforcementCase, organisation: Organisation, parties: [CaseParty],
                names: [StaffUser.ID: String]) {
        self.document = document
        self.enforcementCase = enforcementCase
        self.organisation = organisation
        self.parties = parties
        self.names = names
    }

    /// The file name in the case file: `03-行政处罚事先告知书-元市监罚告〔2026〕1号.html`.
    public var filename: String {
        let number = document.number.map { "-\($0)" } ?? ""
        return "\(String(format: "%02d", document.type.fileOrder + 1))-\(document.type.chineseName)\(number)-\(document.id.uuidString.prefix(8).lowercased()).html"
    }

    /// The line under the title: the number, or the status while there is none.
    public var numberLine: String {
        document.number ?? (document.status == .issued ? "" : "（\(document.status.chineseName)，未编号）")
    }

    /// The filled-in fields in the type's order, as printed.
    public var entries: [Entry] {
        document.type.fields.compactMap { field in
            guard let value = document.fields[field.key], !value.isEmpty else { return nil }
            return Entry(label: field.label, text: field.display(value))
        }
    }

    /// Remarks printed after the fields.
    public var notices: [Entry] {
        var notices: [Entry] = []
        if document.terms.exceedsDiscretion {
            notices.append(Entry(label: "提示", text: "罚款超出裁量基准，理由已写明，须经法制审核（依据《中华人民共和国行政处罚法》第三十四条）"))
        }
        return notices
    }

    /// 承办人, if the drafter is recorded.
    public var drafter: String? { document.draftedBy.map { names[$0] ?? "—" } }

    /// 负责人签发 or 核对人, and the name, once signed.
    public var signature: Entry? {
        document.signedBy.map { Entry(label: document.type.signedByHead ? "负责人签发" : "核对人", text: names[$0] ?? "—") }
    }

    /// The date line: the day issued, in Chinese.
    public var dateLine: String { document.issuedOn?.chinese ?? "（未出具）" }

    /// The note on a document that corrects an earlier one (REC-5).
    public var correctionNote: String? {
        document.corrects == nil ? nil : "本文书更正此前出具的同类文书，原文书保留在案卷中（依据国办发〔2018〕118号）。"
    }
}
