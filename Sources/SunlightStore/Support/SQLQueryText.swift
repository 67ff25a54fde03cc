import SQLKit

/// 手写查询的片段 — the pieces the hand-written queries share.
enum SQLQueryText {
    /// A LIKE pattern matching `word` anywhere, with `\`, `%` and `_` escaped; use it with `ESCAPE '\'`.
    static func containing(_ word: String) -> String {
        "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}

extension SQLQueryString {
    /// Appends `(?, ?, …)`, one bound value each.
    mutating func appendList(_ values: [some Encodable & Sendable]) {
        appendLiteral("(")
        for (index, value) in values.enumerated() {
            if index > 0 { appendLiteral(", ") }
            appendInterpolation(bind: value)
        }
        appendLiteral(")")
    }
}
