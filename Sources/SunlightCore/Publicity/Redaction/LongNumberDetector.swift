/// 长数字串检测 — ID card numbers (身份证号) and bank card / account numbers (银行卡号/账号).
///
/// The scanner walks maximal runs of ASCII letters and digits, so a number is
/// always judged as a whole run: an ID number glued to more digits is not an ID.
/// Grouped forms are joined first: `6222 0212 3456 7890 123` (groups of four,
/// the last group 1–4 digits) and `532328 19900307 123X` (6-8-4), separated by
/// single spaces or hyphens. Each joined number is then classified by
/// ``classify(_:in:)``.
enum LongNumberDetector {
    static let idCues = ["公民身份号码", "身份证", "证件号"].map(Pattern.init)
    static let bankCues = ["银行", "卡号", "账号", "帐号", "账户", "帐户", "开户"].map(Pattern.init)
    static let creditCodeCues = ["统一社会信用代码", "信用代码", "注册号"].map(Pattern.init)
    /// Group separators inside a grouped number: space and hyphen.
    static let separators: Set<UInt32> = [0x20, 0x2D]

    /// How close (characters between cue and number) an ID cue must be.
    static let idCueGap = 8
    /// How close a bank cue must be.
    static let bankCueGap = 12

    /// A run of digits as written, possibly in groups, possibly ending in `X`.
    struct NumberToken {
        let range: Range<Int>
        /// All digits, without the final `X` if there is one.
        let digits: [Int]
        /// The final `X`/`x` of an ID-shaped number, as written.
        let finalX: Character?

        var length: Int { digits.count + (finalX == nil ? 0 : 1) }
        var text: String { digits.map(String.init).joined() + (finalX.map { String($0) } ?? "") }
    }

