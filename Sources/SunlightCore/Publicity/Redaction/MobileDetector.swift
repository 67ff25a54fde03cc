/// 手机号码检测 — mainland mobile numbers.
///
/// Core: 11 digits `1[3-9]xxxxxxxxx`, written solid or grouped 3-4-4 with single
/// spaces or hyphens (`138 0013 8000`, `138-0013-8000`). The core must be a whole
/// digit run: a mobile number inside a longer digit run is not one.
/// Optional country prefix `+86`, `86` or `0086`, written solid (`8613800138000`)
/// or followed by one space or hyphen (`+86 138…`, `0086-138…`).
///
/// Replacement keeps the first 3 and last 4 digits of the core (`138****8000`),
/// drops the grouping separators and keeps a prefix as written (`+86 138****8000`).
/// The finding's span includes the prefix.
enum MobileDetector {
    static let separators: Set<UInt32> = [0x20, 0x2D]

    static func candidates(in t: ScanText) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < t.count {
            guard t.isDigit(i) else { i += 1; continue }
            let runEnd = t.digitRunEnd(from: i)
            if let core = core(t, at: i) {
                out.append(Candidate(.mobile, core.range, core.masked))
                if let prefixed = withPrefix(t, coreStart: i, core: core) { out.append(prefixed) }
            }
            if let solid = solidWithPrefix(t, i..<runEnd) { out.append(solid) }
            i = runEnd
        }
        return out
    }

    struct Core {
        let range: Range<Int>
        let masked: String
    }

    /// An 11-digit mobile core starting at the beginning of the digit run at `i`.
    static func core(_ t: ScanText, at i: Int) -> Core? {
        let firstEnd = t.digitRunEnd(from: i)
        let digits: [Int]
        let end: Int
        switch firstEnd - i {
        case 11:
            digits = t.digits(in: i..<firstEnd)
            end = firstEnd
        case 3:
            guard let grouped = grouped344(t, at: i) else { return nil }
            (digits, end) = grouped
        default:
            return nil
        }
        guard isMobile(digits) else { return nil }
        return Core(range: i..<end, masked: masked(digits))
    }

    /// `1[3-9]` followed by 9 more digits.
    static func isMobile(_ digits: [Int]) -> Bool {
        digits.count == 11 && digits[0] == 1 && (3...9).contains(digits[1])
    }

    static func masked(_ digits: [Int]) -> String {
        digits.prefix(3).map(String.init).joined() + "****" + digits.suffix(4).map(String.init).joined()
    }

    /// `138 0013 8000` / `138-0013-8000`: three whole digit runs of 3, 4 and 4.
    private static func grouped344(_ t: ScanText, at i: Int) -> ([Int], Int)? {
        var end = i + 3
        for _ in 0..<2 {
            guard t.isOne(of: separators, end), t.isDigit(end + 1) else { return nil }
            let next = t.digitRunEnd(from: end + 1)
            guard next - (end + 1) == 4 else { return nil }
            end = next
        }
        return (t.digits(in: i..<end), end)
    }

    /// A prefix separated from the core by one space or hyphen: `+86 `, `86-`, `0086 `.
    /// (The core is a whole digit run, so an attached prefix is handled by
    /// ``solidWithPrefix(_:_:)`` instead.)
    private static func withPrefix(_ t: ScanText, coreStart: Int, core: Core) -> Candidate? {
        guard t.isOne(of: separators, coreStart - 1) else { return nil }
        let prefixEnd = coreStart - 1
        var q = prefixEnd
        while t.isDigit(q - 1) { q -= 1 }
        let start: Int
        switch t.string(q..<prefixEnd) {
        case "86": start = t.code(q - 1) == 0x2B ? q - 1 : q
        case "0086": start = q
        default: return nil
        }
        let kept = t.string(start..<coreStart)
        return Candidate(.mobile, start..<core.range.upperBound, kept + core.masked)
    }

    /// `8613800138000`, `+8613800138000`, `008613800138000`: prefix and core in one run.
    private static func solidWithPrefix(_ t: ScanText, _ run: Range<Int>) -> Candidate? {
        let digits = t.digits(in: run)
        let prefixLength: Int
        if digits.count == 13, digits.starts(with: [8, 6]) {
            prefixLength = 2
        } else if digits.count == 15, digits.starts(with: [0, 0, 8, 6]) {
            prefixLength = 4
        } else {
            return nil
        }
        let core = Array(digits.dropFirst(prefixLength))
        guard isMobile(core) else { return nil }
        let start = prefixLength == 2 && t.code(run.lowerBound - 1) == 0x2B ? run.lowerBound - 1 : run.lowerBound
        let kept = t.string(start..<(run.lowerBound + prefixLength))
        return Candidate(.mobile, start..<run.upperBound, kept + masked(core))
    }
}
