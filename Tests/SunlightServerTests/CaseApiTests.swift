import Foundation
import SunlightCore
import SunlightLedger
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("案件接口 /api/v1/cases REC-1..13 STD-3 STD-4")
struct CaseApiTests {
    @Test("REC-1..13, STD-3: a penalty case from opening to archive through the API, with a real body-camera video, across 中秋 and 国庆; every gate refuses first")
    func fullPenaltyCase() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            // given: the demo bureau on Monday 21 September 2026
            let api = try await CaseApiClient.make(server)
            let opened = try await api.openCase()
            let id = try #require(opened[string: "id"])
            #expect(opened[string: "number"] == "元市监立〔2026〕2号", "the demo's own case is the first")
            #expect(opened[string: "stage"] == "opening" && opened[string: "status"] == "open" && opened["decisionDays"] as? Int == 90)
            var detail = try await api.detail(id)
            let decisionClock = detail[objects: "clocks"].first
            #expect(decisionClock?[string: "kind"] == "decision" && decisionClock?[string: "due"] == "2026-12-21", "21 Sep + 90 days = 20 Dec, a Sunday")
            #expect(decisionClock?[string: "rule"] == "REC-13")
            #expect(detail[object: "blocker"]?[string: "rule"] == "REC-2")
            #expect(Set(detail[objects: "officers"].compactMap { $0[string: "username"] }) == ["scj.zhangwei", "scj.lina"])
            #expect(detail[objects: "officers"].allSatisfy { $0["eligible"] as? Bool == true })

            // 立案: no stage without its document (REC-2); the approval carries the case number.
            try await api.completionRefused(id, code: "case.document_missing", rule: "REC-2")
            let approval = try await api.issue(id, .openingApproval)
            #expect(approval[string: "number"] == "元市监立〔2026〕2号" && approval[string: "status"] == "issued")
            #expect(try await api.complete(id)[string: "stage"] == "investigation")

            // 调查取证: records checked by the second officer, the report, and the video (REC-3, REC-4, REC-7, REC-8).
            let inquiry = try await api.submitted(id, .inquiryRecord)
            try await api.refused(.POST, "/api/v1/documents/\(inquiry)/sign", code: "case.document_signer", rule: "REC-6")
            try await api.ok(.POST, "/api/v1/documents/\(inquiry)/sign", as: "scj.lina")
            #expect(try await api.ok(.POST, "/api/v1/documents/\(inquiry)/issue")[string: "status"] == "issued")
            try await api.refused(.PUT, "/api/v1/documents/\(inquiry)", ["fields": DocumentType.inquiryRecord.sampleFields()],
                                  code: "case.document_locked", rule: "REC-6")
            try await api.issue(id, .investigationReport)
            try await api.completionRefused(id, code: "case.audio_video_missing", rule: "REC-3")
            let video = try await api.recordBodycamVideo()
            let videoID = try #require(video[string: "id"])
            #expect(video[string: "sha256"] == LedgerHash.sha256(try CaseApiClient.bodycamVideo()).hex)
            #expect(video["size"] as? Int == 18562 && video[string: "device"] == "执法记录仪 DSJ-0032")
            let evidence = try await api.attach(videoID, to: id)
            #expect(evidence[string: "stage"] == "investigation" && evidence[string: "fileID"] == videoID)
            let lina = try await api.user("scj.lina")
            try await api.refused(.POST, "/api/v1/cases/\(id)/officers/\(lina)/recusal", as: "scj.wangfang", ["reason": "系当事人近亲属"],
                                  code: "case.officers", rule: "REC-7")
            #expect(try await api.complete(id)[string: "stage"] == "notice")

