import Foundation
@testable import SunlightCore
import SunlightDatabaseTestSupport
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 案件移送: to another organisation in 3 working days (24 hours if urgent) and to the police on
/// the clocks of 国务院令第310号, across the National Day holiday (SUP-2). The rules need no SQL,
/// so each test runs on the in-memory store as well as on the databases.
@Suite struct CaseTransferTests {
    static func investigation(_ world: StoreWorld) async throws -> EnforcementCase {
        let market = world.seeded.organisation("元谋县市场监督管理局")
        return try #require(try await world.sunlight.store.cases.list(organisations: [market.id], filter: .all, limit: 10).first { !$0.simple && $0.status == .open })
    }

    @Test("A transfer decided the day before National Day is due on 9 October, 24 hours if urgent; the receiver acknowledges; a late one is a clue (SUP-2, CAL-2)", arguments: StoreKind.all)
    func toAnotherOrganisation(_ kind: StoreKind) async throws {
        try await StoreWorld.with(kind, today: CivilDate(iso: "2026-09-29")!) { world in
            let sunlight = world.sunlight
            let theCase = try await Self.investigation(world)
            let head = try await world.actor("scj.wangfang")
            let enforcement = world.seeded.organisation("元谋县综合行政执法局")
            await #expect { try await sunlight.supervision.decideOrganisationTransfer(case: theCase.id, to: enforcement.id, reason: "属于城市管理领域", urgent: false,
                                                                          by: try await world.actor("scj.zhangwei")) } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            let transfer = try await sunlight.supervision.decideOrganisationTransfer(case: theCase.id, to: enforcement.id, reason: "占道经营属于综合行政执法局管辖", urgent: false, by: head)
            #expect(transfer.sendByDate == CivilDate(iso: "2026-10-09") && transfer.sendByTime == nil)
            let urgent = try await sunlight.supervision.decideOrganisationTransfer(case: theCase.id, to: enforcement.id, reason: "紧急情况需立即处置", urgent: true, by: head)
            #expect(urgent.sendByTime == world.clock.now.addingTimeInterval(24 * 3600))

            world.clock.set(CivilDate(iso: "2026-10-10")!)
            let clues = try await sunlight.supervision.supervisionClues(by: try await world.actor("jiandu"))
            #expect(clues.filter { $0.kind == .transferOverdue }.count == 2, "neither was sent in time")
            let sent = try await sunlight.supervision.sendTransfer(transfer.id, attachments: [], by: head)
            #expect(sent.status == .sent && sent.copiesTo.isEmpty)
            await #expect { try await sunlight.supervision.recordTransferOutcome(transfer.id, accepted: true, outcome: "已接收", on: world.clock.today, by: head) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
            let received = try await sunlight.supervision.recordTransferOutcome(transfer.id, accepted: true, outcome: "已接收并立案", on: world.clock.today,
                                                                    by: try await world.actor("zf.sunqiang"))
            #expect(received.status == .accepted)
            #expect(try await sunlight.supervision.transfers(by: try await world.actor("zf.sunqiang")).contains { $0.id == transfer.id })
            #expect(try await sunlight.cases.verify().isClean)
        }
    }

    @Test("A suspected crime: two officers report, the head decides within 3 days (a refusal needs its reason), sends within 24 hours with the four attachments and copies, the police answer, the refusal is objected to within 3 days (SUP-2)", arguments: StoreKind.all)
    func toThePolice(_ kind: StoreKind) async throws {
        try await StoreWorld.with(kind, today: CivilDate(iso: "2026-09-29")!) { world in
            let sunlight = world.sunlight
            let theCase = try await Self.investigation(world)
            let officer = try await world.actor("scj.zhangwei"), head = try await world.actor("scj.wangfang")
            let facts = "当事人销售的牛肉干经检验含有国家禁止使用的非食用物质，涉嫌生产、销售有毒、有害食品罪。"
            await #expect { try await sunlight.supervision.reportSuspectedCrime(case: theCase.id, officers: [], facts: facts, police: "元谋县公安局", by: officer) }
                throws: { error in (error as? SunlightError)?.field == "officers" }
            let lina = try await world.user("scj.lina").id
            let report = try await sunlight.supervision.reportSuspectedCrime(case: theCase.id, officers: [lina], facts: facts, police: "元谋县公安局", by: officer)
            #expect(report.status == .reported && report.reportedBy.count == 2)
            #expect(report.decideBy == CivilDate(iso: "2026-10-08"), "3 days end on 2 October, a holiday: the next working day")
            await #expect { try await sunlight.supervision.decideCrimeTransfer(report.id, approve: false, reason: "", by: head) } throws: { error in
                (error as? SunlightError)?.field == "reason"
            }
            // 应当移送而不移送: a refused report is flagged to the supervisor, with the head's reason.
            let second = try await sunlight.supervision.reportSuspectedCrime(case: theCase.id, officers: [lina], facts: facts, police: "元谋县公安局", by: officer)
            _ = try await sunlight.supervision.decideCrimeTransfer(second.id, approve: false, reason: "涉案金额未达到立案追诉标准", by: head)
            let flagged = try await sunlight.supervision.supervisionClues(by: try await world.actor("jiandu")).filter { $0.kind == .notTransferred }
            #expect(flagged.count == 1 && flagged.first?.detail.contains("涉案金额未达到立案追诉标准") == true && flagged.first?.rule == .sup2)
            let approved = try await sunlight.supervision.decideCrimeTransfer(report.id, approve: true, reason: "", by: head)
            #expect(approved.sendByTime == world.clock.now.addingTimeInterval(24 * 3600))
            await #expect { try await sunlight.supervision.sendTransfer(report.id, attachments: [.letter, .investigationReport], by: officer) }
                throws: { "transfer.attachments" ~= $0 }
            let sent = try await sunlight.supervision.sendTransfer(report.id, attachments: Set(CaseTransfer.Attachment.allCases), by: officer)
            #expect(sent.copiesTo == ["同级人民检察院", "元谋县司法局"] && sent.policeDecideBy == CivilDate(iso: "2026-10-08"))
            let declined = try await sunlight.supervision.recordTransferOutcome(report.id, accepted: false, outcome: "公安机关认为不构成犯罪，不予立案", on: world.clock.today, by: head)
            #expect(declined.status == .declined && declined.objectBy == CivilDate(iso: "2026-10-08"))
            world.clock.set(CivilDate(iso: "2026-10-09")!)
            await #expect { try await sunlight.supervision.objectToTransferRefusal(report.id, objection: "检验报告足以证明涉嫌犯罪", by: head) }
                throws: { "transfer.objection_late" ~= $0 }
            world.clock.set(CivilDate(iso: "2026-10-08")!)
            let objected = try await sunlight.supervision.objectToTransferRefusal(report.id, objection: "检验报告足以证明涉嫌犯罪，提请复议", by: head)
            #expect(objected.status == .objected)
            #expect(try await sunlight.cases.verify().isClean)
        }
    }
}
