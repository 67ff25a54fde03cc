import ArgumentParser
import Foundation
import SunlightCore
import SunlightRendering
import SunlightServer

/// `sunlight inspect-publicity` — the quarterly online inspection of publicity (网上巡查, SUP-5).
struct InspectPublicity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect-publicity",
        abstract: "网上巡查：按季度检查各机构的公示（清单缺失、超过一年未更新、决定逾期或未公开、逾期未撤下、抽查结果逾期、未隐去的个人信息）",
        discussion: "例：sunlight inspect-publicity --quarter 2026Q3 --csv 巡查.csv。发现问题时退出码为 1。巡查记入访问日志。")

    @Option(help: "季度，如 2026Q3") var quarter: String
    @Option(help: "另存为 CSV（UTF-8 带 BOM，Excel 可直接打开）") var csv: String?

    func run() async throws {
        bootstrapLogging(.error)
        guard let quarter = Quarter(quarter) else { throw fail(SunlightError.invalid("quarter", "季度格式应为 2026Q3", rule: .sup5)) }
        let configuration = try ServerConfiguration.from()
        do {
            let report = try await SunlightRuntime.withSunlight(configuration) { sunlight, _ in
                try await sunlight.supervision.inspectPublicity(quarter, by: configuration.console) { index, total, name in
                    FileHandle.standardError.write(Data("\r巡查 \(index)/\(total) \(name)\u{1B}[K".utf8))
                }
            }
            FileHandle.standardError.write(Data("\n".utf8))
            print("\(quarter.chineseName)网上巡查（截至 \(report.asOf.iso)）：\(report.organisations.count) 个机构，发现问题 \(report.findingCount) 项")
            for organisation in report.organisations where !organisation.findings.isEmpty {
                print("\n\(organisation.organisation.name)（\(organisation.findings.count) 项）")
                for finding in organisation.findings { print("  \(finding.kind.chineseName)：\(finding.detail)" + (finding.rule.legalBasis.map { "（依据\($0)）" } ?? "")) }
            }
            if let csv {
                try Data(CSV.document(report.table(url: Links.url(for:))).utf8).write(to: URL(fileURLWithPath: csv))
                print("\n已另存为 \(csv)")
            }
            if report.findingCount > 0 { throw ExitCode(1) }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}
