import Foundation
@testable import SunlightCore
import SunlightDatabaseTestSupport
import SunlightFixtures
import SunlightStore
import SunlightTestSupport

extension DemoWorld {
    /// The database this world runs on; for tests of what only SQL has (triggers, raw rows).
    var host: StoreHost {
        get throws { try (database as? StoreHost).orThrow("a database (use DemoWorld.onDatabase)") }
    }

    /// The demo on this run's database (SQLite, or PostgreSQL in the PostgreSQL run), with files
    /// in a real ``FileBlobStore``.
    static func onDatabase<T>(today: CivilDate = CivilDate(iso: "2026-11-23")!,
                              _ body: (DemoWorld) async throws -> T) async throws -> T {
        // The tests' expectations of the demo's certificates were written for 2026-11-23.
        try await TestDatabase.withDemo(today: today, certificatesAsOf: CivilDate(iso: "2026-11-23")!) { sunlight, clock, host, seeded in
            let blobs = sunlight.blobs as! FileBlobStore
            return try await body(DemoWorld(sunlight: sunlight, clock: clock, seeded: seeded, database: host, upload: { bytes in
                // Streamed in small pieces, as an upload would be.
                let upload = try blobs.beginUpload()
                for start in stride(from: 0, to: bytes.count, by: 1000) {
                    try bytes[start..<min(start + 1000, bytes.count)].withUnsafeBytes { try upload.write($0) }
                }
                return try upload.finish()
            }))
        }
    }
}
