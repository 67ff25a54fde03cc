import Testing
@testable import SunlightCore

/// Properties of the draw that make it fair and reproducible.
@Suite("双随机抽取 properties (PUB-4, PUB-9)")
struct DrawPropertyTests {
    static let threeByTwo = RandomDraw.Parameters(targetCount: 3, inspectorsPerTarget: 2)

    @Test("PUB-9: the order in which the pools are listed does not change the draw")
    func inputOrderDoesNotMatter() throws {
        // given
        let reference = try RandomDraw.run(
            seed: Fixture.vectorSeed, targets: Fixture.targets, inspectors: Fixture.inspectors,
            parameters: Self.threeByTwo)
        var generator = SplitMix64(state: 2024)
        var orders: [([RandomDraw.Target], [RandomDraw.Inspector])] = [
            (Fixture.targets.reversed(), Fixture.inspectors.reversed()),
            (Fixture.targets.sorted { $0.name < $1.name }, Fixture.inspectors.sorted { $0.name < $1.name }),
        ]
        for _ in 0..<8 {
            orders.append((Fixture.targets.shuffled(using: &generator),
                           Fixture.inspectors.shuffled(using: &generator)))
        }
        // when / then
        for (targets, inspectors) in orders {
            let draw = try RandomDraw.run(
                seed: Fixture.vectorSeed, targets: targets, inspectors: inspectors,
                parameters: Self.threeByTwo)
            #expect(draw == reference)
        }
    }

    @Test("PUB-9: the same seed and pools always give the same draw")
    func sameInputsSameDraw() throws {
        let seed = RandomDraw.newSeed()
        let first = try RandomDraw.run(
            seed: seed, targets: Fixture.targets, inspectors: Fixture.inspectors, parameters: Self.threeByTwo)
        let second = try RandomDraw.run(
            seed: seed, targets: Fixture.targets, inspectors: Fixture.inspectors, parameters: Self.threeByTwo)
        #expect(first == second)
    }

    @Test("PUB-9: different seeds give different draws")
    func differentSeedsDifferentDraws() throws {
        // given
        let seeds = (0..<8).map { Fixture.seed("不同种子-\($0)") } + [Fixture.vectorSeed]
        // when
        let draws = try seeds.map {
            Fixture.keys(try RandomDraw.run(
                seed: $0, targets: Fixture.targets, inspectors: Fixture.inspectors,
                parameters: Self.threeByTwo))
        }
        // then
        for i in draws.indices {
            for j in draws.indices where j > i {
                #expect(draws[i] != draws[j], "seeds \(i) and \(j) drew the same")
            }
        }
        #expect(Set(draws.map(\.[0].target)).count > 1, "the first target should vary with the seed")
    }

    @Test("PUB-4: each target gets distinct inspectors; one inspector may serve several targets")
    func distinctInspectorsPerTarget() throws {
        var someoneServedTwice = false
        for n in 0..<200 {
            // given
            let parameters = RandomDraw.Parameters(targetCount: 10, inspectorsPerTarget: 2 + n % 4)
            // when
            let draw = try RandomDraw.run(
                seed: Fixture.seed("检查人员-\(n)"), targets: Fixture.targets,
                inspectors: Fixture.inspectors, parameters: parameters)
            // then
            #expect(draw.count == 10)
            #expect(Set(draw.map(\.target)) == Set(Fixture.targets))
            for assignment in draw {
                #expect(assignment.inspectors.count == parameters.inspectorsPerTarget)
                #expect(Set(assignment.inspectors).count == parameters.inspectorsPerTarget)
                #expect(Set(assignment.inspectors).isSubset(of: Fixture.inspectors))
            }
            let served = draw.flatMap(\.inspectors)
            someoneServedTwice = someoneServedTwice || Set(served).count < served.count
        }
        #expect(someoneServedTwice)
    }

    @Test("PUB-9: every target and every inspector is equally likely (20,000 draws with derived seeds)")
    func everyTargetEquallyLikely() throws {
        // given
        let draws = 20_000
        let parameters = RandomDraw.Parameters(targetCount: 1, inspectorsPerTarget: 2)
        var targetCounts: [String: Int] = [:]
        var inspectorCounts: [String: Int] = [:]
        // when
        for n in 0..<draws {
            let draw = try RandomDraw.run(
                seed: Fixture.seed("公平性-\(n)"), targets: Fixture.targets,
                inspectors: Fixture.inspectors, parameters: parameters)
            targetCounts[draw[0].target.key, default: 0] += 1
            for inspector in draw[0].inspectors {
                inspectorCounts[inspector.key, default: 0] += 1
            }
        }
        // then: within ±15% of the mean (about ±7 standard deviations), and a loose chi-square
        let targetMean = Double(draws) / Double(Fixture.targets.count)
        let inspectorMean = Double(draws * 2) / Double(Fixture.inspectors.count)
        #expect(targetCounts.count == Fixture.targets.count)
        #expect(inspectorCounts.count == Fixture.inspectors.count)
        for (key, count) in targetCounts {
            #expect(abs(Double(count) - targetMean) <= 0.15 * targetMean, "target \(key): \(count)")
        }
        for (key, count) in inspectorCounts {
            #expect(abs(Double(count) - inspectorMean) <= 0.15 * inspectorMean, "inspector \(key): \(count)")
        }
        let chiSquare = targetCounts.values.reduce(0.0) {
            $0 + (Double($1) - targetMean) * (Double($1) - targetMean) / targetMean
        }
        #expect(chiSquare < 40, "χ² = \(chiSquare) with 9 degrees of freedom")
    }
}
