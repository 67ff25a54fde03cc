@testable import SunlightCore

/// Fixtures of the RandomDraw tests: the test-vector pools (the same pools the
/// `redraw-vector` executable prints), listed out of canonical order on purpose.
enum Fixture {
    /// The committed seed of the test vector: SHA-256 of "阳光执法 双随机抽取 测试向量 PUB-9".
    static let vectorSeed = "2808d3db0775009646ab76c1a098349e171896ea5bd820447a9973233f626cf7"
    /// `printf %s 2808d3db…6cf7 | sha256sum`
    static let vectorCommitment = "03460cab5f7838c8b0e541dd7dc968ac45f920b3b5c533325277b3048c533bc4"

    static let targets: [RandomDraw.Target] = [
        .init(key: "91110105MA01C3D4E5", name: "北京朝阳示范餐饮有限公司"),
        .init(key: "92110108MA00F6G7H8", name: "海淀区李记便利店（个体工商户）"),
        .init(key: "91110102MA02J9K0L1", name: "西城阳光药房连锁有限公司"),
        .init(key: "91110101MA03M2N3P4", name: "东城绿源食品加工有限公司"),
        .init(key: "92110105MA04Q5R6T7", name: "朝阳区王氏面馆（个体工商户）"),
        .init(key: "91110106MA05U8W9X0", name: "丰台宏达建材有限公司"),
        .init(key: "91110107MA06Y1A2B3", name: "石景山清风物业管理有限公司"),
        .init(key: "91110108MA07C4D5E6", name: "海淀星光网络科技有限公司"),
        .init(key: "92110106MA08F7G8H9", name: "丰台区张记五金店（个体工商户）"),
        .init(key: "91110109MA09J0K1L2", name: "门头沟山泉饮用水有限公司"),
    ]

    static let inspectors: [RandomDraw.Inspector] = [
        .init(key: "11010520190003", name: "王芳"),
        .init(key: "11010520180001", name: "李强"),
        .init(key: "11010820200007", name: "张伟"),
        .init(key: "11010220170012", name: "刘洋"),
        .init(key: "11010620210005", name: "陈静"),
    ]

    /// A well-formed seed derived from `label`, for tests that need many seeds.
    static func seed(_ label: String) -> String {
        RandomDraw.commitment(ofSeed: label)
    }

    static func keys(_ assignments: [RandomDraw.Assignment]) -> [Drawn] {
        assignments.map { Drawn(target: $0.target.key, inspectors: $0.inspectors.map(\.key)) }
    }
}

/// An assignment by keys only, for compact expectations.
struct Drawn: Equatable, CustomStringConvertible {
    let target: String
    let inspectors: [String]

    init(_ target: String, _ inspectors: [String]) {
        self.target = target
        self.inspectors = inspectors
    }

    init(target: String, inspectors: [String]) {
        self.init(target, inspectors)
    }

    var description: String { "\(target) ← \(inspectors.joined(separator: ", "))" }
}

/// Scripted words, to check the sampling arithmetic word by word.
struct ScriptedWords: DrawWords {
    private let words: [UInt64]
    private(set) var consumed = 0

    init(_ words: [UInt64]) {
        self.words = words
    }

    mutating func nextWord() -> UInt64 {
        precondition(consumed < words.count, "script ran out of words")
        defer { consumed += 1 }
        return words[consumed]
    }
}

/// A generator that returns scripted words, to pin ``RandomDraw/newSeed(using:)``.
struct ScriptedGenerator: RandomNumberGenerator {
    var words: [UInt64]

    mutating func next() -> UInt64 {
        words.removeFirst()
    }
}

/// SplitMix64, a small seeded generator for shuffling inputs reproducibly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
