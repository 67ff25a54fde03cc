import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 案件检索一致性 — the case list's text filter, dates, statuses, organisations and order give
/// the same answer on memory, SQLite and PostgreSQL (REC-1).
@Suite("存储一致性 Repository conformance: case search")
struct CaseSearchConformanceTests {
    typealias C = Conformance

    @Test("REC-1: the text filter takes % and _ (and \\) literally, ignores the case of Latin letters, and looks in the title and the number",
          arguments: StoreKind.all)
    func textIsLiteral(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let percent = C.enforcementCase("元市监立〔2026〕1号", title: "销售100%纯果汁案", in: w.market, openedAt: 0)
            let digits = C.enforcementCase("元市监立〔2026〕2号", title: "销售1000纯果汁案", in: w.market, openedAt: 1)
            let underscore = C.enforcementCase("元市监立〔2026〕3号", title: "A_B 批发案", in: w.market, openedAt: 2)
            let letter = C.enforcementCase("元市监立〔2026〕4号", title: "AXB 批发案", in: w.market, openedAt: 3)
            let backslash = C.enforcementCase("元市监立〔2026〕5号", title: "目录C:\\temp案", in: w.market, openedAt: 4)
            let latin = C.enforcementCase("元市监立〔2026〕6_X号", title: "FOOD 标签案", in: w.market, openedAt: 5)
            for x in [percent, digits, underscore, letter, backslash, latin] { try await store.cases.insert(x) }
            func found(_ text: String) async throws -> [String] {
                try await store.cases.list(organisations: [w.market.id], filter: CaseFilter(text: text), limit: 50).map(\.number)
            }
            #expect(try await found("100%纯") == [percent.number], "% is a percent sign, not a wildcard")
            #expect(try await found("%") == [percent.number])
            #expect(try await found("a_b") == [underscore.number], "_ is an underscore, not any one character; Latin case ignored")
            #expect(try await found("_") == [latin.number, underscore.number], "in the number or the title")
            #expect(try await found("C:\\t") == [backslash.number], "a backslash is a backslash")
            #expect(try await found("food") == [latin.number])
            #expect(try await found("6_x") == [latin.number], "a part of the number, any case")
            #expect(try await found("纯果汁") == [digits.number, percent.number])
            #expect(try await found("").count == 6, "an empty text filters nothing")
        }
    }

    @Test("REC-1: dates are inclusive at both ends; statuses are a set (empty: nothing); text, status and category combine", arguments: StoreKind.all)
    func datesStatusesCombined(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let day = 86_400.0
            let a = C.enforcementCase("元市监立〔2026〕1号", title: "无证经营案", in: w.market, openedAt: 0)
            let b = C.enforcementCase("元市监立〔2026〕2号", title: "无证经营案", in: w.market, openedAt: day, status: .closed)
            let c = C.enforcementCase("元市监立〔2026〕3号", title: "占道经营案", in: w.market, openedAt: day * 2, status: .archived)
            let d = C.enforcementCase("元市监立〔2026〕4号", title: "无证经营检查", in: w.market, openedAt: day * 3, category: .inspection, status: .suspended)
            for x in [a, b, c, d] { try await store.cases.insert(x) }
            func list(_ filter: CaseFilter) async throws -> [String] {
                try await store.cases.list(organisations: [w.market.id], filter: filter, limit: 50).map(\.number)
            }
            #expect(try await list(CaseFilter(openedFrom: b.openedOn, openedTo: c.openedOn)) == [c.number, b.number], "both ends included")
            #expect(try await list(CaseFilter(openedFrom: c.openedOn)) == [d.number, c.number])
            #expect(try await list(CaseFilter(openedTo: a.openedOn)) == [a.number])
            #expect(try await list(CaseFilter(openedFrom: c.openedOn, openedTo: b.openedOn)).isEmpty, "a reversed range is empty")
            #expect(try await list(CaseFilter(statuses: [.closed, .archived])) == [c.number, b.number])
            #expect(try await list(.running) == [d.number, a.number])
            #expect(try await list(CaseFilter(statuses: [])).isEmpty, "no status allowed: nothing")
            #expect(try await list(CaseFilter(statuses: [.open, .closed, .suspended], category: .penalty, text: "无证")) == [b.number, a.number])
            #expect(try await list(CaseFilter(statuses: [.suspended], category: .inspection, openedFrom: d.openedOn, text: "检查")) == [d.number])
        }
    }

    @Test("REC-1: only the organisations asked for (no subtree implied); newest opened first, ties by ID; the limit cuts the newest off",
          arguments: StoreKind.all)
    func scopeAndOrder(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let county = C.enforcementCase("元政立〔2026〕1号", in: w.county, openedAt: 10)
            let tied = (1...4).map { C.enforcementCase("元市监立〔2026〕\($0)号", in: w.market, openedAt: 20) }
            let other = C.enforcementCase("武立〔2026〕1号", in: w.other, openedAt: 30)
            for x in [county, other] + tied { try await store.cases.insert(x) }
            func list(_ organisations: [Organisation.ID], limit: Int = 50) async throws -> [String] {
                try await store.cases.list(organisations: organisations, filter: .all, limit: limit).map(\.number)
            }
            let byID = tied.sorted { $0.id.uuidString < $1.id.uuidString }.map(\.number)
            #expect(try await list([w.market.id]) == byID, "equal times by ID")
            #expect(try await list([w.county.id]) == [county.number], "the county's own cases, not its department's")
            #expect(try await list([w.market.id, w.other.id]) == [other.number] + byID)
            #expect(try await list([w.market.id, w.other.id, w.county.id], limit: 3) == [other.number] + byID.prefix(2))
            #expect(try await list([UUID()]).isEmpty)
        }
    }
}
