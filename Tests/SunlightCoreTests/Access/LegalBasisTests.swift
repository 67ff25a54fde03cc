import SunlightCore
import Testing

/// Refusals speak the law, not our rule IDs (issue 14: users read the law).
@Suite struct LegalBasisTests {
    @Test("REV-1: a refusal cites 《中华人民共和国行政处罚法》第五十八条, and never the rule ID")
    func refusalCitesTheStatute() {
        let refusal = SunlightError(.ruleViolation, code: "review.missing", "法制审核通过前不得作出决定", rule: .rev1)
        #expect(refusal.description == "法制审核通过前不得作出决定（依据《中华人民共和国行政处罚法》第五十八条）")
        #expect(!refusal.description.contains("REV-1"))
        #expect(refusal.rule == .rev1, "the ID stays for the API's error code and the log")
    }

    @Test("REC-7, REV-7, STD-4: the articles of the law that decide them")
    func articles() {
        #expect(RuleID.rec7.legalBasis == "《中华人民共和国行政处罚法》第四十二条")
        #expect(RuleID.rev7.legalBasis == "《中华人民共和国行政处罚法》第五十七条第二款")
        #expect(RuleID.std4.legalBasis == "《中华人民共和国行政处罚法》第五十一条")
        #expect(RuleID.pub7.legalBasis == "《中华人民共和国行政处罚法》第四十八条第二款")
    }

    @Test("REC-13: a message that already names its article stands as it is; a rule with no national basis adds nothing")
    func noDoubleCitation() {
        let named = SunlightError(.ruleViolation, code: "x", "逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（行政处罚法第七十二条）", rule: .rec13)
        #expect(named.description == named.message)
        let local = SunlightError(.ruleViolation, code: "x", "协调事项须写明先行协商情况", rule: .sup3)
        #expect(local.description == "协调事项须写明先行协商情况")
    }
}
