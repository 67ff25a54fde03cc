import Foundation
import SunlightCore

extension DocumentSheet {
    /// The whole page, A4, printable without anything else: no scripts, no external files.
    /// The case file signs these bytes (REC-10).
    public var html: String {
        func e(_ text: String) -> String { HTML.escape(text) }
        var body = """
        <header><p class="issuer">\(e(organisation.name))</p><h1>\(e(document.type.chineseName))</h1>
        <p class="number">\(e(numberLine))</p></header>
        <table class="case"><tr><th>案号</th><td>\(e(enforcementCase.number))</td><th>案由</th><td>\(e(enforcementCase.title))</td></tr>
        """
        for party in parties {
            let id = party.idNumber.map { "　\(party.kind == .person ? "身份证号" : "统一社会信用代码")：\(e($0))" } ?? ""
            let address = party.address.map { "　住所：\(e($0))" } ?? ""
            let representative = party.representative.map { "　法定代表人：\(e($0))" } ?? ""
            body += "<tr><th>当事人</th><td colspan=\"3\">\(e(party.name))\(id)\(representative)\(address)</td></tr>\n"
        }
        body += "</table>\n<dl>\n"
        for entry in entries + notices {
            body += "<dt>\(e(entry.label))</dt><dd>\(HTML.paragraphs(entry.text))</dd>\n"
        }
        body += "</dl>\n<footer>"
        if let drafter { body += "<p>承办人：\(e(drafter))</p>" }
        if let signature { body += "<p>\(signature.label)：\(e(signature.text))</p>" }
        body += "<p class=\"issuer\">\(e(organisation.name))</p>"
        body += "<p class=\"date\">\(e(dateLine))</p>"
        if let correctionNote { body += "<p class=\"note\">\(e(correctionNote))</p>" }
        body += "</footer>"
        return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <title>\(e(document.type.chineseName)) \(e(document.number ?? enforcementCase.number))</title>
        <style>\(SheetStyle.a4)</style></head>
        <body><article class="sheet">
        \(body)
        </article></body></html>

        """
    }
}

/// 版式 — the A4 style shared by the document pages and the case file's contents page.
enum SheetStyle {
    static let a4 = """
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
}
