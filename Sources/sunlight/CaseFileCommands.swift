import ArgumentParser
import Foundation
import SunlightArchive
import SunlightCore
import SunlightRendering
import SunlightLedger
import SunlightServer
import SunlightStore

/// `sunlight export-case` — writes a case's file (案卷) as a zip that verifies offline (REC-10).
struct ExportCase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-case",
        abstract: "导出案卷（zip）：文书按法定顺序、音像证据、带哈希的清单、日志包含证明和签名检查点",
        discussion: "例：sunlight export-case 元市监立〔2026〕1号 --output 案卷.zip。导出记入访问日志。")

    @Argument(help: "案号或案件 ID") var reference: String
    @Option(name: .shortAndLong, help: "输出文件（默认：案号-案卷.zip）") var output: String?

    func run() async throws {
        bootstrapLogging(.error)
        let configuration = try ServerConfiguration.from()
        do {
            let (path, package) = try await SunlightRuntime.withSunlight(configuration) { sunlight, _ in
                let actor = configuration.console
                let found = try await sunlight.cases.findCase(reference, by: actor)
                let package = try await sunlight.cases.caseFile(found.id, layout: CaseFilePages(), by: actor)
                guard let files = sunlight.blobs as? FileBlobStore else { throw SunlightError.invalid("blobs", "文件仓库不是本地目录") }
                let path = output ?? package.filename
                let meter = ByteMeter(label: "写入案卷")
                try CaseFileZip.write(package, to: URL(fileURLWithPath: path), blobFile: files.path(of:)) { meter.show($0, $1) }
                meter.finish()
                return (path, package)
            }
            print("已导出 \(package.manifest.caseNumber)“\(package.manifest.title)”的案卷：\(path)")
            print("文件 \(package.manifest.files.count) 个（\(ByteCounts.text(package.totalBytes))），记录 \(package.manifest.records.count) 条，"
                  + "日志叶子 \(package.manifest.records.reduce(0) { $0 + $1.leaves.count }) 个，检查点大小 \(package.manifest.treeSize)")
            print("保管期限：\(package.manifest.retention.chineseName)")
            print("核验：sunlight verify-case \"\(path)\" --key \"\(package.manifest.verifierKey)\"")
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}

/// `sunlight verify-case` — checks a case file offline, naming anything missing or altered (REC-10).
struct VerifyCase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-case",
        abstract: "离线核验案卷（zip）：清单签名、每个文件的哈希、检查点签名、每条记录的包含证明（不需要数据库）",
        discussion: "公钥应取自本机关公布的公钥（门户“防篡改日志”页或 /api/v1/log/key）；不指定时使用案卷内附的 key.txt，并提示核对。")

    @Argument(help: "案卷文件（zip）") var file: String
    @Option(help: "验证公钥（名称+哈希+公钥），或保存公钥的文件") var key: String?

    func run() throws {
        let started = Date()
        let report: CaseFileReport
        do {
            let verifier = try key.map { key in
                try NoteVerifier(verifierKey: (FileManager.default.contents(atPath: key).map { String(decoding: $0, as: UTF8.self) } ?? key)
                    .trimmingCharacters(in: .whitespacesAndNewlines))
            }
            let archive = try ZipCaseFile(url: URL(fileURLWithPath: file))
            let meter = ByteMeter(label: "核验文件")
            report = CaseFileVerifier.verify(archive, verifier: verifier) { meter.show(UInt64($0), UInt64($1)) }
            meter.finish()
        } catch {
            throw fail(SunlightError.invalid("file", "无法打开案卷 \(file)：\(error)", rule: .rec10))
        }
        print("案卷：\(report.caseNumber.isEmpty ? "（未能读取清单）" : report.caseNumber)")
        print("文件 \(report.filesChecked) 个（\(ByteCounts.text(report.bytesChecked))），日志叶子 \(report.leavesChecked) 个，检查点大小 \(report.treeSize)")
        print(String(format: "用时 %.2f 秒", Date().timeIntervalSince(started)))
        if report.keyFromPackage { print("注意：未指定 --key，使用了案卷内附的公钥；请与本机关公布的公钥核对。") }
        guard report.isValid else {
            FileHandle.standardError.write(Data("核验失败，发现 \(report.problems.count) 个问题：\n".utf8))
            for problem in report.problems.prefix(50) { FileHandle.standardError.write(Data("  \(problem)\n".utf8)) }
            throw ExitCode(1)
        }
        print("核验通过：案卷完整，没有缺失、改动或多出的文件，每条记录都在签名日志中。")
    }
}

/// Progress in bytes or items on standard error, rewritten in place on a terminal.
final class ByteMeter: @unchecked Sendable {
    private let label: String
    private var lastTenth = -1
    private let interactive = isatty(2) != 0

    init(label: String) { self.label = label }

    func show(_ done: UInt64, _ total: UInt64) {
        guard total > 0 else { return }
        let percent = Int(Double(done) / Double(total) * 100)
        if !interactive {
            guard percent / 10 != lastTenth else { return }
            lastTenth = percent / 10
        }
        let line = "\(label) \(percent)%"
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
