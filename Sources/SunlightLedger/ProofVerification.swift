/// 证明校验 — checks inclusion and consistency proofs exactly as the transparency-dev/merkle
/// verifier does (the one behind the Go checksum database and Sigstore): a proof of the wrong
/// length, with extra or missing hashes, or for the wrong sizes is rejected, not just one whose
/// root comes out different.
public enum ProofVerification {
    /// Verifies that `leafHash` is leaf `index` of the tree of `size` leaves with root `root`.
    public static func verifyInclusion(index: UInt64, size: UInt64, leafHash: LedgerHash, proof: [LedgerHash],
                                       root: LedgerHash) throws {
        let computed = try rootFromInclusionProof(index: index, size: size, leafHash: leafHash, proof: proof)
        guard computed == root else { throw LedgerError.rootMismatch(computed: computed, expected: root) }
    }

    /// The root that an inclusion proof implies.
    public static func rootFromInclusionProof(index: UInt64, size: UInt64, leafHash: LedgerHash,
                                              proof: [LedgerHash]) throws -> LedgerHash {
        guard index < size else { throw LedgerError.indexOutOfRange(index: index, size: size) }
        let (inner, border) = decomposeInclusionProof(index: index, size: size)
        guard proof.count == inner + border else { throw LedgerError.wrongProofSize(got: proof.count, want: inner + border) }
        let result = chainInner(leafHash, proof[0..<inner], index: index)
        return chainBorderRight(result, proof[inner...])
    }

    /// Verifies that the tree of `size1` leaves with `root1` is a prefix of the tree of `size2`
    /// leaves with `root2`.
    public static func verifyConsistency(size1: UInt64, size2: UInt64, root1: LedgerHash, root2: LedgerHash,
                                         proof: [LedgerHash]) throws {
        guard size1 <= size2 else { throw LedgerError.sizeOrder(size1: size1, size2: size2) }
        if size1 == size2 {
            guard proof.isEmpty else { throw LedgerError.emptyProofExpected }
            guard root1 == root2 else { throw LedgerError.rootMismatch(computed: root1, expected: root2) }
            return
        }
        if size1 == 0 {
            guard proof.isEmpty else { throw LedgerError.emptyProofExpected }
            return
        }
        guard !proof.isEmpty else { throw LedgerError.nonEmptyProofExpected }

        var (inner, border) = decomposeInclusionProof(index: size1 - 1, size: size2)
        let shift = size1.trailingZeroBitCount
        inner -= shift
        var seed = proof[0]
        var start = 1
        if size1 == UInt64(1) << UInt64(shift) {
            seed = root1
            start = 0
        }
        guard proof.count == start + inner + border else {
            throw LedgerError.wrongProofSize(got: proof.count, want: start + inner + border)
        }
        let rest = proof[start...]
        let innerPart = rest.prefix(inner)
        let borderPart = rest.dropFirst(inner)
        let mask = (size1 - 1) >> UInt64(shift)

        var hash1 = chainInnerRight(seed, innerPart, index: mask)
        hash1 = chainBorderRight(hash1, borderPart)
        guard hash1 == root1 else { throw LedgerError.rootMismatch(computed: hash1, expected: root1) }

        var hash2 = chainInner(seed, innerPart, index: mask)
        hash2 = chainBorderRight(hash2, borderPart)
        guard hash2 == root2 else { throw LedgerError.rootMismatch(computed: hash2, expected: root2) }
    }

    /// How many hashes of an inclusion proof lie below the point where the paths to `index`
    /// and to the last leaf part (inner), and how many above (border).
    static func decomposeInclusionProof(index: UInt64, size: UInt64) -> (inner: Int, border: Int) {
        let inner = 64 - (index ^ (size - 1)).leadingZeroBitCount
        let border = (index >> UInt64(inner)).nonzeroBitCount
        return (inner, border)
    }

    static func chainInner(_ seed: LedgerHash, _ proof: ArraySlice<LedgerHash>, index: UInt64) -> LedgerHash {
        var seed = seed
        for (i, hash) in proof.enumerated() {
            seed = (index >> UInt64(i)) & 1 == 0 ? RFC6962.nodeHash(seed, hash) : RFC6962.nodeHash(hash, seed)
        }
        return seed
    }

    static func chainInnerRight(_ seed: LedgerHash, _ proof: ArraySlice<LedgerHash>, index: UInt64) -> LedgerHash {
        var seed = seed
        for (i, hash) in proof.enumerated() where (index >> UInt64(i)) & 1 == 1 {
            seed = RFC6962.nodeHash(hash, seed)
        }
        return seed
    }

    static func chainBorderRight(_ seed: LedgerHash, _ proof: ArraySlice<LedgerHash>) -> LedgerHash {
        proof.reduce(seed) { RFC6962.nodeHash($1, $0) }
    }
}
