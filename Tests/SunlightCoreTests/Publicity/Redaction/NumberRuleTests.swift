@testable import SunlightCore
import Testing

/// Focused tests for the number rules of PUB-8: ID cards, bank cards, phones.
@Suite("PUB-8 number rules")
struct NumberRuleTests {
    let redactor = Redactor()

    private func kinds(_ text: String) -> [RedactionFinding.Kind] {
        redactor.findings(in: text).map(\.kind)
    }

    @Test("PUB-8: every ID number used as valid in the corpus has a computed, correct check character")
    func corpusIDsAreComputed() {
        for id in TestNumbers.validIDs {
            #expect(TestNumbers.id(String(id.prefix(17))) == id.uppercased(), "\(id)")
            #expect(kinds(id) == [.idCard], "\(id)")
        }
        #expect(TestNumbers.id(String(TestNumbers.impossibleDateID.prefix(17))) == TestNumbers.impossibleDateID)
        #expect(TestNumbers.id(String(TestNumbers.badChecksumID.prefix(17))) != TestNumbers.badChecksumID)
    }

    @Test("PUB-8: corpus card numbers pass or fail Luhn as the corpus assumes")
    func corpusCardsLuhn() {
        for card in TestNumbers.luhnCards { #expect(TestNumbers.passesLuhn(card), "\(card)") }
        #expect(!TestNumbers.passesLuhn(TestNumbers.luhnFailing))
    }

    @Test("PUB-8: an ID keeps the first 6 and last 4 characters and masks the birth date with 8 stars")
    func idMaskShape() throws {
        let finding = try #require(redactor.findings(in: "身份证号：532328199003071234").first)
        #expect(finding == RedactionFinding(kind: .idCard, original: "532328199003071234",
                                            replacement: "532328********1234", offset: 5))
    }

    @Test("PUB-8: an ID number inside a longer digit run is reported as a bank number, not an ID")
    func idInsideLongerRun() {
        #expect(kinds("53232819900307123456") == [.bankCard])
        #expect(kinds("9532328199003071234") == [.bankCard])
    }

    @Test("PUB-8: an 18-digit number with a bad checksum is masked as bankCard, or as idCard after an ID cue")
    func badChecksum() {
        #expect(kinds(TestNumbers.badChecksumID) == [.bankCard])
        #expect(kinds("身份证号" + TestNumbers.badChecksumID) == [.idCard])
        #expect(kinds(TestNumbers.impossibleDateID) == [.bankCard])
    }

    @Test("PUB-8: lowercase and uppercase X are both accepted as the ID check character")
    func checkCharacterCase() {
        #expect(kinds("11010519491231002X") == [.idCard])
        #expect(kinds("11010519491231002x") == [.idCard])
    }

    @Test("PUB-8: a 16-digit number is a bank number only with Luhn or a bank cue within 12 characters")
    func sixteenDigits() {
        #expect(kinds(TestNumbers.luhnFailing).isEmpty)
        #expect(kinds("账号" + TestNumbers.luhnFailing) == [.bankCard])
        #expect(kinds("账号另见附件，本案文书内部编号为" + TestNumbers.luhnFailing).isEmpty)
        #expect(kinds("6217000012345670") == [.bankCard])
    }

    @Test("PUB-8: mobile numbers keep the first 3 and last 4 digits and any country prefix")
    func mobileMask() {
        #expect(redactor.text("138 0013 8000") == "138****8000")
        #expect(redactor.text("+86-138-0013-8000") == "+86-138****8000")
        #expect(kinds("+86 13800138000") == [.mobile])
    }

    @Test("PUB-8: a phone number inside an 18-digit run is not a mobile number")
    func mobileInsideLongRun() {
        #expect(kinds("138001380001234567") == [.bankCard])
        #expect(kinds("2138001380001").isEmpty)
    }

    @Test("PUB-8: landlines keep the area code, including brackets, and mask every other digit")
    func landlineMask() {
        #expect(redactor.text("（0878）8212345") == "（0878）*******")
        #expect(redactor.text("(010) 87654321") == "(010) ********")
        #expect(kinds("0878-8212345") == [.landline])
    }

    @Test("PUB-8: 400 and 800 service numbers are not personal and stay")
    func serviceNumbers() {
        #expect(kinds("服务电话4008123456").isEmpty)
        #expect(kinds("电话：800-820-8820").isEmpty)
    }
}
