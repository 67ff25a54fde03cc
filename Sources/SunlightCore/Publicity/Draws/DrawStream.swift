import Crypto

/// 随机字流 — a source of 64-bit words for the draw. ``DrawStream`` is the real one;
/// tests substitute scripted words to check the sampling arithmetic.
protocol DrawWords {
    /// The next word of the stream. Streams never end.
    mutating func nextWord() -> UInt64
}

extension DrawWords {
    /// 均匀抽取 — a uniform integer in `0..<n` by rejection sampling.
    ///
    /// `limit = 2^64 − (2^64 mod n)`; words are drawn until one is `< limit`, and the result
    /// is `word mod n`. When `n` is a power of two (including `n == 1`) no word is rejected,
    /// but one word is still consumed.
    mutating func uniform(_ n: Int) -> Int {
        precondition(n >= 1, "uniform(n) needs n ≥ 1")
        let bound = UInt64(n)
        // 2^64 mod n, computed without 2^64: (2^64 − 1) mod n + 1, reduced once more.
        let excess = (UInt64.max % bound &+ 1) % bound
        while true {
            let word = nextWord()
            // limit = 2^64 − excess; when excess == 0 every word is accepted.
            if excess == 0 || word < 0 &- excess {
                return Int(word % bound)
            }
        }
    }

    /// 部分洗牌 — choose `k` of `pool` by a partial Fisher–Yates shuffle, in draw order.
    ///
    /// `for i in 0..<k { j = i + uniform(n − i); swap(a[i], a[j]) }`; the result is `a[0..<k]`.
    mutating func choose<Element>(_ k: Int, from pool: [Element]) -> [Element] {
        precondition(k >= 0 && k <= pool.count, "cannot choose \(k) of \(pool.count)")
        var a = pool
        for i in 0..<k {
            let j = i + uniform(a.count - i)
            a.swapAt(i, j)
        }
        return Array(a[0..<k])
    }
}

/// 随机字流 — the deterministic word stream of one label of a draw.
///
/// Block `i` is `SHA-256(seedBytes ‖ UTF-8(label) ‖ 0x00 ‖ UInt64-big-endian(i))` for
/// `i = 0, 1, 2, …`; each 32-byte block yields four big-endian `UInt64` words, in order.
struct DrawStream: DrawWords {
    /// `seedBytes ‖ UTF-8(label) ‖ 0x00`, the part of every block's input that does not change.
    private let prefix: [UInt8]
    /// Index of the next block to hash.
    private(set) var blockIndex: UInt64 = 0
    /// Words of the current block not yet handed out, in order.
    private var pending: [UInt64] = []
    private var pendingPosition = 0

    /// The label of the stream that draws the targets.
    static let targetsLabel = "targets"

    /// The label of the stream that draws the inspectors of the `t`-th drawn target (0-based).
    static func inspectorsLabel(forTarget t: Int) -> String {
        "inspectors:\(t)"
    }

    init(seed: [UInt8], label: String) {
        precondition(seed.count == 32, "a draw seed is 32 bytes")
        var prefix = seed
        prefix.append(contentsOf: label.utf8)
        prefix.append(0x00)
        self.prefix = prefix
    }

    mutating func nextWord() -> UInt64 {
        if pendingPosition == pending.count {
            pending = Self.words(ofBlock: blockIndex, prefix: prefix)
            pendingPosition = 0
            blockIndex += 1
        }
        defer { pendingPosition += 1 }
        return pending[pendingPosition]
    }

    /// The four words of block `index`.
    static func words(ofBlock index: UInt64, prefix: [UInt8]) -> [UInt64] {
        var hasher = SHA256()
        hasher.update(data: prefix)
        hasher.update(data: bigEndianBytes(index))
        return hasher.finalize().withUnsafeBytes { digest in
            (0..<4).map { w in
                UInt64(bigEndian: digest.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self))
            }
        }
    }

    static func bigEndianBytes(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
