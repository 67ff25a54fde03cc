import Foundation

/// 案件已知信息 — names and personal strings known from the case file, and the
/// strings the organisation allows to be published.
///
/// Every entry is trimmed of whitespace. Names and personal terms shorter than two
/// characters are ignored (a single character would mask half the text), and so
/// are entries containing `某` or `*` (already redacted) and names that are only a
/// surname (`欧阳`): matching them would make redaction non-idempotent.
struct KnownTerms: Sendable {
    let names: [Pattern]
    let terms: [Pattern]
    let allowed: [Pattern]

    init(personNames: [String], personalTerms: [String], allowed: [String]) {
        names = KnownTerms.normalised(personNames, minimumLength: 2, rejectRedacted: true).filter { name in
            !Surnames.redacted(name.chars).contains(name.string)
        }
        terms = KnownTerms.normalised(personalTerms, minimumLength: 2, rejectRedacted: true)
        self.allowed = KnownTerms.normalised(allowed, minimumLength: 1, rejectRedacted: false)
    }

    private static func normalised(_ entries: [String], minimumLength: Int, rejectRedacted: Bool) -> [Pattern] {
        var seen = Set<String>()
        var out: [Pattern] = []
        for entry in entries {
            let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count >= minimumLength, seen.insert(trimmed).inserted else { continue }
            if rejectRedacted, trimmed.contains("某") || trimmed.contains("*") { continue }
            out.append(Pattern(trimmed))
        }
        return out
    }

    /// Every occurrence of a known name (→ surname + `某某`, kind `personName`) and of a
    /// known personal term (→ `***`, kind `personalTerm`), marked as known.
    ///
    /// A term occurrence that starts or ends inside a run of ASCII letters and digits
    /// is widened to the whole run (`0013` inside `138001380001234567` masks the whole
    /// number): masking only a fragment would publish the rest of that number.
    func candidates(in t: ScanText) -> [Candidate] {
        var out: [Candidate] = []
        for name in names {
            let replacement = Surnames.redacted(name.chars)
            for start in t.occurrences(of: name) {
                out.append(Candidate(.personName, start..<(start + name.count), replacement, known: name.string))
            }
        }
        for term in terms {
            for start in t.occurrences(of: term) {
                let range = widened(start..<(start + term.count), in: t)
                out.append(Candidate(.personalTerm, range, "***", known: term.string))
            }
        }
        return out
    }

    /// `range` extended over the ASCII letters and digits it cuts through.
    private func widened(_ range: Range<Int>, in t: ScanText) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while t.isAlnum(start), t.isAlnum(start - 1) { start -= 1 }
        while t.isAlnum(end - 1), t.isAlnum(end) { end += 1 }
        return start..<end
    }

    /// Character ranges of every occurrence of an allowed string.
    func allowedRanges(in t: ScanText) -> [Range<Int>] {
        allowed.flatMap { pattern in t.occurrences(of: pattern).map { $0..<($0 + pattern.count) } }
    }
}
