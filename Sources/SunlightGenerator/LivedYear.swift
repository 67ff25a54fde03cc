import Foundation
import SunlightCore

/// 生成的一年 — a year lived by one or more counties, made through the use cases from a seed:
/// cases of all six enforcement categories opened every working day and carried stage by stage
/// (some left in every stage, some running past their limits), decisions published on time,
/// late or never (and some withdrawn), leads checked or left overdue, complaints filed.
public enum LivedYear {
    /// The password of every generated account (the demo's).
    public static let password = "Yuanmou-2026"

    /// What a generation made, for progress lines and tests.
    public struct Tally: Sendable, Equatable {
        public var cases = 0
        public var stagesCompleted = 0
        public var refusals: [String: Int] = [:]
        public var published = 0
        public var withdrawn = 0
        public var leads = 0
        public var complaints = 0
        public init() {}
    }

    /// Lives `days` days ending on `today` in `county`, opening about `casesPerYear` cases
    /// across its departments. `report` hears each finished month.
    static func live(_ sunlight: Sunlight, store: any Store, clock: GeneratorClock, county: LivedCounty, today: CivilDate, days: Int, casesPerYear: Int,
                     random: inout SplitMix64, upload: @escaping @Sendable ([UInt8]) throws -> BlobReceipt,
                     report: (CivilDate, Tally) -> Void = { _, _ in }) async throws -> Tally {
        var tally = Tally()
        let driver = CaseDriver(sunlight: sunlight, store: store, upload: upload)
        let calendar = try await sunlight.calendars.current()
        let start = today.adding(days: -(days - 1))
        var running: [LivedCase] = []
        var serial = 0
        let perDepartmentDay = Double(casesPerYear) / Double(max(1, county.departments.count)) / 250
        for offset in 0..<days {
            let day = start.adding(days: offset)
            clock.set(day)
            guard try calendar.isWorkingDay(day) else { continue }
            // Open today's cases.
            for (index, department) in county.departments.enumerated() {
                var count = Int(perDepartmentDay)
                if Double(random.next() % 1000) / 1000 < perDepartmentDay - Double(count) { count += 1 }
                for _ in 0..<count {
                    serial += 1
                    let category = EnforcementCategory.enforcement[Int(random.next() % 6)]
                    let stages = Procedures.stages(for: category, simple: false)
                    // Most cases run to the end; the rest stop in some stage (still open on the last day).
                    let target = random.next() % 10 < 7 ? stages.count : Int(random.next() % UInt64(stages.count))
                    let slow = random.next() % 8 == 0
                    let party = Names.business(county.name, serial)
                    // One penalty in six is a 较大数额罚款: a major decision that goes through legal review (REV-1, R6).
                    let fine = category == .penalty && random.next() % 6 == 0 ? 120_000 + Int(random.next() % 20) * 5_000 : 200 + Int(random.next() % 40) * 50
                    clock.advance(60)
                    do {
                        let opened = try await sunlight.cases.openCase(NewCase(
                            title: "\(category.chineseName)：\(party)", category: category, source: .inspection, violationOn: day,
                            parties: [NewCase.Party(kind: .organisation, name: party, idNumber: "9153\(String(format: "%014d", serial))",
                                                    address: "\(county.name)城区 \(serial % 90 + 1) 号", representative: Names.person(serial))],
                            officers: [department.officers[1].user!.id]), by: department.officers[0])
                        running.append(LivedCase(id: opened.id, department: index, category: category, party: party, target: target,
                                                 next: day.adding(days: 1), pace: slow ? 20...60 : 1...6,
                                                 fine: fine))
                        tally.cases += 1
                    } catch let error as SunlightError {
                        tally.refusals[error.code, default: 0] += 1
                    }
                }
            }
            // Move the cases whose day has come.
            for position in running.indices where running[position].next <= day && running[position].completed < running[position].target {
                var lived = running[position]
                let theCase = try await store.cases.find(lived.id)
                guard let theCase, let stage = theCase.currentStage else { lived.completed = lived.target; running[position] = lived; continue }
                clock.advance(120)
                do {
                    try await driver.advance(lived, stage: stage, in: county.departments[lived.department], random: &random)
                    lived.completed += 1
                    tally.stagesCompleted += 1
                    lived.next = day.adding(days: Int(random.next() % UInt64(lived.pace.count)) + lived.pace.lowerBound)
                } catch let error as SunlightError {
                    tally.refusals[error.code, default: 0] += 1
                    lived.refusals += 1
                    lived.next = day.adding(days: 3)
                    if lived.refusals > 3 { lived.completed = lived.target }
                }
                running[position] = lived
            }
            running.removeAll { $0.completed >= $0.target }
            // Publications: most on the day they fall due, some late, some never (planted clues).
            if offset % 5 == 0 || offset == days - 1 {
                try await publish(sunlight, county: county, today: day, random: &random, tally: &tally)
            }
            if offset % 3 == 0 { try await registerLead(sunlight, county: county, today: day, random: &random, tally: &tally) }
            if offset % 7 == 0 { try await fileComplaint(sunlight, county: county, random: &random, tally: &tally) }
            if day.day == calendarMonthEnd(day) { report(day, tally) }
        }
        report(today, tally)
        return tally
    }