            // 事先告知 on Tuesday 22 September; the 5 working days to ask for a hearing skip 中秋 and end on 30 September.
            api.day("2026-09-22")
            let item = try await api.foodSafetyItem()
            try await api.refused(.PUT, "/api/v1/discretion-benchmarks", ["item": item, "circumstance": "general", "minFine": 50_000, "maxFine": 70_000],
                                  status: .forbidden, code: "role.missing", rule: nil)
            let benchmark = try await api.ok(.PUT, "/api/v1/discretion-benchmarks", as: "scj.wangfang", [
                "item": item, "circumstance": "general", "minFine": 50_000, "maxFine": 70_000, "measures": "没收违法所得"])
            #expect(benchmark[string: "circumstanceName"] == "一般")
            let notice = try await api.issue(id, .penaltyNotice, ["fine": "60000", "hearing": "yes"])
            #expect(notice[string: "number"] == "元市监罚告〔2026〕1号" && notice[string: "issuedOn"] == "2026-09-22")
            try await api.completionRefused(id, code: "case.notice_not_served", rule: "REC-14")
            try await api.issue(id, .deliveryReceipt, ["document": try #require(notice[string: "id"]), "recipient": "王小明", "date": "2026-09-22"])
            let noticePeriod = try await api.completionRefused(id, code: "case.notice_period", rule: "REC-13")
            #expect(noticePeriod.contains("2026-09-30"))
            api.day("2026-10-08")
            try await api.refused(.POST, "/api/v1/cases/\(id)/responses", ["kind": "hearing_requested", "on": "2026-10-08"],
                                  code: "case.hearing_late", rule: "REC-13")
            try await api.ok(.POST, "/api/v1/cases/\(id)/responses", ["kind": "hearing_requested", "on": "2026-09-30", "note": "当事人书面要求听证"])
            #expect(try await api.complete(id)[string: "stage"] == "hearing")

            // 听证: noticed at least 7 working days ahead (8 Oct → earliest 16 Oct, 10 Oct being a make-up working Saturday).
            let early = try await api.submitted(id, .hearingNotice, ["date": "2026-10-15"])
            let tooEarly = try await api.refused(.POST, "/api/v1/documents/\(early)/sign", as: "scj.wangfang", code: "case.hearing_notice", rule: "REC-13")
            #expect(tooEarly.contains("2026-10-16"))
            let hearingNotice = try await api.issue(id, .hearingNotice, ["date": "2026-10-16"])
            #expect(hearingNotice[string: "number"] == "元市监听通〔2026〕1号")
            try await api.completionRefused(id, code: "case.document_missing", rule: "REC-2")
            api.day("2026-10-16")
            try await api.issue(id, .hearingRecord)
            try await api.completionRefused(id, code: "case.audio_video_missing", rule: "REC-3")
            try await api.ok(.POST, "/api/v1/cases/\(id)/audio-video-exemptions", ["reason": "听证室录音录像设备故障，已制作书面听证笔录并经当事人签字"])
            try await api.refused(.POST, "/api/v1/cases/\(id)/audio-video-exemptions/approve", status: .forbidden, code: "role.missing", rule: nil)
            try await api.ok(.POST, "/api/v1/cases/\(id)/audio-video-exemptions/approve", as: "scj.wangfang")
            try await api.ok(.POST, "/api/v1/cases/\(id)/deductions", ["reason": "hearing", "from": "2026-09-30", "to": "2026-10-16",
                                                                    "record": try #require(hearingNotice[string: "id"])])
            let deduction = try #require(try await api.detail(id)[objects: "events"].last { $0[string: "kind"] == "deduction_requested" }?[string: "id"])
            try await api.refused(.POST, "/api/v1/cases/\(id)/deductions/\(deduction)/approve", status: .forbidden, code: "role.missing", rule: nil)
            try await api.ok(.POST, "/api/v1/cases/\(id)/deductions/\(deduction)/approve", as: "scj.wangfang")
            #expect(try await api.complete(id)[string: "stage"] == "review", "heard, and a fine of 60000 yuan: a major decision (REV-2)")

            // 法制审核: the draft decision goes to the legal office with the form and the case's evidence; no decision
            // and no next stage before the review passes (REV-1, REV-3, REV-4).
            try await api.completionRefused(id, code: "review.required", rule: "REV-1")
            detail = try await api.detail(id)
            #expect(detail[objects: "draftableTypes"].contains { $0[string: "type"] == "penalty_decision" })
            let draft = try await api.ok(.POST, "/api/v1/cases/\(id)/documents", ["type": "penalty_decision", "fields": DocumentType.penaltyDecision.sampleFields([
                "fine": "40000", "circumstance": "general", "deviationReason": "当事人主动消除违法后果，依法从轻处罚"])], status: .created)
            let decisionID = try #require(draft[string: "id"])
            let requirement = try #require(try await api.ok(.GET, "/api/v1/documents/\(decisionID)/review")[object: "requirement"])
            #expect(requirement["required"] as? Bool == true && requirement[objects: "matched"].map { $0[string: "code"] } == ["R2", "R6"])
            let round = try await api.submitForReview(decisionID)
            #expect(round["number"] as? Int == 1 && round[object: "submission"]?[string: "dueOn"] == "2026-10-21")
            try await api.completionRefused(id, code: "review.pending", rule: "REV-1")
            #expect(try await api.opinion(try #require(round[string: "id"]))[string: "state"] == "approved")
            #expect(try await api.complete(id)[string: "stage"] == "decision")

            // 决定: not heavier than notified (art. 45), within the benchmark or with a written reason (STD-3): each
            // draft's own legal checks refuse first, before the review gate (REV-1).
            detail = try await api.detail(id)
            #expect(detail[objects: "benchmarks"].map { $0["minFine"] as? Int } == [20_000, 50_000, 70_000, 90_000], "the demo's four circumstances")
            #expect(detail[objects: "draftableTypes"].contains { $0[string: "type"] == "penalty_decision" })
            let heavier = try await api.submitted(id, .penaltyDecision, ["fine": "80000", "circumstance": "general"])
            try await api.refused(.POST, "/api/v1/documents/\(heavier)/sign", as: "scj.wangfang", code: "case.heavier_than_notice", rule: "REC-15")
            let unexplained = try await api.submitted(id, .penaltyDecision, ["fine": "40000", "circumstance": "general"])
            let discretion = try await api.refused(.POST, "/api/v1/documents/\(unexplained)/sign", as: "scj.wangfang", code: "case.discretion", rule: "STD-3")
            #expect(discretion.contains("50000–70000"))
            try await api.ok(.POST, "/api/v1/documents/\(decisionID)/submit")
            try await api.ok(.POST, "/api/v1/documents/\(decisionID)/sign", as: "scj.wangfang")
            let decision = try await api.ok(.POST, "/api/v1/documents/\(decisionID)/issue")
            #expect(decision[string: "number"] == "元市监罚〔2026〕1号")
            #expect(decision[object: "fields"]?[string: "discretionFlag"] == "yes")
            #expect(try await api.complete(id)[string: "stage"] == "delivery")

            // 送达 within 7 working days; then 15 days to pay.
            detail = try await api.detail(id)
            #expect(detail[objects: "clocks"].map { [$0[string: "kind"], $0[string: "due"]] } == [["delivery", "2026-10-27"]])
            try await api.issue(id, .deliveryReceipt, ["document": decisionID, "recipient": "王小明", "date": "2026-10-16"])
            try await api.attach(videoID, to: id, description: "执法记录仪录像：直接送达处罚决定书")
            #expect(try await api.complete(id)[string: "stage"] == "execution")
            detail = try await api.detail(id)
            #expect(detail[objects: "clocks"].map { [$0[string: "kind"], $0[string: "due"]] } == [["payment", "2026-11-02"]],
                    "16 Oct + 15 days = 31 Oct, a Saturday → Monday 2 Nov")

            // 执行: paid three days late, so 3% a day on top (art. 72); not on the spot above 100 yuan (art. 68).
            api.day("2026-11-05")
            try await api.completionRefused(id, code: "case.not_executed", rule: "REC-1")
            let short = try await api.refused(.POST, "/api/v1/cases/\(id)/payments", ["amount": 40_000, "paidOn": "2026-11-05", "method": "bank"],
                                              code: "case.payment_amount", rule: "REC-13")
            #expect(short.contains("加处罚款 3600 元"))
            try await api.refused(.POST, "/api/v1/cases/\(id)/payments", ["amount": 43_600, "paidOn": "2026-11-05", "method": "onsite"],
                                  code: "case.onsite_collection", rule: "STD-4")
            try await api.ok(.POST, "/api/v1/cases/\(id)/payments", ["amount": 43_600, "paidOn": "2026-11-05", "method": "bank",
                                                                     "receipt": "非税收入缴款书 No.0001"])
            #expect(try await api.complete(id)[string: "stage"] == "closing")

            // 结案 and 归档.
            try await api.issue(id, .closingReport)
            let closed = try await api.complete(id)
            #expect(closed[string: "status"] == "closed" && closed[string: "stage"] == "archiving")
            let archived = try await api.complete(id)
            #expect(archived[string: "status"] == "archived" && archived[string: "stage"] == "done")

            // then: the whole record reads back, and the log verifies.
            detail = try await api.detail(id)
            let events = detail[objects: "events"]
            #expect(events.first?[string: "kind"] == "opened" && events.last?[string: "kind"] == "archived")
            #expect(!events.contains { $0[string: "kind"] == "stage_skipped" }, "heard and reviewed: no stage skipped")
            let paid = try #require(events.first { $0[string: "kind"] == "paid" })
            #expect(paid[object: "data"]?[string: "surcharge"] == "3600" && paid[string: "on"] == "2026-11-05")
            #expect(events.contains { $0[string: "kind"] == "hearing_requested" && $0[string: "on"] == "2026-09-30" })
            #expect(detail[objects: "stages"].filter { $0[string: "state"] == "done" }.count == 10, "all ten, 法制审核 included")
            #expect(detail[objects: "parties"].first?[string: "name"] == "王小明", "readers see the party unsealed")
            #expect(detail[objects: "evidence"].map { $0[string: "stage"] } == ["investigation", "delivery"])
            #expect(detail[objects: "evidence"].first?[object: "file"]?[string: "sha256"] == video[string: "sha256"])
            #expect(detail[objects: "clocks"].isEmpty && detail["blocker"] == nil)
            let documents = detail[objects: "documents"].filter { $0[string: "status"] == "issued" }.compactMap { $0[string: "number"] }
            #expect(documents == ["元市监立〔2026〕2号", "元市监罚告〔2026〕1号", "元市监听通〔2026〕1号", "元市监罚〔2026〕1号"])
            let document = try await api.ok(.GET, "/api/v1/documents/\(try #require(decision[string: "id"]))")
            #expect(document[string: "caseNumber"] == "元市监立〔2026〕2号" && document[object: "form"]?[string: "name"] == "行政处罚决定书")
            #expect(try await server.app.sunlight.cases.verify().isClean)
        }
    }

    @Test("STD-4: the simple procedure refuses a fine above 200 yuan for a person, and on-site collection above 100 yuan")
    func simpleProcedure() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server)
            let opened = try await api.openCase(simple: true, title: "占道经营")
            let id = try #require(opened[string: "id"])
            #expect(opened[string: "number"] == "元市监简〔2026〕2号" && opened[string: "stage"] == "onsite_notice")
            try await api.completionRefused(id, code: "case.audio_video_missing", rule: "REC-3")
            try await api.ok(.POST, "/api/v1/cases/\(id)/audio-video-exemptions", ["reason": "执法记录仪电量耗尽，已由两名执法人员书面记录"])
            try await api.ok(.POST, "/api/v1/cases/\(id)/audio-video-exemptions/approve", as: "scj.wangfang")
            try await api.complete(id)
            try await api.refused(.POST, "/api/v1/cases/\(id)/documents", ["type": "penalty_decision", "fields": DocumentType.penaltyDecision.sampleFields()],
                                  code: "case.document_stage", rule: "REC-1")
            let tooMuch = try await api.submitted(id, .simpleDecision, ["fine": "300"])
            let message = try await api.refused(.POST, "/api/v1/documents/\(tooMuch)/sign", as: "scj.wangfang", code: "case.simple_limit", rule: "STD-4")
            #expect(message.contains("200"))
            let simpleDecision = try await api.issue(id, .simpleDecision, ["fine": "150"])
            try await api.complete(id)
            try await api.issue(id, .deliveryReceipt, ["document": try #require(simpleDecision[string: "id"]), "date": "2026-09-21"])
            try await api.complete(id)
            try await api.refused(.POST, "/api/v1/cases/\(id)/payments", ["amount": 150, "paidOn": "2026-09-21", "method": "onsite"],
                                  code: "case.onsite_collection", rule: "STD-4")
            try await api.ok(.POST, "/api/v1/cases/\(id)/payments", ["amount": 150, "paidOn": "2026-09-21", "method": "electronic"])
            try await api.complete(id)
            #expect(try await api.complete(id)[string: "status"] == "archived")
        }
    }

