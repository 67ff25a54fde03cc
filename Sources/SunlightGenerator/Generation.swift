import Foundation
import SunlightCore

/// 规模 — how much the generator makes: a county (the demo), a city of 10 counties, or a
/// province of 16 cities of 10 counties each (benchmarks).
public enum GenerationScale: String, Sendable, CaseIterable {
    case county, city, province

    public var cities: Int { self == .province ? 16 : 1 }
    public var countiesPerCity: Int { self == .county ? 1 : 10 }
}

/// What to generate: the scale, the seed, the last day, how long and how busy.
public struct GenerationPlan: Sendable {
    public var scale: GenerationScale
    public var seed: UInt64
    /// The history ends on this day (the demo's pinned "today").
    public var today: CivilDate
    public var days: Int
    /// Cases a county opens in a year across its departments.
    public var casesPerCountyYear: Int
    public var departments: Int
    /// Counties in each city (the scale's, unless a test asks for fewer).
    public var countiesPerCity: Int

    public init(scale: GenerationScale = .county, seed: UInt64 = 1, today: CivilDate, days: Int = 365,
                casesPerCountyYear: Int = 1800, departments: Int = 6, countiesPerCity: Int? = nil) {
        self.countiesPerCity = countiesPerCity ?? scale.countiesPerCity
        self.scale = scale
        self.seed = seed
        self.today = today
        self.days = days
        self.casesPerCountyYear = casesPerCountyYear
        self.departments = departments
    }
}

extension GenerationPlan {
    /// The lived year `sunlight demo` serves by default: a county's year, but about 200 cases in
    /// three departments, so the demo starts in seconds even on a debug build (a full county,
    /// 1,800 cases in six departments, is `sunlight generate`'s).
    public static func demo(scale: GenerationScale = .county, seed: UInt64 = 1, today: CivilDate) -> GenerationPlan {
        scale == .county ? GenerationPlan(scale: .county, seed: seed, today: today, casesPerCountyYear: 200, departments: 3)
            : GenerationPlan(scale: scale, seed: seed, today: today)
    }
}

extension LivedYear {
    /// Lives the plan's year in `sunlight` (whose clock must be `clock` and whose random source
    /// the seed's, and whose store is `store`), county by county. The first county is built beside what the store holds
    /// under `firstCounty` (the demo's 元谋县人民政府) when given; the others are new, under new
    /// cities under `province`. `countyDone` is called after each county, so a caller can drain
    /// the store into a database and keep memory bounded.
    public static func generate(_ plan: GenerationPlan, sunlight: Sunlight, store: any Store, clock: GeneratorClock,
                                province: Organisation?, firstCounty: Organisation?,
                                upload: @escaping @Sendable ([UInt8]) throws -> BlobReceipt,
                                progress: @escaping (String) -> Void = { _ in },
                                countyDone: (Int) async throws -> Void = { _ in }) async throws -> Tally {
        var random = SplitMix64(seed: plan.seed)
        var total = Tally()
        let start = plan.today.adding(days: -(plan.days - 1))
        let validUntil = plan.today.adding(days: 3 * 365)
        var number = 0
        let console = Actor.console("generate")
        for city in 0..<plan.scale.cities {
            var cityGovernment: Organisation?
            if plan.scale != .county {
                clock.set(start, hour: 8)
                cityGovernment = try await sunlight.organisations.createOrganisation(NewOrganisation(
                    parentID: province?.id, name: "生成\(city + 1)市人民政府", shortName: "生\(city + 1)", kind: .government, level: .city), by: console)
            }
            for county in 0..<plan.countiesPerCity {
                number += 1
                clock.set(start, hour: 8)
                let name = number == 1 && firstCounty != nil ? "元谋县" : "生成\(city + 1)市\(county + 1)县"
                let lived = try await LivedCounty.make(sunlight, name: name, code: "g\(number)", under: cityGovernment,
                                                       existing: number == 1 ? firstCounty : nil, departments: plan.departments,
                                                       validUntil: validUntil)
                let tally = try await live(sunlight, store: store, clock: clock, county: lived, today: plan.today, days: plan.days,
                                           casesPerYear: plan.casesPerCountyYear, random: &random, upload: upload) { day, tally in
                    progress("\(name) \(day.iso)：立案 \(tally.cases) 件，完成环节 \(tally.stagesCompleted) 个")
                }
                total.cases += tally.cases
                total.stagesCompleted += tally.stagesCompleted
                total.published += tally.published
                total.withdrawn += tally.withdrawn
                total.leads += tally.leads
                total.complaints += tally.complaints
                total.refusals.merge(tally.refusals, uniquingKeysWith: +)
                try await countyDone(number)
            }
        }
        return total
    }
}
