import Foundation
import SunlightCore

/// 清单 CSV — a public list written as CSV for Excel, and a CSV file read back into the records
/// ``ListImport`` checks (PUB-3).
public enum ListCSV {
    /// The list as CSV (UTF-8 with BOM, Chinese headers).
    public static func export(_ table: TextTable) -> String { CSV.document(table) }

    /// The records of a CSV file, or where it stops being CSV.
    public static func file(_ text: String) -> ListImport.File {
        do {
            return .records(try CSV.parse(text).map { ListImport.Record(line: $0.line, fields: $0.fields) })
        } catch let error as CSV.ParseError {
            return .unreadable(line: error.line, message: error.message)
        } catch {
            return .unreadable(line: 1, message: "无法读取文件")
        }
    }

    /// Reads and checks a whole file; any problem anywhere means nothing is imported.
    public static func read(_ text: String, kind: ListKind, defaultEffective: CivilDate,
                            knownEntries: Set<UUID>) -> (rows: [ListImport.Row], problems: [ListImport.Problem]) {
        ListImport.check(file(text), kind: kind, defaultEffective: defaultEffective, knownEntries: knownEntries)
    }
}
