import Foundation
import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 线索登记 through the use cases (REC-18, 《市场监督管理行政处罚程序规定》第十八条): a lead is
/// checked within 15 working days of its receipt, extended once by up to 15 working days with
/// another person's (the head's) approval, and ends in 立案 (linked both ways), 不予立案 with an
/// approved reason, or 移送.
@Suite struct CaseLeadTests {
    static let monday = CivilDate(iso: "2026-09-21")!

    static func register(in world: DemoWorld, by username: String = "scj.zhangwei", receivedOn: CivilDate = monday,
                         party: String? = "王小明") async throws -> CaseLead {
        try await world.sunlight.cases.registerLead(NewCaseLead(source: .hotline, receivedOn: receivedOn, summary: "12345 热线：超市销售过期牛肉干。",
                                                                partyKind: party == nil ? nil : .person, partyName: party),
                                                    by: try await world.actor(username))
    }

    @Test("A lead received on the Monday before 中秋 and 国庆 is due 15 working days later, on 19 October; the party's name is sealed, its read logged (REC-18, 第十八条)")
    func registration() async throws {
        try await DemoWorld.beforeHolidays { world in
            let lead = try await Self.register(in: world)
            #expect(lead.dueOn == CivilDate(iso: "2026-10-19"))
            #expect(lead.number.hasPrefix("\(world.market.shortName)线索〔2026〕") && lead.status == .open && lead.source == .hotline)
            #expect(!(try lead.stateJSON).contains("王小明"), "the party's name never enters the record or the log in clear")
            #expect(lead.partySeal?.count == 64)
            let detail = try await world.sunlight.cases.lead(lead.id, by: try await world.actor("scj.wangfang"))
            #expect(detail.party == "王小明")
            #expect(try await world.accessLog().contains { $0.action == .read && $0.resourceType == CaseLead.table })
            // Input that changes nothing: a future receipt, no summary, a clerk, another organisation's reader.
            await #expect { try await Self.register(in: world, receivedOn: Self.monday.adding(days: 1)) } throws: { ($0 as? SunlightError)?.field == "receivedOn" }
            await #expect { try await Self.register(in: world, by: "scj.gongshi") } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            await #expect { try await world.sunlight.cases.lead(lead.id, by: try await world.actor("daj.zhoujun")) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            #expect(try await world.sunlight.cases.lead(lead.id, by: try await world.actor("jiandu")).actions.isEmpty, "a supervisor reads, never works, a lead")
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("One extension of at most 15 working days, asked before the deadline and approved by a head who did not ask; a second is refused (REC-18, 第十八条)")
    func oneExtension() async throws {
        try await DemoWorld.beforeHolidays { world in
            let lead = try await Self.register(in: world)
            let officer = try await world.actor("scj.zhangwei"), head = try await world.actor("scj.wangfang")
            await #expect { try await world.sunlight.cases.requestLeadExtension(lead.id, days: 16, reason: "需要送检，等待检验报告。", by: officer) }
                throws: { ($0 as? SunlightError)?.field == "days" }
            let asked = try await world.sunlight.cases.requestLeadExtension(lead.id, days: 15, reason: "需要送检，等待检验报告。", by: officer)
            #expect(asked.checkExtension?.status == .requested && asked.dueOn == CivilDate(iso: "2026-10-19"))
            await #expect { try await world.sunlight.cases.decideLeadExtension(lead.id, approve: true, note: "", by: officer) }
                throws: { ($0 as? SunlightError)?.kind == .forbidden }
            await #expect { try await world.sunlight.cases.requestLeadExtension(lead.id, days: 5, reason: "再次申请延长期限。", by: officer) }
                throws: { "lead.extension_once" ~= $0 }
            let approved = try await world.sunlight.cases.decideLeadExtension(lead.id, approve: true, note: "", by: head)
            #expect(approved.dueOn == CivilDate(iso: "2026-11-09") && approved.checkExtension?.decidedBy == head.user?.id)
            await #expect { try await world.sunlight.cases.requestLeadExtension(lead.id, days: 5, reason: "再次申请延长期限。", by: head) }
                throws: { error in
                    guard let error = error as? SunlightError, error.code == "lead.extension_once" else { return false }
                    return error.description.contains("《市场监督管理行政处罚程序规定》第十八条")
                }
            // A head who asks cannot approve their own request; and no extension after the deadline.
            let second = try await Self.register(in: world)
            _ = try await world.sunlight.cases.requestLeadExtension(second.id, days: 10, reason: "当事人外出，暂无法询问。", by: head)
            await #expect { try await world.sunlight.cases.decideLeadExtension(second.id, approve: true, note: "", by: head) } throws: { "lead.same_person" ~= $0 }
            let third = try await Self.register(in: world)
            world.clock.set(CivilDate(iso: "2026-10-20")!)
            await #expect { try await world.sunlight.cases.requestLeadExtension(third.id, days: 10, reason: "检验报告尚未出具。", by: officer) }
                throws: { "lead.extension_late" ~= $0 }
        }
    }

    @Test("不予立案: an officer proposes with a reason, a head approves it; a head may decide it directly; the complainant reads only the general ground (REC-18)")
    func declining() async throws {
        try await DemoWorld.beforeHolidays { world in
            let officer = try await world.actor("scj.zhangwei"), head = try await world.actor("scj.wangfang")
            let lead = try await Self.register(in: world)
            let proposed = try await world.sunlight.cases.declineLead(lead.id, ground: .insufficientEvidence, reason: "现场未发现过期食品，进货台账齐全。", by: officer)
            #expect(proposed.status == .declineProposed && proposed.decline?.approvedBy == nil)
            #expect(try await world.sunlight.cases.leadActions(lead.id, by: officer).isEmpty)
            let declined = try await world.sunlight.cases.decideLeadDecline(lead.id, approve: true, note: "", by: head)
            #expect(declined.status == .declined && declined.decline?.approvedBy == head.user?.id && declined.concludedOn == Self.monday)
            #expect(declined.publicOutcome == "经核查，不予立案：经核查，证据不足，无法认定违法事实")
            #expect(!declined.publicOutcome.contains("台账"), "the written reason stays inside")
            let other = try await Self.register(in: world)
            await #expect { try await world.sunlight.cases.declineLead(other.id, ground: .noViolation, reason: "短", by: head) } throws: { ($0 as? SunlightError)?.field == "reason" }
            #expect(try await world.sunlight.cases.declineLead(other.id, ground: .noViolation, reason: "经现场核查，该店已停业。", by: head).status == .declined)
        }
    }

    @Test("立案 from a lead: the case records its lead, the lead closes as 立案 and links the case; it cannot be opened twice (REC-18, REC-1)")
    func openingFromLead() async throws {
        try await DemoWorld.beforeHolidays { world in
            let officer = try await world.actor("scj.zhangwei")
            let lead = try await Self.register(in: world)
            let lina = try await world.user("scj.lina")
            func open() async throws -> EnforcementCase {
                try await world.sunlight.cases.openCase(NewCase(
                    title: "销售超过保质期的牛肉干", category: .penalty, source: lead.source.caseSource, violationOn: Self.monday,
                    parties: [NewCase.Party(kind: .organisation, name: "元谋县好又多超市有限公司")], officers: [lina.id], leadID: lead.id), by: officer)
            }
            let opened = try await open()
            #expect(opened.leadID == lead.id)
            let after = try await world.sunlight.cases.lead(lead.id, by: officer)
            #expect(after.lead.status == .opened && after.lead.caseID == opened.id && after.caseNumber == opened.number)
            #expect(after.lead.publicOutcome == "经核查，已立案调查")
            #expect(try await world.sunlight.cases.caseDetail(opened.id, by: officer).enforcementCase.leadID == lead.id)
            await #expect { try await open() } throws: { "lead.status" ~= $0 }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("移送: the head transfers a lead outside the bureau's jurisdiction; the receiving organisation finds it in its register (REC-18, SUP-2)")
    func transferring() async throws {
        try await DemoWorld.beforeHolidays { world in
            let lead = try await Self.register(in: world)
            let archives = world.seeded.organisation("元谋县档案局")
            await #expect { try await world.sunlight.cases.transferLead(lead.id, to: archives.id, recipient: nil, reason: "属于档案管理事项。",
                                                                         by: try await world.actor("scj.zhangwei")) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            let sent = try await world.sunlight.cases.transferLead(lead.id, to: archives.id, recipient: nil, reason: "属于档案管理事项。",
                                                                    by: try await world.actor("scj.wangfang"))
            #expect(sent.status == .transferred && sent.transferredTo == archives.id && sent.transferredLeadID != nil)
            let received = try await world.sunlight.cases.leads(.open, by: try await world.actor("daj.zhoujun"))
            let copy = try #require(received.first { $0.lead.id == sent.transferredLeadID })
            #expect(copy.lead.source == .transferIn && copy.lead.fromLeadID == lead.id && copy.lead.organisationID == archives.id)
            #expect(try await world.sunlight.cases.lead(copy.lead.id, by: try await world.actor("daj.zhoujun")).party == "王小明")
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("A complaint alleging a violation becomes a lead or joins one; the tracking page shows the outcome in plain words, no party or case (REC-18, SUP-1)")
    func complaints() async throws {
        try await DemoWorld.beforeHolidays { world in
            let officer = try await world.actor("scj.zhangwei")
            let complaint = try await ComplaintUseCaseTests.file(in: world, anonymous: true)
            let lead = try await world.sunlight.cases.leadFromComplaint(complaint.id, by: officer)
            #expect(lead.source == .complaint && lead.complaintIDs == [complaint.id] && lead.dueOn == CivilDate(iso: "2026-10-19"))
            await #expect { try await world.sunlight.cases.leadFromComplaint(complaint.id, by: officer) } throws: { "lead.complaint_registered" ~= $0 }
            await #expect { try await world.sunlight.cases.leadFromComplaint(complaint.id, by: try await world.actor("daj.zhoujun")) }
                throws: { ($0 as? SunlightError)?.kind == .forbidden }
            let second = try await ComplaintUseCaseTests.file(in: world, anonymous: true)
            let joined = try await world.sunlight.cases.leadFromComplaint(second.id, joining: lead.id, by: officer)
            #expect(joined.id == lead.id && joined.complaintIDs == [complaint.id, second.id])
            #expect(try await world.sunlight.supervision.complaintProgress(trackingCode: second.trackingCode).leadOutcome == "已登记为案件线索，正在核查")
            _ = try await world.sunlight.cases.transferLead(lead.id, to: nil, recipient: "元谋县公安局", reason: "涉嫌生产销售伪劣产品罪。",
                                                            by: try await world.actor("scj.wangfang"))
            let progress = try await world.sunlight.supervision.complaintProgress(trackingCode: complaint.trackingCode)
            #expect(progress.leadOutcome == "经核查，不属于本机关管辖，已移送有管辖权的机关处理")
            #expect(try await world.sunlight.supervision.complaint(complaint.id, by: officer).leads.map(\.id) == [lead.id])
        }
    }

    @Test("An open lead past its deadline is a task for the bureau's officers and head and a clue on the supervisor's dashboard (REC-18, SUP-4)")
    func overdue() async throws {
        try await DemoWorld.beforeHolidays { world in
            let lead = try await Self.register(in: world)
            world.clock.set(CivilDate(iso: "2026-10-20")!)
            for username in ["scj.zhangwei", "scj.wangfang"] {
                let tasks = try await world.sunlight.tasks(for: try await world.actor(username))
                #expect(tasks.contains { $0.link == .lead(lead.id) && $0.state == .overdue && $0.rule == .rec18 }, "\(username)")
            }
            let supervisor = try await world.actor("jiandu")
            let clues = try await world.sunlight.supervision.supervisionClues(by: supervisor)
            #expect(clues.contains { $0.kind == .leadOverdue && $0.link == .lead(lead.id) && $0.reference == lead.number })
            let row = try #require(try await world.sunlight.supervision.supervisorDashboard(by: supervisor).rows.first { $0.organisation.id == world.market.id })
            #expect(row.overdueLeads >= 1)
            #expect(try await world.sunlight.cases.leads(.overdue, by: supervisor).contains { $0.lead.id == lead.id })
        }
    }
}
