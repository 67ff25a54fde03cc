import SunlightLedger
import Foundation
import Testing
@testable import SunlightCore

/// Test vectors generated once by `scripts/redraw.py --json` (an independent Python
/// implementation) and checked here, so that Swift and Python agree on every word.
@Suite("双随机抽取 test vectors (PUB-9)")
struct DrawVectorTests {
    @Test("PUB-9: the committed test-vector seed draws exactly the published assignments")
    func fixedVectorThreeTargetsTwoInspectors() throws {
        // given
        let parameters = RandomDraw.Parameters(targetCount: 3, inspectorsPerTarget: 2)
        // when
        let assignments = try RandomDraw.run(
            seed: Fixture.vectorSeed, targets: Fixture.targets, inspectors: Fixture.inspectors,
            parameters: parameters)
        // then
        #expect(Fixture.keys(assignments) == [
            Drawn("91110108MA07C4D5E6", ["11010620210005", "11010520180001"]),
            Drawn("92110105MA04Q5R6T7", ["11010820200007", "11010520180001"]),
            Drawn("91110102MA02J9K0L1", ["11010220170012", "11010520180001"]),
        ])
        #expect(assignments.map(\.target.name) == [
            "海淀星光网络科技有限公司", "朝阳区王氏面馆（个体工商户）", "西城阳光药房连锁有限公司",
        ])
        #expect(assignments[0].inspectors.map(\.name) == ["陈静", "李强"])
    }

    @Test("PUB-9: drawing every target and every inspector reproduces the full Python permutation")
    func fixedVectorFullPermutation() throws {
        // given
        let parameters = RandomDraw.Parameters(targetCount: 10, inspectorsPerTarget: 5)
        // when
        let assignments = try RandomDraw.run(
            seed: Fixture.vectorSeed, targets: Fixture.targets, inspectors: Fixture.inspectors,
            parameters: parameters)
        // then
        let a = "11010520190003", b = "11010520180001", c = "11010820200007"
        let d = "11010220170012", e = "11010620210005"
        #expect(Fixture.keys(assignments) == [
            Drawn("91110108MA07C4D5E6", [e, b, d, a, c]),
            Drawn("92110105MA04Q5R6T7", [c, b, e, a, d]),
            Drawn("91110102MA02J9K0L1", [d, b, c, e, a]),
            Drawn("91110107MA06Y1A2B3", [a, c, d, b, e]),
            Drawn("91110106MA05U8W9X0", [e, c, a, d, b]),
            Drawn("91110109MA09J0K1L2", [e, c, a, b, d]),
            Drawn("92110108MA00F6G7H8", [a, b, e, d, c]),
            Drawn("91110105MA01C3D4E5", [d, e, a, c, b]),
            Drawn("92110106MA08F7G8H9", [e, d, a, b, c]),
            Drawn("91110101MA03M2N3P4", [c, d, a, e, b]),
        ])
    }

    @Test("PUB-9: the word stream of a label matches the Python stream, across a block boundary")
    func streamWordsMatchPython() throws {
        // given
        let seed = try #require(RandomDraw.seedBytes(Fixture.vectorSeed))
        var targets = DrawStream(seed: seed, label: "targets")
        var inspectors = DrawStream(seed: seed, label: "inspectors:0")
        // when
        let targetWords = (0..<5).map { _ in targets.nextWord() }
        let inspectorWords = (0..<2).map { _ in inspectors.nextWord() }
        // then
        #expect(targetWords == [
            0xfc14_4c65_31c9_8805, 0x03f1_020a_9b93_6b94, 0xa653_9e75_0b16_d91d,
            0x0b31_a9b3_0dc7_553f, 0x6e5b_a5ac_b5c7_e28c,
        ])
        #expect(targets.blockIndex == 2)
        #expect(inspectorWords == [0xd807_eb0c_13e5_26d4, 0x9a3a_361f_d40d_b424])
    }

    @Test("PUB-9: block i is SHA-256(seed ‖ label ‖ 0x00 ‖ UInt64 big-endian i), read as 4 big-endian words")
    func streamBlockLayout() throws {
        // given
        let seed = try #require(RandomDraw.seedBytes(Fixture.vectorSeed))
        var stream = DrawStream(seed: seed, label: "inspectors:7")
        // when
        let words = (0..<8).map { _ in stream.nextWord() }
        // then
        for block in 0..<2 {
            let input = seed + Array("inspectors:7".utf8) + [0x00] + [0, 0, 0, 0, 0, 0, 0, UInt8(block)]
            let digest = LedgerHash.sha256(input).bytes
            let expected = (0..<4).map { w in
                digest[(w * 8)..<(w * 8 + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            }
            #expect(Array(words[(block * 4)..<(block * 4 + 4)]) == expected)
        }
    }

    @Test("PUB-4: the seed commitment equals `printf %s SEED | sha256sum`")
    func commitmentOfKnownSeed() {
        #expect(RandomDraw.commitment(ofSeed: Fixture.vectorSeed) == Fixture.vectorCommitment)
        // printf %s '' | sha256sum
        #expect(RandomDraw.commitment(ofSeed: "")
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("PUB-4: a fresh seed is 64 lowercase hex characters, written big-endian from the generator")
    func newSeedFormat() throws {
        // given
        var generator = ScriptedGenerator(words: [
            0x0123_4567_89ab_cdef, 0, .max, 0xfedc_ba98_7654_3210,
        ])
        // when
        let scripted = RandomDraw.newSeed(using: &generator)
        let fresh = RandomDraw.newSeed()
        // then
        #expect(scripted == "0123456789abcdef" + "0000000000000000" + "ffffffffffffffff" + "fedcba9876543210")
        #expect(RandomDraw.seedBytes(fresh) != nil)
        #expect(fresh != RandomDraw.newSeed())
        _ = try RandomDraw.run(
            seed: fresh, targets: Fixture.targets, inspectors: Fixture.inspectors,
            parameters: .init(targetCount: 1, inspectorsPerTarget: 1))
    }

    @Test("PUB-9: the published JSON shapes are {key, name}, {target, inspectors}, {targetCount, inspectorsPerTarget}")
    func publishedJSONShape() throws {
        // given
        let json = Data("""
            {"target": {"key": "91110108MA07C4D5E6", "name": "海淀星光网络科技有限公司"},
             "inspectors": [{"key": "11010620210005", "name": "陈静"}]}
            """.utf8)
        let parameters = Data(#"{"targetCount": 3, "inspectorsPerTarget": 2}"#.utf8)
        // when
        let assignment = try JSONDecoder().decode(RandomDraw.Assignment.self, from: json)
        let decodedParameters = try JSONDecoder().decode(RandomDraw.Parameters.self, from: parameters)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let target = try encoder.encode(assignment.target)
        // then
        #expect(assignment.inspectors == [.init(key: "11010620210005", name: "陈静")])
        #expect(decodedParameters == .init(targetCount: 3, inspectorsPerTarget: 2))
        #expect(String(decoding: target, as: UTF8.self)
            == #"{"key":"91110108MA07C4D5E6","name":"海淀星光网络科技有限公司"}"#)
    }
}