    static func candidates(in t: ScanText) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < t.count {
            guard t.isAlnum(i) else { i += 1; continue }
            let end = t.alnumRunEnd(from: i)
            if let token = plainToken(t, i..<end) {
                if let c = classify(token, in: t) { out.append(c) }
            } else {
                out += digitRunsHidingIDs(t, i..<end)
            }
            for token in groupedTokens(t, firstGroup: i..<end) {
                if let c = classify(token, in: t) { out.append(c) }
            }
            i = end
        }
        return out
    }

    /// Classifies a whole number token.
    ///
    /// - A valid 18-character ID (checksum and birth date) is an `idCard`.
    /// - An ID-shaped 18-character number that fails validation but follows an ID
    ///   cue (身份证 / 证件号 / 公民身份号码 within ``idCueGap`` characters) is
    ///   still masked as an `idCard`: the author says it is one, a typo does not
    ///   make it public.
    /// - 17 digits + `X` that is neither of the above is left alone: it has the
    ///   shape of a 统一社会信用代码 (18 characters with a letter), which is public.
    /// - 15 digits after an ID cue with a real yyMMdd at positions 7–12 is a
    ///   first-generation `idCard`.
    /// - Any other run of ≥ 16 digits is a `bankCard` when it contains a valid ID
    ///   (an ID glued into a longer run), passes Luhn, follows a bank cue
    ///   (银行/卡号/账号/账户/开户 within ``bankCueGap``), is longer than 19
    ///   digits, or is exactly 18 digits (an ID with a bad checksum or date is
    ///   masked anyway: privacy first) — except an 18-digit number right after
    ///   统一社会信用代码, which is an organisation's public code.
    static func classify(_ token: NumberToken, in t: ScanText) -> Candidate? {
        let start = token.range.lowerBound
        let text = Array(token.text)
        let idCue = t.hasCue(idCues, before: start, gap: idCueGap)
        if token.length == 18 {
            let check = token.finalX ?? Character(String(token.digits[17]))
            let valid = IDCardNumber.isValid18(digits: Array(token.digits.prefix(17)), check: check)
            if valid || idCue {
                return Candidate(.idCard, token.range, mask(text, keepFirst: 6, keepLast: 4))
            }
        }
        if token.finalX != nil { return nil }
        if token.length == 15, idCue, IDCardNumber.hasPlausibleDate15(digits: token.digits) {
            return Candidate(.idCard, token.range, mask(text, keepFirst: 6, keepLast: 3))
        }
        guard token.length >= 16 else { return nil }
        if token.length == 18, t.hasCue(creditCodeCues, before: start, gap: bankCueGap) { return nil }
        let isAccount = token.length == 18 || token.length > 19
            || IDCardNumber.containsEmbeddedID(token.digits)
            || Luhn.isValid(token.digits)
            || t.hasCue(bankCues, before: start, gap: bankCueGap)
        return isAccount ? Candidate(.bankCard, token.range, mask(text, keepFirst: 4, keepLast: 4)) : nil
    }

    /// Keeps the first and last characters and replaces each one between with `*`.
    static func mask(_ chars: [Character], keepFirst: Int, keepLast: Int) -> String {
        guard chars.count > keepFirst + keepLast else { return String(repeating: "*", count: chars.count) }
        let middle = chars.count - keepFirst - keepLast
        return String(chars.prefix(keepFirst)) + String(repeating: "*", count: middle)
            + String(chars.suffix(keepLast))
    }

    /// A maximal alphanumeric run that is all digits, or 17 digits + `X`/`x`.
    private static func plainToken(_ t: ScanText, _ run: Range<Int>) -> NumberToken? {
        if run.allSatisfy(t.isDigit) {
            return NumberToken(range: run, digits: t.digits(in: run), finalX: nil)
        }
        let last = run.upperBound - 1
        if run.count == 18, (run.lowerBound..<last).allSatisfy(t.isDigit), t.code(last) | 0x20 == 0x78 {
            return NumberToken(range: run, digits: t.digits(in: run), finalX: t.chars[last])
        }
        return nil
    }

    /// Inside an alphanumeric run that mixes letters and digits (an order or
    /// serial number, not an ID): a digit sub-run that is or contains a valid ID
    /// is still masked, as `bankCard`, so no ID number is ever published.
    private static func digitRunsHidingIDs(_ t: ScanText, _ run: Range<Int>) -> [Candidate] {
        var out: [Candidate] = []
        var i = run.lowerBound
        while i < run.upperBound {
            guard t.isDigit(i) else { i += 1; continue }
            let end = t.digitRunEnd(from: i)
            let digits = t.digits(in: i..<end)
            let hidesID = digits.count == 18
                ? IDCardNumber.isValid18(digits: Array(digits.prefix(17)), check: Character(String(digits[17])))
                : IDCardNumber.containsEmbeddedID(digits)
            if hidesID {
                out.append(Candidate(.bankCard, i..<end, mask(Array(t.string(i..<end)), keepFirst: 4, keepLast: 4)))
            }
            i = end
        }
        return out
    }

    /// Grouped numbers starting with the run `first`: 4-4-…-(1…4) and 6-8-4.
    /// A group chain only starts at a run not preceded by "digit + separator",
    /// so a tail of a longer chain is never judged on its own.
    private static func groupedTokens(_ t: ScanText, firstGroup first: Range<Int>) -> [NumberToken] {
        let s = first.lowerBound
        guard first.allSatisfy(t.isDigit), !(t.isOne(of: separators, s - 1) && t.isDigit(s - 2)) else { return [] }
        var tokens: [NumberToken] = []
        if first.count == 4 {
            var end = first.upperBound
            var groups = 1
            while t.isOne(of: separators, end), t.isDigit(end + 1) {
                let next = (end + 1)..<t.alnumRunEnd(from: end + 1)
                guard next.allSatisfy(t.isDigit), next.count <= 4 else { break }
                end = next.upperBound
                groups += 1
                if next.count < 4 { break }
            }
            if groups >= 2 {
                tokens.append(NumberToken(range: s..<end, digits: t.digits(in: s..<end), finalX: nil))
            }
        }
        if first.count == 6, let token = sixEightFour(t, from: first) { tokens.append(token) }
        return tokens
    }

    /// `532328 19900307 123X`: an ID written in 6-8-4 groups.
    private static func sixEightFour(_ t: ScanText, from first: Range<Int>) -> NumberToken? {
        let secondStart = first.upperBound + 1
        guard t.isOne(of: separators, first.upperBound), t.isDigit(secondStart) else { return nil }
        let secondEnd = t.alnumRunEnd(from: secondStart)
        guard secondEnd - secondStart == 8, (secondStart..<secondEnd).allSatisfy(t.isDigit),
              t.isOne(of: separators, secondEnd), t.isDigit(secondEnd + 1) else { return nil }
        let third = (secondEnd + 1)..<t.alnumRunEnd(from: secondEnd + 1)
        guard third.count == 4, third.dropLast().allSatisfy(t.isDigit) else { return nil }
        let last = third.upperBound - 1
        let whole = first.lowerBound..<third.upperBound
        if t.isDigit(last) { return NumberToken(range: whole, digits: t.digits(in: whole), finalX: nil) }
        guard t.code(last) | 0x20 == 0x78 else { return nil }
        return NumberToken(range: whole, digits: t.digits(in: whole), finalX: t.chars[last])
    }
}
