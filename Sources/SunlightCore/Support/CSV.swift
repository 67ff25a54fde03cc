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
