import Foundation
import SunlightLedger

/// 包含证明 — everything needed to check, offline, that one entry is in the log: the entry,
/// its leaf index, the audit path, and the signed checkpoint of the tree it leads to. Anyone
/// with the installation's public key can check it (`sunlight verify-proof`), no database.
public struct InclusionProofBundle: Codable, Sendable, Equatable {
    public static let format = "sunlight-inclusion-proof-v1"
    public let format: String
    public let leafIndex: UInt64
    public let treeSize: UInt64
    /// The canonical entry (leaf data) as text.
    public let entry: String
    public let leafHash: String
    public let proof: [String]
    /// The C2SP signed checkpoint of size `treeSize`.
    public let checkpoint: String

    public init(leafIndex: UInt64, treeSize: UInt64, entry: String, leafHash: LedgerHash, proof: [LedgerHash], checkpoint: String) {
        self.format = Self.format
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.entry = entry
        self.leafHash = leafHash.base64
        self.proof = proof.map(\.base64)
        self.checkpoint = checkpoint
    }

    /// Checks the checkpoint's signature, the entry's hash and the audit path; returns the
    /// checkpoint and the entry it proves.
    public func verify(with verifier: NoteVerifier, origin: String? = nil) throws -> (Checkpoint, LedgerEntry) {
        guard format == Self.format else { throw ProofBundleError.format(format) }
        let signed = try Checkpoint.open(checkpoint, verifier: verifier, origin: origin)
        guard signed.size == treeSize else { throw ProofBundleError.sizeMismatch(signed.size, treeSize) }
        let data = Array(entry.utf8)
        let computed = RFC6962.leafHash(data)
        guard computed.base64 == leafHash else { throw ProofBundleError.leafHash }
        let hashes = try proof.map { text -> LedgerHash in
            guard let hash = LedgerHash(base64: text) else { throw ProofBundleError.hash(text) }
            return hash
        }
        try ProofVerification.verifyInclusion(index: leafIndex, size: treeSize, leafHash: computed, proof: hashes, root: signed.root)
        return (signed, try LedgerEntry(parsing: data))
    }
}

/// 一致性证明 — that the log of the first checkpoint is a prefix of the log of the second:
/// nothing was removed or rewritten in between.
public struct ConsistencyProofBundle: Codable, Sendable, Equatable {
    public static let format = "sunlight-consistency-proof-v1"
    public let format: String
    public let size1: UInt64
    public let size2: UInt64
    public let proof: [String]
    public let checkpoint1: String
    public let checkpoint2: String

    public init(size1: UInt64, size2: UInt64, proof: [LedgerHash], checkpoint1: String, checkpoint2: String) {
        self.format = Self.format
        self.size1 = size1
        self.size2 = size2
        self.proof = proof.map(\.base64)
        self.checkpoint1 = checkpoint1
        self.checkpoint2 = checkpoint2
    }

    public func verify(with verifier: NoteVerifier, origin: String? = nil) throws -> (Checkpoint, Checkpoint) {
        guard format == Self.format else { throw ProofBundleError.format(format) }
        let first = try Checkpoint.open(checkpoint1, verifier: verifier, origin: origin)
        let second = try Checkpoint.open(checkpoint2, verifier: verifier, origin: origin)
        guard first.size == size1 else { throw ProofBundleError.sizeMismatch(first.size, size1) }
        guard second.size == size2 else { throw ProofBundleError.sizeMismatch(second.size, size2) }
        let hashes = try proof.map { text -> LedgerHash in
            guard let hash = LedgerHash(base64: text) else { throw ProofBundleError.hash(text) }
            return hash
        }
        try ProofVerification.verifyConsistency(size1: size1, size2: size2, root1: first.root, root2: second.root, proof: hashes)
        return (first, second)
    }
}

enum ProofBundleError: Error, CustomStringConvertible {
    case format(String), sizeMismatch(UInt64, UInt64), leafHash, hash(String)

    var description: String {
        switch self {
        case .format(let f): "不认识的证明格式：\(f)"
        case .sizeMismatch(let signed, let stated): "检查点的大小 \(signed) 与证明所述的 \(stated) 不符"
        case .leafHash: "条目内容与叶子哈希不符"
        case .hash(let text): "证明中的哈希格式错误：\(text.prefix(20))"
        }
    }
}

extension CaseUseCases {
    /// The newest signed checkpoint (public: it reveals only a size and a hash).
    public func latestCheckpoint() async throws -> StoredCheckpoint? {
        try await store.ledger.latestCheckpoint()
    }

