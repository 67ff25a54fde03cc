import Foundation
@testable import SunlightCore
import Testing

/// Tests of overlap resolution, allowed strings, offsets and idempotency (PUB-8).
@Suite("PUB-8 resolution and audit")
struct ResolutionTests {
    @Test("PUB-8: a known term covered by a more specific rule is reported with that rule's kind")
    func specificRuleAbsorbsKnownTerm() {
        let redactor = Redactor(personalTerms: ["13800138000", "能禹小卖部"])
        let findings = redactor.findings(in: "电话13800138000，在能禹小卖部")
        #expect(findings.map(\.kind) == [.mobile, .personalTerm])
    }

    @Test("PUB-8: a detected address that sticks out of a known term is merged with it and masked whole")
    func partialOverlapIsMerged() {
        let redactor = Redactor(personalTerms: ["元马镇龙川街"])
        let findings = redactor.findings(in: "元谋县元马镇龙川街23号3单元")
        #expect(findings == [RedactionFinding(kind: .address, original: "元马镇龙川街23号3单元", replacement: "***", offset: 3)])
    }

    @Test("PUB-8: a detector match lying wholly inside a known term leaves the known term in charge")
    func knownTermWinsOverInnerMatch() {
        let findings = Redactor(personalTerms: ["张三家13800138000号"]).findings(in: "记录张三家13800138000号")
        #expect(findings.map(\.kind) == [.personalTerm])
    }

    @Test("PUB-8: a known term inside a longer number masks the whole number, never a fragment")
    func termInsideNumberWidens() {
        let redactor = Redactor(personalTerms: ["0013"])
        #expect(redactor.text("编号AD1234513800138000080008000止") == "编号***止")
        #expect(redactor.text("532328199003071234 和 1101051949123100210013") == "532328********1234 和 ***")
    }

    @Test("PUB-8: a number that only comes within reach of its cue once an e-mail is masked is masked too")
    func recheckFindsWhatMaskingRevealed() {
        // 账号 is 15 characters before the number (out of reach), 11 once the e-mail is masked.
        let result = Redactor().redact("账号zhangsan@qq.cn 6217000012345671")
        #expect(result.text == "账号z***@qq.cn 6217********5671")
        #expect(result.findings.map(\.kind) == [.email, .bankCard])
        #expect(result.findings.last?.offset == 17)
    }

    @Test("PUB-8: a finding overlapping an allowed string is not redacted")
    func allowedStringsKept() {
        let redactor = Redactor(personNames: ["张三"], allowed: ["张三丰大药房", "0878-8212345"])
        #expect(redactor.text("张三丰大药房，电话0878-8212345，张三") == "张三丰大药房，电话0878-8212345，张某某")
    }

    @Test("PUB-8: findings are sorted, never overlap, and offsets count Characters, not bytes")
    func offsetsAreCharacterOffsets() throws {
        let text = "👨‍👩‍👧当事人张三，手机13800138000，邮箱a1@b.cn"
        let findings = Redactor().findings(in: text)
        #expect(findings.map(\.kind) == [.personName, .mobile, .email])
        #expect(findings.map(\.offset) == [4, 9, 23])
        let characters = Array(text)
        for finding in findings {
            #expect(String(characters[finding.offset..<(finding.offset + finding.original.count)]) == finding.original)
        }
    }

    @Test("PUB-8: redacting the redacted text of a full decision finds nothing new")
    func idempotentOnFullDecision() {
        let redactor = Redactor(personNames: ["张三", "李四"], personalTerms: ["能禹小卖部"])
        let once = redactor.redact(SampleDecision.text)
        #expect(!once.findings.isEmpty)
        #expect(redactor.redact(once.text).findings.isEmpty)
        #expect(redactor.redact(once.text).text == once.text)
    }

    @Test("PUB-8: findings(in:) audits published text with the same detection as redact")
    func auditMatchesRedact() {
        let redactor = Redactor(personNames: ["张三"])
        #expect(redactor.findings(in: SampleDecision.text) == redactor.redact(SampleDecision.text).findings)
    }

    @Test("PUB-8: every kind has its Chinese name for the clerk's preview")
    func chineseNames() {
        let names = RedactionFinding.Kind.allCases.map(\.chineseName)
        #expect(names == ["身份证号", "手机号码", "固定电话", "银行卡号/账号", "电子邮箱", "详细地址", "车牌号码", "自然人姓名", "个人信息"])
    }

    @Test("PUB-8: findings survive a JSON round trip for the audit log")
    func codableRoundTrip() throws {
        let findings = Redactor().findings(in: SampleDecision.text)
        let data = try JSONEncoder().encode(findings)
        #expect(try JSONDecoder().decode([RedactionFinding].self, from: data) == findings)
    }

    @Test("PUB-8: empty text and text without personal data come back unchanged")
    func nothingToRedact() {
        #expect(Redactor().redact("") == RedactedText(text: "", findings: []))
        let plain = "依据《中华人民共和国食品安全法》第三十三条，罚款5000元。"
        #expect(Redactor().redact(plain) == RedactedText(text: plain, findings: []))
    }

    @Test("PUB-8: a 10,000-character decision redacts quickly even in a debug build")
    func largeTextIsFast() {
        var text = ""
        while text.count < 10_000 { text += SampleDecision.text }
        let redactor = Redactor(personNames: ["张三"])
        let elapsed = ContinuousClock().measure { _ = redactor.redact(text) }
        #expect(elapsed < .seconds(1))
    }
}

/// A realistic decision used by several tests.
enum SampleDecision {
    static let text = """
    当事人张三（身份证号：532328199003071234，男，1990年3月7日出生），住云南省楚雄州元谋县元马镇龙川街23号3单元501室，\
    联系电话：138 0013 8000，座机（0878）8212345，电子邮箱zhangsan@example.com。当事人于2026年3月5日驾驶云E·A1234号车辆\
    在元谋县元马镇能禹社区能禹村委会下村12组45号能禹小卖部经营食品，违反了《中华人民共和国食品安全法》第三十三条的规定。\
    证人李四（男，1985年出生）证实上述事实。本机关依法作出元市监罚〔2026〕3号行政处罚决定，罚款人民币5000元，\
    缴至开户银行：中国农业银行元谋支行，账号：6222 0212 3456 7890 128。
    """
}
