import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 协调事项: disputes, assistance, approval links, decided items and accountability, each on its
/// working-day clock across the National Day holiday (SUP-3, SUP-7, SUP-11, SUP-12, SUP-13).
@Suite struct CoordinationMatterTests {
    @Test("A dispute: consultation first, the bureau accepts within 5 working days (29 Sep → 12 Oct), coordinates, gives a written opinion and refers it to the government; a late step is a clue (SUP-3, CAL-2)")
    func disputeToRuling() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局"), enforcement = world.seeded.organisation("元谋县综合行政执法局")
            let head = try await world.actor("scj.wangfang"), bureau = try await world.actor("jiandu")
            let details = "农贸市场周边占道经营的食品摊贩由哪一部门查处，双方均认为不属于本部门职责。"
            await #expect { try await sunlight.supervision.applyForDisputeCoordination(against: enforcement.id, subject: "占道食品摊贩查处职责", details: details,
                                                                          consultation: "", by: head) } throws: { ($0 as? SunlightError)?.field == "consultation" }
            await #expect { try await sunlight.supervision.applyForDisputeCoordination(against: enforcement.id, subject: "占道食品摊贩查处职责", details: details,
                                                                          consultation: "2026年9月20日两局协商未果", by: try await world.actor("scj.zhangwei")) }
                throws: { ($0 as? SunlightError)?.kind == .forbidden }
            await #expect { try await sunlight.supervision.applyForDisputeCoordination(against: world.seeded.organisation("元谋县司法局").id, subject: "占道食品摊贩查处职责",
                                                                          details: details, consultation: "2026年9月20日两局协商未果", by: head) }
                throws: { ($0 as? SunlightError)?.field == "respondent" }
            let applied = try await sunlight.supervision.applyForDisputeCoordination(against: enforcement.id, subject: "占道食品摊贩查处职责", details: details,
                                                                        consultation: "2026年9月20日两局协商未果", by: head)
            #expect(applied.status == .applied && applied.dueOn == CivilDate(iso: "2026-10-12"), "5 working days: 30 Sep, 8, 9, 10 (make-up Saturday), 12 Oct")
            #expect(applied.coordinatorID == world.seeded.organisation("元谋县司法局").id && applied.organisationID == market.id)

            world.clock.set(CivilDate(iso: "2026-10-13")!)
            let clues = try await sunlight.supervision.supervisionClues(by: bureau)
            #expect(clues.contains { $0.kind == .coordinationOverdue && $0.reference == "占道食品摊贩查处职责" && $0.rule == .sup3 })
            #expect(try await sunlight.supervision.supervisorDashboard(by: bureau).rows.first { $0.organisation.name == "元谋县司法局" }?.overdueCoordination == 1)
            #expect(try await sunlight.tasks(for: bureau).contains { $0.title.contains("占道食品摊贩查处职责") && $0.state == .overdue })

            await #expect { try await sunlight.supervision.advanceCoordination(applied.id, .accept, text: "", by: head) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            await #expect { try await sunlight.supervision.advanceCoordination(applied.id, .refer, text: "", by: bureau) } throws: { "coordination.status" ~= $0 }
            let accepted = try await sunlight.supervision.advanceCoordination(applied.id, .accept, text: "", by: bureau)
            let due30 = try await sunlight.calendars.current().dueDate(from: world.clock.today, .workingDays(30))
            #expect(accepted.status == .accepted && accepted.dueOn == due30)
            let noted = try await sunlight.supervision.advanceCoordination(applied.id, .note, text: "我局认为属于市场监管职责", by: try await world.actor("zf.sunqiang"))
            #expect(noted.status == .accepted && noted.steps.count == 3)
            await #expect { try await sunlight.supervision.advanceCoordination(applied.id, .issueOpinion, text: "短", by: bureau) } throws: { ($0 as? SunlightError)?.field == "text" }
            let opinion = try await sunlight.supervision.advanceCoordination(applied.id, .issueOpinion, text: "建议由综合行政执法局查处占道经营，市场监管局负责食品安全检查。", by: bureau)
            #expect(opinion.status == .opinionIssued)
            _ = try await sunlight.supervision.advanceCoordination(applied.id, .refer, text: "报请县政府裁决", by: bureau)
            let ruled = try await sunlight.supervision.advanceCoordination(applied.id, .recordRuling, text: "县政府裁决：由综合行政执法局查处。", by: bureau)
            #expect(ruled.status == .closed && ruled.dueOn == nil && ruled.steps.map(\.action) == [.raise, .accept, .note, .issueOpinion, .refer, .recordRuling])
            await #expect { try await sunlight.supervision.advanceCoordination(applied.id, .note, text: "补充说明", by: head) } throws: { "coordination.status" ~= $0 }
            #expect(try await sunlight.supervision.coordinationMatters(by: try await world.actor("zf.sunqiang")).contains { $0.id == applied.id })
            await #expect { try await sunlight.supervision.coordinationMatter(applied.id, by: try await world.actor("daj.zhoujun")) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            #expect(try await sunlight.cases.verify().isClean)
        }
    }

    @Test("A town asks a county department for help in writing; the answer is due in 5 working days; departments cannot use it among themselves (SUP-13)")
    func assistance() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let town = try await world.actor("ym.yangfan")
            let kind = CoordinationFlow.assistanceKinds[0]
            await #expect { try await sunlight.supervision.requestAssistance(from: world.seeded.organisation("元谋县综合行政执法局").id, kind: kind, subject: "检验",
                                                                details: "请协助检验", by: try await world.actor("scj.zhangwei")) }
                throws: { ($0 as? SunlightError)?.field == "helper" }
            let request = try await sunlight.supervision.requestAssistance(from: market.id, kind: kind, subject: "散装白酒甲醇检测", details: "查处无证小作坊，需检测散装白酒甲醇含量。", by: town)
            #expect(request.status == .requested && request.dueOn == CivilDate(iso: "2026-10-12") && request.option == kind)
            #expect(try await sunlight.tasks(for: try await world.actor("scj.zhangwei")).contains { $0.title.contains("散装白酒甲醇检测") })
            let answered = try await sunlight.supervision.advanceCoordination(request.id, .answer, text: "已送县检验所检测，结果三日内函复。", by: try await world.actor("scj.zhangwei"))
            #expect(answered.status == .closed)
            #expect(try await sunlight.cases.verify().isClean)
        }
    }

    @Test("Accountability: the bureau records a fault and the person; only that organisation's head handles it, with one of the listed handlings, within 30 working days (SUP-7)")
    func accountability() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局")
            await #expect { try await sunlight.supervision.recordAccountability(of: market.id, person: "赵磊", fault: "执法证过期后仍参与现场检查", basis: "",
                                                                   by: try await world.actor("daj.zhoujun")) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            let found = try await sunlight.supervision.recordAccountability(of: market.id, person: "赵磊", fault: "执法证过期后仍参与现场检查", basis: "元司监通〔2026〕1号",
                                                               by: try await world.actor("jiandu"))
            #expect(found.status == .found && found.responsiblePerson == "赵磊" && found.counterpartID == market.id)
            #expect(found.dueOn == CivilDate(iso: "2026-11-16"), "30 working days from 29 September skip 1–7 October and count Saturday 10 October")
            await #expect { try await sunlight.supervision.advanceCoordination(found.id, .handle, text: "批评教育并暂停执法", option: "口头警告",
                                                                  by: try await world.actor("scj.wangfang")) } throws: { ($0 as? SunlightError)?.field == "option" }
            await #expect { try await sunlight.supervision.advanceCoordination(found.id, .handle, text: "批评教育并暂停执法", option: "批评教育",
                                                                  by: try await world.actor("scj.zhangwei")) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            let handled = try await sunlight.supervision.advanceCoordination(found.id, .handle, text: "批评教育，重新培训考试合格前不得从事执法", option: "批评教育",
                                                                by: try await world.actor("scj.wangfang"))
            #expect(handled.status == .closed && handled.steps.last?.option == "批评教育")
            #expect(try await sunlight.cases.verify().isClean)
        }
    }

    @Test("A joint meeting's decided items go to their owners with the meeting's dates; the owner reports, the convener sends back or closes (SUP-11)")
    func jointMeeting() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局"), enforcement = world.seeded.organisation("元谋县综合行政执法局")
            let bureau = try await world.actor("jiandu")
            await #expect { try await sunlight.supervision.recordJointMeeting(kind: .coordinationConference, title: "2026年度联席会议", heldOn: world.clock.today, place: "",
                                                                 members: [market.id], attendees: "", minutes: "研究年度执法监督重点", items: [], by: try await world.actor("scj.zhangwei")) }
                throws: { ($0 as? SunlightError)?.kind == .forbidden }
            await #expect { try await sunlight.supervision.recordJointMeeting(kind: .coordinationConference, title: "2026年度联席会议", heldOn: world.clock.today, place: "",
                                                                 members: [market.id], attendees: "", minutes: "研究年度执法监督重点",
                                                                 items: [DecidedItemDraft(text: "整治占道经营", ownerID: enforcement.id, dueOn: CivilDate(iso: "2026-10-30")!)],
                                                                 by: bureau) } throws: { ($0 as? SunlightError)?.field == "owner" }
            let meeting = try await sunlight.supervision.recordJointMeeting(
                kind: .coordinationConference, title: "2026年度联席会议", heldOn: world.clock.today, place: "县司法局会议室", members: [market.id, enforcement.id],
                attendees: "各成员单位联络员", minutes: "研究年度执法监督重点，部署农贸市场专项整治。",
                items: [DecidedItemDraft(text: "农贸市场食品安全专项检查", ownerID: market.id, dueOn: CivilDate(iso: "2026-10-30")!),
                        DecidedItemDraft(text: "农贸市场周边占道经营整治", ownerID: enforcement.id, dueOn: CivilDate(iso: "2026-10-15")!)], by: bureau)
            #expect(meeting.items.count == 2 && meeting.members.count == 3)
            let item = try #require(try await sunlight.store.records(CoordinationMatter.self).find(meeting.items[1].matterID))
            #expect(item.kind == .decidedItem && item.dueOn == CivilDate(iso: "2026-10-15") && item.counterpartID == enforcement.id)
            #expect(try await sunlight.supervision.jointMeetings(by: try await world.actor("zf.sunqiang")).map(\.id) == [meeting.id])
            #expect(try await sunlight.supervision.jointMeetings(by: try await world.actor("daj.zhoujun")).isEmpty)
            let head = try await world.actor("zf.sunqiang")
            _ = try await sunlight.supervision.advanceCoordination(item.id, .report, text: "已开展整治两次", by: head)
            let back = try await sunlight.supervision.advanceCoordination(item.id, .sendBack, text: "请附整治台账", by: bureau)
            #expect(back.status == .assigned && back.dueOn == CivilDate(iso: "2026-10-19"), "10 working days across National Day")
            _ = try await sunlight.supervision.advanceCoordination(item.id, .report, text: "已开展整治两次，台账见附件", by: head)
            #expect(try await sunlight.supervision.advanceCoordination(item.id, .close, text: "", by: bureau).status == .closed)
            #expect(try await sunlight.cases.verify().isClean)
        }
    }
}
