import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 检索一致性 — the portal's search (the bigram index, `SearchGramIndex`): every store must find
/// the same documents in the same order (PUB-2, PUB-3, PUB-7).
@Suite("存储一致性 Repository conformance: search")
struct SearchConformanceTests {
    typealias C = Conformance

    func document(_ id: String, _ organisation: Organisation, _ title: String, _ body: String, at seconds: Double) -> SearchDocument {
        SearchDocument(id: id, organisationID: organisation.id, kind: "执法事项清单", title: title, body: body, link: "/p/\(id)",
                       updatedAt: C.at(seconds))
    }

    func ids(_ store: any Store, _ query: String, _ organisations: [Organisation.ID]? = nil, limit: Int = 50) async throws -> [String] {
        try await store.search.search(query, organisations: organisations, limit: limit).map(\.id)
    }

    @Test("PUB-3: list search finds one- and two-character Chinese words, longer words and Latin words in any case, every word required, newest first",
          arguments: StoreKind.all)
    func listSearchWords(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            try await store.search.upsert(document("entry:1", w.market, "食品经营许可", "对食品经营者的许可，依据《食品安全法》", at: 1))
            try await store.search.upsert(document("officer:2", w.market, "张伟", "执法证号 53232800101 市场监督", at: 2))
            try await store.search.upsert(document("entry:3", w.other, "食品抽检", "Food Safety inspection 抽样检验", at: 3))

            #expect(try await ids(store, "食品") == ["entry:3", "entry:1"], "a two-character word, newest first")
            #expect(try await ids(store, "食") == ["entry:3", "entry:1"], "a one-character word")
            #expect(try await ids(store, "食品经营") == ["entry:1"], "a four-character word")
            #expect(try await ids(store, "张伟") == ["officer:2"], "a two-character name in the title")
            #expect(try await ids(store, "食品 许可") == ["entry:1"], "every word must appear")
            #expect(try await ids(store, "食品   抽样") == ["entry:3"], "words split on any white space")
            #expect(try await ids(store, "food") == ["entry:3"], "Latin words ignore case")
            #expect(try await ids(store, "SAFETY inspection") == ["entry:3"])
            #expect(try await ids(store, "53232800101") == ["officer:2"], "digits in the body")
            #expect(try await ids(store, "食品 张伟").isEmpty, "no document has both")
            #expect(try await ids(store, "   ").isEmpty, "no words, no results")
            #expect(try await ids(store, "%").isEmpty, "LIKE wildcards are literal")
            #expect(try await ids(store, "_").isEmpty)
        }
    }

    @Test("PUB-3: list search filters by organisation (none given: all; an empty list: nothing) and is limited", arguments: StoreKind.all)
    func listSearchScope(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            try await store.search.upsert(document("entry:1", w.market, "食品经营许可", "许可", at: 1))
            try await store.search.upsert(document("entry:2", w.county, "食品安全检查", "检查", at: 2))
            try await store.search.upsert(document("entry:3", w.other, "食品抽检", "抽检", at: 3))
            #expect(try await ids(store, "食品", [w.market.id, w.county.id]) == ["entry:2", "entry:1"])
            #expect(try await ids(store, "食品", [w.other.id]) == ["entry:3"])
            #expect(try await ids(store, "食品", []).isEmpty)
            #expect(try await ids(store, "食品", nil) == ["entry:3", "entry:2", "entry:1"])
            #expect(try await ids(store, "食品", limit: 2) == ["entry:3", "entry:2"])
        }
    }

    @Test("PUB-3: a document upserted again replaces the old text; a removed one is no longer found; equal times order by ID", arguments: StoreKind.all)
    func listSearchUpsert(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            try await store.search.upsert(document("entry:b", w.market, "食品经营许可", "旧文本", at: 1))
            try await store.search.upsert(document("entry:a", w.market, "食品生产许可", "文本", at: 1))
            #expect(try await ids(store, "许可") == ["entry:a", "entry:b"], "same time: by ID")
            try await store.search.upsert(document("entry:b", w.market, "药品经营许可", "新文本", at: 2))
            #expect(try await ids(store, "旧文本").isEmpty)
            #expect(try await ids(store, "药品") == ["entry:b"])
            #expect(try await store.search.search("许可", organisations: nil, limit: 10).first?.title == "药品经营许可")
            try await store.search.remove(id: "entry:b")
            #expect(try await ids(store, "许可") == ["entry:a"])
        }
    }

    @Test("PUB-7: decision search shows only published or withdrawn decisions, finds words only in the number or the published text, newest decision first",
          arguments: StoreKind.all)
    func decisionSearch(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let p1 = try await C.publication(store, "元市监罚〔2026〕1号", w.market, decided: "2026-11-20", status: .published, text: "当事人销售过期食品，罚款五千元", note: "内部意见")
            let p2 = try await C.publication(store, "元市监罚〔2026〕2号", w.market, decided: "2026-11-22", status: .withdrawn, text: "Food 标签不合格")
            let p3 = try await C.publication(store, "元市监罚〔2026〕3号", w.market, decided: "2026-11-21", status: .due, text: "过期食品")
            let p4 = try await C.publication(store, "武许〔2026〕4号", w.other, decided: "2026-11-19", status: .published, text: "食品经营许可", category: .permit)
            func found(_ filter: DecisionFilter) async throws -> [String] { try await store.publications.publicDecisions(filter).map(\.number) }

            #expect(try await found(DecisionFilter()) == [p2.number, p1.number, p4.number], "the due decision is not public")
            #expect(try await found(DecisionFilter(text: "食品")) == [p1.number, p4.number])
            #expect(try await found(DecisionFilter(text: "过期")) == [p1.number], "a two-character word")
            #expect(try await found(DecisionFilter(text: "款")) == [p1.number], "a one-character word")
            #expect(try await found(DecisionFilter(text: "过期食品")) == [p1.number], "a four-character word")
            #expect(try await found(DecisionFilter(text: "food")) == [p2.number], "Latin words ignore case")
            #expect(try await found(DecisionFilter(text: "〔2026〕1号")) == [p1.number], "the number is searchable")
            #expect(try await found(DecisionFilter(text: "食品 罚款")) == [p1.number], "every word")
            #expect(try await found(DecisionFilter(text: p3.number)).isEmpty, "a decision not yet public is not found even by its number")
            #expect(try await found(DecisionFilter(text: "内部意见")).isEmpty, "unpublished text is never searched")
            #expect(try await found(DecisionFilter(organisations: [w.market.id])) == [p2.number, p1.number])
            #expect(try await found(DecisionFilter(organisations: [])).isEmpty)
            #expect(try await found(DecisionFilter(category: .permit)) == [p4.number])
            #expect(try await found(DecisionFilter(from: CivilDate(iso: "2026-11-20"), to: CivilDate(iso: "2026-11-21"))) == [p1.number])
            #expect(try await found(DecisionFilter(limit: 1, offset: 1)) == [p1.number], "a page")
        }
    }
}
