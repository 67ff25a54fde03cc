import Crypto
import Foundation

/// 签名密钥 — an Ed25519 key in the C2SP signed-note format, as used by the Go checksum
/// database and Sigstore: verifier keys read `name+hash+base64(0x01‖public key)`.
public struct NoteSigner: Sendable {
    public let name: String
    let privateKey: Curve25519.Signing.PrivateKey

    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) throws {
        try NoteKey.validate(name: name)
        self.name = name
        self.privateKey = privateKey
    }

    /// A new random key.
    public static func generate(name: String) throws -> NoteSigner {
        try NoteSigner(name: name, privateKey: Curve25519.Signing.PrivateKey())
    }

    /// Reads `PRIVATE+KEY+name+hash+base64(0x01‖seed)`.
    public init(signerKey: String) throws {
        let text = signerKey.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY",
              let blob = Data(base64Encoded: String(parts[4])), blob.count == 33, blob.first == NoteKey.ed25519 else {
            throw LedgerError.malformedKey("签名私钥应为 PRIVATE+KEY+名称+哈希+密钥")
        }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: blob.dropFirst())
        try self.init(name: String(parts[2]), privateKey: key)
        guard NoteKey.hexID(keyID) == parts[3] else { throw LedgerError.malformedKey("签名私钥的哈希与密钥不符") }
    }

    public var publicKey: [UInt8] { Array(privateKey.publicKey.rawRepresentation) }
    public var keyID: [UInt8] { NoteKey.keyID(name: name, publicKey: publicKey) }

    /// `PRIVATE+KEY+name+hash+base64(0x01‖seed)` — keep it secret.
    public var signerKey: String {
        "PRIVATE+KEY+\(name)+\(NoteKey.hexID(keyID))+" + Data([NoteKey.ed25519] + Array(privateKey.rawRepresentation)).base64EncodedString()
    }

    /// `name+hash+base64(0x01‖public key)` — publish it.
    public var verifierKey: String {
        "\(name)+\(NoteKey.hexID(keyID))+" + Data([NoteKey.ed25519] + publicKey).base64EncodedString()
    }

    public var verifier: NoteVerifier { NoteVerifier(name: name, publicKey: publicKey) }

    /// Signs a note's text (which must end in a newline) and returns the signed note.
    public func sign(_ text: String) throws -> String {
        guard text.hasSuffix("\n") else { throw LedgerError.malformedCheckpoint("正文必须以换行结束") }
        let signature = try privateKey.signature(for: Data(text.utf8))
        return text + "\n" + NoteKey.signatureLine(name: name, keyID: keyID, signature: Array(signature))
    }

    /// A detached Ed25519 signature of raw bytes, base64 — for pushed messages (PUB-10), checked
    /// with the same public key as the checkpoints.
    public func detachedSignature(_ bytes: [UInt8]) throws -> String {
        try privateKey.signature(for: Data(bytes)).base64EncodedString()
    }
}

/// 验证公钥 — checks signatures of one named Ed25519 key.
public struct NoteVerifier: Sendable, Equatable {
    public let name: String
    public let publicKey: [UInt8]

    public init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
    }

    /// Reads `name+hash+base64(0x01‖public key)`.
    public init(verifierKey: String) throws {
        let parts = verifierKey.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let blob = Data(base64Encoded: String(parts[2])), blob.count == 33, blob.first == NoteKey.ed25519 else {
            throw LedgerError.malformedKey("验证公钥应为 名称+哈希+公钥")
        }
        try NoteKey.validate(name: String(parts[0]))
        self.init(name: String(parts[0]), publicKey: Array(blob.dropFirst()))
        guard NoteKey.hexID(keyID) == parts[1] else { throw LedgerError.malformedKey("验证公钥的哈希与公钥不符") }
    }

    public var keyID: [UInt8] { NoteKey.keyID(name: name, publicKey: publicKey) }

    public var verifierKey: String {
        "\(name)+\(NoteKey.hexID(keyID))+" + Data([NoteKey.ed25519] + publicKey).base64EncodedString()
    }

    /// Checks the note's signature by this key and returns the note's text.
    /// Whether `signature` (base64) is this key's Ed25519 signature of `bytes`.
    public func isValidSignature(_ signature: String, of bytes: [UInt8]) -> Bool {
        guard let raw = Data(base64Encoded: signature), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(raw, for: Data(bytes))
    }

    public func open(_ note: String) throws -> String {
        let (text, signatures) = try NoteKey.split(note)
        guard let signature = signatures.first(where: { $0.name == name && $0.keyID == keyID }) else {
            throw LedgerError.noSignatureByKey(keyName: name)
        }
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        guard key.isValidSignature(signature.signature, for: Data(text.utf8)) else {
            throw LedgerError.signatureInvalid(keyName: name)
        }
        return text
    }
}

