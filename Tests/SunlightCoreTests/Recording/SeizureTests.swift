import Foundation
import SunlightFixtures
import SunlightTestSupport
import Testing
@testable import SunlightCore

/// 查封、扣押: a typed term of at most 30 days, one approved extension of at most 30, release with
/// its reason, no termination or closing while a seizure is active, and a clock that runs until
/// release (REC-16; 《中华人民共和国行政强制法》第二十四条至第二十八条).
@Suite("查封、扣押 REC-16")
struct SeizureTests {
    @Test("A 60-day seizure is refused; a 30-day one runs its clock; the case cannot be terminated or released from while it is active; one extension before expiry; release with reason stops the clock (REC-16, 行政强制法第二十五条、第二十八条)")
    func seizureCase() async throws {
        try await DemoWorld.with { world in
            let sunlight = world.sunlight
            // The comprehensive enforcement bureau: 周涛 acts, 孙强 heads and co-acts.
            let officer = try await world.actor("zf.zhoutao"), head = try await world.actor("zf.sunqiang")
            let theCase = try await sunlight.cases.openCase(
                NewCase(title: "扣押占道经营的流动摊点设施", category: .coercion, source: .inspection, violationOn: world.clock.today,
                        parties: [NewCase.Party(kind: .person, name: "王小明")], officers: [head.user!.id]), by: officer)
            @discardableResult
            func issue(_ type: DocumentType, _ fields: [String: String]) async throws -> CaseDocument {
                let draft = try await sunlight.cases.draftDocument(case: theCase.id, type: type, fields: type.sampleFields(fields), by: officer)
                _ = try await sunlight.cases.submitDocument(draft.id, by: officer)
                _ = try await sunlight.cases.signDocument(draft.id, by: head)
                return try await sunlight.cases.issueDocument(draft.id, by: officer)
            }
            func video() async throws {
                _ = try await sunlight.cases.recordCaseEvidence(
                    case: theCase.id, NewCaseEvidence(kind: .audiovisual, description: "执法记录仪录像", source: "执法人员现场拍摄", original: true,
                                                      confirmedBy: "王小明", confirmedOn: world.clock.today),
                    upload: (try await world.evidence("现场录像", recordedBy: "zf.zhoutao"), try world.storeBlob(Array(repeating: 9, count: 4000))), by: officer)
            }
            func clocks() async throws -> [CaseClock] { try await sunlight.cases.caseDetail(theCase.id, by: head).clocks.filter { $0.kind == "seizure" } }
            try await issue(.openingApproval, [:])
            _ = try await sunlight.cases.completeStage(case: theCase.id, by: officer)
            try await issue(.inspectionRecord, [:])
            try await video()
            _ = try await sunlight.cases.completeStage(case: theCase.id, by: officer)

            await #expect { try await issue(.seizureDecision, ["term": "60", "place": "元马镇龙川街 12 号门前"]) }
                throws: { ($0 as? SunlightError)?.rule == .rec16 }
            let decision = try await issue(.seizureDecision, ["term": "30", "place": "元马镇龙川街 12 号门前", "items": "三轮车 1 辆、遮阳棚 1 顶"])
            try await video()
            _ = try await sunlight.cases.completeStage(case: theCase.id, by: officer)
            #expect(try await clocks().map { $0.due?.iso } == ["2026-12-23"], "23 Nov + 30 days")
            await #expect { try await sunlight.cases.changeCaseStatus(case: theCase.id, to: .terminated, reason: "当事人已自行整改", by: head) }
                throws: { "case.seizure_active" ~= $0 }

            _ = try await sunlight.cases.requestExtension(case: theCase.id, days: 30, reason: "需检测财物来源，情况复杂", by: officer)
            let request = try #require(CaseTimeLimits.pending(.extensionRequested, in: try await sunlight.store.cases.events(of: theCase.id)).first)
            _ = try await sunlight.cases.approveExtension(case: theCase.id, request: request.id, by: head)
            #expect(try await clocks().map { $0.due?.iso } == ["2027-01-22"], "extended once by 30 days")
            await #expect { try await sunlight.cases.requestExtension(case: theCase.id, days: 5, reason: "仍需检测，情况复杂", by: officer) }
                throws: { "case.extension_limit" ~= $0 }

            _ = try await sunlight.cases.completeStage(case: theCase.id, by: officer)  // 作出处理决定 → 解除或依法处理
            await #expect { try await sunlight.cases.completeStage(case: theCase.id, by: officer) } throws: { "case.seizure_active" ~= $0 }
            await #expect { try await sunlight.cases.releaseSeizure(case: theCase.id, decision: decision.id, reason: "当事人已自行拆除并承诺不再占道", by: officer) }
                throws: { "role.missing" ~= $0 }
            _ = try await sunlight.cases.releaseSeizure(case: theCase.id, decision: decision.id, reason: "当事人已自行拆除并承诺不再占道", by: head)
            #expect(try await clocks().isEmpty)
            #expect(try await sunlight.cases.completeStage(case: theCase.id, by: officer).stage == "archiving")
            #expect(try await sunlight.cases.verify().isClean)
        }
    }
}
