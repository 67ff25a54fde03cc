import Foundation
import SunlightLedger

/// 双随机抽取 — the reproducible random draw of 双随机、一公开 (PUB-4, PUB-9).
///
/// For a random-inspection item (随机抽查事项, PUB-4) an organisation draws inspection targets
/// at random from a published pool of targets, and for each drawn target draws certified
/// inspectors at random from a published pool of inspectors. The draw is a pure function of a
/// 32-byte secret seed and the two pools:
///
/// 1. Before the draw, ``commitment(ofSeed:)`` — the SHA-256 of the seed — is appended to the
///    tamper-evident log. The seed stays secret.
/// 2. ``run(seed:targets:inspectors:parameters:)`` draws the assignments.
/// 3. With the results (PUB-9), the seed, both pools and the parameters are published; anyone
///    can check the commitment and re-run the draw (`scripts/redraw.py`) to get the same result.
///
/// Each drawn target's inspectors are drawn independently from the whole inspector pool, so
/// one inspector may be assigned to several targets — as in practice, where an inspector
/// checks several enterprises in one campaign. Within one target the inspectors are distinct.
///
/// The exact algorithm is written down in `docs/random-draw.md`.
public enum RandomDraw {
    /// 检查对象 — a target in the pool: an enterprise (企业) or individual business (个体工商户).
    public struct Target: Sendable, Codable, Equatable, Hashable {
        /// A stable identifier, usually the 统一社会信用代码. Unique within the pool; pools are
        /// ordered by this key compared as UTF-8 bytes (no Unicode normalisation).
        public let key: String
        /// The registered name, for display.
        public let name: String

        public init(key: String, name: String) {
            self.key = key
            self.name = name
        }

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case key, name
        }
    }

    /// 执法检查人员 — a certified inspector in the pool.
    public struct Inspector: Sendable, Codable, Equatable, Hashable {
        /// The 执法证 certificate number. Unique within the pool; compared as UTF-8 bytes.
        public let key: String
        /// The inspector's name, for display.
        public let name: String

        public init(key: String, name: String) {
            self.key = key
            self.name = name
        }

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case key, name
        }
    }

    /// 抽取结果 — one drawn target and the inspectors drawn for it, both in draw order.
    public struct Assignment: Sendable, Codable, Equatable {
        public let target: Target
        public let inspectors: [Inspector]

        public init(target: Target, inspectors: [Inspector]) {
            self.target = target
            self.inspectors = inspectors
        }

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case target, inspectors
        }
    }

    /// 抽取参数 — how many targets to draw, and how many inspectors for each (typically 2).
    public struct Parameters: Sendable, Codable, Equatable {
        /// Number of targets to draw; at least 1.
        public let targetCount: Int
        /// Number of distinct inspectors per drawn target; at least 1.
        public let inspectorsPerTarget: Int

        public init(targetCount: Int, inspectorsPerTarget: Int) {
            self.targetCount = targetCount
            self.inspectorsPerTarget = inspectorsPerTarget
        }

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case targetCount, inspectorsPerTarget
        }
    }

    /// 抽取失败 — why a draw was refused. Checked in this order, before anything is drawn.
    public enum Problem: Error, Equatable, Sendable {
        /// The seed is not exactly 64 lowercase hexadecimal characters.
        case badSeed
        /// `targetCount` or `inspectorsPerTarget` is below 1.
        case badParameters
        /// Two targets share this key (the first duplicate in canonical order).
        case duplicateTarget(String)
        /// Two inspectors share this key (the first duplicate in canonical order).
        case duplicateInspector(String)
        /// The target pool holds fewer targets than `targetCount`.
        case tooFewTargets(have: Int, need: Int)
        /// The inspector pool holds fewer inspectors than `inspectorsPerTarget`.
        case tooFewInspectors(have: Int, need: Int)
    }

    /// 生成种子 — a fresh 32-byte seed as 64 lowercase hex characters, from the system's
    /// cryptographically secure generator.
    public static func newSeed() -> String {
        var generator = SystemRandomNumberGenerator()
        return newSeed(using: &generator)
    }

    /// 生成种子 — a 32-byte seed as 64 lowercase hex characters, from `generator`: four
    /// words, each written big-endian. Use a seeded generator only in tests.
    public static func newSeed<G: RandomNumberGenerator>(using generator: inout G) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            bytes.append(contentsOf: DrawStream.bigEndianBytes(generator.next()))
        }
        return Hex.encode(bytes)
    }

    /// 种子承诺值 — the commitment published before the draw: the lowercase hex SHA-256 of the
    /// seed's 64 ASCII hex characters (the text, not the 32 bytes), so that
    /// `printf %s SEED | sha256sum` reproduces it. The seed is hashed as given, unchecked.
    public static func commitment(ofSeed seed: String) -> String {
        LedgerHash.sha256(Array(seed.utf8)).hex
    }

    /// 双随机抽取 — draws `parameters.targetCount` targets, and for each of them
    /// `parameters.inspectorsPerTarget` distinct inspectors, as a pure function of the seed
    /// and the pools. The order of the pools as given does not matter.
    ///
    /// - Returns: one ``Assignment`` per drawn target, in draw order.
    /// - Throws: ``Problem``, checked in the order the cases are declared.
    public static func run(
        seed: String,
        targets: [Target],
        inspectors: [Inspector],
        parameters: Parameters
    ) throws(Problem) -> [Assignment] {
        guard let seedBytes = seedBytes(seed) else { throw .badSeed }
        let (targetPool, inspectorPool) = try pools(targets: targets, inspectors: inspectors, parameters: parameters)

        var targetStream = DrawStream(seed: seedBytes, label: DrawStream.targetsLabel)
        let drawn = targetStream.choose(parameters.targetCount, from: targetPool)
        return drawn.enumerated().map { t, target in
            var stream = DrawStream(seed: seedBytes, label: DrawStream.inspectorsLabel(forTarget: t))
            let chosen = stream.choose(parameters.inspectorsPerTarget, from: inspectorPool)
            return Assignment(target: target, inspectors: chosen)
        }
    }
}

