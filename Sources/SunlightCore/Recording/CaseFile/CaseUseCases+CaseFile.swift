import Foundation
import SunlightLedger

/// 案卷包 — a case file ready to be written as a zip (REC-10): small files as bytes, evidence
/// files by their hash in the file store (streamed by the writer, never held in memory), the
/// manifest and its signature.
public struct CaseFilePackage: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        /// A stored file: hash and size.
        case blob(LedgerHash, UInt64)
    }

    public struct Item: Sendable {
        public let path: String
        public let content: Content
    }

    public let manifest: CaseFileManifest
    public let manifestBytes: [UInt8]
    /// The signed note over the manifest's hash.
    public let signature: String
    /// Every file but the manifest and its signature, in the order they are written.
    public let items: [Item]

    /// `元市监立〔2026〕1号-案卷.zip`.
    public var filename: String { "\(manifest.caseNumber)-案卷.zip" }
    public var totalBytes: UInt64 { manifest.files.reduce(0) { $0 + $1.size } + UInt64(manifestBytes.count) }
}

extension CaseUseCases {
    /// 导出案卷 — the case file of a case (REC-10): its documents in statutory order as A4
    /// pages, its evidence files, every logged record with the content and inclusion proof of
    /// each of its log leaves, the newest signed checkpoint and the key to check it, a table of
    /// contents, and a signed manifest. Anyone who may read the case may export it; logged.
    /// `layout` writes the pages (``CaseFileLayout``).
    public func caseFile(_ id: EnforcementCase.ID, layout: some CaseFileLayout, by actor: Actor) async throws -> CaseFilePackage {
        let (theCase, organisation) = try await readableCase(id, by: actor)
        try await log(actor, .export, "case", id: id.uuidString, in: organisation, "导出案卷 \(theCase.number)")
        let detail = try await detail(of: theCase, in: organisation)
        try await treeUpToDate()
        guard let checkpoint = try await store.ledger.latestCheckpoint() else { throw SunlightError.notFound("检查点（日志为空）") }
        var builder = CaseFileBuilder()

        // Documents in statutory order (案卷排列顺序), then the evidence files.
        let issued = detail.documents.filter { $0.status == .issued }
            .sorted { ($0.type.fileOrder, $0.issuedOn ?? CivilDate(dayNumber: 0)) < ($1.type.fileOrder, $1.issuedOn ?? CivilDate(dayNumber: 0)) }
        var documentPaths: [UUID: String] = [:]
        for document in issued {
            let sheet = detail.sheet(document)
            let path = "documents/\(sheet.filename)"
            documentPaths[document.id] = path
            builder.add(path, bytes: Array(layout.page(sheet).utf8), role: .document,
                        title: "\(document.type.chineseName) \(document.number ?? "")", retention: document.type.retention)
        }
        var mediaPaths: [EvidenceFile.ID: String] = [:]
        for evidence in detail.evidence {
            guard let fileID = evidence.fileID, mediaPaths[fileID] == nil, let file = detail.files[fileID] else { continue }
            let path = "media/\(file.sha256.hex.prefix(12))-\(Self.safeFilename(file.filename))"
            mediaPaths[fileID] = path
            builder.add(path, blob: file.sha256, size: file.size, role: .media, title: "\(file.kind.chineseName)：\(file.title)", retention: .long)
        }

        // Every logged record of the case, each leaf with its content and proof.
        let caseRetention: RetentionClass = issued.map(\.type.retention).max() ?? .long
        let lower = { (id: UUID) in id.uuidString.lowercased() }
        let groups: [(String, [String], RetentionClass)] = [
            ("cases", [lower(id)], caseRetention),
            ("case_parties", detail.parties.map { lower($0.id) }, .long),
            ("case_officers", detail.officers.map { "\(lower(id))/\(lower($0.user.id))" }, .long),
            ("case_events", detail.events.map { lower($0.id) }, .long),
            ("case_documents", detail.documents.map { lower($0.id) }, .long),
            ("case_evidence", detail.evidence.map { lower($0.id) }, .long),
            ("evidence_files", detail.files.keys.map(lower).sorted(), .long),
            ("case_interference", detail.interference.map { lower($0.id) }, .permanent),
        ]
        let retentionOfDocument = Dictionary(detail.documents.map { (lower($0.id), $0.type.retention) }, uniquingKeysWith: { a, _ in a })
        var records: [CaseFileManifest.Record] = []
        for (table, ids, retention) in groups where !ids.isEmpty {
            let entries = Dictionary(grouping: try await store.ledger.entries(table: table, recordIDs: ids).filter { $0.index < checkpoint.size },
                                     by: \.recordID)
            for recordID in ids {
                var leaves: [CaseFileManifest.Leaf] = []
                for stored in entries[recordID] ?? [] {
                    let entry = try LedgerEntry(parsing: stored.entry)
                    let folder = "records/\(table)/\(recordID.replacingOccurrences(of: "/", with: "_"))"
                    let contentPath = "\(folder)/\(stored.index).json"
                    let proofPath = "proofs/\(stored.index).json"
                    let proof = try await MerkleMath.inclusionProof(index: stored.index, size: checkpoint.size, from: store.ledger)
                    let bundle = InclusionProofBundle(leafIndex: stored.index, treeSize: checkpoint.size, entry: String(decoding: stored.entry, as: UTF8.self),
                                                      leafHash: RFC6962.leafHash(stored.entry), proof: proof, checkpoint: checkpoint.note)
                    let recordRetention = table == "case_documents" ? retentionOfDocument[recordID] ?? retention : retention
                    builder.add(contentPath, bytes: stored.content, role: .record, title: "\(table)/\(recordID) #\(stored.index) \(entry.type)",
                                retention: recordRetention)
                    builder.add(proofPath, bytes: try Self.json(bundle), role: .proof, title: "叶子 #\(stored.index) 的包含证明", retention: recordRetention)
                    leaves.append(CaseFileManifest.Leaf(index: stored.index, type: entry.type, contentPath: contentPath, proofPath: proofPath))
                }
                records.append(CaseFileManifest.Record(table: table, id: recordID,
                                                       retention: table == "case_documents" ? retentionOfDocument[recordID] ?? retention : retention,
                                                       leaves: leaves))
            }
        }

        // The log's checkpoint and key, the contents page, and how to check it all.
        builder.add("checkpoint.txt", bytes: Array(checkpoint.note.utf8), role: .log, title: "签名检查点（大小 \(checkpoint.size)）", retention: caseRetention)
        builder.add("key.txt", bytes: Array("\(ledger.verifier.verifierKey)\n".utf8), role: .log, title: "验证公钥", retention: caseRetention)
        let contents = CaseFileContents(detail: detail, documentPaths: documentPaths, mediaPaths: mediaPaths, checkpoint: checkpoint,
                                        verifierKey: ledger.verifier.verifierKey, retention: caseRetention, exportedAt: now, exportedBy: actor.displayName)
        builder.add("index.html", bytes: Array(layout.contents(contents).utf8), role: .document, title: "卷内目录", retention: caseRetention)
        builder.add("README.txt", bytes: Array(contents.readme.utf8), role: .log, title: "核验说明", retention: caseRetention)

        let manifest = CaseFileManifest(
            caseID: lower(id), caseNumber: theCase.number, title: theCase.title, organisation: organisation.name,
            category: theCase.category.chineseName, status: theCase.status.chineseName, retention: caseRetention,
            exportedAt: LedgerTime.text(now), exportedBy: actor.displayName, origin: ledger.origin, verifierKey: ledger.verifier.verifierKey,
            treeSize: checkpoint.size, files: builder.files, records: records)
        let bytes = try manifest.encoded()
        return CaseFilePackage(manifest: manifest, manifestBytes: bytes, signature: try ledger.signer.sign(CaseFileManifest.signedText(manifest: bytes)),
                               items: builder.items)
    }

    static func json(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// A file name safe inside a zip on every system: no folders, no control characters.
    static func safeFilename(_ name: String) -> String {
        let cleaned = name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) ? "_" : $0 }
        return String(String(cleaned).prefix(120))
    }
}

/// Collects the package's files and their manifest lines.
struct CaseFileBuilder {
    var items: [CaseFilePackage.Item] = []
    var files: [CaseFileManifest.File] = []
    private var paths: Set<String> = []

    mutating func add(_ path: String, bytes: [UInt8], role: CaseFileManifest.Role, title: String, retention: RetentionClass) {
        guard paths.insert(path).inserted else { return }
        items.append(.init(path: path, content: .bytes(bytes)))
        files.append(.init(path: path, sha256: LedgerHash.sha256(bytes).hex, size: UInt64(bytes.count), role: role, title: title, retention: retention))
    }

    mutating func add(_ path: String, blob: LedgerHash, size: UInt64, role: CaseFileManifest.Role, title: String, retention: RetentionClass) {
        guard paths.insert(path).inserted else { return }
        items.append(.init(path: path, content: .blob(blob, size)))
        files.append(.init(path: path, sha256: blob.hex, size: size, role: role, title: title, retention: retention))
    }
}
