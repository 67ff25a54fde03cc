import Foundation
import SunlightCore

extension CaseFileContents {
    /// The contents page, A4 like the documents (`index.html`); the case file signs these bytes.
    public var html: String {
        func e(_ text: String) -> String { HTML.escape(text) }
        func name(_ id: StaffUser.ID?) -> String { id.flatMap { detail.names[$0] } ?? "—" }
        let theCase = detail.enforcementCase
        let closed = detail.events.last { $0.kind == .closed }?.on
        var rows = """
        <tr><th>案号</th><td>\(e(theCase.number))</td><th>案由</th><td>\(e(theCase.title))</td></tr>
        <tr><th>执法机关</th><td>\(e(detail.organisation.name))</td><th>类别</th><td>\(e(theCase.category.chineseName))\(theCase.simple ? "（简易程序）" : "")</td></tr>
        <tr><th>立案日期</th><td>\(e(theCase.openedOn.chinese))</td><th>结案日期</th><td>\(e(closed?.chinese ?? "—"))</td></tr>
        <tr><th>状态</th><td>\(e(theCase.status.chineseName))</td><th>保管期限</th><td>\(e(retention.chineseName))</td></tr>
        """
        for party in detail.parties {
            rows += "<tr><th>当事人</th><td colspan=\"3\">\(e(party.name))（\(e(party.kind.chineseName))）\(e(party.idNumber.map { "　\($0)" } ?? ""))</td></tr>\n"
        }
        let officers = detail.officers.map { officer in
            officer.user.displayName + (officer.assignment.isActive ? "" : "（\(officer.assignment.removalReason.map { "回避：\($0)" } ?? "已退出")）")
        }
        rows += "<tr><th>承办人员</th><td colspan=\"3\">\(e(officers.joined(separator: "、")))</td></tr>\n"

        var documents = ""
        let ordered = detail.documents.filter { documentPaths[$0.id] != nil }
            .sorted { documentPaths[$0.id]! < documentPaths[$1.id]! }
        for (index, document) in ordered.enumerated() {
            let path = documentPaths[document.id]!
            documents += "<tr><td>\(index + 1)</td><td><a href=\"\(e(path))\">\(e(document.type.chineseName))</a></td><td>\(e(document.number ?? "—"))</td>"
                + "<td>\(e(document.issuedOn?.iso ?? "—"))</td><td>\(e(document.type.retention.chineseName))</td></tr>\n"
        }
        var evidence = ""
        for (index, item) in detail.evidence.enumerated() {
            let file = item.fileID.flatMap { id in mediaPaths[id].map { "<a href=\"\(e($0))\">\(e(detail.files[id]?.filename ?? "文件"))</a>" } } ?? "—"
            let copy = item.original ? "原件" : (item.copyVerified ? "复制件（经核对与原件无误）" : "复制件")
            evidence += "<tr><td>\(index + 1)</td><td>\(e(item.kind.chineseName))</td><td>\(e(item.description))</td><td>\(e(item.source))</td>"
                + "<td>\(copy)</td><td>\(e(item.confirmedBy ?? "—")) \(e(item.confirmedOn?.iso ?? ""))</td><td>\(file)</td></tr>\n"
        }
        var course = ""
        for event in detail.events {
            let stage = event.stage.flatMap { code in theCase.stages.first { $0.code == code }?.name } ?? ""
            course += "<tr><td>\(e(event.on.iso))</td><td>\(e(event.kind.chineseName))</td><td>\(e(stage))</td><td>\(e(name(event.by)))</td>"
                + "<td>\(e(event.note ?? ""))</td></tr>\n"
        }
        var interference = ""
        for record in detail.interference {
            interference += "<tr><td>\(e(record.occurredOn.iso))</td><td>\(e(record.source))</td><td>\(e(record.means))</td><td>\(e(record.content))</td></tr>\n"
        }
        return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(e(theCase.number)) 卷内目录</title>
        <style>\(SheetStyle.a4)
        table.list { width: 100%; border-collapse: collapse; font-size: 11pt; margin: 2mm 0 6mm; }
        table.list th, table.list td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
        h2 { font-size: 15pt; margin: 6mm 0 2mm; } code { font-size: 9pt; word-break: break-all; }
        </style></head>
        <body><article class="sheet">
        <header><p class="issuer">\(e(detail.organisation.name))</p><h1>行政执法案卷</h1></header>
        <table class="case">\(rows)</table>
        <h2>卷内文件目录</h2>
        <table class="list"><tr><th>序号</th><th>文书</th><th>文号</th><th>日期</th><th>保管期限</th></tr>
        \(documents.isEmpty ? "<tr><td colspan=\"5\">（尚无已出具的文书）</td></tr>" : documents)</table>
        <h2>证据目录</h2>
        <table class="list"><tr><th>序号</th><th>种类</th><th>名称及内容</th><th>来源</th><th>原件/复制件</th><th>当事人确认</th><th>文件</th></tr>
        \(evidence.isEmpty ? "<tr><td colspan=\"7\">（无）</td></tr>" : evidence)</table>
        <h2>办案过程</h2>
        <table class="list"><tr><th>日期</th><th>事项</th><th>环节</th><th>办理人</th><th>说明</th></tr>\(course)</table>
        <h2>干预记录</h2>
        <table class="list"><tr><th>日期</th><th>干预单位或个人</th><th>方式</th><th>内容</th></tr>
        \(interference.isEmpty ? "<tr><td colspan=\"4\">（无）</td></tr>" : interference)</table>
        <h2>核验</h2>
        <p>本案卷的每一份文件都列在 manifest.json 中，附 SHA-256；清单的哈希由本机关的日志密钥签名（manifest.sig）。
        每条记录的每一次变更都附有日志叶子内容和包含证明（records/、proofs/），指向签名检查点（大小 \(checkpoint.size)）。</p>
        <p>验证公钥：<code>\(e(verifierKey))</code></p>
        <p>导出：\(e(LedgerTime.text(exportedAt)))，\(e(exportedBy))</p>
        </article></body></html>

        """
    }
}
