import Foundation
@testable import SunlightCore
import SunlightDemo
import SunlightTestSupport

/// The demo data set, seeded through the use cases, and the actors in it — the world the
/// use-case tests act in. ``with(today:_:)`` puts it in memory (no database); the store tests
/// add `onDatabase`, which puts it on SQLite or PostgreSQL.
public struct DemoWorld: Sendable {
    public let sunlight: Sunlight
    public let clock: ManualClock
    public let seeded: DemoData.Seeded
    /// The database under the world, when it has one (the store tests read it as `host`).
    public let database: (any Sendable)?
    /// Stores a file's bytes in the world's blob store, as a finished upload would.
    public let upload: @Sendable ([UInt8]) throws -> BlobReceipt

    public init(sunlight: Sunlight, clock: ManualClock, seeded: DemoData.Seeded, database: (any Sendable)? = nil,
                upload: @escaping @Sendable ([UInt8]) throws -> BlobReceipt) {
        self.sunlight = sunlight
        self.clock = clock
        self.seeded = seeded
        self.database = database
        self.upload = upload
    }

    /// The demo in memory: use-case tests that exercise no SQL run here, in milliseconds.
    public static func with<T>(today: CivilDate = CivilDate(iso: "2026-11-23")!,
                               _ body: (DemoWorld) async throws -> T) async throws -> T {
        // The tests' expectations of the demo's certificates were written for 2026-11-23.
        try await MemoryDemo.with(today: today, certificatesAsOf: CivilDate(iso: "2026-11-23")!) { sunlight, clock, seeded in
            let blobs = sunlight.blobs as! MemoryBlobStore
            return try await body(DemoWorld(sunlight: sunlight, clock: clock, seeded: seeded, upload: { blobs.put($0) }))
        }
    }

    /// The demo world on a Monday before 中秋 and 国庆 2026, so clocks cross both holidays.
    public static func beforeHolidays<T>(_ body: (DemoWorld) async throws -> T) async throws -> T {
        try await with(today: CivilDate(iso: "2026-09-21")!, body)
    }

    /// The actor for a demo account, as if logged in to the staff UI.
    public func actor(_ username: String) async throws -> Actor {
        let user = try await sunlight.store.users.find(username: username)!
        return try await sunlight.access.actor(for: user, channel: .staff, address: "192.0.2.10")
    }

    public func user(_ username: String) async throws -> StaffUser {
        try await sunlight.store.users.find(username: username)!
    }

    /// Every access-log entry, newest first, with client addresses.
    public func accessLog() async throws -> [AccessLogEntry] {
        try await sunlight.access.withAddresses(try await sunlight.store.accessLog.entries(AccessLogQuery(organisationPaths: ["/"], limit: 1000)))
    }

    /// The demo's market-regulation bureau, where most cases are.
    public var market: Organisation { seeded.organisation("元谋县市场监督管理局") }

    /// Stores bytes as the world's uploads do.
    public func storeBlob(_ bytes: [UInt8]) throws -> BlobReceipt { try upload(bytes) }

    /// A body-camera video's description, as an officer records it.
    public func evidence(_ title: String = "现场检查 某超市", recordedBy: String = "scj.zhangwei", parties: String? = "王某某，手机 13800001111",
                         corrects: EvidenceFile.ID? = nil, reason: String? = nil) async throws -> NewEvidence {
        NewEvidence(kind: .video, title: title, filename: "DSJ_0032.mp4", mediaType: "video/mp4",
                    recordedAt: clock.now.addingTimeInterval(-3600), place: "元谋县元马镇龙川街 12 号",
                    recordedBy: try await user(recordedBy).id, device: "执法记录仪 DSJ-A8 #0032", parties: parties,
                    corrects: corrects, correctionReason: reason)
    }

    public static let itemFields = [
        "code": "SJ-CF-001", "name": "对生产经营不符合食品安全标准的食品的处罚", "powerCategory": "行政处罚", "enforcementCategory": "行政处罚",
        "law": "中华人民共和国食品安全法", "article": "第一百二十四条", "discretionBenchmark": "云南省市场监管行政处罚裁量基准 第12项",
        "responsibleOrganisation": "元谋县市场监督管理局", "entrusted": "否", "timeLimit": "立案之日起90日",
    ]

    /// Drafts as an officer and publishes as the clerk.
    public func publish(_ kind: ListKind, _ fields: [String: String], entry: UUID? = nil,
                        change: ListEntryVersion.Change = .publish) async throws -> ListEntryVersion {
        let draft = try await sunlight.publicity.draftListEntry(kind, organisationID: market.id, entryID: entry, fields: fields,
                                                                effectiveFrom: clock.today, change: change, by: try await actor("scj.zhangwei"))
        return try await sunlight.publicity.checkListEntry(draft.id, approve: true, note: nil, by: try await actor("scj.gongshi"))
    }
}

/// Whether `error` is a ``SunlightError`` with the given code.
public func ~= (code: String, error: any Error) -> Bool { (error as? SunlightError)?.code == code }
