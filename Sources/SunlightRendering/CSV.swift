import Foundation
import SunlightCore

/// CSV that opens correctly in Excel: UTF-8 with a byte-order mark, CRLF line ends, every
/// field quoted when it needs to be, and formula-looking cells neutralised.
public enum CSV {
    /// The UTF-8 byte-order mark Excel needs to read Chinese correctly.
    public static let byteOrderMark = "\u{FEFF}"

    /// A whole document: BOM, header row, data rows.
    public static func document(header: [String], rows: [[String]]) -> String {
        var text = byteOrderMark
        text += line(header)
        for row in rows { text += line(row) }
        return text
    }

    /// A table as a whole document.
    public static func document(_ table: TextTable) -> String {
        document(header: table.header, rows: table.rows)
    }

    /// One line, ending in CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    /// Quotes a field if needed; a leading `=`, `+`, `-` or `@` is prefixed with `'` so that a
    /// spreadsheet never runs it as a formula (CSV injection).
    public static func escape(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CSV {
    /// One record of a CSV file and the line it starts on (1 is the first line of the file).
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    /// A file that is not CSV at all.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "第 \(line) 行：\(message)" }
    }

    /// Parses RFC 4180 CSV as Excel writes it: an optional byte-order mark, commas, CRLF or LF,
    /// quoted fields with doubled quotes, line breaks inside quotes. Blank lines are skipped.
    public static func parse(_ text: String) throws -> [Row] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var quotedField = false
        var i = 0
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            quotedField = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
            } else {
                switch c {
                case "\"":
                    guard field.isEmpty, !quotedField else { throw ParseError(line: line, message: "引号位置不正确（字段内的引号应写成两个引号）") }
                    inQuotes = true
                    quotedField = true
                case ",":
                    endField()
                case "\r":
                    break
                case "\n":
                    endRow()
                    line += 1
                    rowLine = line
                default:
                    guard !quotedField else { throw ParseError(line: line, message: "引号后面只能是逗号或换行") }
                    field.append(c)
                }
            }
            i += 1
        }
        if inQuotes { throw ParseError(line: rowLine, message: "引号没有闭合") }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
