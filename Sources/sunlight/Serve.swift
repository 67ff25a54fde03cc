import ArgumentParser
import Foundation
import SunlightCore
import SunlightDemo
import SunlightGenerator
import SunlightServer
import SunlightStore

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "启动服务（配置见 sunlight --help）")

    func run() async throws {
        bootstrapLogging()
        let configuration = try ServerConfiguration.from()
        print("阳光执法 正在启动：\(configuration.store.displayName)，http://\(configuration.hostname):\(configuration.port)")
        try await SunlightRuntime.serve(configuration)
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "用全新的演示数据启动服务（元谋县：司法局与三个执法部门）",
        discussion: """
            演示数据保存在 SUNLIGHT_DATA_DIR/demo.sqlite，每次启动都会重建，不影响正式数据。
            演示数据按“今天”生成（执法证有效期、案件日期、年度考核、抽查季度都相对于今天）。默认的“今天”是本机日期（北京时间）；\
            本机日期所在年度的节假日安排未随程序提供时，改用最新一年中的同一日期（工作日须按国务院办公厅当年的节假日安排计算）。\
            --today 或环境变量 SUNLIGHT_TODAY 把它固定为某一天（须在随程序提供节假日安排的年份内）：时钟从那天北京时间 9:00 起走，\
            所有记录、会话和期限都按那天计算，演示和浏览器测试因此在任何年份都表现一致。
            """)

    @Option(help: "把演示环境的“今天”固定为 YYYY-MM-DD（北京时间 9:00 起走）；优先于 SUNLIGHT_TODAY") var today: String?
    @Option(help: "演示历史的规模：county（默认，元谋县旁三个部门的一年）、city 或 province（完整规模，启动需较长时间）") var scale: String = "county"
    @Option(help: "生成演示历史的随机种子（默认 1）") var seed: UInt64 = 1

    func run() async throws {
        bootstrapLogging()
        var configuration = try ServerConfiguration.from(profile: .demo)
        var day = ChinaTime.date(of: Date())
        do {
            let pinned = try today.map { try ServerConfiguration.pinnedDay($0, source: "--today") } ?? configuration.today
            let chosen = try DemoData.day(pinned: pinned, today: ChinaTime.date(of: Date()),
                                          shipped: WorkingDayCalendar(ShippedCalendars.notices()))
            configuration.today = chosen.pinned ? chosen.day : nil
            day = chosen.day
        } catch {
            throw fail(error)
        }
        if case .sqlite(let path) = configuration.store {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            // The previous demo's checkpoint witnesses a database that no longer exists.
            try? FileManager.default.removeItem(at: WitnessFile.url(dataDirectory: configuration.dataDirectory))
        }
        guard let scale = GenerationScale(rawValue: scale) else {
            throw fail(ConfigurationError("规模只能是 county、city 或 province：\(scale)"))
        }
        let plan = GenerationPlan.demo(scale: scale, seed: seed, today: day)
        let blobs = try configuration.makeBlobStore()
        let address = "http://\(configuration.hostname):\(configuration.port)"
        let store = configuration.store.displayName
        let pinned = configuration.today
        try await SunlightRuntime.serve(configuration) { sunlight in
            guard try await !sunlight.organisations.isInstalled() else {
                throw ConfigurationError("演示数据只能装入空数据库：\(store) 中已有数据")
            }
            // The hand-made 元谋县 and a year lived beside it, ending today (issue 16 item 1).
            let outcome = try await LivedYearLoad.run(plan, into: sunlight, upload: { bytes in
                let upload = try blobs.beginUpload()
                try bytes.withUnsafeBytes { try upload.write($0) }
                return try upload.finish()
            })
            FileHandle.standardOutput.write(Data((Self.banner(address: address, store: store, today: pinned, accounts: outcome.seeded.accounts,
                                                              tally: outcome.tally) + "\n").utf8))
        }
    }

    static func banner(address: String, store: String, today: CivilDate?, accounts: [DemoData.Account], tally: LivedYear.Tally? = nil) -> String {
        var lines = [
            "",
            "阳光执法 演示环境  \(address)",
            "  公示门户：\(address)/",
            "  工作人员：\(address)/staff   （所有演示账号的密码：\(DemoData.password)）",
            "  数据库：\(store)",
            "  今天：\(today.map { "\($0.iso)（固定，北京时间 9:00 起走）" } ?? "本机日期")",
            tally.map { "  一年的历史：立案 \($0.cases) 件，公开决定 \($0.published) 件，线索 \($0.leads) 条，投诉 \($0.complaints) 件（生成部门账号：g1.d0.head 等）" } ?? "",
            "",
            "  用户名              姓名    机构                    角色",
        ]
        for account in accounts {
            let roles = account.roles.map(\.chineseName).joined(separator: "、")
            lines.append("  " + account.username.padding(toLength: 20, withPad: " ", startingAt: 0)
                         + account.displayName.padding(toLength: 6, withPad: "　", startingAt: 0) + "  "
                         + account.organisation.padding(toLength: 12, withPad: "　", startingAt: 0) + "  " + roles)
        }
        lines.append("")
        lines.append("按 Ctrl+C 停止。")
        return lines.joined(separator: "\n")
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "把数据库升级到最新结构（编号迁移，SQLite 与 PostgreSQL 相同）")

    func run() async throws {
        bootstrapLogging(.notice)
        let configuration = try ServerConfiguration.from()
        try await SunlightRuntime.withSunlight(configuration) { _, _ in }
        print("数据库已是最新结构：\(configuration.store.displayName)")
    }
}
