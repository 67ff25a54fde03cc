/// 公民身份号码校验 — validity rules for Chinese resident ID numbers.
enum IDCardNumber {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Check character for each value of (weighted sum mod 11), "10X98765432".
    private static let checkCharacters: [Character] = Array("10X98765432")

    /// The GB 11643-1999 (ISO 7064 MOD 11-2) check character for 17 leading digits.
    static func checkCharacter(for digits: [Int]) -> Character? {
        guard digits.count == 17 else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// Is this an 18-character second-generation ID: 17 digits, the right check
    /// character (`X` accepted in either case) and a plausible birth date
    /// (year 1900–2099, a real month and day) at positions 7–14?
    static func isValid18(digits: [Int], check: Character) -> Bool {
        guard digits.count == 17, let expected = checkCharacter(for: digits) else { return false }
        let upper = Character(check.uppercased())
        guard upper == expected else { return false }
        let year = number(digits[6..<10]), month = number(digits[10..<12]), day = number(digits[12..<14])
        return (1900...2099).contains(year) && isRealDate(year: year, month: month, day: day)
    }

    /// Is yyMMdd at positions 7–12 of a 15-digit first-generation ID a real date
    /// in the 1900s (all first-generation IDs belong to people born 1900–1999)?
    static func hasPlausibleDate15(digits: [Int]) -> Bool {
        guard digits.count == 15 else { return false }
        let year = 1900 + number(digits[6..<8]), month = number(digits[8..<10]), day = number(digits[10..<12])
        return isRealDate(year: year, month: month, day: day)
    }

    /// Does a digit run longer than 18 contain a valid 18-digit ID anywhere inside it?
    static func containsEmbeddedID(_ digits: [Int]) -> Bool {
        guard digits.count > 18 else { return false }
        for start in 0...(digits.count - 18) {
            let check = Character(String(digits[start + 17]))
            if isValid18(digits: Array(digits[start..<(start + 17)]), check: check) { return true }
        }
        return false
    }

    static func isRealDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private static func number(_ digits: ArraySlice<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }
}

/// 卢恩校验 — the Luhn (mod 10) check used by bank card numbers.
enum Luhn {
    static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count >= 2 else { return false }
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
