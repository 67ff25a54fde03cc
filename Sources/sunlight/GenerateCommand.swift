import ArgumentParser
import Foundation
import SunlightCore
import SunlightDemo
import SunlightGenerator
import SunlightServer
import SunlightStore

/// `sunlight generate` — the demo's 元谋县 and a lived year at a county's, a city's or a
/// province's scale, bulk-loaded into the configured database.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成一段有过一年执法历史的演示数据，批量装入配置的数据库（须为空库）",
        discussion: """
            先装入演示用的元谋县（与 sunlight demo 相同），再按规模生成各县一年的执法历史：六类执法、各个环节、\
            逾期与按期办理、法制审核、决定公开（按期、逾期、未公开）与撤下、线索、投诉。每个县先在内存中生成，\
            再把它的记录与日志条目成批写入数据库（日志条目先排序后整合，每批一个检查点），内存只保留一个县。
            规模：county 一个县（默认），city 一个市的 10 个县，province 一个省的 16 个市、160 个县。
            同一种子、同一天生成同样的历史。所有账号的密码与演示环境相同。
            """)

    @Option(help: "规模：county（默认）、city 或 province") var scale: String = "county"
    @Option(help: "随机种子（默认 1）：同一种子生成同样的历史") var seed: UInt64 = 1
    @Option(help: "历史的最后一天 YYYY-MM-DD（默认 SUNLIGHT_TODAY，或本机日期）") var today: String?

    func run() async throws {
        bootstrapLogging(.notice)
        let configuration = try ServerConfiguration.from()
        guard let scale = GenerationScale(rawValue: scale) else {
            throw fail(ConfigurationError("规模只能是 county、city 或 province：\(scale)"))
        }
        let day: CivilDate
        do {
            let pinned = try today.map { try ServerConfiguration.pinnedDay($0, source: "--today") } ?? configuration.today
            day = try DemoData.day(pinned: pinned, today: ChinaTime.date(of: Date()),
                                   shipped: WorkingDayCalendar(ShippedCalendars.notices())).day
        } catch {
            throw fail(error)
        }
        let plan = GenerationPlan(scale: scale, seed: seed, today: day)
        let started = ContinuousClock.now
        let store = configuration.store.displayName
        try await SunlightRuntime.withSunlight(configuration) { sunlight, _ in
            guard try await !sunlight.organisations.isInstalled() else {
                throw fail(ConfigurationError("只能装入空数据库：\(store) 中已有数据"))
            }
            Self.say("生成 \(scale.rawValue)（种子 \(seed)，截至 \(day.iso)）装入 \(store)")
            let blobs = try configuration.makeBlobStore()
            let outcome = try await LivedYearLoad.run(plan, into: sunlight, upload: { bytes in
                let upload = try blobs.beginUpload()
                try bytes.withUnsafeBytes { try upload.write($0) }
                return try upload.finish()
            }, progress: { line in
                let elapsed = started.duration(to: .now).components
                Self.say(String(format: "%7.1f s  ", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18) + line)
            })
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            Self.say(Self.summary(outcome, seconds: seconds))
        }
    }

    /// One line to standard output, unbuffered, so progress shows as it happens (also in a file).
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    /// The rules' refusals met on the way, by code, most frequent first: the generator acts
    /// through the same gates as people, so these are the gates it ran into.
    static func refusals(_ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "" }
        return "\n规则拒绝：" + counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value) 次" }.joined(separator: "，")
    }

    static func summary(_ outcome: LivedYearLoad.Outcome, seconds: Double) -> String {
        let loaded = outcome.loaded
        let load = outcome.loadSeconds
        let rate = { (n: Int, s: Double) in s > 0 ? Int(Double(n) / s) : 0 }
        return """
            完成：立案 \(outcome.tally.cases) 件，完成环节 \(outcome.tally.stagesCompleted) 个，公开决定 \(outcome.tally.published) 件\
            （撤下 \(outcome.tally.withdrawn) 件），线索 \(outcome.tally.leads) 条，投诉 \(outcome.tally.complaints) 件
            装入记录 \(loaded.records) 行，日志叶子 \(loaded.leaves) 个；装入用时 \(String(format: "%.1f", load)) 秒，全程 \(String(format: "%.1f", seconds)) 秒
            leaves/s \(rate(loaded.leaves, load))  records/s \(rate(loaded.records, load))  (load only; whole run: leaves/s \(rate(loaded.leaves, seconds)))
            """ + refusals(outcome.tally.refusals)
    }
}
