import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 审批监管衔接: issuing a permit decision routes it to the supervising department in the same
/// transaction; it acknowledges in 3 working days and reports how it supervises (SUP-12).
@Suite struct ApprovalLinkTests {
    @Test("A permit decision issued on 29 September reaches the routed department, due to acknowledge on 9 October; only the administrator sets routes (SUP-12, CAL-2)")
    func permitRouted() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局"), enforcement = world.seeded.organisation("元谋县综合行政执法局")
            await #expect { try await sunlight.supervision.addApprovalRoute(from: market.id, to: enforcement.id, keyword: "", by: try await world.actor("jiandu")) }
                throws: { ($0 as? SunlightError)?.kind == .forbidden }
            let route = try await sunlight.supervision.addApprovalRoute(from: market.id, to: enforcement.id, keyword: "食品经营", by: try await world.actor("admin"))
            #expect(route.active && route.applies(to: "食品经营许可（张三小吃店）") && !route.applies(to: "药品零售许可"))

            let item = try await sunlight.publicity.publishedList(.item, organisationID: market.id).first { $0.version.fields["code"] == "5323280-XK-001" }!
            let lina = try await world.actor("scj.lina")
            let zhang = try await world.user("scj.zhangwei")
            try await sunlight.organisations.addCertificate(EnforcementCertificate(holderID: zhang.id, number: "53232800199", categories: [.permit], region: "元谋县",
                                                                     validFrom: CivilDate(iso: "2026-01-01")!, validUntil: CivilDate(iso: "2028-12-31")!),
                                              by: try await world.actor("admin"))
            let theCase = try await sunlight.cases.openCase(
                NewCase(title: "食品经营许可（张三小吃店）", category: .permit, simple: false, itemEntryID: item.version.entryID, source: .application,
                        violationOn: nil, decisionDays: nil,
                        parties: [NewCase.Party(kind: .organisation, name: "元谋县张三小吃店", idNumber: "92532328MA6P000001", address: "元谋县元马镇龙川街 1 号")],
                        officers: [zhang.id]), by: lina)
            func issue(_ type: DocumentType) async throws {
                let draft = try await sunlight.cases.draftDocument(case: theCase.id, type: type, fields: type.sampleFields([:]), by: lina)
                _ = try await sunlight.cases.submitDocument(draft.id, by: lina)
                _ = try await sunlight.cases.signDocument(draft.id, by: try await world.actor("scj.wangfang"))
                _ = try await sunlight.cases.issueDocument(draft.id, by: lina)
            }
            while try await sunlight.store.cases.find(theCase.id)?.stage != "decision" {
                if try await sunlight.store.cases.find(theCase.id)?.stage == "acceptance" { try await issue(.permitAcceptance) }
                _ = try await sunlight.cases.completeStage(case: theCase.id, by: lina)
            }
            try await issue(.permitDecision)
            let links = try await sunlight.supervision.coordinationMatters(by: try await world.actor("zf.sunqiang")).filter { $0.kind == .approvalLink }
            let link = try #require(links.first)
            #expect(links.count == 1 && link.status == .routed && link.dueOn == CivilDate(iso: "2026-10-09") && link.details.contains("元谋县张三小吃店"))
            #expect(link.organisationID == market.id && link.counterpartID == enforcement.id && link.reference?.contains("许") == true)
            await #expect { try await sunlight.supervision.advanceCoordination(link.id, .acknowledge, text: "", by: lina) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            let acknowledged = try await sunlight.supervision.advanceCoordination(link.id, .acknowledge, text: "", by: try await world.actor("zf.zhoutao"))
            #expect(acknowledged.status == .acknowledged && acknowledged.dueOn == CivilDate(iso: "2026-11-02"), "20 working days across National Day")
            let fed = try await sunlight.supervision.advanceCoordination(link.id, .feedback, text: "已纳入日常巡查，10月15日首次检查未发现问题。", by: try await world.actor("zf.zhoutao"))
            #expect(fed.status == .closed)
            _ = try await sunlight.supervision.retireApprovalRoute(route.id, by: try await world.actor("admin"))
            #expect(try await sunlight.supervision.approvalRoutes(by: try await world.actor("admin")).allSatisfy { !$0.active })
            #expect(try await sunlight.cases.verify().isClean)
        }
    }
}
