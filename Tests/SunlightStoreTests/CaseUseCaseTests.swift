import Foundation
@testable import SunlightCore
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

@Suite("案件办理全过程 REC-1..13 STD-3 STD-4")
struct CaseUseCaseTests {
    @Test("REC-1..13: a penalty case from opening to archive, every gate refusing first, across 中秋 and 国庆; the log verifies")
    func fullPenaltyCase() async throws {
        try await DemoWorld.beforeHolidays { world in
            let head = try await world.actor("scj.wangfang")
            let officer = try await world.actor("scj.zhangwei")
            let driver = try await CaseDriver.open(in: world)
            var theCase = try await driver.current()
            #expect(theCase.number == "元市监立〔2026〕2号", "the demo's own case is the first")
            #expect(theCase.stage == "opening" && theCase.decisionDays == 90)

            // 立案: the approval carries the case number.
            await #expect { try await driver.complete() } throws: { "case.document_missing" ~= $0 }
            let approval = try await driver.issue(.openingApproval)
            #expect(approval.number == theCase.number)
            theCase = try await driver.complete()
            #expect(theCase.stage == "investigation")

            // 调查取证: records, two certified officers, audio/video (REC-2, REC-3, REC-7).
            let inquiry = try await driver.submitted(.inquiryRecord)
            await #expect { try await world.sunlight.cases.signDocument(inquiry.id, by: officer) } throws: { "case.document_signer" ~= $0 }
            _ = try await world.sunlight.cases.signDocument(inquiry.id, by: try await world.actor("scj.lina"))
            let issuedInquiry = try await world.sunlight.cases.issueDocument(inquiry.id, by: officer)
            #expect(issuedInquiry.number == nil && issuedInquiry.status == .issued)
            await #expect { try await world.sunlight.cases.reviseDocument(inquiry.id, fields: DocumentType.inquiryRecord.sampleFields(), by: officer) }
                throws: { "case.document_locked" ~= $0 }
            try await driver.issue(.investigationReport)
            await #expect { try await driver.complete() } throws: { error in
                (error as? SunlightError)?.rule == .rec3 && "case.audio_video_missing" ~= error
            }
            let recording = try await driver.video()
            #expect(recording.stage == "investigation" && recording.fileID != nil)
            await #expect { try await world.sunlight.cases.recuseOfficer(case: driver.id, officer: try await world.user("scj.lina").id,
                                                                    reason: "系当事人近亲属", by: head) } throws: { "case.officers" ~= $0 }
            theCase = try await driver.complete()
            #expect(theCase.stage == "notice")

            // 事先告知 on Tuesday 22 September; the hearing window (5 working days) skips 中秋 and ends on 30 September.
            driver.day("2026-09-22")
            _ = try await world.sunlight.cases.setBenchmark(item: theCase.itemEntryID!, circumstance: .general, minFine: 50_000, maxFine: 70_000,
                                                  measures: "没收违法所得", by: head)
            let notice = try await driver.issue(.penaltyNotice, ["fine": "60000", "hearing": "yes"])
            await #expect { try await driver.complete() } throws: { "case.notice_not_served" ~= $0 }
            try await driver.serve(notice)
            await #expect { try await driver.complete() } throws: { "case.notice_period" ~= $0 }
            driver.day("2026-10-08")
            await #expect {
                try await world.sunlight.cases.recordPartyResponse(case: driver.id, kind: .hearingRequested, on: CivilDate(iso: "2026-10-08")!, note: nil, by: officer)
            } throws: { "case.hearing_late" ~= $0 }
            _ = try await world.sunlight.cases.recordPartyResponse(case: driver.id, kind: .hearingRequested, on: CivilDate(iso: "2026-09-30")!,
                                                         note: "当事人书面要求听证", by: officer)
            theCase = try await driver.complete()
            #expect(theCase.stage == "hearing")

            // 听证: noticed 7 working days ahead (8 Oct → 10 Oct is a make-up working Saturday → earliest 16 Oct).
            await #expect { try await driver.issue(.hearingNotice, ["date": "2026-10-15"]) } throws: { "case.hearing_notice" ~= $0 }
            let hearingNotice = try await driver.issue(.hearingNotice, ["date": "2026-10-16"])
            #expect(hearingNotice.number == "元市监听通〔2026〕1号")
            await #expect { try await driver.complete() } throws: { "case.document_missing" ~= $0 }
            driver.day("2026-10-16")
            try await driver.issue(.hearingRecord)
            await #expect { try await driver.complete() } throws: { "case.audio_video_missing" ~= $0 }
            _ = try await world.sunlight.cases.requestAudioVideoExemption(case: driver.id, reason: "听证室录音录像设备故障，已制作书面听证笔录并经当事人签字", by: officer)
            _ = try await world.sunlight.cases.approveAudioVideoExemption(case: driver.id, by: head)
            _ = try await world.sunlight.cases.requestDeduction(case: driver.id, reason: .hearing, from: CivilDate(iso: "2026-09-30")!,
                                                      to: CivilDate(iso: "2026-10-16")!, record: hearingNotice.id, note: nil, by: officer)
            let deduction = try #require(try await world.sunlight.store.cases.events(of: driver.id).last { $0.kind == .deductionRequested })
            _ = try await world.sunlight.cases.approveDeduction(case: driver.id, request: deduction.id, by: head)
            theCase = try await driver.complete()
            #expect(theCase.stage == "review", "a hearing was held and the fine is large: the decision goes to legal review (REV-2)")

            // 法制审核 (REV-1..5): not heavier than notified, within the benchmark or with a reason (STD-3) — the
            // draft's own rules refuse first; a lawful draft is made only on a passed review of exactly it.
            let heavier = try await driver.submitted(.penaltyDecision, ["fine": "80000", "circumstance": "general"])
            await #expect { try await world.sunlight.cases.signDocument(heavier.id, by: head) } throws: { "case.heavier_than_notice" ~= $0 }
            let outside = try await driver.submitted(.penaltyDecision, ["fine": "40000", "circumstance": "general"])
            await #expect { try await world.sunlight.cases.signDocument(outside.id, by: head) } throws: { "case.discretion" ~= $0 }
            let decision = try await driver.submitted(.penaltyDecision, ["fine": "40000", "circumstance": "general",
                                                                         "deviationReason": "当事人主动消除违法后果，依法从轻处罚"])
            await #expect { try await world.sunlight.cases.signDocument(decision.id, by: head) } throws: { "review.required" ~= $0 }
            await #expect { try await driver.complete() } throws: { "review.required" ~= $0 }
            let round = try await driver.submitForReview(decision)
            await #expect { try await driver.complete() } throws: { "review.pending" ~= $0 }
            try await driver.review(round)
            theCase = try await driver.complete()
            #expect(theCase.stage == "decision")

            // 决定: the head signs the reviewed draft; it is numbered 元市监罚〔2026〕1号.
            _ = try await world.sunlight.cases.signDocument(decision.id, by: head)
            let issued = try await world.sunlight.cases.issueDocument(decision.id, by: officer)
            #expect(issued.number == "元市监罚〔2026〕1号" && issued.fields["discretionFlag"] == "yes")
            theCase = try await driver.complete()
            #expect(theCase.stage == "delivery")

            // 送达 and the clocks: deliver within 7 working days, pay within 15 days.
            var detail = try await world.sunlight.cases.caseDetail(driver.id, by: officer)
            #expect(detail.clocks.map(\.kind) == ["delivery"])
            #expect(detail.clocks.first?.due == CivilDate(iso: "2026-10-27"))
            try await driver.serve(issued, on: "2026-10-16")
            try await driver.video(2)
            theCase = try await driver.complete()
            detail = try await world.sunlight.cases.caseDetail(driver.id, by: officer)
            #expect(detail.clocks.map(\.kind) == ["payment"])
            #expect(detail.clocks.first?.due == CivilDate(iso: "2026-11-02"), "16 Oct + 15 days = 31 Oct, a Saturday → Monday")

            // 执行: three days late, 3% a day.
            driver.day("2026-11-05")
            await #expect { try await driver.complete() } throws: { "case.not_executed" ~= $0 }
            await #expect {
                try await world.sunlight.cases.recordPayment(case: driver.id, amount: 40_000, paidOn: CivilDate(iso: "2026-11-05")!, method: .bank, receipt: nil, by: officer)
            } throws: { error in (error as? SunlightError)?.message.contains("加处罚款 3600 元") == true }
            await #expect {
                try await world.sunlight.cases.recordPayment(case: driver.id, amount: 43_600, paidOn: CivilDate(iso: "2026-11-05")!, method: .onSite, receipt: nil, by: officer)
            } throws: { "case.onsite_collection" ~= $0 }
            _ = try await world.sunlight.cases.recordPayment(case: driver.id, amount: 43_600, paidOn: CivilDate(iso: "2026-11-05")!, method: .bank,
                                                   receipt: "非税收入缴款书 No.0001", by: officer)
            theCase = try await driver.complete()
            #expect(theCase.stage == "closing")
            try await driver.issue(.closingReport)
            theCase = try await driver.complete()
            #expect(theCase.status == .closed && theCase.stage == "archiving")
            theCase = try await driver.complete()
            #expect(theCase.status == .archived)

            detail = try await world.sunlight.cases.caseDetail(driver.id, by: officer)
            let kinds = detail.events.map(\.kind)
            #expect(kinds.first == .opened && kinds.last == .archived)
            #expect(kinds.contains(.hearingRequested) && kinds.contains(.decided) && kinds.contains(.delivered) && kinds.contains(.paid))
            #expect(detail.events.filter { $0.kind == .stageSkipped }.isEmpty, "the hearing was held and the review passed: no stage skipped")
            #expect(detail.parties.first?.name == "王小明", "readers see the party unsealed")
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("REC-1: a case that was opened is numbered in its series; parties' personal data is sealed out of the log")
    func opening() async throws {
        try await DemoWorld.beforeHolidays { world in
            let first = try await CaseDriver.open(in: world)
            let second = try await CaseDriver.open(in: world, person: false)
            #expect(try await first.current().number == "元市监立〔2026〕2号")
            #expect(try await second.current().number == "元市监立〔2026〕3号")
            let stored = try await world.sunlight.store.cases.parties(of: first.id)
            #expect(stored.first?.name == "" && stored.first?.idNumber == nil, "the row keeps no personal data")
            let leaves = try await world.sunlight.store.ledger.entries(table: "case_parties", recordIDs: [stored[0].id.uuidString.lowercased()])
            let logged = String(decoding: leaves[0].content, as: UTF8.self)
            #expect(!logged.contains("王小明") && !logged.contains("532328198001011234"))
            let company = try await world.sunlight.store.cases.parties(of: second.id)
            #expect(company.first?.name == "元谋县好又多超市有限公司", "an organisation's name is not personal data")
        }
    }

    @Test("REC-7/STD-3: opening refuses one officer, an expired certificate, another organisation's officer, a lapsed limitation")
    func openingRefusals() async throws {
        try await DemoWorld.beforeHolidays { world in
            let officer = try await world.actor("scj.zhangwei")
            func attempt(officers: [String], violationOn: String? = nil) async throws {
                var ids: [StaffUser.ID] = []
                for name in officers { ids.append(try await world.user(name).id) }
                _ = try await world.sunlight.cases.openCase(
                    NewCase(title: "无证经营", category: .penalty, source: .complaint, violationOn: CivilDate(iso: violationOn ?? "2026-09-01"),
                            parties: [NewCase.Party(kind: .person, name: "李四")], officers: ids), by: officer)
            }
            await #expect { try await attempt(officers: []) } throws: { "case.officers" ~= $0 }
            await #expect { try await attempt(officers: ["scj.zhaolei"]) } throws: { error in
                (error as? SunlightError)?.rule == .rec7 && (error as? SunlightError)?.message.contains("过期") == true
            }
            await #expect { try await attempt(officers: ["daj.chenming"]) } throws: { "case.officer_organisation" ~= $0 }
            await #expect { try await attempt(officers: ["scj.lina"], violationOn: "2024-09-20") } throws: { "case.limitation" ~= $0 }
            try await attempt(officers: ["scj.lina"], violationOn: "2024-09-21")
            await #expect { try await world.sunlight.cases.openCase(NewCase(title: "无证经营", category: .penalty, source: .complaint,
                                                                     parties: [NewCase.Party(kind: .person, name: "李四")], officers: []),
                                                             by: try await world.actor("scj.gongshi")) } throws: { "role.missing" ~= $0 }
        }
    }

    @Test("STD-4: the simple procedure — 200 yuan for a person, on-site collection up to 100 yuan, no notice period")
    func simpleProcedure() async throws {
        try await DemoWorld.beforeHolidays { world in
            let driver = try await CaseDriver.open(in: world, simple: true, title: "占道经营")
            #expect(try await driver.current().number == "元市监简〔2026〕2号")
            try await driver.video()
            try await driver.complete()
            let tooMuch = try await driver.submitted(.simpleDecision, ["fine": "300"])
            await #expect { try await world.sunlight.cases.signDocument(tooMuch.id, by: try await world.actor("scj.wangfang")) } throws: { "case.simple_limit" ~= $0 }
            await #expect { try await driver.submitted(.penaltyDecision) } throws: { "case.document_stage" ~= $0 }
            let decision = try await driver.issue(.simpleDecision, ["fine": "150"])
            try await driver.complete()
            try await driver.serve(decision, on: "2026-09-21")
            try await driver.complete()
            let officer = try await world.actor("scj.zhangwei")
            await #expect {
                try await world.sunlight.cases.recordPayment(case: driver.id, amount: 150, paidOn: world.clock.today, method: .onSite, receipt: nil, by: officer)
            } throws: { "case.onsite_collection" ~= $0 }
            _ = try await world.sunlight.cases.recordPayment(case: driver.id, amount: 150, paidOn: world.clock.today, method: .electronic, receipt: nil, by: officer)
            try await driver.complete()
            let archived = try await driver.complete()
            #expect(archived.status == .archived)
        }
    }

    @Test("REC-13/REC-17: the item sets the decision period; suspension stops the clock; an officer asks, a head approves, a second extension only after a recorded collective discussion")
    func clocksAndExtensions() async throws {
        try await DemoWorld.beforeHolidays { world in
            let head = try await world.actor("scj.wangfang"), officer = try await world.actor("scj.zhangwei")
            await #expect { try await CaseDriver.open(in: world, decisionDays: 30) } throws: { "case.decision_days" ~= $0 }
            let driver = try await CaseDriver.open(in: world)
            var clock = try await world.sunlight.cases.caseDetail(driver.id, by: head).clocks.first { $0.kind == "decision" }
            #expect(clock?.due == CivilDate(iso: "2026-12-21"), "the item's 90 days: 21 Sep + 90 days = 20 Dec, a Sunday → Monday")
            await #expect { try await world.sunlight.cases.changeCaseStatus(case: driver.id, to: .suspended, reason: "等待检验结果", by: officer) }
                throws: { "role.missing" ~= $0 }
            _ = try await world.sunlight.cases.changeCaseStatus(case: driver.id, to: .suspended, reason: "等待检验结果", by: head)
            await #expect { try await driver.issue(.openingApproval) } throws: { "case.not_open" ~= $0 }
            driver.day("2026-09-28")
            _ = try await world.sunlight.cases.changeCaseStatus(case: driver.id, to: .resumed, reason: "检验结果已出", by: head)
            func pending() async throws -> UUID {
                let events = try await world.sunlight.store.cases.events(of: driver.id)
                guard let request = CaseTimeLimits.pending(.extensionRequested, in: events).last else { throw SunlightError.notFound("延长申请") }
                return request.id
            }
            _ = try await world.sunlight.cases.requestExtension(case: driver.id, days: 30, reason: "案情复杂，需要补充调查", by: officer)
            await #expect { try await world.sunlight.cases.approveExtension(case: driver.id, request: try await pending(), by: officer) }
                throws: { "role.missing" ~= $0 }
            _ = try await world.sunlight.cases.approveExtension(case: driver.id, request: try await pending(), by: head)
            _ = try await world.sunlight.cases.requestExtension(case: driver.id, days: 10, reason: "仍需补充调查", by: officer)
            await #expect { try await world.sunlight.cases.approveExtension(case: driver.id, request: try await pending(), by: head) }
                throws: { "case.extension_discussion" ~= $0 }
            let discussion = CollectiveDiscussion(participants: ["王芳", "李强", "赵明"], minutes: "一致同意再延长 10 日，补充调查进货来源。",
                                                  outcome: .agree, heldOn: world.clock.today)
            _ = try await world.sunlight.cases.approveExtension(case: driver.id, request: try await pending(), discussion: discussion, by: head)
            clock = try await world.sunlight.cases.caseDetail(driver.id, by: head).clocks.first { $0.kind == "decision" }
            #expect(clock?.due == CivilDate(iso: "2027-02-05"), "90 + 7 suspended + 40 extended days, provisional across 2027")
            #expect(clock?.basis.contains("扣除 7 日，延长 40 日") == true)
            let extended = try await world.sunlight.store.cases.events(of: driver.id).filter { $0.kind == .extended }
            #expect(extended.last?.data["participants"] == "王芳、李强、赵明" && extended.last?.data["minutes"]?.isEmpty == false)
        }
    }

    @Test("REC-11: a classified case is read only by its active officers, heads, legal reviewers and supervisors who give a reason; every read is logged")
    func classified() async throws {
        try await DemoWorld.beforeHolidays { world in
            let driver = try await CaseDriver.open(in: world)
            _ = try await world.sunlight.cases.classifyCase(case: driver.id, as: .commercial, reason: "涉及当事人配方等商业秘密", by: try await world.actor("scj.wangfang"))
            let clerk = try await world.actor("scj.gongshi")
            await #expect { try await world.sunlight.cases.caseDetail(driver.id, by: clerk) } throws: { error in
                (error as? SunlightError)?.rule == .rec11
            }
            let list = try await world.sunlight.cases.cases(by: clerk)
            #expect(list.first { $0.enforcementCase.id == driver.id }?.readable == false)
            #expect(list.first { $0.enforcementCase.id == driver.id }?.title.contains("销售") == false)
            // A supervisor states a reason first (issue 15 item 6); the reason is logged.
            let supervisor = try await world.actor("jiandu")
            await #expect { try await world.sunlight.cases.caseDetail(driver.id, by: supervisor) } throws: { "case.classified_reason" ~= $0 }
            try await world.sunlight.cases.giveClassifiedReadReason(case: driver.id, reason: "办理投诉举报，核查案卷", by: supervisor)
            _ = try await world.sunlight.cases.caseDetail(driver.id, by: supervisor)
            #expect(try await world.accessLog().contains { $0.resourceType == ClassifiedAccess.reasonResource && $0.summary.contains("核查案卷") })
            _ = try await world.sunlight.cases.caseDetail(driver.id, by: try await world.actor("scj.fazhi"))
            await #expect { try await world.sunlight.cases.caseDetail(driver.id, by: try await world.actor("daj.chenming")) } throws: { "scope.outside" ~= $0 }
            let log = try await world.accessLog().filter { $0.resourceType == "case" && $0.resourceID == driver.id.uuidString }
            #expect(log.contains { $0.action == .denied && $0.actorName.contains("陈静") })
            #expect(log.contains { $0.action == .read && $0.summary.contains("涉及商业秘密") && $0.actorName.contains("李秀英") })
        }
    }

    @Test("REC-11, REC-7: an officer who recused themselves no longer reads the classified case they left (issue 15 item 6)")
    func recusedOfficerLosesClassifiedAccess() async throws {
        try await DemoWorld.beforeHolidays { world in
            let driver = try await CaseDriver.open(in: world)
            let head = try await world.actor("scj.wangfang")
            let third = try await world.user("scj.zhaolei")
            try await world.sunlight.organisations.addCertificate(EnforcementCertificate(
                holderID: third.id, number: "53232800199", categories: [.penalty], region: "元谋县",
                validFrom: world.clock.today.adding(days: -30), validUntil: world.clock.today.adding(days: 700)), by: .console("test"))
            try await world.sunlight.cases.assignOfficer(case: driver.id, officer: third.id, by: head)
            _ = try await world.sunlight.cases.classifyCase(case: driver.id, as: .private, reason: "涉及当事人家庭隐私", by: head)
            let officer = try await world.actor("scj.zhaolei")
            _ = try await world.sunlight.cases.caseDetail(driver.id, by: officer)
            try await world.sunlight.cases.recuseOfficer(case: driver.id, officer: third.id, reason: "系当事人近亲属，依法回避", by: head)
            await #expect { try await world.sunlight.cases.caseDetail(driver.id, by: officer) } throws: { "case.classified" ~= $0 }
        }
    }

    @Test("REC-8/REC-9: evidence needs its source, a verified copy and the party's confirmation; interference is kept unchangeable")
    func evidenceAndInterference() async throws {
        try await DemoWorld.onDatabase(today: CivilDate(iso: "2026-09-21")!) { world in
            let officer = try await world.actor("scj.zhangwei")
            let driver = try await CaseDriver.open(in: world)
            let copy = NewCaseEvidence(kind: .documentary, description: "进货票据复印件", source: "当事人提供", original: false,
                                       confirmedBy: "王小明", confirmedOn: world.clock.today)
            await #expect { try await world.sunlight.cases.recordCaseEvidence(case: driver.id, copy, by: officer) } throws: { error in
                (error as? SunlightError)?.field == "copyVerified" && (error as? SunlightError)?.rule == .rec8
            }
            var verified = copy
            verified.copyVerified = true
            let evidence = try await world.sunlight.cases.recordCaseEvidence(case: driver.id, verified, by: officer)
            #expect(evidence.copyVerified && evidence.stage == "opening")
            let blob = try world.storeBlob([1, 2, 3, 4])
            var bad = verified
            bad.confirmedBy = ""
            await #expect {
                try await world.sunlight.cases.recordCaseEvidence(case: driver.id, bad, upload: (try await world.evidence(), blob), by: officer)
            } throws: { error in (error as? SunlightError)?.field == "confirmedBy" }
            #expect(try world.sunlight.blobs.list().isEmpty, "a refused upload leaves no file behind")
            #expect(try await world.sunlight.store.evidence.list(in: [world.market.id], limit: 10).isEmpty)

            let record = try await world.sunlight.cases.recordInterference(case: driver.id, occurredOn: world.clock.today, source: "某局干部李某",
                                                                      means: "电话", content: "来电要求对当事人从轻处理，已拒绝并记录", by: officer)
            await #expect(throws: (any Error).self) { try await world.host.execute("UPDATE case_interference SET content = 'x'") }
            await #expect(throws: (any Error).self) { try await world.host.execute("DELETE FROM case_interference") }
            #expect(try await world.sunlight.cases.caseDetail(driver.id, by: officer).interference.map(\.content) == [record.content])
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("REC-3: the audio/video list is configurable per organisation, and logged")
    func audioVideoList() async throws {
        try await DemoWorld.beforeHolidays { world in
            let head = try await world.actor("scj.wangfang")
            #expect(try await world.sunlight.cases.audioVideoStages(organisation: world.market.id, category: .penalty) == ["investigation", "hearing", "delivery"])
            _ = try await world.sunlight.cases.setAudioVideoRequirement(category: .penalty, stage: "opening", required: true, by: head)
            _ = try await world.sunlight.cases.setAudioVideoRequirement(category: .penalty, stage: "delivery", required: false, by: head)
            #expect(try await world.sunlight.cases.audioVideoStages(organisation: world.market.id, category: .penalty) == ["opening", "investigation", "hearing"])
            await #expect { try await world.sunlight.cases.setAudioVideoRequirement(category: .penalty, stage: "opening", required: false,
                                                                             by: try await world.actor("scj.zhangwei")) } throws: { "role.missing" ~= $0 }
            let driver = try await CaseDriver.open(in: world)
            try await driver.issue(.openingApproval)
            await #expect { try await driver.complete() } throws: { "case.audio_video_missing" ~= $0 }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("REC-13: the officer's home page lists documents to sign and clocks due soon or overdue")
    func tasks() async throws {
        try await DemoWorld.beforeHolidays { world in
            let driver = try await CaseDriver.open(in: world)
            let approval = try await driver.submitted(.openingApproval)
            let link = RecordRef.document(approval.id)
            let head = try await world.actor("scj.wangfang"), lina = try await world.actor("scj.lina")
            let headTasks = try await world.sunlight.tasks(for: head)
            #expect(headTasks.contains { $0.title == "审签立案审批表" && $0.link == link })
            driver.day("2026-12-18")
            let number = try await driver.current().number
            let dueSoon = try await world.sunlight.tasks(for: lina).filter { $0.title == "\(number)：作出处罚决定" }
            #expect(dueSoon.map(\.state) == [.dueSoon] && dueSoon.map(\.due) == [CivilDate(iso: "2026-12-21")])
            driver.day("2026-12-22")
            let overdue = try await world.sunlight.tasks(for: lina).filter { $0.title == "\(number)：作出处罚决定" }
            #expect(overdue.map(\.state) == [.overdue])
        }
    }

    @Test("REC-6: a document refused at signature goes back to draft, returned by the head or withdrawn by its drafter, and is revised")
    func returnDocument() async throws {
        try await DemoWorld.beforeHolidays { world in
            let driver = try await CaseDriver.open(in: world)
            let submitted = try await driver.submitted(.openingApproval)
            await #expect { try await world.sunlight.cases.returnDocument(submitted.id, reason: "事实不清", by: try await world.actor("scj.gongshi")) }
                throws: { "role.missing" ~= $0 }
            let returned = try await world.sunlight.cases.returnDocument(submitted.id, reason: "立案依据引用条款有误", by: try await world.actor("scj.wangfang"))
            #expect(returned.status == .draft)
            let revised = try await world.sunlight.cases.reviseDocument(submitted.id, fields: DocumentType.openingApproval.sampleFields(["basis": "第一百二十四条"]),
                                                                  by: try await world.actor("scj.zhangwei"))
            #expect(revised.fields["basis"] == "第一百二十四条")
            let log = try await world.accessLog()
            #expect(log.contains { $0.summary.contains("退回（立案依据引用条款有误）") })
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("CAL-4/REC-13: a clock falling in a year whose holidays are not loaded has a provisional date and a state, and says why")
    func clockOutsideCalendar() async throws {
        try await DemoWorld.with { world in
            let driver = try await CaseDriver.open(in: world)
            let clock = try await world.sunlight.cases.caseDetail(driver.id, by: try await world.actor("scj.zhangwei")).clocks.first { $0.kind == "decision" }
            #expect(clock?.due != nil && clock?.state == .onTime && clock?.provisional == true)
            #expect(clock?.problem?.contains("暂定：2027 年节假日安排尚未加载") == true, "\(String(describing: clock?.problem))")
        }
    }

    @Test("REC-3/STD-4: the simple procedure's audio/video list is set apart from the general procedure's")
    func simpleAudioVideoList() async throws {
        try await DemoWorld.beforeHolidays { world in
            let head = try await world.actor("scj.wangfang")
            try await world.sunlight.cases.setAudioVideoRequirement(category: .penalty, stage: "onsite_notice", simple: true, required: false, by: head)
            try await world.sunlight.cases.setAudioVideoRequirement(category: .penalty, stage: "delivery", simple: true, required: true, by: head)
            #expect(try await world.sunlight.cases.audioVideoStages(organisation: world.market.id, category: .penalty, simple: true) == ["delivery"])
            #expect(try await world.sunlight.cases.audioVideoStages(organisation: world.market.id, category: .penalty) == ["investigation", "hearing", "delivery"])
            await #expect { try await world.sunlight.cases.setAudioVideoRequirement(category: .penalty, stage: "onsite_notice", required: true, by: head) }
                throws: { error in (error as? SunlightError)?.field == "stage" }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }
}
