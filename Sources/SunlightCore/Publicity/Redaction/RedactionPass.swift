/// 脱敏复查 — applies resolved findings to the input and folds in anything a
/// re-check of the output still finds, so that redaction is idempotent.
///
/// Detectors look at context (a cue a few characters back, the length of a
/// segment, whether a run of digits is whole). Masks change that context: a
/// shorter `***` can bring a cue within reach, a mask can split a digit run. So
/// ``Redactor`` re-checks its own output; whatever is found there is mapped back to
/// the input — widened to whole earlier findings where it touches them — and merged
/// into the findings. Repeating until nothing new is found gives
/// `redact(redact(x).text).findings.isEmpty`.
struct RedactionPass {
    /// A finding in input coordinates with its replacement.
    struct Applied {
        let kind: RedactionFinding.Kind
        let range: Range<Int>
        let replacement: [Character]
    }

    let input: [Character]
    private(set) var findings: [Applied]
    private(set) var output: [Character] = []
    /// For each output character: its input index (≥ 0), or `-(i + 1)` when it is
    /// part of the replacement of `findings[i]`.
    private var source: [Int] = []

    init(input: [Character], resolved: [Candidate]) {
        self.input = input
        findings = resolved.map { Applied(kind: $0.kind, range: $0.range, replacement: Array($0.replacement)) }
        rebuild()
    }

    /// Merges candidates found in ``output`` (output coordinates, non-overlapping,
    /// sorted) into ``findings``.
    mutating func fold(_ extra: [Candidate]) {
        // Widen each new candidate to whole earlier replacements it touches, then
        // group those that now overlap.
        var groups: [(range: Range<Int>, members: [Candidate])] = []
        for candidate in extra {
            let widened = widenedToWholeFindings(candidate.range)
            if let last = groups.last, last.range.overlaps(widened) {
                groups[groups.count - 1] = (last.range.lowerBound..<max(last.range.upperBound, widened.upperBound),
                                            last.members + [candidate])
            } else {
                groups.append((widened, [candidate]))
            }
        }
        var merged = findings.enumerated().filter { index, _ in
            !groups.contains { group in group.range.contains { source[$0] == -(index + 1) } }
        }.map(\.element)
        for group in groups {
            var replacement: [Character] = []
            var cursor = group.range.lowerBound
            for member in group.members {
                replacement += output[cursor..<member.range.lowerBound] + Array(member.replacement)
                cursor = member.range.upperBound
            }
            replacement += output[cursor..<group.range.upperBound]
            let range = inputIndex(startOf: group.range.lowerBound)..<inputIndex(endOf: group.range.upperBound - 1)
            merged.append(Applied(kind: group.members[0].kind, range: range, replacement: replacement))
        }
        findings = merged.sorted { $0.range.lowerBound < $1.range.lowerBound }
        rebuild()
    }

    /// `range` extended so that it does not cut through an earlier replacement.
    private func widenedToWholeFindings(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start > 0, source[start] < 0, source[start - 1] == source[start] { start -= 1 }
        while end < source.count, source[end - 1] < 0, source[end] == source[end - 1] { end += 1 }
        return start..<end
    }

    private func inputIndex(startOf outputIndex: Int) -> Int {
        let s = source[outputIndex]
        return s >= 0 ? s : findings[-s - 1].range.lowerBound
    }

    private func inputIndex(endOf outputIndex: Int) -> Int {
        let s = source[outputIndex]
        return s >= 0 ? s + 1 : findings[-s - 1].range.upperBound
    }

    private mutating func rebuild() {
        output = []
        source = []
        output.reserveCapacity(input.count)
        source.reserveCapacity(input.count)
        var cursor = 0
        for (index, finding) in findings.enumerated() {
            output += input[cursor..<finding.range.lowerBound]
            source += Array(cursor..<finding.range.lowerBound)
            output += finding.replacement
            source += Array(repeating: -(index + 1), count: finding.replacement.count)
            cursor = finding.range.upperBound
        }
        output += input[cursor...]
        source += Array(cursor..<input.count)
    }
}
