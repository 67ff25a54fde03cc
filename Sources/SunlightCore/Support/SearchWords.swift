/// 检索词 — the words of a search box: split on white space, at most eight.
public enum SearchWords {
    public static func of(_ text: String) -> [String] {
        Array(text.split(whereSeparator: \.isWhitespace).map(String.init).prefix(8))
    }
}