    @Test("REC-7: a case is opened only with two certified officers of the bureau; an expired certificate cannot be assigned")
    func officers() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server)
            let body: (([String]) -> [String: Any]) = { officers in
                ["title": "无证经营", "category": "penalty", "source": "complaint", "violationOn": "2026-09-01", "parties": [["kind": "person", "name": "李四"]],
                 "officers": officers]
            }
            try await api.refused(.POST, "/api/v1/cases", body([]), code: "case.officers", rule: "REC-7")
            let expired = try await api.refused(.POST, "/api/v1/cases", body([try await api.user("scj.zhaolei")]), rule: "REC-7")
            #expect(expired.contains("过期"))
            try await api.refused(.POST, "/api/v1/cases", body([try await api.user("daj.chenming")]), code: "case.officer_organisation", rule: "REC-7")
            try await api.refused(.POST, "/api/v1/cases", as: "scj.gongshi", body([try await api.user("scj.lina")]),
                                  status: .forbidden, code: "role.missing", rule: nil)
            #expect(try await api.ok(.GET, "/api/v1/cases")[objects: "items"].count == 2, "nothing was opened besides the demo's two cases")

            let id = try #require(try await api.openCase()[string: "id"])
            try await api.refused(.POST, "/api/v1/cases/\(id)/officers", as: "scj.wangfang", ["userID": try await api.user("scj.zhaolei")], rule: "REC-7")
            try await api.refused(.POST, "/api/v1/cases/\(id)/officers", ["userID": try await api.user("scj.fazhi")], status: .forbidden,
                                  code: "role.missing", rule: nil)
            let lina = try await api.user("scj.lina")
            try await api.refused(.POST, "/api/v1/cases/\(id)/officers/\(lina)/recusal", as: "scj.wangfang", ["reason": "与当事人有利害关系"],
                                  code: "case.officers", rule: "REC-7")
            #expect(try await api.detail(id)[objects: "officers"].allSatisfy { $0["active"] as? Bool == true })
        }
    }

    @Test("REC-1, REC-9, REC-13: the head suspends, resumes and extends; preservation, interference and the clocks read back")
    func headActions() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server)
            let id = try #require(try await api.openCase()[string: "id"])
            let status = "/api/v1/cases/\(id)/status"
            try await api.refused(.POST, status, ["action": "suspend", "reason": "等待检验结果"], status: .forbidden, code: "role.missing", rule: nil)
            #expect(try await api.ok(.POST, status, as: "scj.wangfang", ["action": "suspend", "reason": "等待检验结果"])[string: "status"] == "suspended")
            try await api.refused(.POST, "/api/v1/cases/\(id)/documents", ["type": "opening_approval", "fields": DocumentType.openingApproval.sampleFields()],
                                  code: "case.not_open", rule: "REC-1")
            api.day("2026-09-28")
            #expect(try await api.ok(.POST, status, as: "scj.wangfang", ["action": "resume", "reason": "检验结果已出"])[string: "status"] == "open")
            func pendingExtension() async throws -> String {
                try #require(try await api.detail(id)[objects: "events"].last { $0[string: "kind"] == "extension_requested" }?[string: "id"])
            }
            try await api.ok(.POST, "/api/v1/cases/\(id)/extensions", ["days": 30, "reason": "案情复杂，需要补充调查"])
            try await api.ok(.POST, "/api/v1/cases/\(id)/extensions/\(try await pendingExtension())/approve", as: "scj.wangfang", [:])
            try await api.ok(.POST, "/api/v1/cases/\(id)/extensions", ["days": 10, "reason": "仍需补充调查"])
            try await api.refused(.POST, "/api/v1/cases/\(id)/extensions/\(try await pendingExtension())/approve", as: "scj.wangfang", [:],
                                  code: "case.extension_discussion", rule: "REC-17")
            try await api.ok(.POST, "/api/v1/cases/\(id)/extensions/\(try await pendingExtension())/approve", as: "scj.wangfang",
                             ["participants": ["王芳", "李强", "赵明"], "minutes": "一致同意再延长 10 日。"])
            try await api.ok(.POST, "/api/v1/cases/\(id)/preservations", ["items": "过期食品 12 箱，就地登记保存"])
            var detail = try await api.detail(id)
            let decision = try #require(detail[objects: "clocks"].first { $0[string: "kind"] == "decision" })
            #expect(decision[string: "due"] == "2027-02-05" && decision[string: "basis"]?.contains("扣除 7 日，延长 40 日") == true,
                    "21 Sep + 90 + 7 suspended + 40 extended days, provisional across 2027")
            #expect(decision["provisional"] as? Bool == true)
            let preserved = try #require(detail[objects: "events"].last { $0[string: "kind"] == "evidence_preserved" })
            let sevenWorkingDays = try await server.app.sunlight.calendar.deadline(from: CivilDate(iso: "2026-09-28")!, .workingDays(7)).due
            #expect(sevenWorkingDays == CivilDate(iso: "2026-10-13"), "国庆 1–7 Oct are skipped, Saturday 10 Oct is worked")
            #expect(detail[objects: "clocks"].contains { $0[string: "kind"] == "preservation" && $0[string: "due"] == sevenWorkingDays.iso })
            try await api.ok(.POST, "/api/v1/cases/\(id)/preservations", ["items": "经检验不合格，予以没收", "handles": try #require(preserved[string: "id"])])
            let interference = try await api.ok(.POST, "/api/v1/cases/\(id)/interference", [
                "occurredOn": "2026-09-28", "source": "某局干部李某", "means": "电话", "content": "来电要求对当事人从轻处理，已拒绝并记录"], status: .created)
            detail = try await api.detail(id, as: "scj.wangfang")
            #expect(!detail[objects: "clocks"].contains { $0[string: "kind"] == "preservation" })
            #expect(detail[objects: "interference"].map { $0[string: "id"] } == [interference[string: "id"]])
            let kinds = detail[objects: "events"].compactMap { $0[string: "kind"] }
            #expect(kinds == ["opened", "suspended", "resumed", "extension_requested", "extended", "extension_requested", "extended", "evidence_preserved",
                     "preservation_handled"])
            #expect(try await server.app.sunlight.cases.verify().isClean)
        }
    }

    @Test("REC-3, STD-3: the audio/video list and discretion benchmarks are read by staff and set by the head")
    func settings() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server)
            func required(_ list: [String: Any]) -> [String] {
                list[objects: "stages"].filter { $0["required"] as? Bool == true }.compactMap { $0[string: "stage"] }
            }
            #expect(required(try await api.ok(.GET, "/api/v1/audio-video-list?category=penalty")) == ["investigation", "hearing", "delivery"])
            #expect(required(try await api.ok(.GET, "/api/v1/audio-video-list?category=penalty&simple=true")) == ["onsite_notice"])
            try await api.refused(.PUT, "/api/v1/audio-video-list", ["category": "penalty", "stage": "opening", "required": true],
                                  status: .forbidden, code: "role.missing", rule: nil)
            let changed = try await api.ok(.PUT, "/api/v1/audio-video-list", as: "scj.wangfang", ["category": "penalty", "stage": "opening", "required": true])
            #expect(required(changed) == ["opening", "investigation", "hearing", "delivery"])
            try await api.refused(.PUT, "/api/v1/audio-video-list", as: "scj.wangfang", ["category": "penalty", "stage": "nowhere", "required": true],
                                  status: .badRequest, rule: "REC-3")
            try await api.refused(.GET, "/api/v1/audio-video-list?category=flying", status: .badRequest, rule: "REC-3")

            let item = try await api.foodSafetyItem()
            try await api.refused(.PUT, "/api/v1/discretion-benchmarks", as: "scj.wangfang",
                                  ["item": item, "circumstance": "serious", "minFine": 90_000, "maxFine": 80_000], status: .badRequest, rule: "STD-3")
            try await api.ok(.PUT, "/api/v1/discretion-benchmarks", as: "scj.wangfang", ["item": item, "circumstance": "serious", "minFine": 70_000, "maxFine": 100_000])
            try await api.ok(.PUT, "/api/v1/discretion-benchmarks", as: "scj.wangfang", ["item": item, "circumstance": "minor", "minFine": 0, "maxFine": 50_000])
            let listed = try await api.ok(.GET, "/api/v1/discretion-benchmarks?item=\(item)", as: "scj.gongshi")
            #expect(listed[objects: "items"].compactMap { $0[string: "circumstance"] } == ["minor", "general", "serious", "severe"])
            #expect(listed[objects: "items"].first { $0[string: "circumstance"] == "serious" }?["maxFine"] as? Int == 100_000, "changed, not added")
            try await api.refused(.GET, "/api/v1/discretion-benchmarks", status: .badRequest, rule: "STD-3")
        }
    }

    @Test("REC-1: malformed JSON, wrong types and unknown IDs are refused (400, 404) and change nothing")
    func badInput() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server)
            let lina = try await api.user("scj.lina")
            let bodies: [(String, String)] = [
                (#"{"title": "#, "不是有效的 JSON"),
                (#"{"title": "无证经营", "category": "penalty", "simple": "yes", "source": "complaint", "parties": [], "officers": ["\#(lina)"]}"#, "simple"),
                (#"{"title": "无证经营", "category": "punishment", "source": "complaint", "parties": [], "officers": ["\#(lina)"]}"#, "category"),
                (#"{"title": "无证经营", "category": "penalty", "source": "complaint", "parties": "李四", "officers": ["\#(lina)"]}"#, "parties"),
                (#"{"title": "无证经营", "category": "penalty", "source": "complaint", "officers": ["\#(lina)"]}"#, "parties"),
                (#"{"title": "无证经营", "category": "penalty", "source": "complaint", "parties": [{"kind": "person", "name": "李四"}], "officers": [42]}"#, "officers"),
            ]
            for (body, fragment) in bodies {
                let message = try await api.refused(.POST, "/api/v1/cases", body, status: .badRequest, code: "input.malformed", rule: nil)
                #expect(message.contains(fragment), "\(body): \(message)")
            }
            #expect(try await api.ok(.GET, "/api/v1/cases")[objects: "items"].count == 2, "only the demo's two cases")

            let id = try #require(try await api.openCase()[string: "id"])
            let before = try await api.detail(id)[objects: "events"].count
            try await api.refused(.POST, "/api/v1/cases/\(id)/status", as: "scj.wangfang", #"{"action": "pause", "reason": "等待检验结果"}"#,
                                  status: .badRequest, code: "input.malformed", rule: nil)
            try await api.refused(.POST, "/api/v1/cases/\(id)/payments", #"{"amount": "很多", "paidOn": "2026-09-21", "method": "bank"}"#,
                                  status: .badRequest, code: "input.malformed", rule: nil)
            try await api.refused(.POST, "/api/v1/cases/\(id)/payments", ["amount": 100, "paidOn": "2026-09-21", "method": "cheque"],
                                  status: .badRequest, code: "input.invalid", rule: "REC-13")
            try await api.refused(.POST, "/api/v1/cases/\(id)/responses", ["kind": "complained", "on": "2026-09-21"],
                                  status: .badRequest, code: "input.invalid", rule: "REC-13")
            try await api.refused(.POST, "/api/v1/cases/\(id)/documents", #"{"type": "opening_approval", "fields": {"facts": 42}}"#,
                                  status: .badRequest, code: "input.malformed", rule: nil)
            try await api.refused(.POST, "/api/v1/cases/\(id)/documents", ["type": "opening_approval", "fields": [String: String]()],
                                  status: .badRequest, code: "input.invalid", rule: "REC-6")
            try await api.refused(.POST, "/api/v1/cases/\(id)/stage/complete", "{", status: .badRequest, code: "input.malformed", rule: nil)
            #expect(try await api.detail(id)[objects: "events"].count == before)
            #expect(try await api.detail(id)[objects: "documents"].isEmpty)

            for path in ["/api/v1/cases/\(UUID().uuidString)", "/api/v1/cases/xyz", "/api/v1/documents/\(UUID().uuidString)"] {
                try await api.refused(.GET, path, status: .notFound, code: "not_found", rule: nil)
            }
            try await api.refused(.POST, "/api/v1/cases/\(UUID().uuidString)/stage/complete", status: .notFound, code: "not_found", rule: nil)
            try await api.refused(.POST, "/api/v1/documents/\(UUID().uuidString)/sign", as: "scj.wangfang", status: .notFound, code: "not_found", rule: nil)
            try await api.refused(.GET, "/api/v1/cases?from=2026-13-01", status: .badRequest, rule: nil)
            try await api.refused(.GET, "/api/v1/cases?status=pending", status: .badRequest, rule: nil)
            let noToken = try await server.api(.GET, "/api/v1/cases", token: nil)
            #expect(noToken.status == .unauthorized)
        }
    }
}
