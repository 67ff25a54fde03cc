import Foundation
import Testing
@testable import SunlightLedger

@Suite("见证规则 REC-19（C2SP tlog-witness add-checkpoint）")
struct WitnessRulesTests {
    let log: NoteSigner
    let logs: [WitnessedLogKey]

    init() throws {
        log = try NoteSigner.generate(name: "county.example")
        logs = [WitnessedLogKey(origin: "county.example/log", verifier: log.verifier)]
    }

    func tree(_ size: Int, salt: String = "") -> MemoryTree {
        MemoryTree(leafHashes: (0..<size).map { RFC6962.leafHash(Array("leaf \($0)\(salt)".utf8)) })
    }

    func note(_ tree: MemoryTree, origin: String = "county.example/log", signer: NoteSigner? = nil) throws -> String {
        try Checkpoint(origin: origin, size: tree.size, root: try tree.root()).signed(by: signer ?? log)
    }

    func request(from old: UInt64, _ tree: MemoryTree, signer: NoteSigner? = nil) async throws -> AddCheckpointRequest {
        let proof = old == 0 || old == tree.size ? [] : try await MerkleMath.consistencyProof(size1: old, size2: tree.size, from: tree)
        return AddCheckpointRequest(oldSize: old, proof: proof, checkpoint: try note(tree, signer: signer))
    }

    @Test("REC-19: the specification's example request body parses into old size, four proof hashes and the checkpoint, and prints back")
    func exampleBody() throws {
        let body = """
            old 20852014
            PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
            jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
            5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
            /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

            — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=

            """
        let request = try AddCheckpointRequest(body: body)
        #expect(request.oldSize == 20_852_014)
        #expect(request.proof.count == 4)
        #expect(try request.unverifiedCheckpoint().size == 20_852_163)
        #expect(request.body == body)
    }

    @Test("REC-19: a body without the blank line, with a bad old line, or with more than 63 proof lines is malformed (400)")
    func malformedBodies() throws {
        let hash = RFC6962.emptyRoot.base64
        for body in ["old 1\n", "old 01\n\nx\n", "new 1\n\nx\n", "old 1\n" + String(repeating: hash + "\n", count: 64) + "\nx\n"] {
            #expect {
                try AddCheckpointRequest(body: body)
            } throws: { error in
                if case .malformed = error as? AddCheckpointRefusal { return true }
                return false
            }
        }
    }

    @Test("REC-19: the first checkpoint of a log is cosigned from old 0 with an empty proof; the next one only with a valid proof")
    func firstThenConsistent() async throws {
        let small = tree(5), large = tree(13)
        let first = try WitnessRules.check(try await request(from: 0, small), logs: logs, latest: nil)
        #expect(first.size == 5)
        let next = try WitnessRules.check(try await request(from: 5, large), logs: logs, latest: (5, try small.root()))
        #expect(next.size == 13)
    }

    @Test("REC-19: an origin the witness does not witness is 404; a checkpoint not signed by the trusted key is 403")
    func unknownOriginAndKey() async throws {
        let other = try Checkpoint(origin: "elsewhere/log", size: 1, root: try tree(1).root()).signed(by: log)
        #expect(throws: AddCheckpointRefusal.unknownOrigin("elsewhere/log")) {
            try WitnessRules.check(AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: other), logs: logs, latest: nil)
        }
        let impostor = try await request(from: 0, tree(3), signer: try NoteSigner.generate(name: "county.example"))
        #expect {
            try WitnessRules.check(impostor, logs: logs, latest: nil)
        } throws: { error in
            if case .forbidden = error as? AddCheckpointRefusal { return true }
            return false
        }
    }

    @Test("REC-19: an old size other than the one last cosigned is 409 with that size")
    func conflict() async throws {
        let fromFive = try await request(from: 5, tree(13)), fromZero = try await request(from: 0, tree(13))
        let known = (size: UInt64(8), root: try tree(8).root())
        #expect(throws: AddCheckpointRefusal.conflict(knownSize: 8)) { try WitnessRules.check(fromFive, logs: logs, latest: known) }
        #expect(throws: AddCheckpointRefusal.conflict(knownSize: 8)) { try WitnessRules.check(fromZero, logs: logs, latest: known) }
    }

    @Test("REC-19: a fork (another tree from the cosigned size) or a rewritten root at the same size is never cosigned (422)")
    func forkRefused() async throws {
        let cosigned = tree(8)
        let fork = tree(13, salt: "*")
        let forged = AddCheckpointRequest(oldSize: 8, proof: try await MerkleMath.consistencyProof(size1: 8, size2: 13, from: fork),
                                          checkpoint: try note(fork))
        #expect {
            try WitnessRules.check(forged, logs: logs, latest: (8, try cosigned.root()))
        } throws: { error in
            if case .inconsistent = error as? AddCheckpointRefusal { return true }
            return false
        }
        let rewritten = try await request(from: 8, tree(8, salt: "*"))
        #expect {
            try WitnessRules.check(rewritten, logs: logs, latest: (8, try cosigned.root()))
        } throws: { error in
            if case .inconsistent = error as? AddCheckpointRefusal { return true }
            return false
        }
    }

    @Test("REC-19: a rolled-back log asking from the size the witness holds is refused (old larger than the checkpoint: 400)")
    func rollbackRefused() async throws {
        let shorter = AddCheckpointRequest(oldSize: 13, proof: [], checkpoint: try note(tree(8)))
        #expect {
            try WitnessRules.check(shorter, logs: logs, latest: (13, try tree(13).root()))
        } throws: { error in
            if case .malformed = error as? AddCheckpointRefusal { return true }
            return false
        }
    }

    @Test("REC-19: the witnessed note keeps the text, the trusted log signature and the witness's cosignature, and drops unknown lines")
    func witnessedNote() throws {
        let body = try note(tree(3))
        let stranger = try NoteSigner.generate(name: "stranger")
        let (text, _) = try NoteKey.split(body)
        let extra = body + NoteKey.signatureLine(name: stranger.name, keyID: stranger.keyID, signature: Array(repeating: 1, count: 64))
        let witness = try CosignatureSigner.derived(from: stranger, name: "w")
        let line = try witness.cosign(text, time: 42)
        let kept = try WitnessRules.witnessedNote(extra, logs: logs, cosignature: line)
        #expect(kept == body + line)
        #expect(try witness.verifier.verify(kept) == 42)
    }
}
