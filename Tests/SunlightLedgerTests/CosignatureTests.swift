import Crypto
import Foundation
import Testing
@testable import SunlightLedger

@Suite("见证副署格式 REC-19（C2SP tlog-cosignature/v1）")
struct CosignatureTests {
    /// A public witness's Ed25519 cosignature key in vkey form (type 0x04), as published in the
    /// transparency-dev/formats test suite: its key ID must come out as the key says.
    static let publishedWitnessKey = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"
    /// A published cosignature's base64 (key ID ‖ timestamp ‖ signature) and the time it carries.
    static let publishedCosignature = "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA=="

    static let body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"

    @Test("REC-19: a published witness verifier key (type 0x04) parses, its key ID checks out, and it prints back the same")
    func publishedKey() throws {
        let key = try CosignatureVerifier(verifierKey: Self.publishedWitnessKey)
        #expect(key.name == "remora.n621.de")
        #expect(Hex.encode(key.keyID) == "da77ade7")
        #expect(key.verifierKey == Self.publishedWitnessKey)
        // The same key as a type-0x01 log key, or with a wrong key ID, is refused.
        #expect(throws: LedgerError.self) { try NoteVerifier(verifierKey: Self.publishedWitnessKey) }
        #expect(throws: LedgerError.self) { try CosignatureVerifier(verifierKey: "remora.n621.de+00000000+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2") }
    }

    @Test("REC-19: the timestamp of a published cosignature is read from its eight big-endian bytes after the key ID")
    func publishedTimestamp() throws {
        let blob = try #require(Data(base64Encoded: Self.publishedCosignature))
        #expect(Cosignature.timestamp(Array(blob.dropFirst(4))) == 1_727_964_367)
    }

    @Test("REC-19: the signed message is `cosignature/v1`, the time line, then the checkpoint body, as in the specification")
    func signedMessage() {
        let message = String(decoding: Cosignature.message(checkpointText: Self.body, time: 1_679_315_147), as: UTF8.self)
        #expect(message == "cosignature/v1\ntime 1679315147\n" + Self.body)
    }

    @Test("REC-19: a cosignature round-trips; its line is key ID ‖ timestamp ‖ signature; a changed time or body fails")
    func roundTrip() throws {
        let witness = try CosignatureSigner(name: "witness.example/w1", privateKey: Curve25519.Signing.PrivateKey())
        let log = try NoteSigner.generate(name: "example.com/behind-the-sofa")
        let note = try log.sign(Self.body)
        let line = try witness.cosign(Self.body, time: 1_700_000_000)
        #expect(line.hasPrefix("\u{2014} witness.example/w1 ") && line.hasSuffix("\n"))
        let blob = try #require(Data(base64Encoded: String(line.dropFirst(2 + "witness.example/w1 ".count).dropLast())))
        #expect(blob.count == 4 + 8 + 64)
        #expect(Array(blob.prefix(4)) == witness.keyID)
        #expect(Array(blob.prefix(4)) == Array(SHA256.hash(data: Array("witness.example/w1".utf8) + [0x0A, 0x04] + witness.publicKey).prefix(4)))

        let verifier = try CosignatureVerifier(verifierKey: witness.verifierKey)
        #expect(try verifier.verify(note + line) == 1_700_000_000)
        // The log's own signature still verifies on the cosigned note.
        #expect(try log.verifier.open(note + line) == Self.body)

        var stamped = Array(blob)
        stamped[11] ^= 1   // another second
        let otherTime = "\u{2014} witness.example/w1 " + Data(stamped).base64EncodedString() + "\n"
        #expect(throws: LedgerError.signatureInvalid(keyName: "witness.example/w1")) { try verifier.verify(note + otherTime) }
        let otherBody = try log.sign(Self.body.replacingOccurrences(of: "20852163", with: "20852164"))
        #expect(throws: LedgerError.signatureInvalid(keyName: "witness.example/w1")) { try verifier.verify(otherBody + line) }
        #expect(throws: LedgerError.noSignatureByKey(keyName: "witness.example/w1")) { try verifier.verify(note) }
    }

    @Test("REC-19: an installation's witness key derives from its log key: the same every time, and never the log key itself")
    func derivedKey() throws {
        let log = try NoteSigner.generate(name: "yuanmou")
        let first = try CosignatureSigner.derived(from: log, name: "yuanmou/witness")
        let again = try CosignatureSigner.derived(from: log, name: "yuanmou/witness")
        #expect(first.publicKey == again.publicKey)
        #expect(first.publicKey != log.publicKey)
        #expect(first.verifierKey.hasPrefix("yuanmou/witness+"))
        let other = try CosignatureSigner.derived(from: try NoteSigner.generate(name: "yuanmou"), name: "yuanmou/witness")
        #expect(other.publicKey != first.publicKey)
    }
}
