import Foundation

/// 提交见证请求 — the body of a C2SP tlog-witness `add-checkpoint` call: `old <size>`, at most
/// 63 base64 consistency-proof lines, an empty line, then the signed checkpoint.
public struct AddCheckpointRequest: Sendable, Equatable {
    public static let maxProofLines = 63
    /// The size of the checkpoint the witness last cosigned, as the client believes.
    public let oldSize: UInt64
    /// The consistency proof from `oldSize` to the checkpoint's size.
    public let proof: [LedgerHash]
    /// The checkpoint as a signed note.
    public let checkpoint: String

    public init(oldSize: UInt64, proof: [LedgerHash], checkpoint: String) {
        self.oldSize = oldSize
        self.proof = proof
        self.checkpoint = checkpoint
    }

    /// Parses a request body; a malformed one throws ``AddCheckpointRefusal/malformed(_:)``.
    public init(body: String) throws {
        var rest = Substring(body)
        func line() throws -> Substring {
            guard let end = rest.firstIndex(of: "\n") else { throw AddCheckpointRefusal.malformed("每行都应以换行结束") }
            defer { rest = rest[rest.index(after: end)...] }
            return rest[..<end]
        }
        let first = try line()
        guard first.hasPrefix("old "), let size = UInt64(first.dropFirst(4)), String(size) == first.dropFirst(4) else {
            throw AddCheckpointRefusal.malformed("第一行应为“old 十进制大小”")
        }
        var proof: [LedgerHash] = []
        while true {
            let next = try line()
            if next.isEmpty { break }
            guard proof.count < Self.maxProofLines else { throw AddCheckpointRefusal.malformed("一致性证明不能超过 63 行") }
            guard let hash = LedgerHash(base64: String(next)) else { throw AddCheckpointRefusal.malformed("一致性证明行应为 32 字节的 base64") }
            proof.append(hash)
        }
        self.init(oldSize: size, proof: proof, checkpoint: String(rest))
    }

    /// The checkpoint's body, not yet verified: its origin says which log it claims to be.
    public func unverifiedCheckpoint() throws -> Checkpoint {
        do {
            return try Checkpoint(text: try NoteKey.split(checkpoint).0)
        } catch {
            throw AddCheckpointRefusal.malformed("\(error)")
        }
    }

    /// The request body.
    public var body: String {
        "old \(oldSize)\n" + proof.map { $0.base64 + "\n" }.joined() + "\n" + checkpoint
    }
}

/// 见证拒绝 — why a witness does not cosign, each with its tlog-witness HTTP status.
public enum AddCheckpointRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400: the body, the checkpoint or the sizes are malformed.
    case malformed(String)
    /// 404: the witness does not witness this origin.
    case unknownOrigin(String)
    /// 403: no valid signature by a key the witness trusts for the origin.
    case forbidden(String)
    /// 409: `old` is not the size the witness last cosigned; it reports that size.
    case conflict(knownSize: UInt64)
    /// 422: the proof does not show the checkpoint extends what the witness cosigned (rollback, fork).
    case inconsistent(String)

    public var description: String {
        switch self {
        case .malformed(let why): "请求格式错误：\(why)"
        case .unknownOrigin(let origin): "本见证方不见证日志 \(origin)"
        case .forbidden(let why): "检查点签名不可信：\(why)"
        case .conflict(let size): "见证方最近副署的检查点大小为 \(size)"
        case .inconsistent(let why): "检查点与见证方已副署的检查点不一致：\(why)"
        }
    }
}

/// 被见证的日志 — one log a witness cosigns: its origin and the key its checkpoints are signed with.
public struct WitnessedLogKey: Sendable, Equatable {
    public let origin: String
    public let verifier: NoteVerifier

    public init(origin: String, verifier: NoteVerifier) {
        self.origin = origin
        self.verifier = verifier
    }

    /// Reads `<log verifier key> [<origin>]`; the origin defaults to `<key name>/log`, Sunlight's own default.
    public init(entry: String) throws {
        let fields = entry.split(whereSeparator: \.isWhitespace)
        guard (1...2).contains(fields.count) else { throw LedgerError.malformedKey("被见证日志应写为“验证公钥 [日志标识]”：\(entry)") }
        let verifier = try NoteVerifier(verifierKey: String(fields[0]))
        self.init(origin: fields.count == 2 ? String(fields[1]) : "\(verifier.name)/log", verifier: verifier)
    }

