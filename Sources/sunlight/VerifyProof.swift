import ArgumentParser
import Foundation
import SunlightCore
import SunlightLedger

/// `sunlight verify-proof` — checks a saved proof against the installation's public key,
/// offline, with no database (REC-5).
struct VerifyProof: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-proof",
        abstract: "离线验证包含证明或一致性证明（不需要数据库）",
        discussion: "证明文件来自 /api/v1/log/inclusion 或 /api/v1/log/consistency；公钥来自门户“防篡改日志”页或 /api/v1/log/key。")

    @Option(help: "证明文件（JSON）") var proof: String
    @Option(help: "验证公钥（名称+哈希+公钥），或保存公钥的文件") var key: String
    @Option(help: "另外保存的签名检查点文件：证明中的检查点必须与它一致或是它的延续") var checkpoint: String?
    @Option(help: "要求的日志标识（origin）") var origin: String?
    @Option(name: .customLong("witness-key"), help: "要求其副署的见证方验证公钥或公钥文件（可多次指定）") var witnessKeys: [String] = []
    @Option(name: .customLong("witnesses-required"), help: "证明所依据的检查点至少要有多少个见证方的有效副署（默认：全部指定的见证方）")
    var witnessesRequired: Int?

    func run() throws {
        do {
            let keyText = FileManager.default.contents(atPath: key).map { String(decoding: $0, as: UTF8.self) } ?? key
            let verifier = try NoteVerifier(verifierKey: keyText)
            guard let data = FileManager.default.contents(atPath: proof) else { throw SunlightError.invalid("proof", "无法读取 \(proof)") }
            let saved = try checkpoint.map { path -> Checkpoint in
                guard let note = FileManager.default.contents(atPath: path) else { throw SunlightError.invalid("checkpoint", "无法读取 \(path)") }
                return try Checkpoint.open(String(decoding: note, as: UTF8.self), verifier: verifier, origin: origin)
            }
            let policy = try WitnessFetch.policy(keys: witnessKeys, required: witnessesRequired, configured: [])
            let savedNote = checkpoint.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) }
            let format = (try? JSONDecoder().decode([String: AnyCodable].self, from: data))?["format"]?.text ?? ""
            if format == ConsistencyProofBundle.format {
                let bundle = try JSONDecoder().decode(ConsistencyProofBundle.self, from: data)
                let (first, second) = try bundle.verify(with: verifier, origin: origin)
                if let saved, saved != first && saved != second { throw SunlightError.invalid("checkpoint", "另存的检查点不是此证明的任何一端") }
                if let policy { try Self.check(policy, on: second, notes: [bundle.checkpoint2, savedNote].compactMap { $0 }, verifier: verifier) }
                print("一致性证明有效：大小 \(first.size) 的日志是大小 \(second.size) 的日志的前缀，期间没有删改。")
                print("新根哈希：\(second.root.base64)")
            } else {
                let bundle = try JSONDecoder().decode(InclusionProofBundle.self, from: data)
                let (signed, entry) = try bundle.verify(with: verifier, origin: origin)
                if let saved, saved.size != signed.size || saved.root != signed.root {
                    throw SunlightError.invalid("checkpoint", "证明所依据的检查点（大小 \(signed.size)）与另存的检查点（大小 \(saved.size)）不同；请用一致性证明把两者联系起来")
                }
                if let policy { try Self.check(policy, on: signed, notes: [bundle.checkpoint, savedNote].compactMap { $0 }, verifier: verifier) }
                print("包含证明有效：叶子 #\(bundle.leafIndex) 在大小为 \(signed.size) 的日志中（\(signed.origin)）。")
                print("记录：\(entry.table)/\(entry.recordID)，类型 \(entry.type)，时间 \(LedgerTime.text(entry.recordedAt))")
                print("内容 SHA-256：\(entry.contentHash.hex)")
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("验证失败：\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension VerifyProof {
    /// At least `policy.required` witnesses cosigned `checkpoint` (on the proof's note or on the
    /// saved copy of the same checkpoint) — REC-19.
    static func check(_ policy: WitnessPolicy, on checkpoint: Checkpoint, notes: [String], verifier: NoteVerifier) throws {
        let same = notes.filter { note in
            do { return try Checkpoint.open(note, verifier: verifier) == checkpoint } catch { return false }
        }
        let cosigners = policy.witnesses.filter { witness in
            same.contains { note in
                do {
                    _ = try witness.verify(note)
                    return true
                } catch {
                    return false
                }
            }
        }
        guard cosigners.count >= policy.required else {
            throw SunlightError.invalid("witnesses-required", "见证方副署不足：检查点（大小 \(checkpoint.size)）要求至少 \(policy.required) 个见证方的有效副署，"
                                        + "只有 \(cosigners.count) 个" + (cosigners.isEmpty ? "" : "（\(cosigners.map(\.name).joined(separator: "、"))）"))
        }
        print("见证：\(cosigners.count) 个见证方副署了此检查点（要求 \(policy.required) 个）" + (cosigners.isEmpty ? "" : "：\(cosigners.map(\.name).joined(separator: "、"))"))
    }
}

/// Reads just the `format` field of a proof file.
private struct AnyCodable: Decodable {
    let text: String?
    init(from decoder: any Decoder) throws { text = try? decoder.singleValueContainer().decode(String.self) }
}
