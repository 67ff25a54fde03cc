import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 双随机抽查存储一致性 — inspection draws (PUB-4, PUB-9): the whole state round-trips through every
/// stage, lists are newest committed first (ties by ID) per organisation, the walk is oldest first.
@Suite("存储一致性 Repository conformance: inspection draws")
struct DrawConformanceTests {
    typealias C = Conformance

    func draw(_ title: String, by organisation: Organisation, committed seconds: Double) -> InspectionDraw {
        InspectionDraw(organisationID: organisation.id, itemEntryID: nil, title: title, category: .inspection,
                       targets: [RandomDraw.Target(key: "91532328MA0001", name: "元谋县甲超市"), RandomDraw.Target(key: "91532328MA0002", name: "元谋县乙餐馆")],
                       inspectors: [RandomDraw.Inspector(key: "53232800101", name: "张伟"), RandomDraw.Inspector(key: "53232800102", name: "李娜")],
                       parameters: RandomDraw.Parameters(targetCount: 1, inspectorsPerTarget: 2), seed: "seed-\(title)", committedAt: C.at(seconds))
    }

    @Test("PUB-9: a draw round-trips committed, drawn, inspected and published, with its seed, assignments and results; IDs are unique",
          arguments: StoreKind.all)
    func stages(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let draws = store.draws
            let committed = draw("2026年第四季度食品经营者抽查", by: w.market, committed: 10)
            try await draws.insert(committed)
            #expect(try await draws.find(committed.id) == committed)
            #expect(try await draws.find(committed.id)?.commitment == RandomDraw.commitment(ofSeed: "seed-2026年第四季度食品经营者抽查"))
            await #expect(throws: (any Error).self) { try await draws.insert(committed) }

            var drawn = committed
            drawn.status = .drawn
            drawn.drawnAt = C.at(20)
            drawn.assignments = [RandomDraw.Assignment(target: committed.targets[1], inspectors: committed.inspectors)]
            try await draws.update(drawn)
            #expect(try await draws.find(committed.id) == drawn)

            var published = drawn
            published.status = .published
            published.inspectionEndedOn = CivilDate(iso: "2026-11-25")
            published.resultsDueOn = CivilDate(iso: "2026-12-23")
            published.results = [InspectionDraw.TargetResult(targetKey: "91532328MA0002", findings: "未发现问题", handling: "无")]
            published.publishedOn = CivilDate(iso: "2026-12-01")
            try await draws.update(published)
            #expect(try await draws.find(committed.id) == published)
            #expect(try await draws.list(organisations: nil).map(\.status) == [.published], "the listed row follows the update")
            #expect(try await draws.find(UUID()) == nil)
            await #expect(throws: (any Error).self) { try await draws.update(draw("未登记", by: w.market, committed: 0)) }
        }
    }

    @Test("PUB-4: draws are listed for these organisations newest committed first, ties by ID, all when nil, none for an empty list; walked oldest first a page at a time",
          arguments: StoreKind.all)
    func lists(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let draws = store.draws
            let early = draw("一", by: w.market, committed: 10), late = draw("二", by: w.market, committed: 30)
            let twinA = draw("三", by: w.market, committed: 20), twinB = draw("四", by: w.market, committed: 20)
            let elsewhere = draw("五", by: w.other, committed: 25)
            for d in [late, twinB, elsewhere, early, twinA] { try await draws.insert(d) }
            let twins = [twinA, twinB].sorted { $0.id.uuidString < $1.id.uuidString }.map(\.id)

            #expect(try await draws.list(organisations: [w.market.id]).map(\.id) == [late.id] + twins + [early.id])
            #expect(try await draws.list(organisations: [w.other.id]).map(\.id) == [elsewhere.id])
            #expect(try await draws.list(organisations: [w.county.id]).isEmpty, "only the organisation's own draws, not its departments'")
            #expect(try await draws.list(organisations: nil).map(\.id) == [late.id, elsewhere.id] + twins + [early.id])
            #expect(try await draws.list(organisations: []).isEmpty)

            #expect(try await draws.chronological(offset: 0, limit: 10).map(\.id) == [early.id] + twins + [elsewhere.id, late.id])
            #expect(try await draws.chronological(offset: 1, limit: 2).map(\.id) == twins)
            #expect(try await draws.chronological(offset: 5, limit: 2).isEmpty)
        }
    }
}
