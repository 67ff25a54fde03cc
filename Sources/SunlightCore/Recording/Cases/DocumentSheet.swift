import Foundation

/// 文书版式 — a document as it is printed on A4 and filed in the case file (REC-6, REC-10): one
/// self-contained HTML page (no scripts, no external files), the same bytes for the staff
/// print view and the exported case file.
public struct DocumentSheet: Sendable {
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

    /// The whole page, A4, printable without anything else.
    public var html: String {
        var body = """
        <header><p class="issuer">\(Self.escape(organisation.name))</p><h1>\(Self.escape(document.type.chineseName))</h1>
        <p class="number">\(Self.escape(document.number ?? (document.status == .issued ? "" : "（\(document.status.chineseName)，未编号）")))</p></header>
        <table class="case"><tr><th>案号</th><td>\(Self.escape(enforcementCase.number))</td><th>案由</th><td>\(Self.escape(enforcementCase.title))</td></tr>
        """
        for party in parties {
            let id = party.idNumber.map { "　\(party.kind == .person ? "身份证号" : "统一社会信用代码")：\(Self.escape($0))" } ?? ""
            let address = party.address.map { "　住所：\(Self.escape($0))" } ?? ""
            let representative = party.representative.map { "　法定代表人：\(Self.escape($0))" } ?? ""
            body += "<tr><th>当事人</th><td colspan=\"3\">\(Self.escape(party.name))\(id)\(representative)\(address)</td></tr>\n"
        }
        body += "</table>\n<dl>\n"
        for field in document.type.fields {
            guard let value = document.fields[field.key], !value.isEmpty else { continue }
            body += "<dt>\(Self.escape(field.label))</dt><dd>\(Self.paragraphs(field.display(value)))</dd>\n"
        }
        if document.terms.exceedsDiscretion {
            body += "<dt>提示</dt><dd><p>罚款超出裁量基准，理由已写明，须经法制审核（STD-3）</p></dd>\n"
        }
        body += "</dl>\n<footer>"
        if let by = document.draftedBy { body += "<p>承办人：\(Self.escape(names[by] ?? "—"))</p>" }
        if let signer = document.signedBy {
            body += "<p>\(document.type.signedByHead ? "负责人签发" : "核对人")：\(Self.escape(names[signer] ?? "—"))</p>"
        }
        body += "<p class=\"issuer\">\(Self.escape(organisation.name))</p>"
        body += "<p class=\"date\">\(Self.escape(document.issuedOn?.chinese ?? "（未出具）"))</p>"
        if document.corrects != nil { body += "<p class=\"note\">本文书更正此前出具的同类文书，原文书保留在案卷中（REC-5）。</p>" }
        body += "</footer>"
        return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <title>\(Self.escape(document.type.chineseName)) \(Self.escape(document.number ?? enforcementCase.number))</title>
        <style>\(Self.style)</style></head>
        <body><article class="sheet">
        \(body)
        </article></body></html>

        """
    }

    static let style = """
    @page { size: A4; margin: 25mm 26mm 25mm 28mm; }
    body { font-family: "FangSong", "STFangsong", "WenQuanYi Micro Hei", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.6; color: #000; margin: 0; }
    .sheet { max-width: 156mm; margin: 0 auto; padding: 8mm 0; }
    header { text-align: center; margin-bottom: 6mm; }
    header .issuer { font-size: 18pt; margin: 0; letter-spacing: .1em; }
    h1 { font-family: "SimHei", "WenQuanYi Micro Hei", sans-serif; font-size: 22pt; margin: 2mm 0; letter-spacing: .2em; }
    .number { text-align: right; margin: 0; }
    table.case { width: 100%; border-collapse: collapse; font-size: 12pt; margin-bottom: 4mm; }
    table.case th, table.case td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
    table.case th { width: 14mm; white-space: nowrap; font-weight: normal; }
    dl { margin: 0; } dt { font-weight: bold; margin-top: 3mm; } dd { margin: 0 0 0 2em; } dd p { margin: 0; text-indent: 0; }
    footer { margin-top: 12mm; text-align: right; } footer p { margin: 1mm 0; } .note { font-size: 11pt; text-align: left; }
    @media screen { body { background: #eee; } .sheet { background: #fff; padding: 20mm 24mm; margin: 8mm auto; box-shadow: 0 0 4px #999; } }
    """

    /// Text as HTML, each line a paragraph.
    static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "<p>\(escape(String($0)))</p>" }.joined()
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
