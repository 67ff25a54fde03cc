import Foundation
import SunlightLedger

/// A case file as the verifier reads it: whatever holds its files (a zip, a folder).
public protocol CaseFileArchive {
    /// Every file in the package.
    var paths: [String] { get }
    /// A small file whole (manifest, proofs, records).
    func read(_ path: String) throws -> [UInt8]
    /// A file's SHA-256 and size, read through in pieces (media may be gigabytes).
    func digest(_ path: String) throws -> (LedgerHash, UInt64)
}

/// 案卷核验结果 — what was checked and what is wrong, each problem naming its file.
public struct CaseFileReport: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path)：\(message)" }
    }

    public var caseNumber = ""
    public var treeSize: UInt64 = 0
    public var filesChecked = 0
    public var leavesChecked = 0
    public var bytesChecked: UInt64 = 0
    /// Whether the key came from outside the package (`--key`) or from the package itself.
    public var keyFromPackage = false
    public var problems: [Problem] = []

    public var isValid: Bool { problems.isEmpty }
}

/// 案卷核验 — checks a case file offline (REC-10): the manifest's signature, every listed file
/// present and unchanged and nothing added, the checkpoint's signature, every record's content
/// against its log leaf and every leaf's inclusion proof, every media file against its logged
/// record. Needs no database and no network.
public enum CaseFileVerifier {
    /// `verifier` is the published key; without it the package's own `key.txt` is used, and
    /// the report says so.
    public static func verify(_ archive: some CaseFileArchive, verifier given: NoteVerifier?,
                              progress: (Int, Int) -> Void = { _, _ in }) -> CaseFileReport {
        var report = CaseFileReport()
        func problem(_ path: String, _ message: String) { report.problems.append(.init(path: path, message: message)) }

        let present = Set(archive.paths)
        guard present.contains(CaseFileManifest.manifestPath), present.contains(CaseFileManifest.signaturePath) else {
            problem(CaseFileManifest.manifestPath, "缺少清单或清单签名，不是完整的案卷包")
            return report
        }
        let verifier: NoteVerifier
        do {
            if let given {
                verifier = given
            } else {
                let text = String(decoding: try archive.read("key.txt"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                verifier = try NoteVerifier(verifierKey: text)
                report.keyFromPackage = true
            }
        } catch {
            problem("key.txt", "无法读取验证公钥：\(error)")
            return report
        }

        // 1. The manifest is what the installation signed.
        let manifest: CaseFileManifest
        do {
            let bytes = try archive.read(CaseFileManifest.manifestPath)
            let signed = try verifier.open(String(decoding: try archive.read(CaseFileManifest.signaturePath), as: UTF8.self))
            guard signed == CaseFileManifest.signedText(manifest: bytes) else {
                problem(CaseFileManifest.manifestPath, "清单已被改动：其哈希与签名不符")
                return report
            }
            manifest = try JSONDecoder().decode(CaseFileManifest.self, from: Data(bytes))
            guard manifest.format == CaseFileManifest.format else {
                problem(CaseFileManifest.manifestPath, "不认识的案卷格式 \(manifest.format)")
                return report
            }
        } catch {
            problem(CaseFileManifest.signaturePath, "清单签名无效（密钥不符或内容被改动）：\(error)")
            return report
        }
        report.caseNumber = manifest.caseNumber
        report.treeSize = manifest.treeSize
        if verifier.verifierKey != manifest.verifierKey { problem(CaseFileManifest.manifestPath, "清单所载公钥与用于核验的公钥不同") }

        // 2. Every listed file present and unchanged; nothing added.
        let listed = Dictionary(manifest.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for extra in present.subtracting(listed.keys).subtracting([CaseFileManifest.manifestPath, CaseFileManifest.signaturePath]).sorted() {
            problem(extra, "清单中没有这个文件（被加入）")
        }
        for (index, file) in manifest.files.enumerated() {
            progress(index + 1, manifest.files.count)
            guard present.contains(file.path) else {
                problem(file.path, "缺失（\(file.title)）")
                continue
            }
            do {
                let (hash, size) = try archive.digest(file.path)
                report.filesChecked += 1
                report.bytesChecked += size
                if size != file.size || hash.hex != file.sha256 {
                    problem(file.path, "已被改动（\(file.title)）：SHA-256 \(hash.hex.prefix(16))…，应为 \(file.sha256.prefix(16))…")
                }
            } catch {
                problem(file.path, "已损坏或被改动，无法读取（\(file.title)）：\(error)")
            }
        }

        // 3. The checkpoint.
        do {
            let checkpoint = try Checkpoint.open(String(decoding: try archive.read("checkpoint.txt"), as: UTF8.self), verifier: verifier,
                                                 origin: manifest.origin)
            if checkpoint.size != manifest.treeSize { problem("checkpoint.txt", "检查点大小 \(checkpoint.size) 与清单所载 \(manifest.treeSize) 不符") }
        } catch {
            problem("checkpoint.txt", "检查点签名无效：\(error)")
        }

        // 4. Each record's leaves: content hash in the entry, proof to the checkpoint.
        for record in manifest.records {
            for leaf in record.leaves {
                do {
                    let bundle = try JSONDecoder().decode(InclusionProofBundle.self, from: Data(try archive.read(leaf.proofPath)))
                    let (checkpoint, entry) = try bundle.verify(with: verifier, origin: manifest.origin)
                    guard checkpoint.size == manifest.treeSize, bundle.leafIndex == leaf.index else {
                        problem(leaf.proofPath, "包含证明指向的叶子或检查点与清单不符")
                        continue
                    }
                    guard entry.table == record.table, entry.recordID == record.id else {
                        problem(leaf.proofPath, "日志叶子 #\(leaf.index) 属于 \(entry.table)/\(entry.recordID)，不是 \(record.table)/\(record.id)")
                        continue
                    }
                    let content = try archive.read(leaf.contentPath)
                    if LedgerHash.sha256(content) != entry.contentHash {
                        problem(leaf.contentPath, "记录内容与日志叶子 #\(leaf.index) 不符（\(record.table)/\(record.id)）")
                    }
                    if record.table == "evidence_files", let media = mediaHash(content), !manifest.files.contains(where: { $0.role == .media && $0.sha256 == media }) {
                        problem(leaf.contentPath, "日志记录的文件（SHA-256 \(media.prefix(16))…）不在案卷中")
                    }
                    report.leavesChecked += 1
                } catch {
                    problem(leaf.proofPath, "叶子 #\(leaf.index) 的包含证明无效：\(error)")
                }
            }
        }
        return report
    }

    /// The file hash an evidence_files record commits to.
    static func mediaHash(_ content: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(content)) as? [String: Any] else { return nil }
        return object["sha256"] as? String
    }
}
