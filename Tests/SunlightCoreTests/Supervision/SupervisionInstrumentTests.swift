import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 监督文书: a notice with a rectification deadline tracked to closure, sent back once, and an
/// unresolved one escalated to an opinion (SUP-4).
@Suite struct SupervisionInstrumentTests {
    @Test("A notice is rectified, sent back, rectified again and closed; another escalates to an opinion; overdue ones count on the dashboard (SUP-4)")
    func noticeToClosureAndEscalation() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let supervisor = try await world.actor("jiandu"), head = try await world.actor("scj.wangfang")
            let deadline = CivilDate(iso: "2026-12-11")!
            await #expect { try await sunlight.supervision.issueSupervisionInstrument(to: market.id, findings: "决定逾期未公开", requirement: "立即公开并说明原因",
                                                                          rectifyBy: deadline, by: head) } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            await #expect { try await sunlight.supervision.issueSupervisionInstrument(to: market.id, findings: "决定逾期未公开", requirement: "立即公开并说明原因",
                                                                          rectifyBy: world.clock.today, by: supervisor) } throws: { error in (error as? SunlightError)?.field == "rectifyBy" }
            let notice = try await sunlight.supervision.issueSupervisionInstrument(to: market.id, findings: "元市监简罚〔2026〕1号逾期未公开", requirement: "立即公开并说明原因",
                                                                       rectifyBy: deadline, evidence: "/staff/supervision/clues", by: supervisor)
            #expect(notice.kind == .notice && notice.number == "元司监通〔2026〕1号" && notice.status == .issued)
            #expect(try await sunlight.tasks(for: head).contains { $0.rule == .sup4 && $0.due == deadline })
            await #expect { try await sunlight.supervision.reportRectification(notice.id, report: "已经全部整改完毕。", by: try await world.actor("daj.zhoujun")) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
            _ = try await sunlight.supervision.reportRectification(notice.id, report: "已于当日公开并对公示管理员批评教育。", by: head)
            await #expect { try await sunlight.supervision.checkRectification(notice.id, accepted: false, note: "", by: supervisor) }
                throws: { error in (error as? SunlightError)?.field == "note" }
            _ = try await sunlight.supervision.checkRectification(notice.id, accepted: false, note: "未说明逾期原因，请补充", by: supervisor)
            _ = try await sunlight.supervision.reportRectification(notice.id, report: "逾期原因是公示管理员休假无人代岗，已建立 AB 角制度。", by: head)
            let closed = try await sunlight.supervision.checkRectification(notice.id, accepted: true, note: "整改到位", by: supervisor)
            #expect(closed.status == .closed && closed.closedOn == world.clock.today)

            let second = try await sunlight.supervision.issueSupervisionInstrument(to: market.id, findings: "执法人员未持证执法", requirement: "暂停其执法资格",
                                                                       rectifyBy: CivilDate(iso: "2026-11-30")!, by: supervisor)
            world.clock.set(CivilDate(iso: "2026-12-02")!)
            #expect(try await sunlight.supervision.supervisorDashboard(by: supervisor).rows.first { $0.organisation.id == market.id }?.overdueRectifications == 1)
            let opinion = try await sunlight.supervision.issueSupervisionInstrument(to: market.id, findings: "逾期未整改", requirement: "十日内整改并书面报告",
                                                                        rectifyBy: CivilDate(iso: "2026-12-16")!, follows: second.id, by: supervisor)
            #expect(opinion.kind == .opinion && opinion.number == "元司监意〔2026〕1号")
            #expect(try await sunlight.store.instruments.find(second.id)?.status == .escalated)
            await #expect { try await sunlight.supervision.issueSupervisionInstrument(to: market.id, findings: "再次升级的问题", requirement: "再次升级的要求",
                                                                          rectifyBy: CivilDate(iso: "2026-12-30")!, follows: closed.id, by: supervisor) }
                throws: { "instrument.escalation" ~= $0 }
            #expect(try await sunlight.supervision.supervisionInstruments(by: head).count == 3)
            #expect(try await sunlight.supervision.supervisionInstruments(by: try await world.actor("daj.zhoujun")).isEmpty)
            #expect(try await sunlight.cases.verify().isClean)
        }
    }
}
