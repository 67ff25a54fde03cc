import Foundation
import Testing
@testable import SunlightLedger

/// The log's canonical JSON is RFC 8785 (JCS) for the subset it uses — objects, arrays,
/// strings, integers, booleans, null (REC-5). These are the RFC's own examples, cut to that
/// subset (its floating-point numbers left out), plus its rules stated one by one.
@Suite("规范 JSON：RFC 8785 REC-5")
struct RFC8785Tests {
    func canonical(_ text: String) throws -> String { try CanonicalJSON(parsing: Array(text.utf8)).text }

    @Test("REC-5: RFC 8785 §3.2.2 example (without its numbers): literals and string escaping")
    func section322() throws {
        let input = #"""
        {
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """#
        #expect(try canonical(input) == #"{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/"}"#)
    }

    @Test("REC-5: RFC 8785 §3.2.3 example: members sorted by UTF-16 code units, not by UTF-8 bytes")
    func section323() throws {
        let input = #"""
        {
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """#
        let expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\","
            + "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\u{FB33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        #expect(try canonical(input) == expected)
        // The property sorting is recursive (§3.2.3) and arrays keep their order.
        #expect(try canonical(#"{"b":[{"z":1,"a":2}],"a":{"\ufb33":0,"\ud83d\ude00":1}}"#) == "{\"a\":{\"😀\":1,\"\u{FB33}\":0},\"b\":[{\"a\":2,\"z\":1}]}")
    }

    @Test("REC-5: RFC 8785 §3.2.2.2: only \", \\ and U+0000–U+001F are escaped, in the short forms or lowercase \\u00xx")
    func stringEscaping() {
        var controls = ""
        for code in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(code))) }
        let expected = #"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
        #expect(CanonicalJSON.string(controls).text == "\"\(expected)\"")
        // DEL, "/", non-ASCII (Chinese, U+2028, an emoji) are written as they are, in UTF-8.
        let plain = "\u{7F}/阳光执法\u{2028}😀"
        #expect(CanonicalJSON.string(plain).bytes == Array("\"\(plain)\"".utf8))
        #expect(CanonicalJSON.string("\"\\").text == #""\"\\""#)
    }

    @Test("REC-5: RFC 8785 Appendix B: the integers of the number table as ECMAScript prints them")
    func integers() throws {
        // 0000000000000000 → 0, 8000000000000000 (minus zero) → 0,
        // 4340000000000000 → 9007199254740992, c340000000000000 → -9007199254740992.
        #expect(CanonicalJSON.int(0).text == "0")
        #expect(try canonical("-0") == "0")
        #expect(CanonicalJSON.int(9_007_199_254_740_992).text == "9007199254740992")
        #expect(CanonicalJSON.int(-9_007_199_254_740_992).text == "-9007199254740992")
        #expect(CanonicalJSON.array([.int(1), .int(-1), .int(1000)]).text == "[1,-1,1000]")
    }

    @Test("REC-5: floating point is outside the subset and refused, so no float ever reaches the log")
    func noFloats() {
        for text in ["1.5", "1e3", #"{"a":4.50}"#, "[2e-3]"] {
            #expect(throws: LedgerError.self) { try CanonicalJSON(parsing: Array(text.utf8)) }
        }
    }

    @Test("REC-5: for names below U+E000 (every name the log uses) UTF-16 order is UTF-8 order, so JCS ordering changed no entry")
    func utf16OrderMatchesUTF8BelowE000() {
        let names = ["id", "Id", "_x", "a1", "a", "", "é", "中文", "阳光", "\u{7F}", "\u{80}", "\u{D7FF}", "createdAt", "created_at"]
        for a in names {
            for b in names {
                #expect(CanonicalJSON.precedes(a, b) == Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)), "\(a) / \(b)")
            }
        }
    }

    @Test("REC-5: a lone or broken surrogate escape is refused")
    func brokenSurrogates() {
        for text in [#""\ud83d""#, #""\ud83dx""#, #""\ud83d\u0041""#, #""\ude00""#] {
            #expect(throws: LedgerError.self) { try CanonicalJSON(parsing: Array(text.utf8)) }
        }
    }
}
