import Foundation
import SunlightCore
import SunlightDemo
import SunlightGenerator
import SunlightTestSupport
import Testing

/// The generator's lived year (issue 16 item 1): made through the use cases, the same from the
/// same seed, and rich enough that the supervision clues find what it plants (SUP-4).
@Suite struct LivedYearTests {
    static let today = CivilDate(iso: "2026-11-23")!

    /// A small lived year beside the demo: 元谋县 with three generated departments, 150 days.
    static func generate(seed: UInt64) async throws -> (Sunlight, MemoryStore, LivedYear.Tally) {
        let clock = GeneratorClock(today)
        let blobs = MemoryBlobStore()
        let store = MemoryStore()
        let sunlight = Sunlight(store: store, clock: clock, passwords: TestPasswordHasher(), secrets: SeededSecrets(seed: seed),
                                ledger: testLedger(), blobs: blobs)
        let seeded = try await DemoData.seed(sunlight)
        let plan = GenerationPlan(seed: seed, today: today, days: 120, casesPerCountyYear: 400, departments: 3)
        let tally = try await LivedYear.generate(plan, sunlight: sunlight, store: store, clock: clock, province: seeded.organisation("云南省人民政府"),
                                                 firstCounty: seeded.organisation("元谋县人民政府"), upload: { blobs.put($0) })
        return (sunlight, store, tally)
    }

    @Test("The lived year opens cases of all six categories, finishes some and leaves others resting in their stages, publishes decisions, registers leads and complaints, and is the same from the same seed (REC-1, PUB-6, REC-18, SUP-1)")
    func livedYear() async throws {
        let (_, store, tally) = try await Self.generate(seed: 7)
        let cases = try await store.cases.chronological(offset: 0, limit: 100_000)
        #expect(tally.cases > 100, "refusals: \(tally.refusals)")
        #expect(Set(cases.map(\.category)).isSuperset(of: EnforcementCategory.enforcement))
        for category in EnforcementCategory.enforcement {
            // Finished cases, and cases resting in the procedure's stages.
            let stages = Set(cases.filter { $0.category == category }.map(\.stage))
            #expect(stages.contains("done") && stages.count >= 2, "\(category): \(stages.sorted()); refusals: \(tally.refusals)")
        }
        #expect(cases.contains { $0.category == .penalty && $0.stage == "done" && $0.status == .archived })
        #expect(tally.published > 5 && tally.leads > 10 && tally.complaints > 5, "\(tally)")
        #expect(tally.withdrawn > 0, "withdrawals (PUB-7); refusals: \(tally.refusals)")
        // Legal reviews in every state: passed at once, sent back and revised, sent back and resubmitted unchanged, waiting (REV-1, REV-6).
        let rounds = try await store.reviews.records(offset: 0, limit: 100_000)
        let outcomes = Set(rounds.compactMap { $0.opinion?.outcome })
        #expect(outcomes.isSuperset(of: [.approve, .supplement]), "\(outcomes); refusals: \(tally.refusals)")
        #expect(cases.contains { $0.stage == "review" } || rounds.contains { $0.submission != nil && $0.round > 1 }, "refusals: \(tally.refusals)")
        // Core still gives some records IDs of its own (UUID()), so the same seed is compared by what the cases are.
        let again = try await Self.generate(seed: 7).1.cases.chronological(offset: 0, limit: 100_000)
        func described(_ cases: [EnforcementCase]) -> [[String]] { cases.map { [$0.number, $0.title, $0.stage, $0.status.rawValue] }.sorted { $0[0] < $1[0] } }
        #expect(described(again) == described(cases))
    }

    @Test("The supervision clues find the defects the lived year plants: overdue cases, missing audio/video, late and missing publications, overdue leads (SUP-4; REC-3, PUB-6, REC-18)")
    func plantedDefects() async throws {
        let (sunlight, _, _) = try await Self.generate(seed: 3)
        let supervisor = try await sunlight.access.actor(username: "jiandu", channel: .staff, address: "test")
        let kinds = Set(try await sunlight.supervision.supervisionClues(by: supervisor).map(\.kind))
        for kind in [SupervisionClue.Kind.overdue, .missingAudioVideo, .latePublication, .missingPublication, .leadOverdue] {
            #expect(kinds.contains(kind), "\(kind) not found in \(kinds.map(\.rawValue).sorted())")
        }
    }
}
