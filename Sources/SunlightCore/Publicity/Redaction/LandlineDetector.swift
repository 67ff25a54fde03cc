/// 固定电话检测 — landline numbers.
///
/// Forms (area code = `0` + a non-zero digit + 1–2 more digits, i.e. 3–4 digits):
/// - separated: `0878-1234567`, `0878 12345678`
/// - bracketed: `(0878)1234567`, `（0878）12345678`, `（0878） 1234567`
/// - solid: `087812345678`, `01012345678` — the area code length follows the
///   numbering plan (010 and 02x are 3 digits, all others 4) and the rest must be
///   7–8 digits
/// - bare 7–8 digits after 电话/座机/联系方式/联系电话/Tel within ``cueGap`` characters.
///
/// The subscriber number is 7–8 digits, solid or grouped 3-4 / 4-4. An extension
/// after it — `转123`, `分机123`, or `-` + 1–4 digits — is part of the finding and
/// masked too. (`-123` right after a complete 7–8-digit subscriber number is read as
/// an extension, never as more subscriber digits: masking it costs nothing.)
///
/// Replacement keeps the area code with its brackets/separator as written and
/// masks every other digit: `0878-********`, `（0878）*******转***`.
/// 400/800 service numbers never match (they do not start with 0 and are refused
/// as bare numbers).
enum LandlineDetector {
    static let separators: Set<UInt32> = [0x20, 0x2D]
    static let openBrackets: Set<UInt32> = [0x28, 0xFF08]
    static let closeBrackets: Set<UInt32> = [0x29, 0xFF09]
    static let cues = ["联系电话", "联系方式", "电话", "座机", "Tel", "TEL", "tel"].map(Pattern.init)
    static let extensionMarkers = ["分机", "转"].map(Pattern.init)
    static let cueGap = 6

    static func candidates(in t: ScanText) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < t.count {
            guard t.isDigit(i) else { i += 1; continue }
            let run = i..<t.digitRunEnd(from: i)
            if let c = solid(t, run) ?? separated(t, run) ?? bracketed(t, run) ?? bare(t, run) {
                out.append(c)
            }
            i = run.upperBound
        }
        return out
    }

    /// `0` followed by a non-zero digit, 3–4 digits in all.
    private static func isAreaCode(_ t: ScanText, _ run: Range<Int>) -> Bool {
        (3...4).contains(run.count) && t.digit(run.lowerBound) == 0 && t.digit(run.lowerBound + 1) != 0
    }

    private static func solid(_ t: ScanText, _ run: Range<Int>) -> Candidate? {
        let s = run.lowerBound
        guard (10...12).contains(run.count), t.digit(s) == 0, t.digit(s + 1) != 0 else { return nil }
        let areaLength = t.digit(s + 1) == 2 || (t.digit(s + 1) == 1 && t.digit(s + 2) == 0) ? 3 : 4
        guard (7...8).contains(run.count - areaLength) else { return nil }
        return finish(t, spanStart: s, subscriberStart: s + areaLength,
                      subscriber: (run.upperBound, run.count - areaLength))
    }

    private static func separated(_ t: ScanText, _ run: Range<Int>) -> Candidate? {
        guard isAreaCode(t, run), t.isOne(of: separators, run.upperBound),
              let sub = subscriber(t, at: run.upperBound + 1) else { return nil }
        return finish(t, spanStart: run.lowerBound, subscriberStart: run.upperBound + 1, subscriber: sub)
    }

    private static func bracketed(_ t: ScanText, _ run: Range<Int>) -> Candidate? {
        guard t.isOne(of: openBrackets, run.lowerBound - 1), isAreaCode(t, run),
              t.isOne(of: closeBrackets, run.upperBound) else { return nil }
        var p = run.upperBound + 1
        if t.isOne(of: separators, p) { p += 1 }
        guard let sub = subscriber(t, at: p) else { return nil }
        return finish(t, spanStart: run.lowerBound - 1, subscriberStart: p, subscriber: sub)
    }

    /// A bare local number right after a telephone cue. It must be a whole group
    /// chain (not the tail of `400-123-4567`) and not a 400/800 service number.
    private static func bare(_ t: ScanText, _ run: Range<Int>) -> Candidate? {
        let s = run.lowerBound
        guard !(t.isOne(of: separators, s - 1) && t.isDigit(s - 2)),
              t.hasCue(cues, before: s, gap: cueGap),
              let sub = subscriber(t, at: s),
              !(t.isOne(of: separators, sub.end) && t.isDigit(sub.end + 1)) else { return nil }
        let lead = t.digits(in: s..<(s + 3))
        guard lead != [4, 0, 0], lead != [8, 0, 0] else { return nil }
        return finish(t, spanStart: s, subscriberStart: s, subscriber: sub)
    }

    /// 7–8 digits at `p`, solid or grouped 3-4 / 4-4; returns the end and digit count.
    private static func subscriber(_ t: ScanText, at p: Int) -> (end: Int, digits: Int)? {
        guard t.isDigit(p), !t.isDigit(p - 1) else { return nil }
        let firstEnd = t.digitRunEnd(from: p)
        let first = firstEnd - p
        if (7...8).contains(first) { return (firstEnd, first) }
        guard (3...4).contains(first), t.isOne(of: separators, firstEnd), t.isDigit(firstEnd + 1) else { return nil }
        let secondEnd = t.digitRunEnd(from: firstEnd + 1)
        guard secondEnd - (firstEnd + 1) == 4 else { return nil }
        return (secondEnd, first + 4)
    }

    /// Builds the candidate: keeps everything before the subscriber number, masks the
    /// subscriber digits, and takes in an extension if one follows.
    private static func finish(
        _ t: ScanText, spanStart: Int, subscriberStart: Int, subscriber: (end: Int, digits: Int)
    ) -> Candidate {
        var end = subscriber.end
        var replacement = t.string(spanStart..<subscriberStart) + String(repeating: "*", count: subscriber.digits)
        if let ext = extensionPart(t, at: end) {
            replacement += t.string(end..<ext.digitsStart) + String(repeating: "*", count: ext.end - ext.digitsStart)
            end = ext.end
        }
        return Candidate(.landline, spanStart..<end, replacement)
    }

    /// `转123`, `分机123` (1–6 digits) or `-123` (1–4 digits) directly after the number.
    private static func extensionPart(_ t: ScanText, at q: Int) -> (digitsStart: Int, end: Int)? {
        if let marker = t.firstMatch(of: extensionMarkers, at: q) {
            let start = q + marker.count
            let end = t.digitRunEnd(from: start)
            return (1...6).contains(end - start) ? (start, end) : nil
        }
        if t.code(q) == 0x2D, t.isDigit(q + 1) {
            let end = t.digitRunEnd(from: q + 1)
            return (1...4).contains(end - q - 1) ? (q + 1, end) : nil
        }
        return nil
    }
}
