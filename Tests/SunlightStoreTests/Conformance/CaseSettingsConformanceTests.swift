import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 文书编号、裁量基准与音像清单存储一致性 — beyond the basic walk in the case suite: a number
/// drawn in a transaction that fails is drawn again (gapless, REC-2), benchmarks are kept per
/// organisation, item and circumstance (STD-3), the audio/video list per organisation (REC-3).
@Suite("存储一致性 Repository conformance: case settings")
struct CaseSettingsConformanceTests {
    typealias C = Conformance

    struct Abandoned: Error {}

    @Test("REC-2: a document number drawn in a transaction that is rolled back is drawn again, so the series has no gap; years and codes are separate series",
          arguments: StoreKind.all)
    func gaplessNumbers(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let market = w.market.id
            #expect(try await store.caseSettings.nextNumber(organisation: market, code: "罚", year: 2026) == 1)
            await #expect(throws: Abandoned.self) {
                try await store.transaction { tx in
                    #expect(try await tx.caseSettings.nextNumber(organisation: market, code: "罚", year: 2026) == 2)
                    throw Abandoned()
                }
            }
            #expect(try await store.caseSettings.nextNumber(organisation: market, code: "罚", year: 2026) == 2)
            let kept = try await store.transaction { tx in try await tx.caseSettings.nextNumber(organisation: market, code: "罚", year: 2026) }
            #expect(kept == 3)
            #expect(try await store.caseSettings.nextNumber(organisation: market, code: "罚", year: 2026) == 4)
            #expect(try await store.caseSettings.nextNumber(organisation: market, code: "罚决", year: 2026) == 1, "a code is not a prefix of another")
        }
    }

    @Test("STD-3: one benchmark per organisation, item and circumstance; another organisation's or circumstance's is another benchmark; the walk is by ID a page at a time",
          arguments: StoreKind.all)
    func benchmarks(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let settings = store.caseSettings
            let item = UUID(), otherItem = UUID()
            func benchmark(_ organisation: Organisation, _ item: UUID, _ circumstance: DiscretionBenchmark.Circumstance, _ fine: Int) -> DiscretionBenchmark {
                DiscretionBenchmark(organisationID: organisation.id, itemEntryID: item, circumstance: circumstance, minFine: fine, maxFine: fine * 5,
                                    measures: "没收违法所得")
            }
            let general = benchmark(w.market, item, .general, 5000), serious = benchmark(w.market, item, .serious, 20000)
            let elsewhere = benchmark(w.other, item, .general, 3000), otherwise = benchmark(w.market, otherItem, .minor, 0)
            for b in [general, serious, elsewhere, otherwise] { try await settings.save(b) }
            try await settings.save(benchmark(w.other, item, .general, 4000))

            func sorted(_ list: [DiscretionBenchmark]) -> [DiscretionBenchmark] { list.sorted { $0.id.uuidString < $1.id.uuidString } }
            #expect(sorted(try await settings.benchmarks(organisation: w.market.id, item: item)) == sorted([general, serious]))
            #expect(sorted(try await settings.benchmarks(organisation: w.market.id, item: nil)) == sorted([general, serious, otherwise]))
            let resaved = try await settings.benchmarks(organisation: w.other.id, item: nil)
            #expect(resaved.map(\.id) == [elsewhere.id] && resaved.first?.minFine == 4000 && resaved.first?.maxFine == 20000)
            #expect(try await settings.benchmarks(organisation: w.county.id, item: nil).isEmpty)

            let all = sorted([general, serious, elsewhere, otherwise]).map(\.id)
            #expect(try await settings.benchmarks(offset: 0, limit: 10).map(\.id) == all)
            #expect(try await settings.benchmarks(offset: 1, limit: 2).map(\.id) == Array(all[1...2]))
            #expect(try await settings.benchmarks(offset: 4, limit: 2).isEmpty)
        }
    }

    @Test("REC-3: each organisation's audio/video changes are its own, per category; the verifier reads them all ordered by organisation, category and stage",
          arguments: StoreKind.all)
    func audioVideo(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let settings = store.caseSettings
            try await settings.setAudioVideo(organisation: w.other.id, category: .penalty, stage: "delivery", required: true)
            try await settings.setAudioVideo(organisation: w.market.id, category: .permit, stage: "examination", required: true)
            try await settings.setAudioVideo(organisation: w.market.id, category: .penalty, stage: "sampling", required: false)
            try await settings.setAudioVideo(organisation: w.market.id, category: .penalty, stage: "delivery", required: true)
            try await settings.setAudioVideo(organisation: w.market.id, category: .penalty, stage: "delivery", required: false)

            #expect(try await settings.audioVideoList(organisation: w.market.id, category: .penalty) == ["sampling": false, "delivery": false])
            #expect(try await settings.audioVideoList(organisation: w.market.id, category: .permit) == ["examination": true])
            #expect(try await settings.audioVideoList(organisation: w.other.id, category: .penalty) == ["delivery": true])
            #expect(try await settings.audioVideoList(organisation: w.county.id, category: .penalty).isEmpty)

            let market = [AudioVideoListEntry(organisationID: w.market.id, category: .penalty, stage: "delivery", required: false),
                          AudioVideoListEntry(organisationID: w.market.id, category: .penalty, stage: "sampling", required: false),
                          AudioVideoListEntry(organisationID: w.market.id, category: .permit, stage: "examination", required: true)]
            let other = [AudioVideoListEntry(organisationID: w.other.id, category: .penalty, stage: "delivery", required: true)]
            let expected = w.market.id.uuidString.lowercased() < w.other.id.uuidString.lowercased() ? market + other : other + market
            #expect(try await settings.audioVideoEntries() == expected)
        }
    }
}
