/// 表格 — a header and rows of text cells: what an export (statistics, an inspection, a public
/// list) contains before `SunlightRendering` writes it as CSV for Excel.
public struct TextTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}
