/// HTML 转义 — the one escaper for text put into HTML, XML and SVG: `&`, `<`, `>`, `"` and `'`
/// become entities, so a value can stand in element content and in a quoted attribute.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
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

    /// Text as HTML, each line a paragraph.
    public static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "<p>\(escape(String($0)))</p>" }.joined()
    }
}
