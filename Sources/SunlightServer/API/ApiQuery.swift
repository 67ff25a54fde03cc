import SunlightCore
import Vapor

/// The API's query parameters, read strictly: a parameter that is present must be valid.
///
/// Pages read their forms leniently (an empty date field means "any date"); an API caller who
/// sends `?to=` or `?limit=99999` made a mistake and is told so with 400, never served as if the
/// parameter were absent or silently clamped (issue 15 item 13).
extension Request {
    /// A civil date (`YYYY-MM-DD`) in the query: `nil` when absent; 400 when empty or malformed.
    func civilDate(query name: String) throws -> CivilDate? {
        guard let text = query[String.self, at: name] else { return nil }
        guard !text.isEmpty else {
            throw SunlightError.invalid(name, "\(name) 不能为空：应为 YYYY-MM-DD 格式的日期；不限日期时请省略该参数")
        }
        guard let date = CivilDate(iso: text) else { throw SunlightError.invalid(name, "\(name) 应为 YYYY-MM-DD 格式的日期") }
        return date
    }

    /// `limit`: `fallback` when absent; 400 unless an integer from 1 to `maximum`.
    func limit(default fallback: Int, maximum: Int) throws -> Int {
        try integer(query: "limit", default: fallback, in: 1...maximum)
    }

    /// `offset`: 0 when absent; 400 unless a whole number of rows to skip.
    func offset() throws -> Int {
        try integer(query: "offset", default: 0, in: 0...1_000_000)
    }

    private func integer(query name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = query[String.self, at: name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw SunlightError.invalid(name, "\(name) 应为 \(range.lowerBound)–\(range.upperBound) 之间的整数")
        }
        return value
    }
}