    /// `<log verifier key> <origin>`, as ``init(entry:)`` reads it.
    public var entry: String { "\(verifier.verifierKey) \(origin)" }

    /// The origin's name in a witness's monitoring URL: lower-case hex SHA-256 of the origin.
    public static func originHash(_ origin: String) -> String { LedgerHash.sha256(Array(origin.utf8)).hex }
}

/// 见证规则 — what a witness checks before it cosigns (C2SP tlog-witness `add-checkpoint`), in
/// the specification's order. Pure: the caller supplies the keys it trusts and the checkpoint
/// it last cosigned for the origin, and persists the new one atomically with this check.
public enum WitnessRules {
    /// The checkpoint to cosign, or the refusal.
    public static func check(_ request: AddCheckpointRequest, logs: [WitnessedLogKey],
                             latest: (size: UInt64, root: LedgerHash)?) throws -> Checkpoint {
        typealias Refusal = AddCheckpointRefusal
        let checkpoint = try request.unverifiedCheckpoint()
        let trusted = logs.filter { $0.origin == checkpoint.origin }
        guard !trusted.isEmpty else { throw Refusal.unknownOrigin(checkpoint.origin) }
        var failure = LedgerError.noSignatureByKey(keyName: trusted[0].verifier.name)
        var verified = false
        for log in trusted where !verified {
            do {
                _ = try log.verifier.open(request.checkpoint)
                verified = true
            } catch let error as LedgerError {
                failure = error
            } catch {
                throw Refusal.forbidden("\(error)")
            }
        }
        guard verified else { throw Refusal.forbidden(failure.description) }
        guard request.oldSize <= checkpoint.size else { throw Refusal.malformed("old \(request.oldSize) 大于检查点大小 \(checkpoint.size)") }
        let known = latest ?? (0, RFC6962.emptyRoot)
        guard request.oldSize == known.size else { throw Refusal.conflict(knownSize: known.size) }
        if checkpoint.size == 0, checkpoint.root != RFC6962.emptyRoot { throw Refusal.inconsistent("大小为 0 的检查点应为空树的根哈希") }
        if request.oldSize == 0, !request.proof.isEmpty { throw Refusal.inconsistent("old 为 0 时一致性证明应为空") }
        do {
            if request.oldSize > 0 || latest != nil {
                try ProofVerification.verifyConsistency(size1: known.size, size2: checkpoint.size, root1: known.root,
                                                        root2: checkpoint.root, proof: request.proof)
            }
        } catch {
            throw Refusal.inconsistent("\(error)")
        }
        return checkpoint
    }

    /// The checkpoint as the witness keeps and serves it: its text, the signatures of the keys
    /// the witness trusts for its origin, and the witness's own cosignature line.
    public static func witnessedNote(_ note: String, logs: [WitnessedLogKey], cosignature: String) throws -> String {
        let (text, signatures) = try NoteKey.split(note)
        let kept = signatures.filter { signature in
            logs.contains { $0.verifier.name == signature.name && $0.verifier.keyID == signature.keyID }
        }
        return text + "\n" + kept.map { NoteKey.signatureLine(name: $0.name, keyID: $0.keyID, signature: $0.signature) }.joined() + cosignature
    }
}

/// 见证方 — a witness this installation asks to cosign: its cosigning key and its URL prefix
/// (the tlog-witness submission and monitoring prefix: `<url>/add-checkpoint`,
/// `<url>/<origin hash>/checkpoint`).
public struct WitnessEndpoint: Sendable, Equatable {
    public let verifier: CosignatureVerifier
    public let url: String

    public init(verifier: CosignatureVerifier, url: String) {
        self.verifier = verifier
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// Reads `<witness verifier key> <URL prefix>`.
    public init(entry: String) throws {
        let fields = entry.split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, fields[1].hasPrefix("http://") || fields[1].hasPrefix("https://") else {
            throw LedgerError.malformedKey("见证方应写为“见证验证公钥 http(s)://地址前缀”：\(entry)")
        }
        self.init(verifier: try CosignatureVerifier(verifierKey: String(fields[0])), url: String(fields[1]))
    }

    /// The name the witness signs under.
    public var name: String { verifier.name }

    /// Splits a configured list: entries separated by newlines or commas, blank ones skipped.
    public static func entries(_ list: String) -> [String] {
        list.split(whereSeparator: { $0 == "\n" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
