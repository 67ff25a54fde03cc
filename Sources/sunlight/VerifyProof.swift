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

    func run() throws {
        do {
            let keyText = FileManager.default.contents(atPath: key).map { String(decoding: $0, as: UTF8.self) } ?? key
            let verifier = try NoteVerifier(verifierKey: keyText)
            guard let data = FileManager.default.contents(atPath: proof) else { throw SunlightError.invalid("proof", "无法读取 \(proof)") }
            let saved = try checkpoint.map { path -> Checkpoint in
                guard let note = FileManager.default.contents(atPath: path) else { throw SunlightError.invalid("checkpoint", "无法读取 \(path)") }
                return try Checkpoint.open(String(decoding: note, as: UTF8.self), verifier: verifier, origin: origin)
            }
            let format = (try? JSONDecoder().decode([String: AnyCodable].self, from: data))?["format"]?.text ?? ""
            if format == ConsistencyProofBundle.format {
                let bundle = try JSONDecoder().decode(ConsistencyProofBundle.self, from: data)
                let (first, second) = try bundle.verify(with: verifier, origin: origin)
                if let saved, saved != first && saved != second { throw SunlightError.invalid("checkpoint", "另存的检查点不是此证明的任何一端") }
                print("一致性证明有效：大小 \(first.size) 的日志是大小 \(second.size) 的日志的前缀，期间没有删改。")
                print("新根哈希：\(second.root.base64)")
            } else {
                let bundle = try JSONDecoder().decode(InclusionProofBundle.self, from: data)
                let (signed, entry) = try bundle.verify(with: verifier, origin: origin)
                if let saved, saved.size != signed.size || saved.root != signed.root {
                    throw SunlightError.invalid("checkpoint", "证明所依据的检查点（大小 \(signed.size)）与另存的检查点（大小 \(saved.size)）不同；请用一致性证明把两者联系起来")
                }
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

/// Reads just the `format` field of a proof file.
private struct AnyCodable: Decodable {
    let text: String?
    init(from decoder: any Decoder) throws { text = try? decoder.singleValueContainer().decode(String.self) }
}
