import Foundation
import SunlightCore
@testable import SunlightRendering
import Testing

/// The CSV codec and the list import read through it (PUB-3), moved here from the Core tests
/// with the codec.
@Suite("CSV 与清单导入 PUB-3")
struct CSVTests {
    @Test("CSV: BOM, quotes, doubled quotes, line breaks in quotes, CRLF; broken quoting is refused with its line")
    func parseCSV() throws {
        let rows = try CSV.parse("\u{FEFF}a,b,c\r\n1,\"x,y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",3\n")
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(rows[1].fields == ["1", "x,y", "say \"hi\""])
        #expect(rows[2].fields == ["2", "two\nlines", "3"])
        #expect(throws: CSV.ParseError(line: 2, message: "引号没有闭合")) { try CSV.parse("a\n\"open,b\n") }
        #expect(throws: CSV.ParseError.self) { try CSV.parse("a\nx\"y\n") }
        let round = CSV.document(header: ["名称", "=SUM(A1)"], rows: [["元谋, 县", "说\"明\""]])
        #expect(try CSV.parse(round).map(\.fields) == [["名称", "'=SUM(A1)"], ["元谋, 县", "说\"明\""]])
    }

    @Test("PUB-3: a CSV with any bad row imports nothing and names every problem by line and column")
    func importProblems() {
        let csv = """
            编号,生效日期,主体名称,机构性质,经费来源,编制情况,主体类别,职责职权,法定代表人,办公地址,投诉电话
            ,2026-12-01,元谋县档案局,行政机关,财政全额拨款,行政编制 8 名,法定,档案监督检查,周军,元马镇,0878-8211111
            ,2026-13-01,元谋县档案局二,行政机关,财政全额拨款,行政编制 8 名,法人,档案监督检查,周军,元马镇,0878
            \(UUID().uuidString),,元谋县档案局三,行政机关,财政全额拨款,行政编制 8 名,法定,,周军,元马镇,0878
            """
        let (rows, problems) = ListCSV.read(csv, kind: .subject, defaultEffective: CivilDate(iso: "2026-11-23")!, knownEntries: [])
        #expect(rows.isEmpty)
        #expect(problems.map(\.description) == [
            "第 3 行“生效日期”列：日期格式应为 YYYY-MM-DD",
            "第 3 行“主体类别”列：应为以下之一：法定、授权、委托",
            "第 4 行“编号”列：不是本清单已有条目的编号（新条目请留空）",
            "第 4 行“职责职权”列：不能为空",
        ])
        let missing = ListCSV.read("名称\n甲\n", kind: .subject, defaultEffective: CivilDate(iso: "2026-11-23")!, knownEntries: [])
        #expect(missing.problems.first?.description == "第 1 行“名称”列：不是主体资格清单的列")
    }
}