    /// The inclusion proof of a record's newest leaf (or of `leafIndex`), up to the newest
    /// checkpoint. Staff of the record's organisation (or supervising it) may ask; logged.
    public func inclusionProof(table: String? = nil, recordID: String? = nil, leafIndex: UInt64? = nil,
                               by actor: Actor) async throws -> InclusionProofBundle {
        try await treeUpToDate()
        let ledger = store.ledger
        guard let checkpoint = try await ledger.latestCheckpoint() else { throw SunlightError.notFound("检查点（日志为空）") }
        let stored: StoredLedgerEntry
        if let leafIndex {
            guard leafIndex < checkpoint.size, let found = try await ledger.entries(from: leafIndex, limit: 1).first,
                  found.index == leafIndex else { throw SunlightError.notFound("日志叶子 #\(leafIndex)") }
            stored = found
        } else if let table, let recordID {
            stored = try await newestLeaf(table: table, recordID: recordID, within: checkpoint, missing: "记录 \(table)/\(recordID) 的日志叶子")
        } else {
            throw SunlightError.invalid("id", "请指定 table 与 id，或 leaf", rule: .rec5)
        }
        let entry = try LedgerEntry(parsing: stored.entry)
        let organisation = try await entry.organisationID.asyncMap { try await store.organisations.find($0) } ?? nil
        try await guarded(actor, "ledger_proof", id: String(stored.index), in: organisation) {
            guard actor.user != nil || actor.channel == .console else { throw SunlightError.outsideScope }
            switch organisation {
            case let organisation? where Self.administrativeTables.contains(stored.table): try actor.requireReadAdministration(organisation)
            case let organisation?: try actor.requireRead(organisation)
            case nil: try actor.require(anyOf: .administrator, .supervisor)
            }
        }
        let bundle = try await proofBundle(stored, checkpoint: checkpoint)
        try await log(actor, .read, "ledger_proof", id: String(stored.index), in: organisation,
                      "获取 \(stored.table)/\(stored.recordID) 的包含证明（叶子 #\(stored.index)）")
        return bundle
    }

    /// Tables of administrative records, whose proofs an administrator of the organisation may
    /// fetch; every other record's proof only its organisation and supervisors (issue 15 item 5).
    static let administrativeTables: Set<String> = ["organisations", "users", "certificates", "api_tokens", "holiday_notices"]

    /// The consistency proof between two checkpoints (public: hashes only).
    public func consistencyProof(from size1: UInt64, to size2: UInt64?) async throws -> ConsistencyProofBundle {
        try await treeUpToDate()
        let ledger = store.ledger
        guard let latest = try await ledger.latestCheckpoint() else { throw SunlightError.notFound("检查点（日志为空）") }
        let size2 = size2 ?? latest.size
        guard size1 > 0, size1 <= size2 else {
            throw SunlightError.invalid("from", "from 应大于 0 且不大于 to", rule: .rec5)
        }
        guard let first = try await ledger.checkpoints(from: size1, limit: 1).first, first.size == size1 else {
            throw SunlightError.notFound("大小为 \(size1) 的检查点")
        }
        guard let second = try await ledger.checkpoints(from: size2, limit: 1).first, second.size == size2 else {
            throw SunlightError.notFound("大小为 \(size2) 的检查点")
        }
        let proof = try await MerkleMath.consistencyProof(size1: size1, size2: size2, from: ledger)
        return ConsistencyProofBundle(size1: size1, size2: size2, proof: proof, checkpoint1: try await cosignedNote(first),
                                      checkpoint2: try await cosignedNote(second))
    }
}

extension UseCaseArea {
    /// Places what waits for the integrator before a read of the tree (see ``LedgerIntegrator``).
    func treeUpToDate() async throws {
        try await LedgerIntegrator.catchUp(at: now, settings: ledger, in: store)
    }

    /// A record's newest leaf inside `checkpoint`, or not found as `missing`.
    func newestLeaf(table: String, recordID: String, within checkpoint: StoredCheckpoint, missing: String) async throws -> StoredLedgerEntry {
        guard let found = try await store.ledger.entries(table: table, recordIDs: [recordID.lowercased()]).last(where: { $0.index < checkpoint.size }) else {
            throw SunlightError.notFound(missing)
        }
        return found
    }

    /// The bundle proving a leaf up to `checkpoint` (no access check: callers decide who may ask).
    func proofBundle(_ stored: StoredLedgerEntry, checkpoint: StoredCheckpoint) async throws -> InclusionProofBundle {
        let proof = try await MerkleMath.inclusionProof(index: stored.index, size: checkpoint.size, from: store.ledger)
        return InclusionProofBundle(leafIndex: stored.index, treeSize: checkpoint.size, entry: String(decoding: stored.entry, as: UTF8.self),
                                    leafHash: RFC6962.leafHash(stored.entry), proof: proof, checkpoint: try await cosignedNote(checkpoint))
    }
}
