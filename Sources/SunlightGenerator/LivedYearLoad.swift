import Foundation
import SunlightCore
import SunlightDemo
import SunlightMemoryStore

/// 生成并装入 — the demo's 元谋县 (``DemoData``) and a lived year made in memory, county by
/// county, and bulk-loaded into an installation's database after each county (records
/// through the database's own repositories, log entries sequenced then integrated), so memory
/// holds one county at a time. Used by `sunlight generate` and `sunlight demo`.
public enum LivedYearLoad {
    /// What was loaded.
    public struct Outcome: Sendable {
        public let seeded: DemoData.Seeded
        public let tally: LivedYear.Tally
        public let loaded: BulkLoadCount
        /// Seconds spent copying into the database and integrating (generation in memory excluded).
        public let loadSeconds: Double
    }

    /// Generates `plan` beside the demo data and loads it into `target`'s store, which must be
    /// empty. The scratch installation shares `target`'s log settings (entries are sequenced,
    /// and `target` integrates them), its file store (photos are stored once) and its local
    /// settings; its clock is the generator's, its secrets the seed's, and every account gets
    /// the demo password hashed once.
    public static func run(_ plan: GenerationPlan, into target: Sunlight,
                           upload: @escaping @Sendable ([UInt8]) throws -> BlobReceipt,
                           progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Outcome {
        let memory = MemoryStore()
        let clock = GeneratorClock(plan.today)
        var ledger = target.ledger
        ledger.integration = .sequenced
        let scratch = Sunlight(store: memory, clock: clock,
                               passwords: try await SharedHashHasher(inner: target.passwords, password: DemoData.password),
                               secrets: SeededSecrets(seed: plan.seed), ledger: ledger, blobs: target.blobs, settings: target.settings)
        let seeded = try await DemoData.seed(scratch)
        var loaded = BulkLoadCount()
        var loading = Duration.zero
        let timer = ContinuousClock()
        let tally = try await LivedYear.generate(
            plan, sunlight: scratch, store: memory, clock: clock, province: seeded.organisation("云南省人民政府"),
            firstCounty: seeded.organisation("元谋县人民政府"), upload: upload, progress: progress
        ) { county in
            let started = timer.now
            let copied = try await target.bulkLoad(from: memory) { table, rows in progress("  第 \(county) 个县 装入 \(table)：\(rows) 行") }
            loading += started.duration(to: timer.now)
            try await memory.forgetCopiedCases()
            loaded = loaded + copied
            progress("第 \(county) 个县 已装入：记录 \(copied.records) 行，日志叶子 \(copied.leaves) 个")
        }
        progress("重建读模型（办案期限摘要、法制审核线索、案件统计事实）……")
        let started = timer.now
        try await target.finishBulkLoad()
        loading += started.duration(to: timer.now)
        let seconds = Double(loading.components.seconds) + Double(loading.components.attoseconds) / 1e18
        return Outcome(seeded: seeded, tally: tally, loaded: loaded, loadSeconds: seconds)
    }
}
