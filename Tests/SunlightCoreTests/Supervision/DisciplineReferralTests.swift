import Foundation
import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 监察执纪衔接: a penalised Party member or public official is referred within 10 working days
/// of closing; late referral is a clue for the supervisor (SUP-9).
@Suite struct DisciplineReferralTests {
    /// A simple-procedure case against 王小明 taken to 结案 on `today`.
    static func closedCase(in world: DemoWorld, official: Bool) async throws -> CaseDriver {
        let driver = try await CaseDriver.open(in: world, simple: true, title: "占道经营", official: official)
        try await driver.video()
        try await driver.complete()
        let decision = try await driver.issue(.simpleDecision, ["fine": "150"])
        try await driver.complete()
        try await driver.serve(decision)
        try await driver.complete()
        _ = try await world.sunlight.cases.recordPayment(case: driver.id, amount: 150, paidOn: world.clock.today, method: .electronic, receipt: nil,
                                                   by: try await world.actor("scj.zhangwei"))
        var closed = try await driver.complete()
        if closed.status == .open { closed = try await driver.complete() }
        #expect([.closed, .archived].contains(closed.status))
        return driver
    }

    @Test("Closed the day before National Day, the referral is due on 19 October; referring on the 20th is late and a clue (SUP-9, CAL-2)")
    func referralClock() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let sunlight = world.sunlight
            let head = try await world.actor("scj.wangfang")
            let official = try await Self.closedCase(in: world, official: true)
            let ordinary = try await Self.closedCase(in: world, official: false)
            let obligations = try await sunlight.supervision.disciplineReferrals(by: head)
            #expect(obligations.map(\.enforcementCase.id) == [official.id])
            #expect(obligations.first?.dueOn == CivilDate(iso: "2026-10-19"))
            #expect(try await sunlight.tasks(for: head).contains { $0.rule == .sup9 && $0.due == CivilDate(iso: "2026-10-19") })
            await #expect { try await sunlight.supervision.referToDiscipline(case: ordinary.id, recipient: "元谋县纪委监委", note: "移送处罚决定书", by: head) }
                throws: { "referral.not_required" ~= $0 }
            await #expect { try await sunlight.supervision.referToDiscipline(case: official.id, recipient: "元谋县纪委监委", note: "移送处罚决定书",
                                                                 by: try await world.actor("scj.gongshi")) } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            world.clock.set(CivilDate(iso: "2026-10-20")!)
            let referral = try await sunlight.supervision.referToDiscipline(case: official.id, recipient: "元谋县纪委监委", note: "移送处罚决定书及调查材料", by: head)
            #expect(referral.referredOn == CivilDate(iso: "2026-10-20"))
            await #expect { try await sunlight.supervision.referToDiscipline(case: official.id, recipient: "元谋县纪委监委", note: "再次移送", by: head) }
                throws: { "referral.done" ~= $0 }
            #expect(try await sunlight.supervision.disciplineReferrals(by: head).first?.late == true)
            let clues = try await sunlight.supervision.supervisionClues(by: try await world.actor("jiandu"))
            #expect(clues.contains { $0.kind == .referralOverdue && $0.reference == obligations.first?.enforcementCase.number && $0.detail.contains("10-20 才移送") })
            #expect(try await sunlight.cases.verify().isClean)
        }
    }
}
