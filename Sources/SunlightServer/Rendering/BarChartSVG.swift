import Foundation
import SunlightRendering

/// 统计图 — a horizontal bar chart drawn on the server as SVG (REC-12): no script, no external
/// service, readable by screen readers through its title and a description that lists every
/// value, and scaling to the width of a phone.
enum BarChartSVG {
    struct Bar {
        let label: String
        let value: Double
        /// The value as printed at the end of the bar, e.g. `3 件`.
        let text: String
    }

    static func render(id: String, title: String, bars: [Bar]) -> String {
        let width = 640, labelWidth = 190, valueWidth = 80, rowHeight = 30, top = 44, barHeight = 18
        let plot = width - labelWidth - valueWidth - 16
        let height = top + max(bars.count, 1) * rowHeight + 12
        let maximum = max(bars.map(\.value).max() ?? 0, 1)
        let description = bars.isEmpty ? "无数据" : bars.map { "\($0.label) \($0.text)" }.joined(separator: "；")
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(width) \(height)" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif">
            <title id="\(id)-title">\(HTML.escape(title))</title>
            <desc id="\(id)-desc">\(HTML.escape(description))</desc>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="0" y="24" font-size="18" font-weight="bold" fill="#1f2933">\(HTML.escape(title))</text>

            """
        if bars.isEmpty {
            svg += "<text x=\"\(width / 2)\" y=\"\(top + 18)\" text-anchor=\"middle\" font-size=\"15\" fill=\"#52606d\">本期间没有数据</text>\n"
        }
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            let length = bar.value <= 0 ? 0 : max(2, Int((bar.value / maximum * Double(plot)).rounded()))
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"14\" fill=\"#1f2933\">\(HTML.escape(shorten(bar.label)))</text>\n"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" rx=\"3\" fill=\"#b4232a\"/>\n"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 14)\" font-size=\"14\" fill=\"#1f2933\">\(HTML.escape(bar.text))</text>\n"
        }
        svg += "<line x1=\"\(labelWidth)\" y1=\"\(top - 6)\" x2=\"\(labelWidth)\" y2=\"\(height - 8)\" stroke=\"#9aa5b1\" stroke-width=\"1\"/>\n"
        return svg + "</svg>\n"
    }

    /// Long labels are cut so they fit the label column; the description keeps them whole.
    static func shorten(_ label: String) -> String { label.count > 12 ? String(label.prefix(11)) + "…" : label }

}
