import Foundation
@testable import SunlightCore
import SunlightDatabaseTestSupport
import SunlightGenerator
import SunlightStore
import SunlightTestSupport
import Testing

/// `sunlight generate`'s load (issue 16 item 1): the demo and a lived year made in memory and
/// bulk-loaded county by county into a database verify cleanly, and the database holds what
/// a store that received the same history holds (REC-5, REC-13).
@Suite struct BulkLoadTests {
    static let today = CivilDate(iso: "2026-11-23")!
    /// Two small counties (a city of two, under the demo's province): the second county's rows
    /// come after the first was copied and dropped from memory.
    static let plan = GenerationPlan(scale: .city, seed: 5, today: today, days: 30, casesPerCountyYear: 300, departments: 2,
                                   countiesPerCity: 2)

    static func load(into sunlight: Sunlight, plan: GenerationPlan) async throws -> LivedYearLoad.Outcome {
        let blobs = try #require(sunlight.blobs as? FileBlobStore)
        return try await LivedYearLoad.run(plan, into: sunlight, upload: { bytes in
            let upload = try blobs.beginUpload()
            try bytes.withUnsafeBytes { try upload.write($0) }
            return try upload.finish()
        })
    }

    static func described(_ store: any Store) async throws -> [[String]] {
        try await store.cases.chronological(offset: 0, limit: 100_000).map { [$0.number, $0.title, $0.stage, $0.status.rawValue] }
            .sorted { $0[0] < $1[0] }
    }

    @Test("REC-5, REC-13: a lived year bulk-loaded into the database, county by county, through sequence-then-integrate, verifies cleanly and matches the same history loaded into memory")
    func loadedYearVerifies() async throws {
        // given: the same plan loaded into a memory store, for comparison
        let expected = try await TestDatabase.withSunlight(.memory, today: Self.today) { sunlight, _ in
            let outcome = try await Self.load(into: sunlight, plan: Self.plan)
            return (outcome.loaded, try await Self.described(sunlight.store), try await sunlight.store.ledger.head().size)
        }
        try await TestDatabase.withSunlight(StoreKind.current, today: Self.today) { sunlight, _ in
            // when
            let outcome = try await Self.load(into: sunlight, plan: Self.plan)
            // then
            #expect(outcome.tally.cases > 30, "refusals: \(outcome.tally.refusals)")
            #expect(outcome.loaded == expected.0)
            #expect(outcome.loaded.leaves > 500 && outcome.loaded.records > outcome.loaded.leaves / 2)
            #expect(try await sunlight.store.ledger.head().size == UInt64(outcome.loaded.leaves))
            #expect(try await sunlight.store.ledger.head().size == expected.2)
            #expect(try await sunlight.integrationBacklog().count == 0)
            #expect(try await Self.described(sunlight.store) == expected.1)
            let report = try await sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems.prefix(5))")
            #expect(!report.readModelsBuiltBeforeCheck, "the load builds the case-clock summaries itself")
        }
    }
}