    static func calendarMonthEnd(_ day: CivilDate) -> Int { day.adding(days: 1).month == day.month ? 0 : day.day }

    static func publish(_ sunlight: Sunlight, county: LivedCounty, today: CivilDate, random: inout SplitMix64, tally: inout Tally) async throws {
        for department in county.departments {
            for publication in try await sunlight.publicity.publications(statuses: [.due], by: department.clerk)
            where publication.organisationID == department.organisation.id {
                // One in ten is left unpublished (应公开未公开), one in ten waits past its day (逾期公开); the rest go out in time.
                let lot = publication.number.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xFFFF } % 10
                guard lot != 0 else { continue }
                if lot == 1, let due = publication.dueOn, today <= due { continue }
                do {
                    let preview = try await sunlight.publicity.publicationPreview(publication.id, by: department.clerk).1
                    let published = try await sunlight.publicity.publishDecision(publication.id, confirmedHash: preview.publishedHash, by: department.clerk)
                    tally.published += 1
                    if random.next() % 25 == 0 {
                        // 复议撤销: the change is reported and the decision taken down the same day (PUB-7).
                        _ = try await sunlight.publicity.withdrawDecision(published.id, statement: "该决定已被复议机关撤销，依法撤下", kind: .revoked,
                                                                         changedOn: today, by: department.clerk)
                        tally.withdrawn += 1
                    }
                } catch let error as SunlightError {
                    tally.refusals[error.code, default: 0] += 1
                }
            }
        }
    }

    static func registerLead(_ sunlight: Sunlight, county: LivedCounty, today: CivilDate, random: inout SplitMix64, tally: inout Tally) async throws {
        let department = county.departments[Int(random.next() % UInt64(county.departments.count))]
        let party = Names.business(county.name, Int(random.next() % 10_000))
        do {
            _ = try await sunlight.cases.registerLead(NewCaseLead(
                source: .hotline, receivedOn: today, summary: "12345 热线转来：\(party)涉嫌违法经营，请核查。",
                partyKind: .organisation, partyName: party), by: department.officers[0])
            tally.leads += 1
        } catch let error as SunlightError {
            tally.refusals[error.code, default: 0] += 1
        }
    }

    static func fileComplaint(_ sunlight: Sunlight, county: LivedCounty, random: inout SplitMix64, tally: inout Tally) async throws {
        let department = county.departments[Int(random.next() % UInt64(county.departments.count))]
        do {
            _ = try await sunlight.supervision.fileComplaint(NewComplaint(
                organisationID: department.organisation.id, subject: "反映执法人员态度问题",
                description: "执法人员在检查时态度生硬，未出示执法证件，请予核查。", anonymous: true), channel: .portal,
                by: Actor.visitor(address: "192.0.2.1"))
            tally.complaints += 1
        } catch let error as SunlightError {
            tally.refusals[error.code, default: 0] += 1
        }
    }
}
