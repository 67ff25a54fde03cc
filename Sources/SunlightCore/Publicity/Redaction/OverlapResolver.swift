/// 重叠消解 — turns the detectors' candidates into non-overlapping findings.
///
/// Order of precedence (rule PUB-8 "known names/terms first, then longer matches win"):
/// 1. Candidates overlapping an `allowed` occurrence are discarded.
/// 2. Known names/terms are resolved among themselves: longer first, then earlier.
/// 3. A detector candidate lying wholly inside a kept known candidate is discarded
///    (known first). One that sticks out of a known candidate is *merged* with it:
///    the finding covers both and is masked `***`, so neither the known text nor the
///    rest of the detected value is published.
/// 4. Detector candidates are resolved among themselves: longer first, then the
///    more specific kind (`Kind.allCases` order), then earlier.
/// 5. A detector finding that covers known candidates *absorbs* them: the known text
///    is masked either way and the detector's kind is more specific (a known phone
///    number is reported as `mobile`, not `personalTerm`). If its mask would still
///    show an absorbed known string (a term that is part of the kept digits), the
///    mask becomes `***`.
///
/// Runs in time linear in the text length plus the candidates' total length.
enum OverlapResolver {
    static func resolve(_ candidates: [Candidate], allowed: [Range<Int>], textLength n: Int) -> [Candidate] {
        var isAllowed = [Bool](repeating: false, count: n)
        for range in allowed { for i in range { isAllowed[i] = true } }
        let permitted: (Candidate) -> Bool = { c in !c.range.isEmpty && !c.range.contains { isAllowed[$0] } }

        var knownOwner = [Int](repeating: -1, count: n)
        let known = greedy(candidates.filter { $0.isKnown && permitted($0) }.sorted(by: knownOrder), owner: &knownOwner)

        let merged = candidates.filter { !$0.isKnown && permitted($0) }
            .compactMap { merge($0, with: known, owner: knownOwner) }
            .filter(permitted)
        var detectedOwner = [Int](repeating: -1, count: n)
        let detected = greedy(merged.sorted(by: detectorOrder), owner: &detectedOwner).map { d in
            let absorbedTexts = Set(d.range.compactMap { knownOwner[$0] >= 0 ? knownOwner[$0] : nil })
                .compactMap { known[$0].knownText }
            return absorbedTexts.contains(where: d.replacement.contains) ? Candidate(d.kind, d.range, "***") : d
        }
        let survivingKnown = known.filter { detectedOwner[$0.range.lowerBound] < 0 }
        return (detected + survivingKnown).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Applies rule 3 to one detector candidate: `nil` when it lies strictly inside a
    /// known candidate, the union masked `***` when it sticks out of one, else
    /// unchanged (an exact match of a known candidate is kept, to absorb it).
    private static func merge(_ c: Candidate, with known: [Candidate], owner: [Int]) -> Candidate? {
        let lo = c.range.lowerBound, hi = c.range.upperBound
        if owner[lo] >= 0, owner[lo] == owner[hi - 1] {
            return known[owner[lo]].range == c.range ? c : nil
        }
        var start = lo, end = hi
        if lo > 0, owner[lo] >= 0, owner[lo] == owner[lo - 1] { start = known[owner[lo]].range.lowerBound }
        if hi < owner.count, owner[hi] >= 0, owner[hi] == owner[hi - 1] { end = known[owner[hi]].range.upperBound }
        return start == lo && end == hi ? c : Candidate(c.kind, start..<end, "***")
    }

    /// Accepts candidates in order, skipping any that overlaps one already accepted;
    /// records each accepted candidate's index in `owner`.
    private static func greedy(_ ordered: [Candidate], owner: inout [Int]) -> [Candidate] {
        var accepted: [Candidate] = []
        for candidate in ordered where !candidate.range.contains(where: { owner[$0] >= 0 }) {
            for i in candidate.range { owner[i] = accepted.count }
            accepted.append(candidate)
        }
        return accepted
    }

    private static func knownOrder(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.length != b.length { return a.length > b.length }
        return a.range.lowerBound < b.range.lowerBound
    }

    private static func detectorOrder(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.length != b.length { return a.length > b.length }
        if a.kindRank != b.kindRank { return a.kindRank < b.kindRank }
        return a.range.lowerBound < b.range.lowerBound
    }
}
