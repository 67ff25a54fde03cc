import ArgumentParser
import Foundation
import SunlightCore
import SunlightServer
import SunlightStore

/// `sunlight verify` — checks the whole log and every logged record against it (REC-5, REC-10).
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "全面校验：重算每条记录的哈希、重建日志树、校验每个签名检查点及其一致性、重新计算每个文件的哈希",
        discussion: """
            默认还会对照数据目录中的 latest-checkpoint（服务运行时自动保存的最新检查点），发现数据库被回滚或截断。
            数据库连同本地检查点文件一起被恢复到旧版本时，只有别人保存的检查点才能发现：SUNLIGHT_WITNESSES 中的见证方            （及 --witness-url）会被询问其副署的最新检查点，数据库必须包含它；--witness-key 与 --witnesses-required 要求            至少 k 个见证方副署了与数据库一致的检查点。
            通过时退出码为 0 并打印摘要；发现问题时退出码为 1，并指出第一个问题所在的表、记录和叶子序号。
            """)

    @Option(name: .customLong("witness"), help: "外部保存的签名检查点文件（可多次指定）") var witnesses: [String] = []
    @Flag(help: "不对照数据目录中的 latest-checkpoint") var noLocalWitness = false
    @Option(name: .customLong("witness-key"), help: "要求其副署的见证方验证公钥或公钥文件（可多次指定；不指定时用 SUNLIGHT_WITNESSES 中的见证方）")
    var witnessKeys: [String] = []
    @Option(name: .customLong("witnesses-required"), help: "至少多少个见证方副署了与数据库一致的检查点（默认：全部指定的见证方）")
    var witnessesRequired: Int?
    @Option(name: .customLong("witness-url"), help: "另外询问的见证方地址前缀（可多次指定）") var witnessURLs: [String] = []

    func run() async throws {
        bootstrapLogging(.error)
        let configuration = try ServerConfiguration.from()
        if case .sqlite(let path) = configuration.store, !FileManager.default.fileExists(atPath: path) {
            throw fail(SunlightError.notFound("数据库文件 \(path)（演示数据库请设置 SUNLIGHT_DATABASE_FILE=demo.sqlite）"))
        }
        var notes = try witnesses.map { path -> String in
            guard let data = FileManager.default.contents(atPath: path) else { throw fail(SunlightError.invalid("witness", "无法读取 \(path)")) }
            return String(decoding: data, as: UTF8.self)
        }
        if !noLocalWitness, let local = WitnessFile.read(dataDirectory: configuration.dataDirectory) { notes.append(local) }
        let policy: WitnessPolicy?
        do {
            policy = try WitnessFetch.policy(keys: witnessKeys, required: witnessesRequired, configured: configuration.witnesses)
            notes += await WitnessFetch.notes(prefixes: configuration.witnesses.map(\.url) + witnessURLs,
                                              origin: try configuration.resolvedLedger().origin)
        } catch {
            throw fail(error)
        }
        let started = Date()
        let meter = ProgressMeter()
        let report = try await SunlightRuntime.withSunlight(configuration, updateWitness: false) { sunlight, _ in
            try await sunlight.cases.verify(witnesses: notes, policy: policy) { meter.show($0) }
        }
        meter.finish()
        let seconds = Date().timeIntervalSince(started)
        print("日志：\(report.leaves) 个叶子，\(report.subtrees) 个子树哈希，\(report.checkpoints) 个签名检查点（\(report.consistencyProofs) 个一致性证明）")
        print("根哈希：\(report.root.base64)")
        if report.readModelsBuiltBeforeCheck {
            print("校验前先按案件记录建立了办案期限摘要（此前从未建立）")
        }
        if report.integratedBeforeCheck > 0 {
            print("校验前先整合了 \(report.integratedBeforeCheck) 个已提交、尚未进入日志树的条目")
        }
        print("记录：" + report.records.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，"))
        if report.blobs > 0 { print("文件：\(report.blobs) 个，共 \(report.bytesHashed) 字节") }
        print(String(format: "用时 %.2f 秒", seconds))
        guard report.isClean else {
            FileHandle.standardError.write(Data("校验失败，发现 \(report.problems.count) 个问题。第一个：\n  \(report.firstProblem!)\n".utf8))
            for problem in report.problems.dropFirst().prefix(19) { FileHandle.standardError.write(Data("  \(problem)\n".utf8)) }
            throw ExitCode(1)
        }
        print("校验通过：没有发现任何删改。")
    }
}

/// A one-line progress display on standard error: rewritten in place on a terminal, every
/// tenth otherwise.
final class ProgressMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var lastPhase = ""
    private var lastTenth = -1
    private let interactive = isatty(2) != 0

    func show(_ progress: VerificationProgress) {
        lock.lock()
        defer { lock.unlock() }
        let line: String
        if progress.total > 0 {
            let percent = Int(Double(progress.done) / Double(progress.total) * 100)
            line = "校验\(progress.phase) \(progress.done)/\(progress.total)（\(percent)%）"
            if !interactive {
                guard progress.phase != lastPhase || percent / 10 != lastTenth else { return }
                lastTenth = percent / 10
            }
        } else {
            line = "校验\(progress.phase) \(progress.done)"
            if !interactive && progress.phase == lastPhase { return }
        }
        lastPhase = progress.phase
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
