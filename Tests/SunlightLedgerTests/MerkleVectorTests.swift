import Foundation
import Testing
@testable import SunlightLedger

/// The transparency-dev/merkle test vectors (shared/data/merkle-vectors): a log that
/// interoperates with the Go checksum database and Sigstore must accept exactly the proofs
/// marked `wantErr: false` and reject all others (REC-5).
struct Vectors {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("merkle-vectors")

    struct Reference: Decodable {
        let leafInputsHex: [String]
        let rootHashesHexBySize: [String]
        let knownAnswers: [String: String]
    }

    struct Inclusion: Decodable, CustomTestStringConvertible {
        let leafIdx: UInt64
        let treeSize: UInt64
        let root: String?
        let leafHash: String?
        let proof: [String]?
        let desc: String
        let wantErr: Bool
        var file = ""
        enum CodingKeys: String, CodingKey { case leafIdx, treeSize, root, leafHash, proof, desc, wantErr }
        var testDescription: String { file }
    }

    struct Consistency: Decodable, CustomTestStringConvertible {
        let size1: UInt64
        let size2: UInt64
        let root1: String?
        let root2: String?
        let proof: [String]?
        let desc: String
        let wantErr: Bool
        var file = ""
        enum CodingKeys: String, CodingKey { case size1, size2, root1, root2, proof, desc, wantErr }
        var testDescription: String { file }
    }

    static let reference: Reference = try! JSONDecoder().decode(
        Reference.self, from: Data(contentsOf: directory.appendingPathComponent("reference-tree.json")))

    static func files(_ kind: String) -> [URL] {
        let base = directory.appendingPathComponent(kind)
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }

    static let inclusion: [Inclusion] = files("inclusion").map { url in
        var vector = try! JSONDecoder().decode(Inclusion.self, from: Data(contentsOf: url))
        vector.file = url.pathComponents.suffix(2).joined(separator: "/")
        return vector
    }

    static let consistency: [Consistency] = files("consistency").map { url in
        var vector = try! JSONDecoder().decode(Consistency.self, from: Data(contentsOf: url))
        vector.file = url.pathComponents.suffix(2).joined(separator: "/")
        return vector
    }

    static func bytes(hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).map { i in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
    }

    /// A hash field of a vector; malformed or absent hashes become a value no proof can match.
    static func hash(_ base64: String?) -> LedgerHash? {
        guard let base64, let data = Data(base64Encoded: base64), data.count == 32 else { return nil }
        return LedgerHash(Array(data))
    }

    static var referenceTree: MemoryTree {
        MemoryTree(leafHashes: reference.leafInputsHex.map { RFC6962.leafHash(bytes(hex: $0)) })
    }
}

