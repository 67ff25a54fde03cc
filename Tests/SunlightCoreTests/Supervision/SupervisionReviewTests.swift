import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 监督检查、指导案例、考核评价 (SUP-4, SUP-8, SUP-10).
@Suite struct SupervisionReviewTests {
    @Test("An inspection of each listed kind is recorded by the bureau only; a third-party assessment names the assessor; a notice issued from it cites it (SUP-4)")
    func inspections() async throws {
        try await DemoWorld.with { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let bureau = try await world.actor("jiandu")
            let today = world.clock.today
            await #expect { try await sunlight.supervision.recordSupervisionInspection(.spotCheck, of: market.id, title: "暗访农贸市场执法", from: today, to: today,
                                                                          scope: "执法人员是否亮证执法", findings: "两名执法人员未出示执法证件", problemsFound: true,
                                                                          by: try await world.actor("scj.wangfang")) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            await #expect { try await sunlight.supervision.recordSupervisionInspection(.thirdParty, of: market.id, title: "执法满意度评估", from: today, to: today,
                                                                          scope: "群众满意度调查", findings: "满意度 92%，无重大问题", problemsFound: false, by: bureau) }
                throws: { ($0 as? SunlightError)?.field == "assessor" }
            for method in SupervisionInspection.Method.allCases {
                _ = try await sunlight.supervision.recordSupervisionInspection(method, of: market.id, title: "\(method.chineseName)检查", from: today, to: today,
                                                                  scope: "行政执法公示、全过程记录", findings: "抽查案卷 10 件，2 件缺少送达回证",
                                                                  problemsFound: method == .special, assessor: method == .thirdParty ? "云南某律师事务所" : nil, by: bureau)
            }
            let recorded = try await sunlight.supervision.supervisionInspections(by: bureau)
            #expect(Set(recorded.map(\.method)) == Set(SupervisionInspection.Method.allCases))
            let special = try #require(recorded.first { $0.method == .special })
            let notice = try await sunlight.supervision.notifyFromInspection(special.id, requirement: "补齐送达回证并建立案卷检查制度", rectifyBy: today.adding(days: 30), by: bureau)
            #expect(notice.kind == .notice && notice.evidence?.contains(special.id.uuidString.lowercased()) == true && notice.findings == special.findings)
            #expect(try await sunlight.supervision.supervisionInspections(by: try await world.actor("scj.wangfang")).count == 5, "the department sees its own")
            #expect(try await sunlight.supervision.supervisionInspections(by: try await world.actor("daj.zhoujun")).isEmpty)
            #expect(try await sunlight.cases.verify().isClean)
        }
    }

    @Test("A department nominates closed cases; the bureau reviews and publishes them redacted; fewer than 3 for the year is on the head's list in December and January (SUP-10, PUB-8)")
    func guidingCases() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-12-08")!) { world in
            let sunlight = world.sunlight
            let head = try await world.actor("scj.wangfang"), bureau = try await world.actor("jiandu")
            let open = try await CaseDriver.open(in: world)
            let summary = "当事人王小明在元马镇龙川街销售超过保质期的食品，执法人员依法当场处罚。本案说明简易程序的适用条件。"
            await #expect { try await sunlight.supervision.nominateGuidingCase(case: open.id, year: 2026, title: "销售过期食品简易程序案", reasons: ["社会普遍关注"],
                                                                  summary: summary, by: head) } throws: { "guiding.case_open" ~= $0 }
            let closed = try await DisciplineReferralTests.closedCase(in: world, official: false)
            await #expect { try await sunlight.supervision.nominateGuidingCase(case: closed.id, year: 2026, title: "销售过期食品简易程序案", reasons: [],
                                                                  summary: summary, by: head) } throws: { ($0 as? SunlightError)?.field == "reasons" }
            await #expect { try await sunlight.supervision.nominateGuidingCase(case: closed.id, year: 2026, title: "销售过期食品简易程序案", reasons: ["社会普遍关注"],
                                                                  summary: summary, by: try await world.actor("daj.zhoujun")) }
                throws: { ($0 as? SunlightError)?.kind == .forbidden }
            #expect(try await sunlight.tasks(for: head).contains { $0.rule == .sup10 && $0.due == CivilDate(iso: "2027-01-31") })
            let nomination = try await sunlight.supervision.nominateGuidingCase(case: closed.id, year: 2026, title: "销售过期食品简易程序案", reasons: ["社会普遍关注", "不在列表"],
                                                                   summary: summary, by: head)
            #expect(nomination.reasons == ["社会普遍关注"] && nomination.status == .nominated && nomination.category == .penalty)
            await #expect { try await sunlight.supervision.nominateGuidingCase(case: closed.id, year: 2026, title: "重复报送的案例", reasons: ["社会普遍关注"], summary: summary,
                                                                  by: head) } throws: { "guiding.duplicate" ~= $0 }
            await #expect { try await sunlight.supervision.publishGuidingCase(nomination.id, by: bureau) } throws: { "guiding.status" ~= $0 }
            await #expect { try await sunlight.supervision.reviewGuidingCase(nomination.id, accept: true, opinion: "专家论证：事实清楚，适用法律正确", by: head) }
                throws: { ($0 as? SunlightError)?.kind == .forbidden }
            _ = try await sunlight.supervision.reviewGuidingCase(nomination.id, accept: true, opinion: "专家论证：事实清楚，适用法律正确，具有指导意义", by: bureau)
            let published = try await sunlight.supervision.publishGuidingCase(nomination.id, by: bureau)
            #expect(published.status == .published && published.publishedText?.contains("王某某") == true && published.publishedText?.contains("王小明") == false)
            #expect(try await sunlight.supervision.publishedGuidingCases().map(\.id) == [nomination.id])
            #expect(try await sunlight.cases.verify().isClean)
        }
    }

    @Test("The assessment computes measured indicators from the year's records, adds the bureau's scores, grades at 90/80/60 and is published after approval; heads file self-assessments and officer evaluations (SUP-8)")
    func assessment() async throws {
        try await DemoWorld.with { world in
            let sunlight = world.sunlight
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let bureau = try await world.actor("jiandu"), head = try await world.actor("scj.wangfang")
            let year = world.clock.today.year
            // Two of three officers hold a valid certificate today (赵磊's lapsed on 30 June): 10 × 2/3 = 6.7.
            let draft = try await sunlight.supervision.computeAssessment(of: market.id, year: year, scored: ["system_building": 9, "civil_enforcement": 8], by: bureau)
            #expect(draft.scores.first { $0.code == "certified_officers" }?.measured == "2/3")
            #expect(draft.scores.first { $0.code == "certified_officers" }?.tenths == 67)
            #expect(draft.scores.first { $0.code == "system_building" }?.tenths == 90)
            #expect(draft.totalTenths == draft.scores.reduce(0) { $0 + $1.tenths })
            await #expect { try await sunlight.supervision.computeAssessment(of: market.id, year: year, scored: ["system_building": 11], by: bureau) }
                throws: { ($0 as? SunlightError)?.field == "system_building" }
            // The scheme is configurable; its points must add up to 100.
            await #expect { try await sunlight.supervision.saveAssessmentScheme(year: year, points: ["certified_officers": 30], excellentFrom: 90, goodFrom: 80, passFrom: 60, by: bureau) }
                throws: { ($0 as? SunlightError)?.field == "points" }
            let scheme = try await sunlight.supervision.saveAssessmentScheme(year: year, points: ["certified_officers": 20, "civil_enforcement": 0], excellentFrom: 95,
                                                                goodFrom: 85, passFrom: 60, by: bureau)
            #expect(scheme.grade(tenths: 949) == .good && scheme.grade(tenths: 950) == .excellent && scheme.grade(tenths: 599) == .fail)
            let rated = try await sunlight.supervision.rateOrganisation(market.id, year: year, scored: ["system_building": 10], by: bureau)
            #expect(rated.scores.first { $0.code == "certified_officers" }?.tenths == 133 && rated.grade == scheme.grade(tenths: rated.totalTenths))
            let again = try await sunlight.supervision.rateOrganisation(market.id, year: year, scored: ["system_building": 5], by: bureau)
            #expect(again.id == rated.id && again.totalTenths == rated.totalTenths - 50)
            await #expect { try await sunlight.supervision.publishAssessment(rated.id, approval: "", by: bureau) } throws: { ($0 as? SunlightError)?.field == "approval" }
            _ = try await sunlight.supervision.publishAssessment(rated.id, approval: "元政函〔2027〕5号", by: bureau)
            await #expect { try await sunlight.supervision.rateOrganisation(market.id, year: year, scored: [:], by: bureau) } throws: { "assessment.published" ~= $0 }
            #expect(try await sunlight.supervision.publicAssessments().0.map(\.id) == [rated.id])

            #expect(try await sunlight.tasks(for: head).contains { $0.title == "2026H1 执法人员考核评议" && $0.state == .overdue })
            let officers = try await world.sunlight.store.users.list(in: [market.id]).filter { $0.isActive && $0.has(.officer) }
            await #expect { try await sunlight.supervision.fileOfficerEvaluation(grades: [officers[0].id: .good], comments: [:], text: "", by: head) }
                throws: { ($0 as? SunlightError)?.field == "grades" }
            let grades = Dictionary(uniqueKeysWithValues: officers.map { ($0.id, AssessmentGrade.good) })
            let evaluation = try await sunlight.supervision.fileOfficerEvaluation(grades: grades, comments: [:], text: "上半年考核评议", by: head)
            #expect(evaluation.period == "2026H1" && evaluation.officers.count == officers.count)
            #expect(try await !sunlight.tasks(for: head).contains { $0.rule == .sup8 })
            await #expect { try await sunlight.supervision.fileOfficerEvaluation(grades: grades, comments: [:], text: "", by: head) } throws: { "assessment.filed" ~= $0 }
            await #expect { try await sunlight.supervision.fileSelfAssessment(year: year, text: "自评", by: head) } throws: { ($0 as? SunlightError)?.field == "text" }
            _ = try await sunlight.supervision.fileSelfAssessment(year: year, text: "本局2026年度依法行政和行政执法工作自评报告：全面落实行政执法三项制度。", by: head)
            #expect(try await sunlight.supervision.publicAssessments().1.count == 2)
            #expect(try await sunlight.cases.verify().isClean)
        }
    }
}