extension RandomDraw {
    /// The pools in canonical order, once every check after the seed's has passed: parameters,
    /// duplicates, pool sizes — what setting up a draw must refuse before a seed exists.
    public static func pools(targets: [Target], inspectors: [Inspector], parameters: Parameters) throws(Problem) -> ([Target], [Inspector]) {
        guard parameters.targetCount >= 1, parameters.inspectorsPerTarget >= 1 else {
            throw .badParameters
        }
        let targetPool = canonicalOrder(targets, key: \.key)
        if let duplicate = targetPool.duplicate { throw .duplicateTarget(duplicate) }
        let inspectorPool = canonicalOrder(inspectors, key: \.key)
        if let duplicate = inspectorPool.duplicate { throw .duplicateInspector(duplicate) }
        guard targetPool.sorted.count >= parameters.targetCount else {
            throw .tooFewTargets(have: targetPool.sorted.count, need: parameters.targetCount)
        }
        guard inspectorPool.sorted.count >= parameters.inspectorsPerTarget else {
            throw .tooFewInspectors(
                have: inspectorPool.sorted.count, need: parameters.inspectorsPerTarget)
        }

        return (targetPool.sorted, inspectorPool.sorted)
    }
}

// MARK: - Canonical encodings

extension RandomDraw {
    /// The 32 bytes of a seed of exactly 64 lowercase hex characters; `nil` for anything else
    /// (upper case, whitespace, other lengths, non-ASCII digits).
    static func seedBytes(_ seed: String) -> [UInt8]? {
        let characters = Array(seed.utf8)
        guard characters.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for i in stride(from: 0, to: 64, by: 2) {
            guard let high = nibble(characters[i]), let low = nibble(characters[i + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// The pool sorted by key compared as UTF-8 byte sequences, and the first key that occurs
    /// twice (byte for byte), if any.
    static func canonicalOrder<Element>(
        _ pool: [Element],
        key: (Element) -> String
    ) -> (sorted: [Element], duplicate: String?) {
        let keys = pool.map { Array(key($0).utf8) }
        // Lexicographic order of the bytes: a proper prefix comes first (as Python compares `bytes`).
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        let sorted = order.map { pool[$0] }
        for i in order.indices.dropFirst() where keys[order[i - 1]] == keys[order[i]] {
            return (sorted, key(pool[order[i]]))
        }
        return (sorted, nil)
    }
}