@Suite("RFC 6962 参考向量 REC-5")
struct MerkleVectorTests {
    @Test("the known answers: empty tree, leaf and node hashes")
    func knownAnswers() {
        let answers = Vectors.reference.knownAnswers
        #expect(RFC6962.emptyRoot.hex == answers["emptyTree"])
        #expect(RFC6962.leafHash([UInt8]()).hex == answers["leafHashOfEmptyInput"])
        #expect(RFC6962.leafHash(Array("L123456".utf8)).hex == answers["leafHashOf_L123456"])
        let node = RFC6962.nodeHash(LedgerHash(Array(repeating: 0, count: 32)), LedgerHash(Array(repeating: 0, count: 32)))
        #expect(node.hex.count == 64)
        #expect(RFC6962.nodeHash(LedgerHash(Array(Array("N123".utf8) + Array(repeating: 0, count: 28))),
                                 LedgerHash(Array(Array("N456".utf8) + Array(repeating: 0, count: 28)))).hex.count == 64)
    }

    @Test("REC-5: the root of every size 0…8 of the reference tree")
    func roots() async throws {
        let tree = Vectors.referenceTree
        for (size, expected) in Vectors.reference.rootHashesHexBySize.enumerated() {
            #expect(try tree.root(size: UInt64(size)).hex == expected, "size \(size)")
            #expect(try await MerkleMath.root(size: UInt64(size), from: tree).hex == expected, "size \(size)")
        }
    }

    @Test("REC-5: inclusion vectors — accept exactly the good proofs", arguments: Vectors.inclusion)
    func inclusion(vector: Vectors.Inclusion) {
        let outcome = Result {
            guard let leaf = Vectors.hash(vector.leafHash), let root = Vectors.hash(vector.root)
            else { throw LedgerError.malformedCheckpoint("bad vector field") }
            let proof = try (vector.proof ?? []).map { text -> LedgerHash in
                guard let hash = Vectors.hash(text) else { throw LedgerError.malformedCheckpoint("bad proof hash") }
                return hash
            }
            try ProofVerification.verifyInclusion(index: UInt64(vector.leafIdx), size: UInt64(vector.treeSize),
                                                  leafHash: leaf, proof: proof, root: root)
        }
        if vector.wantErr {
            #expect(throws: (any Error).self, "\(vector.desc) must be rejected") { try outcome.get() }
        } else {
            #expect(throws: Never.self, "\(vector.desc) must be accepted") { try outcome.get() }
        }
    }

    @Test("REC-5: consistency vectors — accept exactly the good proofs", arguments: Vectors.consistency)
    func consistency(vector: Vectors.Consistency) {
        let outcome = Result {
            let root1 = Vectors.hash(vector.root1) ?? LedgerHash(Array(repeating: 0xFF, count: 32))
            let root2 = Vectors.hash(vector.root2) ?? LedgerHash(Array(repeating: 0xFE, count: 32))
            let proof = try (vector.proof ?? []).map { text -> LedgerHash in
                guard let hash = Vectors.hash(text) else { throw LedgerError.malformedCheckpoint("bad proof hash") }
                return hash
            }
            try ProofVerification.verifyConsistency(size1: UInt64(vector.size1), size2: UInt64(vector.size2),
                                                    root1: root1, root2: root2, proof: proof)
        }
        if vector.wantErr {
            #expect(throws: (any Error).self, "\(vector.desc) must be rejected") { try outcome.get() }
        } else {
            #expect(throws: Never.self, "\(vector.desc) must be accepted") { try outcome.get() }
        }
    }

    @Test("REC-5: proofs generated from stored subtrees are the reference proofs")
    func generatedProofsMatchVectors() async throws {
        let tree = Vectors.referenceTree
        for vector in Vectors.inclusion where !vector.wantErr && vector.treeSize <= 8 {
            let proof = try await MerkleMath.inclusionProof(index: UInt64(vector.leafIdx), size: UInt64(vector.treeSize), from: tree)
            #expect(proof.map(\.base64) == (vector.proof ?? []), "\(vector.file)")
        }
        for vector in Vectors.consistency where !vector.wantErr && vector.size2 <= 8 {
            let proof = try await MerkleMath.consistencyProof(size1: UInt64(vector.size1), size2: UInt64(vector.size2), from: tree)
            #expect(proof.map(\.base64) == (vector.proof ?? []), "\(vector.file)")
        }
    }

    @Test("REC-5: every proof of every pair of sizes up to 70 verifies, and fails for a neighbour leaf")
    func exhaustive() async throws {
        let tree = MemoryTree(leafHashes: (0..<70).map { RFC6962.leafHash(Array("leaf \($0)".utf8)) })
        for size in UInt64(1)...70 {
            let root = try tree.root(size: size)
            for index in 0..<size {
                let proof = try await MerkleMath.inclusionProof(index: index, size: size, from: tree)
                let leaf = try tree.hash(SubtreeID(level: 0, index: index))
                try ProofVerification.verifyInclusion(index: index, size: size, leafHash: leaf, proof: proof, root: root)
                if size > 1 {
                    #expect(throws: LedgerError.self) {
                        try ProofVerification.verifyInclusion(index: (index + 1) % size, size: size, leafHash: leaf, proof: proof, root: root)
                    }
                }
            }
            for size1 in 0...size {
                let proof = try await MerkleMath.consistencyProof(size1: size1, size2: size, from: tree)
                try ProofVerification.verifyConsistency(size1: size1, size2: size, root1: try tree.root(size: size1), root2: root, proof: proof)
            }
        }
    }
}

@Suite("右边界 MerkleFrontier")
struct MerkleFrontierTests {
    @Test("REC-5: the frontier's root and completed subtrees equal the full tree's at every size")
    func matchesFullTree() throws {
        var frontier = MerkleFrontier()
        var tree = MemoryTree()
        #expect(frontier.root == RFC6962.emptyRoot)
        for i in 0..<300 {
            let leaf = RFC6962.leafHash(Array("leaf \(i)".utf8))
            let fromFrontier = frontier.append(leaf)
            let fromTree = tree.append(leafHash: leaf)
            #expect(fromFrontier.map(\.0) == fromTree.map(\.0))
            #expect(fromFrontier.map(\.1) == fromTree.map(\.1))
            #expect(frontier.root == (try tree.root()))
        }
    }
}
