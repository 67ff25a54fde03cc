import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SunlightCore
import SunlightLedger
import SunlightServer

/// `sunlight witness …` — this installation as an outside witness of other logs (REC-19).
struct WitnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "外部见证：本机的见证公钥、本日志的见证配置项",
        discussion: """
            两套系统互为见证时：把甲的 `sunlight witness log` 输出加入乙的 SUNLIGHT_WITNESSED_LOGS，\
            把乙的 `sunlight witness key` 输出连同乙的地址（http://乙/api/v1/witness）加入甲的 SUNLIGHT_WITNESSES，反之亦然。
            """,
        subcommands: [Key.self, Log.self])

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "打印本机的见证验证公钥（交给由本机见证的日志，写入其 SUNLIGHT_WITNESSES）")

        func run() throws {
            let ledger = try ServerConfiguration.from().resolvedLedger()
            print(try ledger.cosigner().verifierKey)
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "打印本日志的验证公钥与日志标识（写入见证方的 SUNLIGHT_WITNESSED_LOGS）")

        func run() throws {
            let ledger = try ServerConfiguration.from().resolvedLedger()
            print(WitnessedLogKey(origin: ledger.origin, verifier: ledger.verifier).entry)
        }
    }
}

/// Fetches the checkpoints witnesses hold for a log: `GET <prefix>/<origin hash>/checkpoint`.
enum WitnessFetch {
    /// The signed checkpoints the witnesses at `prefixes` serve for `origin`; a witness that
    /// cannot be reached is reported on standard error and skipped.
    static func notes(prefixes: [String], origin: String) async -> [String] {
        var notes: [String] = []
        for prefix in prefixes {
            let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
            let address = base + "/" + WitnessedLogKey.originHash(origin) + "/checkpoint"
            do {
                guard let url = URL(string: address) else { throw SunlightError.invalid("witness-url", "地址无效：\(address)") }
                let (data, response) = try await URLSession.shared.data(from: url)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                guard status == 200 else { throw SunlightError.invalid("witness-url", "HTTP \(status)") }
                notes.append(String(decoding: data, as: UTF8.self))
            } catch {
                FileHandle.standardError.write(Data("警告：无法从见证方 \(base) 取得检查点：\(error)\n".utf8))
            }
        }
        return notes
    }

    /// The witness keys of a policy: those given, else the configured witnesses'.
    static func policy(keys: [String], required: Int?, configured: [WitnessEndpoint]) throws -> WitnessPolicy? {
        let verifiers = try keys.isEmpty ? configured.map(\.verifier) : keys.map { key in
            let text = FileManager.default.contents(atPath: key).map { String(decoding: $0, as: UTF8.self) } ?? key
            return try CosignatureVerifier(verifierKey: text)
        }
        guard !keys.isEmpty || required != nil else { return nil }
        let k = required ?? verifiers.count
        guard (0...verifiers.count).contains(k) else {
            throw SunlightError.invalid("witnesses-required", "--witnesses-required 应在 0 到 \(verifiers.count)（见证方公钥个数）之间")
        }
        return WitnessPolicy(witnesses: verifiers, required: k)
    }
}
