@testable import SunlightCore
import Testing

/// Focused tests for the text rules of PUB-8: addresses, plates, e-mail, names.
@Suite("PUB-8 text rules")
struct TextRuleTests {
    let redactor = Redactor()

    @Test("PUB-8: an address keeps the administrative part up to the last suffix before the street")
    func addressKeepsAdministrativePart() throws {
        let text = "住云南省楚雄州元谋县元马镇龙川街23号3单元501室，"
        let finding = try #require(redactor.findings(in: text).first)
        #expect(finding.kind == .address)
        #expect(finding.original == "龙川街23号3单元501室")
        #expect(finding.offset == 13)
        #expect(redactor.text(text) == "住云南省楚雄州元谋县元马镇***，")
    }

    @Test("PUB-8: an address needs a house-level marker to be redacted")
    func addressNeedsHouseMarker() {
        #expect(redactor.findings(in: "住云南省楚雄州元谋县元马镇龙川街").isEmpty)
        #expect(redactor.findings(in: "元谋县人民政府").isEmpty)
    }

    @Test("PUB-8: look-alike suffixes such as 社区 and 小区 are not administrative")
    func lookAlikeSuffixes() {
        #expect(redactor.text("元马镇阳光小区3栋") == "元马镇***")
        #expect(redactor.text("元马镇能禹社区5组") == "元马镇***")
    }

    @Test("PUB-8: plates keep province and city letter; the mask has one star per character")
    func plateMask() {
        #expect(redactor.text("云E·A1234") == "云E·*****")
        #expect(redactor.text("云AD12345") == "云A******")
        #expect(redactor.findings(in: "云AD12345").map(\.kind) == [.plate])
    }

    @Test("PUB-8: an e-mail keeps the first character of the local part and the domain")
    func emailMask() {
        #expect(redactor.text("邮箱：zhangsan@example.com。") == "邮箱：z***@example.com。")
    }

    @Test("PUB-8: a name after a cue keeps the surname; a compound surname keeps two characters")
    func nameMask() {
        #expect(redactor.text("当事人张三，男") == "当事人张某某，男")
        #expect(redactor.text("负责人欧阳娜娜，女") == "负责人欧阳某某，女")
        #expect(Redactor(personNames: ["司马相如"]).text("司马相如") == "司马某某")
    }

    @Test("PUB-8: shop and company names that begin with a surname are never touched")
    func shopNamesStay() {
        for text in ["当事人：王记餐饮有限公司", "经营者李四季水果店", "当事人李宁体育用品店", "张家界旅行社",
                     "当事人王记餐饮（个体工商户）"] {
            #expect(redactor.findings(in: text).isEmpty, "\(text)")
        }
    }

    @Test("PUB-8: a known name occurring three times is redacted three times")
    func knownNameEverywhere() {
        let findings = Redactor(personNames: ["张三"]).findings(in: "张三、张三和张三")
        #expect(findings.map(\.offset) == [0, 3, 6])
        #expect(findings.allSatisfy { $0.kind == .personName && $0.replacement == "张某某" })
    }

    @Test("PUB-8: of two known names, the longer one wins where they overlap")
    func longerKnownNameWins() {
        let findings = Redactor(personNames: ["张三", "张三丰"]).findings(in: "张三丰")
        #expect(findings == [RedactionFinding(kind: .personName, original: "张三丰", replacement: "张某某", offset: 0)])
    }
}
