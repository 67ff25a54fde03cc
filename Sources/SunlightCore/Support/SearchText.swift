import Foundation

/// 检索文本 — how the portal's search reads a text, decided once for every store (PUB-3, PUB-7).
///
/// A text is folded (NFKC, then lowercased, every run of white space one space) and indexed
/// as its characters (unigrams) and its pairs of adjacent characters (bigrams), character
/// meaning Unicode scalar, as the databases' `instr`/`strpos` count them. A word of one
/// character needs its unigram, a longer word all its bigrams; the candidates those give are
/// then checked for the word itself, so a search is exact, never approximate. Most Chinese
/// words are one or two characters, which trigram indexes cannot find.
public enum SearchText {
    /// What the search compares: a title line, then the body, both folded.
    public static func document(title: String, body: String) -> String {
        folded(title) + "\n" + folded(body)
    }

    /// NFKC (full-width Ｌａｔｉｎ and digits become ASCII), lowercased, white space one space.
    public static func folded(_ text: String) -> String {
        let normal = text.precomposedStringWithCompatibilityMapping.lowercased()
        return normal.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The query's words, folded: split on white space, at most eight (`SearchWords`).
    public static func words(_ query: String) -> [String] {
        SearchWords.of(query).flatMap { folded($0).split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
    }

    /// The grams a (folded) document is indexed under: every character and every pair of
    /// adjacent characters, leaving out those with white space (no word contains any).
    public static func grams(ofDocument text: String) -> Set<String> {
        let scalars = Array(text.unicodeScalars)
        var grams = Set<String>()
        for (index, scalar) in scalars.enumerated() where !scalar.properties.isWhitespace {
            grams.insert(String(scalar))
            if index + 1 < scalars.count, !scalars[index + 1].properties.isWhitespace {
                var pair = String.UnicodeScalarView()
                pair.append(scalar)
                pair.append(scalars[index + 1])
                grams.insert(String(pair))
            }
        }
        return grams
    }

    /// The grams a document must have to contain `word` (folded): its character if it has one,
    /// else its bigrams. Every query word's grams, together, narrow the candidates.
    public static func grams(ofWord word: String) -> Set<String> {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 1 else { return Set(scalars.map { String($0) }) }
        return Set((0..<(scalars.count - 1)).map { index in
            var pair = String.UnicodeScalarView()
            pair.append(scalars[index])
            pair.append(scalars[index + 1])
            return String(pair)
        })
    }

    /// Whether the (folded) text contains the (folded) word, character for character.
    public static func contains(_ text: String, _ word: String) -> Bool {
        let haystack = Array(text.unicodeScalars), needle = Array(word.unicodeScalars)
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// Whether a document (`document(title:body:)`) contains every word.
    public static func matches(_ document: String, words: [String]) -> Bool {
        words.allSatisfy { contains(document, $0) }
    }

    /// 排序分 — how many of the words are in the title line: results with more rank first,
    /// then the newest. A word holds no white space, so it is in the title line exactly when
    /// it first occurs before the line break.
    public static func score(_ document: String, words: [String]) -> Int {
        let title = String(document.prefix { $0 != "\n" })
        return words.filter { contains(title, $0) }.count
    }
}
