import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 二元组检索一致性 — the bigram index (issue 16 item 5): one query set, the same ordered results
/// on the memory store, SQLite and PostgreSQL — one-, two- and longer-character words, Latin in
/// any case and width, a credit code, decision numbers, statute articles, a word spanning title
/// and body, a word nowhere (PUB-3, PUB-7).
@Suite("存储一致性 Repository conformance: bigram search")
struct SearchGramConformanceTests {
    typealias C = Conformance

    static let creditCode = "91530000MA6K7X2Y3Q"

    func document(_ id: String, _ organisation: Organisation, _ title: String, _ body: String, at seconds: Double) -> SearchDocument {
        SearchDocument(id: id, organisationID: organisation.id, kind: "执法事项清单", title: title, body: body, link: "/p/\(id)",
                       updatedAt: C.at(seconds))
    }

    func ids(_ store: any Store, _ query: String) async throws -> [String] {
        try await store.search.search(query, organisations: nil, limit: 50).map(\.id)
    }

    @Test("PUB-3: site search finds words of every length and exact codes and articles, ranks words in the title first, then newest",
          arguments: StoreKind.all)
    func siteSearch(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            try await store.search.upsert(document("entry:1", w.market, "食品经营许可", "依据《中华人民共和国食品安全法》第六十三条，对食品经营者的许可", at: 1))
            try await store.search.upsert(document("entry:2", w.market, "Food Safety 抽检", "统一社会信用代码 \(Self.creditCode) 的企业", at: 2))
            try await store.search.upsert(document("entry:3", w.other, "药品经营", "食品 许可 见第六十条和第七十三条", at: 3))
            try await store.search.upsert(document("entry:4", w.other, "全角ＡＢＣ检查", "检查", at: 4))

            #expect(try await ids(store, "食") == ["entry:1", "entry:3"], "one character: the title match ranks before the newer body match")
            #expect(try await ids(store, "许可") == ["entry:1", "entry:3"], "two characters")
            #expect(try await ids(store, "经营") == ["entry:3", "entry:1"], "both in the title: newest first")
            #expect(try await ids(store, "经营许可") == ["entry:1"], "four characters, contiguous only")
            #expect(try await ids(store, "食品 许可") == ["entry:1", "entry:3"], "every word; two in the title first")
            #expect(try await ids(store, "fOOD SAFETY") == ["entry:2"], "Latin in any case")
            #expect(try await ids(store, "abc") == ["entry:4"], "full-width Latin is folded (NFKC)")
            #expect(try await ids(store, Self.creditCode) == ["entry:2"], "an 18-character credit code")
            #expect(try await ids(store, Self.creditCode.lowercased()) == ["entry:2"])
            #expect(try await ids(store, "第六十三条") == ["entry:1"], "an article: entry:3 has every bigram (第六 六十 十三 三条) but not the word")
            #expect(try await ids(store, "许可依据").isEmpty, "a word does not run from the title into the body")
            #expect(try await ids(store, "不存在的词").isEmpty, "a word nowhere")
            #expect(try await ids(store, "%").isEmpty, "no wildcards")
        }
    }

    @Test("PUB-7: decision search looks up decision numbers, articles and credit codes exactly, numbers first, then newest", arguments: StoreKind.all)
    func decisionSearch(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let p1 = try await C.publication(store, "元市监罚〔2026〕12号", w.market, decided: "2026-11-20", status: .published,
                                             text: "当事人销售过期食品，违反《食品安全法》第三十四条，统一社会信用代码\(Self.creditCode)")
            let p2 = try await C.publication(store, "元市监罚〔2026〕120号", w.market, decided: "2026-11-22", status: .published,
                                             text: "Food 标签不合格，依据第一百二十四条")
            let p3 = try await C.publication(store, "武市监罚〔2026〕3号", w.other, decided: "2026-11-21", status: .withdrawn,
                                             text: "参照元市监罚〔2026〕12号处理")
            func found(_ text: String) async throws -> [String] {
                try await store.publications.publicDecisions(DecisionFilter(text: text)).map(\.number)
            }

            #expect(try await found("元市监罚〔2026〕12号") == [p1.number, p3.number], "the number itself first, then a text citing it; not 120号")
            #expect(try await found("〔2026〕12") == [p2.number, p1.number, p3.number], "in two numbers (newest first), then in a text")
            #expect(try await found("罚") == [p2.number, p3.number, p1.number], "one character, in every number: newest first")
            #expect(try await found("第三十四条") == [p1.number], "a statute article")
            #expect(try await found("第一百二十四条") == [p2.number])
            #expect(try await found(Self.creditCode) == [p1.number], "a credit code")
            #expect(try await found("FOOD") == [p2.number], "Latin in any case")
            #expect(try await found("过期 食品") == [p1.number], "every word")
            #expect(try await found("12号处理") == [p3.number])
            #expect(try await found("不存在").isEmpty, "a word nowhere")
        }
    }

    @Test("PUB-7: a decision's grams follow its published text — a correction is found by its new words only", arguments: StoreKind.all)
    func decisionGramsFollowText(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            var p = try await C.publication(store, "元市监罚〔2026〕7号", w.market, decided: "2026-11-20", status: .published, text: "旧的文字")
            p.content = [PublishedField(key: "facts", label: "违法事实", text: "更正后的文字")]
            try await store.publications.update(p)
            #expect(try await store.publications.publicDecisions(DecisionFilter(text: "旧的")).isEmpty)
            #expect(try await store.publications.publicDecisions(DecisionFilter(text: "更正")).map(\.id) == [p.id])
        }
    }
}
