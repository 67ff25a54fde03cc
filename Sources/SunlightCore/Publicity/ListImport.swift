import Foundation

/// 清单导入导出 — a list as a table for Excel: Chinese headers (the field labels), plus 编号
/// (the entry, empty for a new one) and 生效日期; and a table read back, checked row by row.
/// `SunlightRendering.ListCSV` writes and parses the CSV file.
public enum ListImport {
    public static let entryColumn = "编号"
    public static let effectiveColumn = "生效日期"

    /// One problem in an imported file, located.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let column: String?
        public let message: String
        public var description: String { "第 \(line) 行" + (column.map { "“\($0)”列" } ?? "") + "：\(message)" }
    }

    /// A row that passed every check.
    public struct Row: Sendable {
        public let line: Int
        public let entryID: UUID?
        public let effectiveFrom: CivilDate
        public let fields: [String: String]
    }

    /// One record of an imported file and the line it starts on (1 is the first line).
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// An imported file: its records, or why it cannot be read at all.
    public enum File: Sendable, Equatable {
        case records([Record])
        case unreadable(line: Int, message: String)
    }

    /// The entries as a table, one row each.
    public static func table(_ kind: ListKind, entries: [ListEntryVersion]) -> TextTable {
        let schema = kind.schema
        return TextTable(header: [entryColumn, effectiveColumn] + schema.fields.map(\.label),
                            rows: entries.map { entry in
                                [entry.entryID.uuidString.lowercased(), entry.effectiveFrom.iso]
                                    + schema.fields.map { $0.display(entry.fields[$0.key] ?? "") }
                            })
    }

    /// Checks a whole file; any problem anywhere means nothing is imported.
    public static func check(_ file: File, kind: ListKind, defaultEffective: CivilDate,
                             knownEntries: Set<UUID>) -> (rows: [Row], problems: [Problem]) {
        let schema = kind.schema
        let parsed: [Record]
        switch file {
        case .records(let records): parsed = records
        case .unreadable(let line, let message): return ([], [Problem(line: line, column: nil, message: message)])
        }
        guard let header = parsed.first else { return ([], [Problem(line: 1, column: nil, message: "文件是空的")]) }
        var columns: [String: Int] = [:]
        var problems: [Problem] = []
        for (index, name) in header.fields.enumerated() {
            let name = name.trimmed
            guard !name.isEmpty else { continue }
            let key = name == entryColumn || name == effectiveColumn ? name
                : schema.fields.first { $0.label == name || $0.key == name }?.key
            guard let key else {
                problems.append(Problem(line: header.line, column: name, message: "不是\(kind.chineseName)的列"))
                continue
            }
            if columns[key] != nil { problems.append(Problem(line: header.line, column: name, message: "列重复")) }
            columns[key] = index
        }
        for field in schema.fields where field.required && columns[field.key] == nil {
            problems.append(Problem(line: header.line, column: field.label, message: "缺少此列"))
        }
        guard problems.isEmpty else { return ([], problems) }
        guard parsed.count > 1 else { return ([], [Problem(line: header.line, column: nil, message: "除表头外没有任何数据行")]) }

        var rows: [Row] = []
        var seen = Set<UUID>()
        for record in parsed.dropFirst() {
            func cell(_ key: String) -> String? { columns[key].flatMap { $0 < record.fields.count ? record.fields[$0] : nil } }
            if record.fields.count > header.fields.count {
                problems.append(Problem(line: record.line, column: nil, message: "字段数（\(record.fields.count)）多于表头（\(header.fields.count)）"))
                continue
            }
            var entryID: UUID?
            if let text = cell(entryColumn)?.trimmed, !text.isEmpty {
                if let id = UUID(uuidString: text), knownEntries.contains(id) {
                    entryID = id
                    if !seen.insert(id).inserted { problems.append(Problem(line: record.line, column: entryColumn, message: "同一条目在文件中出现两次")) }
                } else {
                    problems.append(Problem(line: record.line, column: entryColumn, message: "不是本清单已有条目的编号（新条目请留空）"))
                }
            }
            var effective = defaultEffective
            if let text = cell(effectiveColumn)?.trimmed, !text.isEmpty {
                if let date = CivilDate(iso: text) { effective = date } else {
                    problems.append(Problem(line: record.line, column: effectiveColumn, message: "日期格式应为 YYYY-MM-DD"))
                }
            }
            var values: [String: String] = [:]
            for field in schema.fields { values[field.key] = cell(field.key) }
            let (clean, fieldProblems) = schema.validate(values)
            problems += fieldProblems.map { Problem(line: record.line, column: $0.label, message: $0.message) }
            rows.append(Row(line: record.line, entryID: entryID, effectiveFrom: effective, fields: clean))
        }
        return problems.isEmpty ? (rows, []) : ([], problems)
    }
}
