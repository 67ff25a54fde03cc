import SunlightCore
import SunlightRendering

/// 流程图 — draws a procedure's stages (the definitions the system runs, REC-1) as an SVG
/// flowchart for the portal (PUB-5): one box per stage, optional stages dashed, time limits
/// under the names. Nothing is drawn by hand, so the chart cannot drift from the procedure.
enum FlowchartSVG {
    static func render(_ category: EnforcementCategory) -> String {
        let stages = Procedures.stages(for: category)
        let width = 640, boxWidth = 360, boxHeight = 62, gap = 30, top = 56
        let height = top + stages.count * (boxHeight + gap) + 10
        let x = (width - boxWidth) / 2
        var body = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
            role="img" aria-label="\(HTML.escape(category.chineseName))流程图" font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(width / 2)" y="32" text-anchor="middle" font-size="22" font-weight="bold" fill="#1f2933">\(HTML.escape(category.chineseName))流程图</text>
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto">\
            <path d="M0,0 L10,5 L0,10 z" fill="#52606d"/></marker></defs>

            """
        for (index, stage) in stages.enumerated() {
            let y = top + index * (boxHeight + gap)
            let dash = stage.optional ? " stroke-dasharray=\"6 4\"" : ""
            body += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(boxWidth)\" height=\"\(boxHeight)\" rx=\"10\" fill=\"\(stage.optional ? "#f5f7fa" : "#fde8e8")\" stroke=\"#b4232a\" stroke-width=\"2\"\(dash)/>\n"
            let name = stage.optional ? "\(stage.name)（视情形）" : stage.name
            body += "<text x=\"\(width / 2)\" y=\"\(y + 26)\" text-anchor=\"middle\" font-size=\"18\" fill=\"#1f2933\">\(index + 1). \(HTML.escape(name))</text>\n"
            if let note = stage.note {
                body += "<text x=\"\(width / 2)\" y=\"\(y + 48)\" text-anchor=\"middle\" font-size=\"13\" fill=\"#52606d\">\(HTML.escape(note))</text>\n"
            }
            if index < stages.count - 1 {
                body += "<line x1=\"\(width / 2)\" y1=\"\(y + boxHeight)\" x2=\"\(width / 2)\" y2=\"\(y + boxHeight + gap - 2)\" stroke=\"#52606d\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>\n"
            }
        }
        return body + "</svg>\n"
    }

}
