/// A possible finding proposed by one detector, before overlaps are resolved.
struct Candidate: Sendable, Equatable {
    typealias Kind = RedactionFinding.Kind

    let kind: Kind
    /// Character range in the input text.
    let range: Range<Int>
    let replacement: String
    /// Came from the case file (``Redactor``'s `personNames` / `personalTerms`)
    /// rather than from a pattern detector.
    let isKnown: Bool
    /// For a known candidate: the name or term as given (its range may be wider).
    let knownText: String?

    init(_ kind: Kind, _ range: Range<Int>, _ replacement: String, known: String? = nil) {
        self.kind = kind
        self.range = range
        self.replacement = replacement
        self.isKnown = known != nil
        self.knownText = known
    }

    var length: Int { range.count }

    /// Rank used to break ties between equally long detector candidates:
    /// the more specific category (earlier in `Kind.allCases`) wins.
    var kindRank: Int { Kind.allCases.firstIndex(of: kind) ?? Kind.allCases.count }
}
