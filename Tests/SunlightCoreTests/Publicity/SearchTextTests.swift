import SunlightCore
import Testing

/// 检索文本 — what the bigram index stores and what a word needs (issue 16 item 5; PUB-3).
@Suite("SearchText: folding and grams")
struct SearchTextTests {
    @Test("PUB-3: folding applies NFKC, lowercases and makes white space one space")
    func folding() {
        #expect(SearchText.folded("ＦＯＯＤ　Safety\t１２") == "food safety 12")
        #expect(SearchText.document(title: "食品\n许可", body: "依据") == "食品 许可\n依据", "the title stays one line")
        #expect(SearchText.words("  ＡＢ  食品 ") == ["ab", "食品"])
    }

    @Test("PUB-3: a document is indexed under its characters and adjacent pairs, none with white space")
    func documentGrams() {
        #expect(SearchText.grams(ofDocument: "食品 许可") == ["食", "品", "食品", "许", "可", "许可"])
    }

    @Test("PUB-3: a one-character word needs its character, a longer word its bigrams")
    func wordGrams() {
        #expect(SearchText.grams(ofWord: "罚") == ["罚"])
        #expect(SearchText.grams(ofWord: "第六十三条") == ["第六", "六十", "十三", "三条"])
        #expect(SearchText.grams(ofWord: "十十十") == ["十十"])
    }

    @Test("PUB-3: matching is exact and the score counts the words in the title line")
    func matchAndScore() {
        let text = SearchText.document(title: "食品经营许可", body: "第六十条和第七十三条")
        #expect(SearchText.matches(text, words: ["经营", "七十三"]))
        #expect(!SearchText.matches(text, words: ["第六十三条"]), "every bigram is there, the word is not")
        #expect(!SearchText.matches(text, words: ["许可第六"]), "no word spans the line break")
        #expect(SearchText.score(text, words: ["食品", "许可", "七十"]) == 2)
    }
}
