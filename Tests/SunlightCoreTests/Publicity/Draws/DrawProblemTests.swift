import Testing
@testable import SunlightCore

/// Draws that are refused, and why.
@Suite("双随机抽取 refusals (PUB-4, PUB-9)")
struct DrawProblemTests {
    static let threeByTwo = RandomDraw.Parameters(targetCount: 3, inspectorsPerTarget: 2)

    static func draw(
        seed: String = Fixture.vectorSeed,
        targets: [RandomDraw.Target] = Fixture.targets,
        inspectors: [RandomDraw.Inspector] = Fixture.inspectors,
        parameters: RandomDraw.Parameters = threeByTwo
    ) throws(RandomDraw.Problem) -> [RandomDraw.Assignment] {
        try RandomDraw.run(seed: seed, targets: targets, inspectors: inspectors, parameters: parameters)
    }

    /// Seeds that must be refused: wrong length, case, characters or encoding.
    static let badSeeds: [String] = {
        let seed = Fixture.vectorSeed
        let tail: String = String(seed.dropFirst())
        let tail2: String = String(seed.dropFirst(2))
        var seeds: [String] = ["", String(seed.dropLast()), seed + "0", seed.uppercased()]
        seeds.append("g" + tail)
        seeds.append(seed + "\n")
        seeds.append(" " + tail)
        seeds.append("０" + tail)  // full-width digit
        seeds.append("é" + tail2)  // 64 UTF-8 bytes, not hex
        seeds.append("0x" + tail2)
        return seeds
    }()

    @Test("PUB-4: a seed that is not exactly 64 lowercase hex characters is refused", arguments: badSeeds)
    func badSeedIsRefused(seed: String) {
        #expect(throws: RandomDraw.Problem.badSeed) { try Self.draw(seed: seed) }
    }

    @Test("PUB-4: fewer than one target or inspector per target is refused", arguments: [
        (0, 2), (3, 0), (-1, 2), (3, -2), (0, 0),
    ])
    func badParametersAreRefused(targetCount: Int, inspectorsPerTarget: Int) {
        let parameters = RandomDraw.Parameters(targetCount: targetCount, inspectorsPerTarget: inspectorsPerTarget)
        #expect(throws: RandomDraw.Problem.badParameters) { try Self.draw(parameters: parameters) }
    }

    @Test("PUB-4: a bad seed is reported before bad parameters")
    func seedIsCheckedFirst() {
        #expect(throws: RandomDraw.Problem.badSeed) {
            try Self.draw(seed: "", parameters: .init(targetCount: 0, inspectorsPerTarget: 0))
        }
    }

    @Test("PUB-4: two targets with the same key are refused, naming the key")
    func duplicateTargetIsRefused() {
        let twin = RandomDraw.Target(key: Fixture.targets[3].key, name: "同名另一家")
        #expect(throws: RandomDraw.Problem.duplicateTarget(Fixture.targets[3].key)) {
            try Self.draw(targets: Fixture.targets + [twin])
        }
    }

    @Test("PUB-4: two inspectors with the same certificate number are refused, naming it")
    func duplicateInspectorIsRefused() {
        let twin = RandomDraw.Inspector(key: Fixture.inspectors[1].key, name: "重复证号")
        #expect(throws: RandomDraw.Problem.duplicateInspector(Fixture.inspectors[1].key)) {
            try Self.draw(inspectors: [twin] + Fixture.inspectors)
        }
    }

    @Test("PUB-4: keys that differ only in Unicode normalisation are different keys")
    func keysAreComparedAsBytes() throws {
        let targets: [RandomDraw.Target] = [.init(key: "caf\u{e9}", name: "甲"), .init(key: "cafe\u{301}", name: "乙")]
        let draw = try Self.draw(targets: targets, parameters: .init(targetCount: 2, inspectorsPerTarget: 1))
        #expect(draw.count == 2)
    }

    @Test("PUB-4: drawing more targets than the pool holds is refused")
    func tooFewTargetsIsRefused() {
        #expect(throws: RandomDraw.Problem.tooFewTargets(have: 10, need: 11)) {
            try Self.draw(parameters: .init(targetCount: 11, inspectorsPerTarget: 2))
        }
        #expect(throws: RandomDraw.Problem.tooFewTargets(have: 0, need: 1)) {
            try Self.draw(targets: [], parameters: .init(targetCount: 1, inspectorsPerTarget: 2))
        }
    }

    @Test("PUB-4: more inspectors per target than the pool holds is refused")
    func tooFewInspectorsIsRefused() {
        #expect(throws: RandomDraw.Problem.tooFewInspectors(have: 5, need: 6)) {
            try Self.draw(parameters: .init(targetCount: 1, inspectorsPerTarget: 6))
        }
        #expect(throws: RandomDraw.Problem.tooFewInspectors(have: 1, need: 2)) {
            try Self.draw(inspectors: [Fixture.inspectors[0]])
        }
    }

    @Test("PUB-4: the whole pool can be drawn: every target, and every inspector for each")
    func wholePoolCanBeDrawn() throws {
        let draw = try Self.draw(parameters: .init(targetCount: 10, inspectorsPerTarget: 5))
        #expect(Set(draw.map(\.target)) == Set(Fixture.targets))
        #expect(draw.allSatisfy { Set($0.inspectors) == Set(Fixture.inspectors) })
    }
}
