import ArgumentParser
import Foundation
import SunlightCore
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
        discussion: "演示数据保存在 SUNLIGHT_DATA_DIR/demo.sqlite，每次启动都会重建，不影响正式数据。")

    func run() async throws {
        bootstrapLogging()
        var configuration = try ServerConfiguration.from(databaseFile: "demo.sqlite")
        if ProcessInfo.processInfo.environment["SUNLIGHT_BCRYPT_COST"] == nil { configuration.bcryptCost = 10 }
        if case .sqlite(let path) = configuration.store {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            // The previous demo's checkpoint witnesses a database that no longer exists.
            try? FileManager.default.removeItem(at: WitnessFile.url(dataDirectory: configuration.dataDirectory))
        }
        let address = "http://\(configuration.hostname):\(configuration.port)"
        let store = configuration.store.displayName
        try await SunlightRuntime.serve(configuration) { sunlight in
            guard try await sunlight.store.organisations.all().isEmpty else {
                throw ConfigurationError("演示数据只能装入空数据库：\(store) 中已有数据")
            }
            let seeded = try await DemoData.seed(sunlight)
            FileHandle.standardOutput.write(Data((Self.banner(address: address, store: store, accounts: seeded.accounts) + "\n").utf8))
        }
    }

    static func banner(address: String, store: String, accounts: [DemoData.Account]) -> String {
        var lines = [
            "",
            "阳光执法 演示环境  \(address)",
            "  公示门户：\(address)/",
            "  工作人员：\(address)/staff   （所有演示账号的密码：\(DemoData.password)）",
            "  数据库：\(store)",
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
