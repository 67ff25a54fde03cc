import Foundation
import SunlightLedger

/// A leaf as stored: the entry bytes it hashes, and the content those bytes commit to.
public struct StoredLedgerEntry: Sendable, Equatable {
    public let index: UInt64
    public let entry: [UInt8]
    public let content: [UInt8]
    public let table: String
    public let recordID: String

    public init(index: UInt64, entry: [UInt8], content: [UInt8], table: String, recordID: String) {
        self.index = index
        self.entry = entry
        self.content = content
        self.table = table
        self.recordID = recordID
    }
}

/// 已排序待整合的条目 — a leaf committed with its records but not yet given a place in the
/// tree: the integrator takes these in `sequence` order, assigns leaf indices and signs one
/// checkpoint per batch (sequence, then integrate; REC-5).
public struct SequencedLedgerEntry: Sendable, Equatable {
    /// Order of sequencing; assigned by the store, 0 before it is stored.
    public let sequence: Int64
    public let entry: [UInt8]
    public let content: [UInt8]
    public let table: String
    public let recordID: String
    public let sequencedAt: Date

    public init(sequence: Int64 = 0, entry: [UInt8], content: [UInt8], table: String, recordID: String, sequencedAt: Date) {
        self.sequence = sequence
        self.entry = entry
        self.content = content
        self.table = table
        self.recordID = recordID
        self.sequencedAt = sequencedAt
    }
}

/// What waits for the integrator: how many entries, and since when the oldest.
public struct SequencedBacklog: Sendable, Equatable {
    public let count: Int
    public let oldest: Date?

    public init(count: Int, oldest: Date?) {
        self.count = count
        self.oldest = oldest
    }

    /// How long the oldest waiting entry has waited at `now`, in seconds (0 when none waits).
    public func lag(at now: Date) -> TimeInterval {
        oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0
    }
}

/// A signed tree head as stored.
public struct StoredCheckpoint: Sendable, Equatable {
    public let size: UInt64
    public let root: LedgerHash
    /// The C2SP signed note.
    public let note: String
    public let createdAt: Date

    public init(size: UInt64, root: LedgerHash, note: String, createdAt: Date) {
        self.size = size
        self.root = root
        self.note = note
        self.createdAt = createdAt
    }
}

/// 日志存储 — leaves, complete-subtree hashes (tiles), the head and signed checkpoints.
/// Everything here is append-only except the one head row, which only caches the size.
public protocol LedgerRepository: SubtreeHashSource {
    /// Locks the head for the rest of the transaction (appends are one total order) and reads it.
    func lockHead() async throws -> UInt64
    func setHead(size: UInt64, root: LedgerHash) async throws
    /// The head without locking: size and root as last committed.
    func head() async throws -> (size: UInt64, root: LedgerHash)
    func insert(entries: [StoredLedgerEntry]) async throws
    func insert(subtrees: [(SubtreeID, LedgerHash)]) async throws
    func insert(checkpoint: StoredCheckpoint) async throws
    func latestCheckpoint() async throws -> StoredCheckpoint?
    /// Checkpoints with size ≥ `size`, ascending, at most `limit`.
    func checkpoints(from size: UInt64, limit: Int) async throws -> [StoredCheckpoint]
    /// Leaves with index ≥ `index`, ascending, at most `limit`.
    func entries(from index: UInt64, limit: Int) async throws -> [StoredLedgerEntry]
    /// Every leaf about these records, ascending.
    func entries(table: String, recordIDs: [String]) async throws -> [StoredLedgerEntry]
    /// The distinct record IDs of a table that have leaves, ascending, after `after`.
    func recordIDs(table: String, after: String?, limit: Int) async throws -> [String]
    /// Stored tiles of one level from `index`, ascending, at most `limit`.
    func subtrees(level: Int, from index: UInt64, limit: Int) async throws -> [(UInt64, LedgerHash)]
    /// The number of stored tiles per level.
    func subtreeCounts() async throws -> [Int: UInt64]

    /// Stores entries committed with their records, to be integrated later, in this order.
    func sequence(_ entries: [SequencedLedgerEntry]) async throws
    /// The oldest sequenced entries, ascending by sequence, at most `limit`.
    func sequenced(limit: Int) async throws -> [SequencedLedgerEntry]
    /// Removes integrated entries from the sequence.
    func removeSequenced(_ sequences: [Int64]) async throws
    /// What waits for the integrator.
    func sequencedBacklog() async throws -> SequencedBacklog
}

/// 整合方式 — when a commit's log entries are placed in the tree (DESIGN.md "Sequence, then
/// integrate").
public enum LedgerIntegration: Sendable, Equatable {
    /// In the committing transaction itself, one checkpoint per commit: every commit waits
    /// for the tree. For tools and tests that need the tree at once.
    case atCommit
    /// A commit only sequences its entries; an integrator (``Sunlight/integrateLog(limit:)``)
    /// places them in batches and signs one checkpoint per batch. Readers and writers never
    /// wait on the tree.
    case sequenced
}

/// 个人信息存储 — personal values of logged records, kept apart so they can be erased.
public protocol PersonalDataRepository: Sendable {
    func insert(_ values: [PersonalValue]) async throws
    /// Inserts these values, each replacing the value of the same record and field, if any
    /// (a draft's personal field changed before signature).
    func replace(_ values: [PersonalValue]) async throws
    func values(table: String, recordIDs: [String]) async throws -> [PersonalValue]
    /// Destroys value and salt; the commitment stays.
    func erase(table: String, recordID: String, field: String, at: Date) async throws
}

/// 日志签名配置 — the log's name and the installation's signing key.
public struct LedgerSettings: Sendable {
    /// 日志标识, the first line of every checkpoint, e.g. `yuanmou.sunlight.example/log`.
    public let origin: String
    public let signer: NoteSigner
    /// 被见证的日志 — other installations' logs this one cosigns as a witness (REC-19).
    public var witnessedLogs: [WitnessedLogKey]
    /// When a commit's entries get their place in the tree.
    public var integration: LedgerIntegration

    public init(origin: String, signer: NoteSigner, witnessedLogs: [WitnessedLogKey] = [], integration: LedgerIntegration = .atCommit) {
        self.origin = origin
        self.signer = signer
        self.witnessedLogs = witnessedLogs
        self.integration = integration
    }

    public var verifier: NoteVerifier { signer.verifier }

    /// This installation's witness key: derived from the log key under the name
    /// `<log key name>/witness` (see ``CosignatureSigner/derived(from:name:)``).
    public func cosigner() throws -> CosignatureSigner {
        try CosignatureSigner.derived(from: signer, name: "\(signer.name)/witness")
    }
}
