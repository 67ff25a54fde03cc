import Foundation
import SunlightCore
import SunlightDemo

/// The demo data set in memory, seeded once per process for each day and copied for each test:
/// for use-case tests that exercise no SQL (the conformance suite pins the stores to each other).
public enum MemoryDemo {
    private static let templates = OnceEach<(MemoryStore, DemoData.Seeded, LedgerSettings)>()

    /// The demo seeded into memory as of `today`, once per process.
    private static func template(today: CivilDate, certificatesAsOf: CivilDate) async throws -> (MemoryStore, DemoData.Seeded, LedgerSettings) {
        try await templates.value("\(today.iso)/\(certificatesAsOf.iso)") {
            let store = MemoryStore()
            let ledger = testLedger()
            let sunlight = Sunlight(store: store, clock: ManualClock(today), passwords: TestPasswordHasher(), ledger: ledger,
                                    blobs: MemoryBlobStore())
            return (store, try await DemoData.seed(sunlight, certificatesAsOf: certificatesAsOf), ledger)
        }
    }

    /// The use cases on a copy of the demo seeded as of `today`, at 09:00 Beijing time; files go
    /// to a blob store in memory of the test's own.
    public static func with<T>(today: CivilDate, certificatesAsOf: CivilDate,
                               _ body: (Sunlight, ManualClock, DemoData.Seeded) async throws -> T) async throws -> T {
        let (template, seeded, ledger) = try await template(today: today, certificatesAsOf: certificatesAsOf)
        let clock = ManualClock(today)
        let sunlight = Sunlight(store: template.copy(), clock: clock, passwords: TestPasswordHasher(), ledger: ledger,
                                blobs: MemoryBlobStore())
        return try await body(sunlight, clock, seeded)
    }
}
