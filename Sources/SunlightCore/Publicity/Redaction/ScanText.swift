/// A literal string prepared for fast matching against a ``ScanText``.
struct Pattern: Sendable, Hashable {
    let chars: [Character]
    let codes: [UInt32]

    init(_ string: String) {
        chars = Array(string)
        codes = chars.map(ScanText.code(of:))
    }

    var count: Int { chars.count }
    var string: String { String(chars) }
}

/// The input text as an array of `Character`s (so offsets are Character offsets)
/// with a parallel array of scalar codes for cheap classification.
///
/// All predicates are bounds-safe: an index outside the text answers `false`.
struct ScanText {
    /// Code stored for a Character made of more than one Unicode scalar.
    static let complex: UInt32 = 0xFFFF_FFFF

    let chars: [Character]
    let codes: [UInt32]

    init(_ text: String) {
        self.init(chars: Array(text))
    }

    init(chars: [Character]) {
        self.chars = chars
        codes = chars.map(ScanText.code(of:))
    }

    /// The scalar value of a single-scalar Character, or ``complex``.
    static func code(of c: Character) -> UInt32 {
        var it = c.unicodeScalars.makeIterator()
        guard let first = it.next() else { return complex }
        return it.next() == nil ? first.value : complex
    }

    var count: Int { chars.count }

    /// The scalar code at `i`, or 0 outside the text.
    @inline(__always)
    func code(_ i: Int) -> UInt32 {
        i >= 0 && i < codes.count ? codes[i] : 0
    }

    // MARK: Character classes

    func isDigit(_ i: Int) -> Bool { (0x30...0x39).contains(code(i)) }
    func isUpper(_ i: Int) -> Bool { (0x41...0x5A).contains(code(i)) }
    func isLower(_ i: Int) -> Bool { (0x61...0x7A).contains(code(i)) }
    func isLetter(_ i: Int) -> Bool { isUpper(i) || isLower(i) }
    func isAlnum(_ i: Int) -> Bool { isDigit(i) || isLetter(i) }

    /// CJK unified ideographs (BMP, extension A, and the supplementary planes).
    func isHan(_ i: Int) -> Bool {
        let c = code(i)
        return (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c)
            || (0xF900...0xFAFF).contains(c) || (0x20000...0x3134F).contains(c)
    }

    func isWhitespace(_ i: Int) -> Bool {
        let c = code(i)
        if c < 0x80 { return c == 0x20 || (0x09...0x0D).contains(c) }
        if (0x3400...0x9FFF).contains(c) { return false }  // fast path for Han text
        return i >= 0 && i < count && chars[i].isWhitespace
    }

    /// Is the character at `i` one of `set`?
    func isOne(of set: Set<UInt32>, _ i: Int) -> Bool { set.contains(code(i)) }

    /// Value of the ASCII digit at `i`.
    func digit(_ i: Int) -> Int { Int(code(i)) - 0x30 }

    // MARK: Runs

    /// End (exclusive) of the run of ASCII digits starting at `i`.
    func digitRunEnd(from i: Int) -> Int {
        var j = i
        while isDigit(j) { j += 1 }
        return j
    }

    /// End (exclusive) of the run of ASCII letters and digits starting at `i`.
    func alnumRunEnd(from i: Int) -> Int {
        var j = i
        while isAlnum(j) { j += 1 }
        return j
    }

    /// The ASCII digits in `range`, skipping everything else.
    func digits(in range: Range<Int>) -> [Int] {
        range.filter { isDigit($0) }.map { digit($0) }
    }

    func string(_ range: Range<Int>) -> String { String(chars[range]) }

    // MARK: Literal matching

    /// Does `pattern` occur at `i`?
    func matches(_ pattern: Pattern, at i: Int) -> Bool {
        guard i >= 0, i + pattern.count <= count, pattern.count > 0 else { return false }
        for k in 0..<pattern.count {
            let a = codes[i + k]
            guard a == pattern.codes[k] else { return false }
            if a == ScanText.complex && chars[i + k] != pattern.chars[k] { return false }
        }
        return true
    }

    /// The first of `patterns` that occurs at `i` (list longer patterns first).
    func firstMatch(of patterns: [Pattern], at i: Int) -> Pattern? {
        patterns.first { matches($0, at: i) }
    }

    /// Does one of `patterns` end at `end` (exclusive)?
    func endsWith(_ patterns: [Pattern], at end: Int) -> Bool {
        patterns.contains { matches($0, at: end - $0.count) }
    }

    /// Is one of `cues` found ending no more than `gap` characters before `i`?
    /// (`gap` 0 means the cue ends exactly at `i`.)
    func hasCue(_ cues: [Pattern], before i: Int, gap: Int) -> Bool {
        for end in Swift.max(0, i - gap)...i where endsWith(cues, at: end) {
            return true
        }
        return false
    }

    /// Every start offset at which `pattern` occurs (overlapping occurrences included).
    func occurrences(of pattern: Pattern) -> [Int] {
        guard let first = pattern.codes.first, pattern.count <= count else { return [] }
        var result: [Int] = []
        for i in 0...(count - pattern.count) where codes[i] == first && matches(pattern, at: i) {
            result.append(i)
        }
        return result
    }
}
