import Foundation
import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 投诉举报 through the use cases: filing with a tracking code and a working-day deadline,
/// sealed contact details, scope, assignment, the supervisor taking it, the answer (SUP-1).
@Suite struct ComplaintUseCaseTests {
    static func file(in world: DemoWorld, anonymous: Bool = false) async throws -> Complaint {
        try await world.sunlight.supervision.fileComplaint(
            NewComplaint(organisationID: world.market.id, subject: "超市销售过期食品", description: "元谋县好又多超市货架上有过期的牛肉干，店员拒绝退货。",
                         location: "元谋县元马镇龙川街 12 号", anonymous: anonymous, name: anonymous ? nil : "赵六", phone: anonymous ? nil : "13912345678"),
            channel: .portal, by: .visitor(address: "198.51.100.7"))
    }

    @Test("A complaint filed the day before National Day is due in 15 working days, on 26 October; contact details are sealed (SUP-1, CAL-2)")
    func filing() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            await #expect { try await world.sunlight.supervision.fileComplaint(NewComplaint(organisationID: world.market.id, subject: "过期食品", description: "超市里有过期食品正在售卖。"),
                                                                   channel: .portal, by: .visitor(address: nil)) }
                throws: { error in (error as? SunlightError)?.field == "name" }
            await #expect { try await world.sunlight.supervision.fileComplaint(NewComplaint(organisationID: world.market.id, subject: "过期食品", description: "太短", anonymous: true),
                                                                   channel: .portal, by: .visitor(address: nil)) }
                throws: { error in (error as? SunlightError)?.field == "description" }
            await #expect { try await world.sunlight.supervision.fileComplaint(NewComplaint(organisationID: UUID(), subject: "过期食品", description: "有过期食品在售卖的情况。", anonymous: true),
                                                                   channel: .portal, by: .visitor(address: nil)) }
                throws: { error in (error as? SunlightError)?.field == "organisation" }
            let complaint = try await Self.file(in: world)
            #expect(complaint.dueOn == CivilDate(iso: "2026-10-26"))
            #expect(complaint.trackingCode.range(of: #"^TS2026-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"#, options: .regularExpression) != nil)
            let state = try complaint.stateJSON
            #expect(!state.contains("13912345678") && !state.contains("赵六"))
            let progress = try await world.sunlight.supervision.complaintProgress(trackingCode: complaint.trackingCode.lowercased())
            #expect(progress.handledBy == world.market.name && progress.statusName == "已登记" && progress.feedback == nil)
            await #expect { try await world.sunlight.supervision.complaintProgress(trackingCode: "TS2026-XXXX-XXXX") } throws: { error in (error as? SunlightError)?.kind == .notFound }
            let detail = try await world.sunlight.supervision.complaint(complaint.id, by: try await world.actor("scj.gongshi"))
            #expect(detail.contact == ["name": "赵六", "phone": "13912345678"])
            #expect(try await world.accessLog().contains { $0.action == .read && $0.resourceType == "complaint" }, "reading the complainant's contact is logged")
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("A department sees its own complaints; another department is refused; the justice bureau sees all and takes one directly (SUP-1)")
    func scopeAndTaking() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let complaint = try await Self.file(in: world, anonymous: true)
            #expect(try await world.sunlight.supervision.complaints(by: try await world.actor("scj.wangfang")).map(\.id) == [complaint.id])
            #expect(try await world.sunlight.supervision.complaints(by: try await world.actor("daj.zhoujun")).isEmpty)
            await #expect { try await world.sunlight.supervision.complaint(complaint.id, by: try await world.actor("daj.zhoujun")) } throws: { error in
                (error as? SunlightError)?.kind == .forbidden
            }
            await #expect { try await world.sunlight.supervision.answerComplaint(complaint.id, feedback: "已经处理完毕。", by: try await world.actor("daj.zhoujun")) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
            let supervisor = try await world.actor("jiandu")
            #expect(try await world.sunlight.supervision.complaints(by: supervisor).contains { $0.id == complaint.id })
            let taken = try await world.sunlight.supervision.takeComplaint(complaint.id, note: "群众反映强烈，由司法局直接督办", by: supervisor)
            #expect(taken.takenBySupervisor && taken.handlingOrganisation == world.seeded.organisation("元谋县司法局").id)
            #expect(try await world.sunlight.supervision.complaintProgress(trackingCode: complaint.trackingCode).handledBy == "元谋县司法局")
            // The bureau that received it still sees it, and can no longer answer it.
            #expect(try await world.sunlight.supervision.complaints(by: try await world.actor("scj.wangfang")).contains { $0.id == complaint.id })
            await #expect { try await world.sunlight.supervision.answerComplaint(complaint.id, feedback: "已经处理完毕。", by: try await world.actor("scj.wangfang")) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
        }
    }

    @Test("Assigned to an officer, answered, closed; the complainant sees who handles it and the answer (SUP-1)")
    func assignAnswerClose() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let complaint = try await Self.file(in: world)
            let clerk = try await world.actor("scj.gongshi")
            let officer = try await world.actor("scj.zhangwei")
            await #expect { try await world.sunlight.supervision.answerComplaint(complaint.id, feedback: "已处理。", by: officer) } throws: { error in
                (error as? SunlightError)?.kind == .forbidden
            }
            await #expect { try await world.sunlight.supervision.assignComplaint(complaint.id, handler: try await world.user("daj.chenming").id, note: "请核查", by: clerk) }
                throws: { error in (error as? SunlightError)?.field == "handler" }
            _ = try await world.sunlight.supervision.assignComplaint(complaint.id, handler: officer.user!.id, note: "请张伟核查", by: clerk)
            await #expect { try await world.sunlight.supervision.closeComplaint(complaint.id, by: try await world.actor("scj.wangfang")) } throws: { "complaint.not_answered" ~= $0 }
            _ = try await world.sunlight.supervision.answerComplaint(complaint.id, feedback: "经核查，该超市确有销售过期食品行为，已立案查处。", by: officer)
            let closed = try await world.sunlight.supervision.closeComplaint(complaint.id, by: try await world.actor("scj.wangfang"))
            #expect(closed.status == .closed && closed.closedOn == world.clock.today)
            let progress = try await world.sunlight.supervision.complaintProgress(trackingCode: complaint.trackingCode)
            #expect(progress.feedback?.contains("已立案查处") == true && progress.status == "closed")
            #expect(progress.steps.map(\.what) == ["登记", "分派承办人", "答复投诉人", "办结"])
            await #expect { try await world.sunlight.supervision.answerComplaint(complaint.id, feedback: "再次答复内容", by: officer) } throws: { "complaint.status" ~= $0 }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }
}