enum NoteKey {
    /// The signature-type byte of Ed25519 in the signed-note format.
    static let ed25519: UInt8 = 0x01

    static func validate(name: String) throws {
        guard !name.isEmpty, !name.contains("+"), !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
            throw LedgerError.malformedKey("密钥名称不能为空，且不能含空白或“+”")
        }
    }

    /// First four bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key): 0x01 for the log's own
    /// signatures, 0x04 for tlog-cosignature/v1 cosignatures.
    static func keyID(name: String, publicKey: [UInt8], type: UInt8 = ed25519) -> [UInt8] {
        Array(SHA256.hash(data: Array(name.utf8) + [0x0A, type] + publicKey).prefix(4))
    }

    /// Reads a verifier key `name+hex(key ID)+base64(type‖32-byte Ed25519 key)` of signature
    /// type `type` and checks its key ID.
    static func parseVerifierKey(_ text: String, type: UInt8) throws -> (name: String, publicKey: [UInt8]) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let blob = Data(base64Encoded: String(parts[2])), blob.count == 33, blob.first == type else {
            throw LedgerError.malformedKey("验证公钥应为 名称+哈希+公钥（类型 0x\(Hex.encode([type]))）")
        }
        let name = String(parts[0])
        try validate(name: name)
        let publicKey = Array(blob.dropFirst())
        guard hexID(keyID(name: name, publicKey: publicKey, type: type)) == parts[1] else {
            throw LedgerError.malformedKey("验证公钥的哈希与公钥不符")
        }
        return (name, publicKey)
    }

    static func hexID(_ id: [UInt8]) -> String { Hex.encode(id) }

    static func signatureLine(name: String, keyID: [UInt8], signature: [UInt8]) -> String {
        "\u{2014} \(name) " + Data(keyID + signature).base64EncodedString() + "\n"
    }

    struct Signature {
        let name: String
        let keyID: [UInt8]
        let signature: [UInt8]
    }

    /// Splits a signed note into its text (ending in a newline) and its signature lines.
    static func split(_ note: String) throws -> (String, [Signature]) {
        guard note.hasSuffix("\n"), let separator = note.range(of: "\n\n", options: .backwards) else {
            throw LedgerError.malformedCheckpoint("签名与正文之间应有一个空行")
        }
        let text = String(note[..<separator.lowerBound]) + "\n"
        let lines = note[separator.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard !lines.isEmpty else { throw LedgerError.malformedCheckpoint("没有签名") }
        let signatures = try lines.map { line -> Signature in
            guard line.hasPrefix("\u{2014} ") else { throw LedgerError.malformedCheckpoint("签名行应以“— ”开头") }
            guard let signature = parseLine(line) else { throw LedgerError.malformedCheckpoint("签名行格式错误") }
            return signature
        }
        return (text, signatures)
    }

    /// One signature line `— name base64(key ID ‖ signature)` without its newline, or `nil`.
    static func parseLine(_ line: Substring) -> Signature? {
        guard line.hasPrefix("\u{2014} ") else { return nil }
        let fields = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 2, let blob = Data(base64Encoded: String(fields[1])), blob.count > 4 else { return nil }
        return Signature(name: String(fields[0]), keyID: Array(blob.prefix(4)), signature: Array(blob.dropFirst(4)))
    }
}
