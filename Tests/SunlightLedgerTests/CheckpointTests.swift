import Foundation
import Testing
@testable import SunlightLedger

@Suite("检查点与签名 REC-5")
struct CheckpointTests {
    /// The example key and note of Go's golang.org/x/mod/sumdb/note documentation.
    static let goSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let goVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let goNote = """
        If you think cryptography is the answer to your problem,
        then you don't know what your problem is.

        — PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=

        """

    @Test("REC-5: keys and signatures are byte-for-byte those of Go's signed-note package")
    func interoperatesWithGo() throws {
        let signer = try NoteSigner(signerKey: Self.goSigner)
        #expect(signer.verifierKey == Self.goVerifier)
        let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
        #expect(try signer.sign(text) == Self.goNote)
        let verifier = try NoteVerifier(verifierKey: Self.goVerifier)
        #expect(try verifier.open(Self.goNote) == text)
    }

    @Test("REC-5: a checkpoint round-trips in the tlog-checkpoint format")
    func format() throws {
        let root = RFC6962.leafHash(Array("x".utf8))
        let checkpoint = Checkpoint(origin: "yuanmou.sunlight.example/log", size: 42, root: root)
        #expect(checkpoint.text == "yuanmou.sunlight.example/log\n42\n\(root.base64)\n")
        let signer = try NoteSigner.generate(name: "yuanmou.sunlight.example")
        let note = try checkpoint.signed(by: signer)
        #expect(note.hasPrefix(checkpoint.text + "\n\u{2014} yuanmou.sunlight.example "))
        #expect(try Checkpoint.open(note, verifier: signer.verifier, origin: checkpoint.origin) == checkpoint)
        #expect(try NoteVerifier(verifierKey: signer.verifierKey) == signer.verifier)
        #expect(try NoteSigner(signerKey: signer.signerKey).verifierKey == signer.verifierKey)
    }

    @Test("REC-5: an altered, re-signed or unsigned checkpoint is refused", arguments: [
        "size", "root", "origin", "other-key", "no-signature", "garbage-signature",
    ])
    func tampered(way: String) throws {
        let signer = try NoteSigner.generate(name: "log.example")
        let checkpoint = Checkpoint(origin: "log.example/1", size: 7, root: RFC6962.emptyRoot)
        var note = try checkpoint.signed(by: signer)
        switch way {
        case "size": note = note.replacingOccurrences(of: "\n7\n", with: "\n8\n")
        case "root": note = note.replacingOccurrences(of: RFC6962.emptyRoot.base64, with: RFC6962.leafHash([1]).base64)
        case "origin": note = note.replacingOccurrences(of: "log.example/1", with: "log.example/2")
        case "other-key": note = try checkpoint.signed(by: try NoteSigner.generate(name: "log.example"))
        case "no-signature": note = checkpoint.text
        default: note = checkpoint.text + "\n\u{2014} log.example AAAA\n"
        }
        #expect(throws: LedgerError.self) { try Checkpoint.open(note, verifier: signer.verifier, origin: "log.example/1") }
    }

    @Test("malformed checkpoint texts are refused", arguments: [
        "", "origin\n", "origin\n12\n", "origin\n012\nAAAA\n", "origin\n1\nnot-base64\n", "origin\n-1\n" + RFC6962.emptyRoot.base64 + "\n",
        "origin\n1\n" + RFC6962.emptyRoot.base64, "origin\n1\n" + RFC6962.emptyRoot.base64 + "\n\n",
    ])
    func malformed(text: String) {
        #expect(throws: LedgerError.self) { try Checkpoint(text: text) }
    }
}

@Suite("规范 JSON REC-5")
struct CanonicalJSONTests {
    @Test("keys are sorted by bytes, there is no white space, strings escape only what they must")
    func encoding() throws {
        let value = CanonicalJSON.object([
            "b": .int(-3), "a": .array([.null, .bool(true), .string("元谋\"县\"\\\n\u{1}")]), "A": .object([:]), "é": .string("/"),
        ])
        #expect(value.text == #"{"A":{},"a":[null,true,"元谋\"县\"\\\n\u0001"],"b":-3,"é":"/"}"#)
        #expect(try CanonicalJSON(parsing: value.bytes) == value)
        #expect(try CanonicalJSON(parsing: Array(#"{ "b" : -3 , "a":[null,true,"元谋\"县\"\\\n\u0001"],"A":{},"é":"\/"}"#.utf8)) == value)
    }

    @Test("floats, duplicate keys and trailing garbage are refused", arguments: [#"{"a":1.5}"#, #"{"a":1,"a":2}"#, #"{"a":1} x"#, #"["#])
    func refused(text: String) {
        #expect(throws: LedgerError.self) { try CanonicalJSON(parsing: Array(text.utf8)) }
    }
}
