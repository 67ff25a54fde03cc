import ArgumentParser
import Foundation
import SunlightCore
import SunlightServer

/// Sets up a new installation: the top organisation and its first administrator.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "初始化正式环境：创建顶层人民政府和第一个系统管理员",
        discussion: "管理员密码从环境变量 SUNLIGHT_ADMIN_PASSWORD 读取，未设置时从标准输入读取一行。")

    @Option(help: "顶层人民政府名称，如“元谋县人民政府”") var organisation: String
    @Option(help: "简称，用于文书编号，如“元”") var shortName: String
    @Option(help: "层级：province、city、county、town") var level: String
    @Option(help: "司法行政机关名称，如“元谋县司法局”；管理员隶属于该机关") var justiceBureau: String
    @Option(help: "司法行政机关简称，如“元司”") var justiceShortName: String
    @Option(help: "管理员用户名") var admin: String
    @Option(help: "管理员姓名") var adminName: String

    func run() async throws {
        bootstrapLogging(.notice)
        guard let level = AdministrativeLevel(rawValue: level) else {
            throw fail(SunlightError.invalid("level", "层级应为 province、city、county 或 town"))
        }
        let configuration = try ServerConfiguration.from()
        let password = configuration.adminPassword ?? readLine(strippingNewline: true) ?? ""
        do {
            try await SunlightRuntime.withSunlight(configuration) { sunlight, _ in
                guard try await !sunlight.organisations.isInstalled() else {
                    throw SunlightError(.conflict, code: "init.not_empty", "数据库中已有机构，不能重复初始化")
                }
                try PasswordPolicy.validate(password)
                let console = configuration.console
                let government = try await sunlight.organisations.createOrganisation(
                    NewOrganisation(parentID: nil, name: organisation, shortName: shortName, kind: .government, level: level), by: console)
                let bureau = try await sunlight.organisations.createOrganisation(
                    NewOrganisation(parentID: government.id, name: justiceBureau, shortName: justiceShortName,
                                    kind: .justiceBureau, level: level), by: console)
                _ = try await sunlight.organisations.createUser(NewStaffUser(
                    organisationID: bureau.id, username: admin, displayName: adminName, post: "系统管理员",
                    roles: [.administrator], password: password), by: console)
            }
        } catch let error as SunlightError {
            throw fail(error)
        }
        print("已初始化：\(organisation) / \(justiceBureau)，管理员 \(admin)。启动服务：sunlight serve")
    }
}
