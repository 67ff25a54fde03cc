import Foundation
import Testing

/// Pages speak the law: headings, buttons and notices cite the statute and article, never our
/// internal rule IDs (those stay in code, tests, API error codes and the log).
@Suite struct PlainLawPagesTests {
    @Test("no page template shows an internal rule ID such as REC-5 or REV-1 (users read the law)")
    func noRuleIDsInTemplates() throws {
        let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SunlightServer/Resources/Views")
        let files = try #require(FileManager.default.enumerator(atPath: views.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".leaf") }
        #expect(files.count > 50, "the templates were found")
        let ruleID = try Regex(#"\b(REC|REV|PUB|SUP|STD|CAL)-[0-9]+"#)
        for file in files {
            let text = try String(contentsOf: views.appendingPathComponent(file), encoding: .utf8)
            let found = text.matches(of: ruleID).map { String(text[$0.range]) }
            #expect(found.isEmpty, "\(file) shows \(found)")
        }
    }
}
