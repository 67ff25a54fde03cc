import Foundation
import SunlightLedger

/// 已见证的检查点 — as a witness: the newest checkpoint of another installation's log this
/// installation cosigned (one per origin), kept as the signed note it serves to verifiers —
/// the log's signature and its own cosignature (REC-19).
public struct WitnessedCheckpoint: Sendable, Equatable {
    public let origin: String
    public let size: UInt64
    public let root: LedgerHash
    public let note: String
    public let cosignedAt: Date

    public init(origin: String, size: UInt64, root: LedgerHash, note: String, cosignedAt: Date) {
        self.origin = origin
        self.size = size
        self.root = root
        self.note = note
        self.cosignedAt = cosignedAt
    }
}

/// 收到的副署 — a cosignature an outside witness returned on one of this log's checkpoints,
/// checked against the witness's key before it is kept.
public struct ReceivedCosignature: Sendable, Equatable {
    /// The size of the cosigned checkpoint.
    public let size: UInt64
    /// The witness's key name and key ID (hex).
    public let witness: String
    public let keyID: String
    /// The signature line, ending in a newline.
    public let line: String
    /// The witness's timestamp (POSIX seconds).
    public let time: UInt64
    public let receivedAt: Date

    public init(size: UInt64, witness: String, keyID: String, line: String, time: UInt64, receivedAt: Date) {
        self.size = size
        self.witness = witness
        self.keyID = keyID
        self.line = line
        self.time = time
        self.receivedAt = receivedAt
    }
}

/// 见证存储 — the checkpoints this installation cosigned as a witness, and the cosignatures
/// its own checkpoints received.
public protocol WitnessRepository: Sendable {
    /// The newest checkpoint cosigned for `origin`.
    func witnessed(origin: String) async throws -> WitnessedCheckpoint?
    /// Replaces the newest checkpoint of its origin only if the stored one still has size
    /// `previous` (`nil`: none stored) — one statement, so two requests racing cannot both
    /// advance from the same size. Returns whether it was stored.
    func advance(to checkpoint: WitnessedCheckpoint, from previous: UInt64?) async throws -> Bool
    /// Keeps a cosignature; the same witness's second one on the same size is ignored.
    func insert(cosignature: ReceivedCosignature) async throws
    /// The cosignatures of the checkpoint of `size`, by witness name.
    func cosignatures(size: UInt64) async throws -> [ReceivedCosignature]
    /// The largest checkpoint size the witness with this key ID has cosigned.
    func newestCosignedSize(keyID: String) async throws -> UInt64?
}

/// 见证通道 — how the log reaches a witness's `add-checkpoint` (HTTP in the server, direct
/// calls in tests). A refusal is returned; a witness that cannot be reached throws.
public protocol WitnessTransport: Sendable {
    func addCheckpoint(_ request: AddCheckpointRequest, to witness: WitnessEndpoint) async throws -> AddCheckpointReply
}

/// A witness's answer to `add-checkpoint`.
public enum AddCheckpointReply: Sendable, Equatable {
    /// 200: the cosignature line(s).
    case cosigned(String)
    case refused(AddCheckpointRefusal)
}
