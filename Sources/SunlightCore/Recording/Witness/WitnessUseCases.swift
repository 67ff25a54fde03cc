import Foundation
import SunlightLedger

/// 外部见证 — REC-19, C2SP tlog-witness and tlog-cosignature: this installation cosigns the
/// checkpoints of the logs it is configured to witness, never one inconsistent with what it
/// cosigned before, and asks its own witnesses to cosign each new checkpoint of its log, so a
/// database rolled back together with its local checkpoint copy is still caught by a verifier
/// that asks the witnesses.
public struct WitnessUseCases: UseCaseArea {
    let kernel: UseCaseKernel

    /// 见证 — `add-checkpoint`: checks the request against the logs this installation witnesses
    /// and the checkpoint it last cosigned for the origin, stores the new one (only if no other
    /// request advanced it meanwhile) and returns its cosignature line. Nothing is appended to
    /// this installation's own log: two installations witnessing each other must not make each
    /// other's logs grow.
    public func addCheckpoint(_ body: String) async throws -> AddCheckpointReply {
        let logs = ledger.witnessedLogs
        let request: AddCheckpointRequest
        let claimed: Checkpoint
        do {
            request = try AddCheckpointRequest(body: body)
            claimed = try request.unverifiedCheckpoint()
        } catch let refusal as AddCheckpointRefusal {
            return .refused(refusal)
        }
        let latest = try await store.witness.witnessed(origin: claimed.origin)
        let checkpoint: Checkpoint
        do {
            checkpoint = try WitnessRules.check(request, logs: logs, latest: latest.map { ($0.size, $0.root) })
        } catch let refusal as AddCheckpointRefusal {
            return .refused(refusal)
        }
        let at = now
        let line = try ledger.cosigner().cosign(checkpoint.text, time: UInt64(max(1, at.timeIntervalSince1970.rounded(.down))))
        let note = try WitnessRules.witnessedNote(request.checkpoint, logs: logs, cosignature: line)
        let witnessed = WitnessedCheckpoint(origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.root, note: note, cosignedAt: at)
        guard try await store.witness.advance(to: witnessed, from: latest?.size) else {
            let current = try await store.witness.witnessed(origin: checkpoint.origin)
            return .refused(.conflict(knownSize: current?.size ?? 0))
        }
        return .cosigned(line)
    }

    /// The newest checkpoint cosigned for the log whose origin hashes (SHA-256, lower-case hex)
    /// to `originHash`, with the log's signature and this witness's cosignature; `nil` if this
    /// installation does not witness that log or has not cosigned it yet.
    public func witnessedCheckpoint(originHash: String) async throws -> String? {
        guard let log = ledger.witnessedLogs.first(where: { WitnessedLogKey.originHash($0.origin) == originHash }) else { return nil }
        return try await store.witness.witnessed(origin: log.origin)?.note
    }

    /// This installation's witness verifier key (type 0x04), for the logs it witnesses.
    public func witnessVerifierKey() throws -> String { try ledger.cosigner().verifierKey }

    /// The newest checkpoint of this log with every cosignature received for it.
    public func cosignedCheckpoint() async throws -> String? {
        guard let latest = try await store.ledger.latestCheckpoint() else { return nil }
        return try await cosignedNote(latest)
    }

    /// 请求副署 — asks one witness to cosign the newest checkpoint, with a consistency proof from
    /// the size it last acknowledged (`acknowledged`, else the newest cosignature of it on file,
    /// else 0); on 409 it retries from the size the witness reports. A valid cosignature is kept.
    public func askWitness(_ witness: WitnessEndpoint, acknowledged: UInt64?, via transport: any WitnessTransport) async throws -> WitnessAskResult {
        guard let latest = try await store.ledger.latestCheckpoint() else { return .nothingToAsk }
        let keyID = Hex.encode(witness.verifier.keyID)
        var old: UInt64
        if let acknowledged { old = acknowledged } else { old = try await store.witness.newestCosignedSize(keyID: keyID) ?? 0 }
        if acknowledged == latest.size { return .upToDate(size: latest.size) }
        for _ in 0..<3 {
            guard old <= latest.size else { return .witnessAhead(witnessSize: old, logSize: latest.size) }
            let proof = old == 0 || old == latest.size ? [] : try await MerkleMath.consistencyProof(size1: old, size2: latest.size, from: store.ledger)
            switch try await transport.addCheckpoint(AddCheckpointRequest(oldSize: old, proof: proof, checkpoint: latest.note), to: witness) {
            case .refused(.conflict(let size)):
                old = size
            case .refused(let refusal):
                return .refused(refusal)
            case .cosigned(let body):
                let time: UInt64
                do { time = try witness.verifier.verify(latest.note + body) } catch {
                    return .invalidCosignature("\(error)")
                }
                guard let line = body.split(separator: "\n").map({ String($0) + "\n" }).first(where: witness.verifier.names) else {
                    return .invalidCosignature("没有见证方 \(witness.name) 的副署行")
                }
                try await store.witness.insert(cosignature: ReceivedCosignature(size: latest.size, witness: witness.name, keyID: keyID,
                                                                                line: line, time: time, receivedAt: now))
                return .cosigned(size: latest.size)
            }
        }
        return .refused(.conflict(knownSize: old))
    }
}

/// What asking one witness came to.
public enum WitnessAskResult: Sendable, Equatable, CustomStringConvertible {
    /// The witness cosigned the checkpoint of this size.
    case cosigned(size: UInt64)
    /// The witness had already cosigned the newest checkpoint.
    case upToDate(size: UInt64)
    /// The log has no checkpoint yet.
    case nothingToAsk
    case refused(AddCheckpointRefusal)
    /// The witness holds a larger checkpoint of this log than the log has: the log was rolled back.
    case witnessAhead(witnessSize: UInt64, logSize: UInt64)
    case invalidCosignature(String)

    public var description: String {
        switch self {
        case .cosigned(let size): "已副署大小为 \(size) 的检查点"
        case .upToDate(let size): "已副署最新检查点（大小 \(size)）"
        case .nothingToAsk: "日志为空，无需副署"
        case .refused(let refusal): "拒绝副署：\(refusal)"
        case .witnessAhead(let witness, let log):
            "见证方已副署大小为 \(witness) 的检查点，本日志只有 \(log) 个叶子：日志可能被回滚（REC-19）"
        case .invalidCosignature(let why): "返回的副署无效：\(why)"
        }
    }
}

extension UseCaseArea {
    /// A checkpoint's signed note with the cosignature lines received for it appended.
    func cosignedNote(_ checkpoint: StoredCheckpoint) async throws -> String {
        checkpoint.note + (try await store.witness.cosignatures(size: checkpoint.size)).map(\.line).joined()
    }
}
