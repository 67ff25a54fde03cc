import Foundation
@testable import SunlightCore

/// 办案期限摘要 against the slow way (issue 16 item 2; REC-13): four penalty cases opened a
/// fortnight apart, one suspended before its clock runs out and later resumed, one terminated,
/// and the days passing. At every step the cases the summaries give as overdue (and as due
/// soon) must be exactly those that computing every running case's clocks gives. Returns what
/// differed, empty when nothing did; run in memory and on each database.
public enum CaseClockScenario {
    public static func mismatches(in world: DemoWorld) async throws -> [String] {
        let head = try await world.actor("scj.wangfang")
        var found: [String] = []
        func compare(_ when: String) async throws {
            for dueSoon in [false, true] {
                let slow = try await bruteForce(world, dueSoon: dueSoon), fast = try await fromSummaries(world, dueSoon: dueSoon)
                if slow != fast { found.append("\(when), due soon \(dueSoon): \(slow.count) computing every case, \(fast.count) from the summaries") }
            }
        }
        var drivers: [CaseDriver] = []
        for day in ["2026-08-03", "2026-08-10", "2026-08-24", "2026-09-07"] {
            world.clock.set(CivilDate(iso: day)!)
            drivers.append(try await CaseDriver.open(in: world))
        }
        try await compare("after opening")
        world.clock.set(CivilDate(iso: "2026-09-20")!)
        _ = try await world.sunlight.cases.changeCaseStatus(case: drivers[1].id, to: .suspended, reason: "等待检验结果", by: head)
        let suspended = try await world.sunlight.store.caseClocks.summaries(offset: 0, limit: 1000).first { $0.caseID == drivers[1].id }
        if suspended?.moving != true { found.append("the suspended case's decision clock is not marked as moving: \(String(describing: suspended))") }
        for day in ["2026-10-29", "2026-10-30", "2026-11-02", "2026-11-06", "2026-11-09", "2026-11-20", "2026-11-23", "2026-12-04"] {
            world.clock.set(CivilDate(iso: day)!)
            try await compare(day)
        }
        _ = try await world.sunlight.cases.changeCaseStatus(case: drivers[1].id, to: .resumed, reason: "检验结果已出", by: head)
        _ = try await world.sunlight.cases.changeCaseStatus(case: drivers[2].id, to: .terminated, reason: "违法事实不能成立", by: head)
        try await compare("after resuming and terminating")
        if try await world.sunlight.store.caseClocks.summaries(offset: 0, limit: 1000).contains(where: { $0.caseID == drivers[2].id }) {
            found.append("the terminated case kept its summary")
        }
        world.clock.set(CivilDate(iso: "2026-12-31")!)
        try await compare("at the year's end")
        if !(try await fromSummaries(world, dueSoon: false)).isSuperset(of: [drivers[0].id, drivers[3].id]) {
            found.append("the cases opened on 3 August and 7 September are not overdue at the year's end")
        }
        return found
    }

    /// Every running case's overdue (and due-soon) clocks, computed one case at a time.
    public static func bruteForce(_ world: DemoWorld, dueSoon: Bool) async throws -> Set<EnforcementCase.ID> {
        let running = try await world.sunlight.store.cases.matching(organisations: world.seeded.organisations.values.map(\.id), filter: .running)
        let wanted: Set<DeadlineState> = dueSoon ? [.overdue, .dueSoon] : [.overdue]
        return Set(try await world.sunlight.cases.runningClocks(of: running).filter { $0.value.contains { $0.state.map(wanted.contains) ?? false } }.keys)
    }

    static func fromSummaries(_ world: DemoWorld, dueSoon: Bool) async throws -> Set<EnforcementCase.ID> {
        Set(try await world.sunlight.cases.lateClocks(organisations: world.seeded.organisations.values.map(\.id), dueSoon: dueSoon)
            .map(\.enforcementCase.id))
    }
}
