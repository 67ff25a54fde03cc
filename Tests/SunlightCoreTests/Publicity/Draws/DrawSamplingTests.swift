import Testing
@testable import SunlightCore

/// The sampling arithmetic, word by word, on scripted words.
@Suite("双随机抽取 sampling (PUB-9)")
struct DrawSamplingTests {
    @Test("PUB-9: uniform(3) rejects only 2^64 − 1, the one word above 2^64 − (2^64 mod 3)")
    func uniformThreeRejectsTheTopWord() {
        // given: 2^64 mod 3 = 1, so limit = 2^64 − 1 and only UInt64.max is rejected
        var rejected = ScriptedWords([.max, .max, 7])
        var topAccepted = ScriptedWords([.max - 1])
        var small = ScriptedWords([0, 1, 2, 3])
        // when / then
        #expect(rejected.uniform(3) == 1)
        #expect(rejected.consumed == 3)
        #expect(topAccepted.uniform(3) == 2)  // (2^64 − 2) mod 3 = 2
        #expect(topAccepted.consumed == 1)
        #expect((0..<4).map { _ in small.uniform(3) } == [0, 1, 2, 0])
    }

    @Test("PUB-9: uniform(10) rejects the six words from 2^64 − 6 and accepts 2^64 − 7")
    func uniformTenRejectsTheTopSix() {
        // given: 2^64 mod 10 = 6, so limit = 2^64 − 6
        var words = ScriptedWords([.max, .max - 5, .max - 6])
        // when / then
        #expect(words.uniform(10) == 9)  // (2^64 − 7) mod 10 = 9
        #expect(words.consumed == 3)
    }

    @Test("PUB-9: for a power of two, and for n = 1, no word is rejected but one is consumed")
    func uniformPowerOfTwoAcceptsEverything() {
        var eight = ScriptedWords([.max])
        var one = ScriptedWords([.max, 12])
        #expect(eight.uniform(8) == 7)
        #expect(eight.consumed == 1)
        #expect(one.uniform(1) == 0)
        #expect(one.consumed == 1)
    }

    @Test("PUB-9: uniform(n) over all residues of one cycle hits each value exactly once")
    func uniformCoversResidues() {
        for n in [3, 5, 6, 7, 10, 1_000_003] {
            var words = ScriptedWords((0..<UInt64(n)).map { UInt64.max / 2 + $0 })
            let values = Set((0..<n).map { _ in words.uniform(n) })
            #expect(values.count == n, "n = \(n)")
        }
    }

    @Test("PUB-9: partial Fisher–Yates swaps a[i] with a[i + uniform(n − i)] and returns a[0..<k]")
    func partialFisherYates() {
        // given
        var words = ScriptedWords([2, 0, 5])
        // when: i = 0: j = 0 + 2 mod 4 = 2 → [c, b, a, d]; i = 1: j = 1 + 0 mod 3 = 1;
        //       i = 2: j = 2 + 5 mod 2 = 3 → [c, b, d, a]
        let chosen = words.choose(3, from: ["a", "b", "c", "d"])
        // then
        #expect(chosen == ["c", "b", "d"])
        #expect(words.consumed == 3)
    }

    @Test("PUB-9: choosing k is a prefix of choosing more from the same stream")
    func choosingIsPrefixStable() {
        var short = ScriptedWords([9, 4, 1, 7, 3])
        var long = ScriptedWords([9, 4, 1, 7, 3])
        let pool = Array(0..<10)
        #expect(short.choose(3, from: pool) == Array(long.choose(5, from: pool).prefix(3)))
    }

    @Test("PUB-9: pools are ordered by key as UTF-8 bytes, without Unicode normalisation")
    func canonicalOrderIsByUTF8Bytes() {
        // given: "e\u{301}" (65 CC 81) and "\u{e9}" (C3 A9) are equal as Swift strings but not as bytes
        let keys = ["中", "b", "\u{e9}", "Z", "e\u{301}", "a"]
        // when
        let forward = RandomDraw.canonicalOrder(keys) { $0 }
        let backward = RandomDraw.canonicalOrder(keys.reversed()) { $0 }
        // then
        let expected: [[UInt8]] = ["Z", "a", "b", "e\u{301}", "\u{e9}", "中"].map { Array($0.utf8) }
        #expect(forward.sorted.map { Array($0.utf8) } == expected)
        #expect(backward.sorted.map { Array($0.utf8) } == expected)
        #expect(forward.duplicate == nil)
    }
}
