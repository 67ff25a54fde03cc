import Crypto
import Foundation

/// 见证副署 — a C2SP tlog-cosignature/v1 (Ed25519, signature type 0x04): a witness's
/// statement that, as of a time, the checkpoint is the largest consistent tree it has seen of
/// that log. It is a signed-note signature line
/// `— <name> base64(key ID(4) ‖ timestamp(8, big-endian) ‖ Ed25519 signature(64))` over
/// `cosignature/v1\ntime <seconds>\n` followed by the checkpoint's text (REC-19).
public enum Cosignature {
    /// The signature-type byte of an Ed25519 cosignature in key IDs and verifier keys.
    public static let signatureType: UInt8 = 0x04

    /// The bytes a cosignature signs.
    public static func message(checkpointText: String, time: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(time)\n".utf8) + Array(checkpointText.utf8)
    }

    /// The timestamp a cosignature's signature bytes (after the key ID) carry.
    static func timestamp(_ signature: [UInt8]) -> UInt64? {
        guard signature.count == 72 else { return nil }
        return signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}

/// 见证签名密钥 — a witness's Ed25519 cosigning key.
public struct CosignatureSigner: Sendable {
    public let name: String
    let privateKey: Curve25519.Signing.PrivateKey

    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) throws {
        try NoteKey.validate(name: name)
        self.name = name
        self.privateKey = privateKey
    }

    /// The witness key of an installation, derived from its log signing key (HKDF-SHA256 over
    /// the log key's seed, labelled with `name`): a distinct public key, as tlog-cosignature and
    /// signed-note ask, with no second secret to keep — servers that share the log key share
    /// the witness key.
    public static func derived(from signer: NoteSigner, name: String) throws -> CosignatureSigner {
        let seed = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: signer.privateKey.rawRepresentation),
                                          salt: Array("sunlight witness key v1".utf8), info: Array(name.utf8), outputByteCount: 32)
        let raw = seed.withUnsafeBytes { Data($0) }
        return try CosignatureSigner(name: name, privateKey: Curve25519.Signing.PrivateKey(rawRepresentation: raw))
    }

    public var publicKey: [UInt8] { Array(privateKey.publicKey.rawRepresentation) }
    public var keyID: [UInt8] { NoteKey.keyID(name: name, publicKey: publicKey, type: Cosignature.signatureType) }

    /// `name+hash+base64(0x04‖public key)` — give it to the logs this witness cosigns and to verifiers.
    public var verifierKey: String { verifier.verifierKey }

    public var verifier: CosignatureVerifier { CosignatureVerifier(name: name, publicKey: publicKey) }

    /// The cosignature line (ending in a newline) on a checkpoint's text at `time` (POSIX seconds, > 0).
    public func cosign(_ checkpointText: String, time: UInt64) throws -> String {
        guard checkpointText.hasSuffix("\n") else { throw LedgerError.malformedCheckpoint("正文必须以换行结束") }
        guard time > 0, time < UInt64(1) << 63 else { throw LedgerError.malformedCheckpoint("副署时间无效：\(time)") }
        let signature = try privateKey.signature(for: Data(Cosignature.message(checkpointText: checkpointText, time: time)))
        let stamp = (0..<8).map { UInt8(truncatingIfNeeded: time >> UInt64(56 - 8 * $0)) }
        return NoteKey.signatureLine(name: name, keyID: keyID, signature: stamp + Array(signature))
    }
}

/// 见证验证公钥 — checks one witness's cosignatures.
public struct CosignatureVerifier: Sendable, Equatable, Hashable {
    public let name: String
    public let publicKey: [UInt8]

    public init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
    }

    /// Reads `name+hash+base64(0x04‖public key)`.
    public init(verifierKey: String) throws {
        let (name, publicKey) = try NoteKey.parseVerifierKey(verifierKey, type: Cosignature.signatureType)
        self.init(name: name, publicKey: publicKey)
    }

    public var keyID: [UInt8] { NoteKey.keyID(name: name, publicKey: publicKey, type: Cosignature.signatureType) }

    public var verifierKey: String {
        "\(name)+\(NoteKey.hexID(keyID))+" + Data([Cosignature.signatureType] + publicKey).base64EncodedString()
    }

    /// The time of this witness's cosignature on the note: the note must carry a line with this
    /// key's name and ID whose signature verifies over its text.
    public func verify(_ note: String) throws -> UInt64 {
        let (text, signatures) = try NoteKey.split(note)
        guard let line = signatures.first(where: { $0.name == name && $0.keyID == keyID }) else {
            throw LedgerError.noSignatureByKey(keyName: name)
        }
        guard let time = Cosignature.timestamp(line.signature) else { throw LedgerError.signatureInvalid(keyName: name) }
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        guard key.isValidSignature(Data(line.signature.dropFirst(8)), for: Data(Cosignature.message(checkpointText: text, time: time))) else {
            throw LedgerError.signatureInvalid(keyName: name)
        }
        return time
    }

    /// Whether `line` is this witness's signature line (by name and key ID), valid or not.
    public func names(_ line: String) -> Bool {
        guard let signature = NoteKey.parseLine(Substring(line.hasSuffix("\n") ? String(line.dropLast()) : line)) else { return false }
        return signature.name == name && signature.keyID == keyID
    }
}
