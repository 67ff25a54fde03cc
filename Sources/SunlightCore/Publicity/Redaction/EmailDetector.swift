/// 电子邮箱检测 — e-mail addresses `local@domain.tld`.
///
/// Local part: up to 64 of `A–Z a–z 0–9 . _ % + -`, not starting with a dot.
/// Domain: labels of `A–Z a–z 0–9 -` separated by single dots, at least two
/// labels, the last (TLD) letters only and at least 2 long. Anything else —
/// Chinese text or punctuation, `*`, `@` — ends the address, so
/// `邮箱：zs@example.com。` is found without its neighbours.
///
/// Replacement keeps the first character of the local part and the domain:
/// `z***@example.com`. A redacted address is not found again (`*` is not a
/// local-part character, so `z***@` has an empty local part next to `@`).
enum EmailDetector {
    static let maxLocalLength = 64
    static let maxDomainLength = 255

    static func candidates(in t: ScanText) -> [Candidate] {
        var out: [Candidate] = []
        for at in 0..<t.count where t.code(at) == 0x40 {
            guard let start = localStart(t, at: at), let end = domainEnd(t, at: at) else { continue }
            let replacement = String(t.chars[start]) + "***" + t.string(at..<end)
            out.append(Candidate(.email, start..<end, replacement))
        }
        return out
    }

    private static func isLocalCharacter(_ t: ScanText, _ i: Int) -> Bool {
        t.isAlnum(i) || [0x2E, 0x5F, 0x25, 0x2B, 0x2D].contains(t.code(i))
    }

    /// Start of the local part ending just before `at`, if there is one.
    private static func localStart(_ t: ScanText, at: Int) -> Int? {
        var start = at
        while start > 0, at - start < maxLocalLength, isLocalCharacter(t, start - 1) { start -= 1 }
        while start < at, t.code(start) == 0x2E { start += 1 }
        return start < at ? start : nil
    }

    /// End of a valid domain starting just after `at`, if there is one.
    private static func domainEnd(_ t: ScanText, at: Int) -> Int? {
        var labelEnds: [Int] = []
        var i = at + 1
        while i - at <= maxDomainLength {
            let labelStart = i
            while t.isAlnum(i) || t.code(i) == 0x2D { i += 1 }
            guard i > labelStart else { break }
            labelEnds.append(i)
            guard t.code(i) == 0x2E, t.isAlnum(i + 1) else { break }
            i += 1
        }
        // Use the longest prefix of labels whose last label is a letters-only TLD.
        while labelEnds.count >= 2 {
            let end = labelEnds[labelEnds.count - 1]
            let tldStart = labelEnds[labelEnds.count - 2] + 1
            if end - tldStart >= 2, (tldStart..<end).allSatisfy(t.isLetter) { return end }
            labelEnds.removeLast()
        }
        return nil
    }
}
