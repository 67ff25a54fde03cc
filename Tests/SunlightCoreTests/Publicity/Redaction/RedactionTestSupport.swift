@testable import SunlightCore

/// Helpers for the PUB-8 redaction tests: an independent implementation of the
/// GB 11643 check character and of Luhn, so that every ID and card number the
/// corpus uses is computed, never guessed.
enum TestNumbers {
    /// GB 11643-1999 / ISO 7064 MOD 11-2 check character for 17 digits.
    static func idCheckCharacter(_ first17: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17.compactMap(\.wholeNumberValue), weights).map(*).reduce(0, +)
        return Array("10X98765432")[sum % 11]
    }

    /// A valid 18-character ID from its first 17 digits.
    static func id(_ first17: String) -> String { first17 + String(idCheckCharacter(first17)) }

    static func passesLuhn(_ number: String) -> Bool {
        let digits = number.compactMap(\.wholeNumberValue).reversed()
        let sum = digits.enumerated().map { index, d in
            index % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d
        }.reduce(0, +)
        return sum % 10 == 0
    }

    /// IDs used in the corpus as *valid* numbers (checksum and date both right).
    static let validIDs = [
        "532328199003071234", "532328198511120042", "11010519491231002X", "532301197806153218",
        "440306200002298510", "532328199204085632", "532328198801015558", "532328199305067775",
        "532328199508152881", "110108198001010015", "532328197612034528", "532328200109093365",
        "53232819870611091X",
    ]
    /// Right checksum, impossible birth date (February 30th).
    static let impossibleDateID = "532328199002301237"
    /// Right date, wrong check digit (the valid one ends in 4).
    static let badChecksumID = "532328199003071235"
    /// Card numbers used in the corpus that pass Luhn.
    static let luhnCards = ["6222021234567890128", "6228480012345678903", "6217000012345670", "4367421234567896"]
    /// A 16-digit number that fails Luhn.
    static let luhnFailing = "6217000012345671"
}

extension Redactor {
    /// Redacted text only, for compact expectations.
    func text(_ input: String) -> String { redact(input).text }
}
