import Foundation
@testable import SunlightCore
import SunlightDemo
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// The demo archives bureau's major case (擅自销毁建设工程档案): at 法制审核, its draft decision —
/// a fine of 100000 yuan on a company, 较大数额 by the built-in catalogue (R6) — in round 1,
/// pending for 吴敏 (daj.fazhi).
struct ArchivesCase {
    let caseID: String
    let documentID: String
    let roundID: String

    /// The archives bureau's staff besides 陈明, who is in every client.
    static let staff = ["daj.huangli", "daj.zhoujun", "daj.fazhi"]

    static func find(_ api: CaseApiClient) async throws -> ArchivesCase {
        let cases = try await api.ok(.GET, "/api/v1/cases", as: "daj.chenming")[objects: "items"]
        let caseID = try #require(cases.first { $0[string: "title"] == "擅自销毁建设工程档案" }?[string: "id"])
        let detail = try await api.detail(caseID, as: "daj.chenming")
        let documentID = try #require(detail[objects: "documents"].first { $0[string: "type"] == "penalty_decision" }?[string: "id"])
        let review = try await api.ok(.GET, "/api/v1/documents/\(documentID)/review", as: "daj.chenming")
        return ArchivesCase(caseID: caseID, documentID: documentID, roundID: try #require(review[objects: "rounds"].first?[string: "id"]))
    }

    var review: String { "/api/v1/documents/\(documentID)/review" }
    var document: String { "/api/v1/documents/\(documentID)" }
    var round: String { "/api/v1/reviews/\(roundID)" }
    func round(_ id: String) -> String { "/api/v1/reviews/\(id)" }
    var complete: String { "/api/v1/cases/\(caseID)/stage/complete" }

    /// 陈明 sends the draft decision to the head for signature (REC-6).
    func submitForSignature(_ api: CaseApiClient) async throws {
        try await api.ok(.POST, "\(document)/submit", as: "daj.chenming")
    }

    /// The head 周军 returns the document waiting for signature to draft.
    func returnToDraft(_ api: CaseApiClient, reason: String = "请按法制审核意见修改") async throws {
        try await api.ok(.POST, "\(document)/return", as: "daj.zhoujun", ["reason": reason])
    }

    /// 陈明 revises the draft, changing one field.
    func revise(_ api: CaseApiClient, _ key: String, _ value: String) async throws {
        var fields = try #require(try await api.ok(.GET, document, as: "daj.chenming")[object: "document"]?[object: "fields"] as? [String: String])
        fields[key] = value
        try await api.ok(.PUT, document, as: "daj.chenming", ["fields": fields])
    }

    /// The archives bureau's review form.
    static var form: [String: Any] {
        ["facts": "当事人擅自销毁工程档案 46 卷，有档案移交清单、缺失档案目录和当事人书面说明为证。",
         "law": "《中华人民共和国档案法》第四十八条第一项；对单位处一万元以上十万元以下罚款。",
         "hearing": "已告知听证权利，当事人书面放弃听证；陈述申辩已听取。",
         "proposal": "对当事人罚款人民币拾万元。"]
    }
}

@Suite("法制审核接口 /api/v1/reviews REV-1..9")
struct ReviewApiTests {
    @Test("REV-1, REV-4: the head may not sign a major decision before its review passes; the reviewer answers all ten elements and approves; then the stage completes and the decision is signed and issued")
    func gate() async throws {
        try await TestServer.with { server in
            // given: the demo archives bureau's draft decision, submitted for review on Monday 23 November (round 1)
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            let review = try await api.ok(.GET, major.review, as: "daj.chenming")
            let requirement = try #require(review[object: "requirement"])
            #expect(requirement["required"] as? Bool == true && requirement["collectiveDiscussion"] as? Bool == false)
            #expect(requirement[objects: "matched"].map { $0[string: "code"] } == ["R6"] && requirement[string: "summary"]?.contains("R6") == true)
            let first = try #require(review[objects: "rounds"].first)
            #expect(first[string: "state"] == "pending" && first["number"] as? Int == 1)
            #expect(first[object: "submission"]?[string: "dueOn"] == "2026-11-26", "3 working days")
            #expect(first[object: "submission"]?[objects: "evidence"].count == 2, "the case's evidence is attached (REV-3)")

            // when: the head signs before the review is done
            try await major.submitForSignature(api)
            // then: refused, and the 法制审核 stage does not complete
            try await api.refused(.POST, "\(major.document)/sign", as: "daj.zhoujun", code: "review.pending", rule: "REV-1")
            try await api.refused(.POST, major.complete, as: "daj.chenming", code: "review.pending", rule: "REV-1")

            // the reviewer's queue has the round, due on Thursday; the round's page has the checklist and the gate
            let queue = try await api.ok(.GET, "/api/v1/reviews", as: "daj.fazhi")[objects: "items"]
            #expect(queue.count == 1 && queue.first?[object: "round"]?[string: "id"] == major.roundID)
            #expect(queue.first?[string: "dueOn"] == "2026-11-26" && queue.first?[string: "state"] == "on_time" && queue.first?["conflict"] as? Bool == false)
            #expect(queue.first?[object: "case"]?[string: "title"] == "擅自销毁建设工程档案")
            let page = try await api.ok(.GET, major.round, as: "daj.fazhi")
            #expect(page[objects: "checklist"].count == 10 && page[object: "gate"]?[string: "code"] == "review.pending")
            #expect(page["draftUnchanged"] as? Bool == true && page[object: "document"]?[string: "status"] == "review")

            // an opinion must answer every element (REV-4), and cannot approve over a problem (REV-5)
            var nine = CaseApiClient.answers()
            nine.removeLast()
            let missing = try await api.refused(.POST, "\(major.round)/opinion", as: "daj.fazhi", ["answers": nine, "outcome": "approve", "text": "同意作出决定"],
                                                status: .badRequest, code: "input.invalid", rule: "REV-4")
            #expect(missing.contains("是否涉嫌犯罪需移送司法机关"))
            try await api.refused(.POST, "\(major.round)/opinion", as: "daj.fazhi",
                                  ["answers": CaseApiClient.answers(problems: ["evidence"]), "outcome": "approve", "text": "同意作出决定"],
                                  code: "review.approve_with_problem", rule: "REV-5")

            // when: the reviewer approves
            let approved = try await api.opinion(major.roundID, as: "daj.fazhi")
            #expect(approved[string: "state"] == "approved" && approved[string: "stateName"] == "审核通过")
            let opinion = try #require(approved[object: "opinion"])
            #expect(opinion[objects: "answers"].map { $0[string: "element"] } == CaseApiClient.reviewElements)
            #expect(opinion[objects: "answers"].first?[string: "elementName"] == "执法主体是否合法" && opinion[string: "reviewedOn"] == "2026-11-23")
            try await api.refused(.POST, "\(major.round)/opinion", as: "daj.fazhi",
                                  ["answers": CaseApiClient.answers(), "outcome": "reject", "text": "不同意"], code: "review.already_reviewed", rule: "REV-5")

            // then: the stage completes, and the head signs and the officer issues the decision
            #expect(try await api.ok(.POST, major.complete, as: "daj.chenming")[string: "stage"] == "decision")
            try await api.ok(.POST, "\(major.document)/sign", as: "daj.zhoujun")
            let issued = try await api.ok(.POST, "\(major.document)/issue", as: "daj.chenming")
            #expect(issued[string: "status"] == "issued" && issued[string: "number"] == "元档罚〔2026〕1号")
            #expect(try await api.ok(.GET, "/api/v1/reviews", as: "daj.fazhi")[objects: "items"].isEmpty, "nothing left to review")
            #expect(try await api.ok(.GET, "/api/v1/reviews?all=true", as: "daj.fazhi")[objects: "items"].count == 1)
            #expect(try await api.ok(.GET, "/api/v1/reviews/flags", as: "daj.zhoujun")[objects: "items"].isEmpty)
            #expect(try await server.app.sunlight.cases.verify().isClean)
        }
    }

    @Test("REV-1: a draft decision changed after its review passed no longer counts (review.draft_changed) until the changed draft passes review")
    func draftChanged() async throws {
        try await TestServer.with { server in
            // given: the review passed and the case is at 作出决定
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            try await api.opinion(major.roundID, as: "daj.fazhi")
            try await api.ok(.POST, major.complete, as: "daj.chenming")

            // when: the head returns the decision to draft and the officer revises it
            try await major.submitForSignature(api)
            try await major.returnToDraft(api, reason: "裁量说明需补充当事人补建档案的情况")
            try await major.revise(api, "discretion", "销毁档案数量较多，虽已着手补建，仍按法定幅度上限处罚。")
            try await major.submitForSignature(api)

            // then: the approval was of the old text
            let message = try await api.refused(.POST, "\(major.document)/sign", as: "daj.zhoujun", code: "review.draft_changed", rule: "REV-1")
            #expect(message.contains("重新送审"))
            let page = try await api.ok(.GET, major.round, as: "daj.fazhi")
            #expect(page["draftUnchanged"] as? Bool == false && page[object: "gate"]?[string: "code"] == "review.draft_changed")

            // when: the changed draft goes through review again
            let second = try await api.submitForReview(major.documentID, as: "daj.chenming", form: ArchivesCase.form)
            #expect(second["number"] as? Int == 2 && second[object: "submission"]?[string: "draftHash"] != page[object: "round"]?[object: "submission"]?[string: "draftHash"])
            try await api.opinion(try #require(second[string: "id"]), as: "daj.fazhi")

            // then: the head signs it
            #expect(try await api.ok(.POST, "\(major.document)/sign", as: "daj.zhoujun")[string: "status"] == "signed")
            #expect(try await api.ok(.GET, major.review, as: "daj.chenming")[objects: "rounds"].map { $0[string: "state"] } == ["approved", "approved"])
        }
    }

    @Test("REV-8: only an eligible reviewer gives an opinion: not another bureau's (403), not a head (403), not a first-time reviewer without the legal qualification, not an officer of the case")
    func reviewers() async throws {
        try await TestServer.with { server in
            // given: a new legal reviewer without the qualification, and 黄丽, an officer of the case, made a legal reviewer too
            let sunlight = server.app.sunlight
            let archives = server.seeded.organisation("元谋县档案局").id
            _ = try await sunlight.organisations.createUser(NewStaffUser(organisationID: archives, username: "daj.xinren", displayName: "林新", post: "法制审核员",
                                                           roles: [.legalReviewer], password: DemoData.password), by: .console("test"))
            let huangli = try #require(try await sunlight.store.users.find(username: "daj.huangli"))
            _ = try await sunlight.organisations.updateUser(huangli.id, StaffUserChanges(roles: [.officer, .legalReviewer], legalQualification: "A20215323009"),
                                              by: .console("test"))
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff + ["daj.xinren"])
            let major = try await ArchivesCase.find(api)
            let opinion: [String: Any] = ["answers": CaseApiClient.answers(), "outcome": "approve", "text": "同意作出决定"]

            // when / then: each is refused
            try await api.refused(.GET, major.round, as: "scj.fazhi", status: .forbidden, code: "scope.outside", rule: nil)
            try await api.refused(.POST, "\(major.round)/opinion", as: "scj.fazhi", opinion, status: .forbidden, code: "scope.outside", rule: nil)
            try await api.refused(.POST, "\(major.round)/opinion", as: "daj.zhoujun", opinion, status: .forbidden, code: "review.not_reviewer", rule: "REV-8")
            let first = try await api.refused(.POST, "\(major.round)/opinion", as: "daj.xinren", opinion, code: "review.qualification", rule: "REV-8")
            #expect(first.contains("法律职业资格"))
            try await api.refused(.POST, "\(major.round)/opinion", as: "daj.huangli", opinion, code: "review.conflict", rule: "REV-8")
            let queue = try await api.ok(.GET, "/api/v1/reviews", as: "daj.huangli")[objects: "items"]
            #expect(queue.count == 1 && queue.first?["conflict"] as? Bool == true, "her queue says she may not review it")
            #expect(try await api.ok(.GET, "/api/v1/reviews", as: "scj.fazhi")[objects: "items"].isEmpty, "another bureau's rounds are not listed")
            #expect(try await server.accessLog().contains { $0.action == .denied && $0.resourceType == "review_record" })

            // then: nothing was recorded, and the qualified reviewer may still approve
            #expect(try await api.ok(.GET, major.review, as: "daj.chenming")[objects: "rounds"].map { $0[string: "state"] } == ["pending"])
            #expect(try await api.opinion(major.roundID, as: "daj.fazhi")[string: "state"] == "approved")
        }
    }

    @Test("REV-3: an incomplete review form is refused (400) naming every missing part, and starts no round")
    func incompleteForm() async throws {
        try await TestServer.with { server in
            // given: round 1 sent back for more evidence, so the draft may be submitted again
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            try await api.opinion(major.roundID, "supplement", problems: ["evidence"], as: "daj.fazhi")

            // when: the form lacks the facts and the law
            let message = try await api.refused(.POST, "\(major.document)/review-submissions", as: "daj.chenming",
                                                ["law": "  ", "hearing": "当事人书面放弃听证", "proposal": "罚款人民币拾万元"],
                                                status: .badRequest, code: "input.invalid", rule: "REV-3")

            // then: both are named, and no round was started
            #expect(message.contains("基本事实") && message.contains("适用法律") && !message.contains("决定建议"))
            let response = try await api.call(.POST, "\(major.document)/review-submissions", as: "daj.chenming", ["facts": "事实", "law": "法律"])
            #expect(response.status == .badRequest && response.apiError?.rule == "REV-3")
            #expect(try await api.ok(.GET, major.review, as: "daj.chenming")[objects: "rounds"].count == 1)
            #expect(try await api.ok(.GET, "/api/v1/reviews", as: "daj.fazhi")[objects: "items"].isEmpty)
        }
    }

    @Test("REV-3, REV-4: malformed JSON, wrong types and unknown values are refused (400); unknown rounds, documents and cases are not found (404); nothing changes")
    func badInput() async throws {
        try await TestServer.with { server in
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            let answers = CaseApiClient.answers()
            var wrongVerdict = answers
            wrongVerdict[0]["verdict"] = "fine"
            var wrongElement = answers
            wrongElement[0]["element"] = "colour"
            let bodies: [(String, String, String, String)] = [
                ("daj.chenming", "\(major.document)/review-submissions", "{", "不是有效的 JSON"),
                ("daj.chenming", "\(major.document)/review-submissions", #"{"facts": 42, "law": "档案法", "hearing": "无", "proposal": "罚款"}"#, "facts"),
                ("daj.fazhi", "\(major.round)/opinion", try Self.json(["answers": answers, "outcome": "maybe", "text": "同意"]), "outcome"),
                ("daj.fazhi", "\(major.round)/opinion", try Self.json(["answers": wrongVerdict, "outcome": "approve", "text": "同意"]), "answers"),
                ("daj.fazhi", "\(major.round)/opinion", try Self.json(["answers": wrongElement, "outcome": "approve", "text": "同意"]), "answers"),
                ("daj.fazhi", "\(major.round)/opinion", #"{"answers": "all fine", "outcome": "approve", "text": "同意"}"#, "answers"),
                ("daj.chenming", "\(major.round)/coordination", #"{"participants": ["陈明", "吴敏"], "content": "协调", "result": "ignore"}"#, "result"),
                ("daj.zhoujun", "\(major.round)/discussion", #"{"participants": "周军", "minutes": "讨论", "outcome": "agree"}"#, "participants"),
                ("daj.chenming", "/api/v1/cases/\(major.caseID)/major-factors", #"{"factors": ["huge"], "note": "案情重大"}"#, "factors"),
                ("daj.zhoujun", "/api/v1/review-catalogue", #"{"rules": "all", "reviewDays": 3, "note": "全部审核"}"#, "rules"),
            ]
            for (username, path, body, fragment) in bodies {
                let message = try await api.refused(.POST, path, as: username, body, status: .badRequest, code: "input.malformed", rule: nil)
                #expect(message.contains(fragment), "\(path) \(body): \(message)")
            }
            try await api.refused(.GET, "/api/v1/reviews?all=maybe", as: "daj.fazhi", status: .badRequest, rule: nil)
            try await api.refused(.GET, "/api/v1/reviews/statistics?from=2026-13-01", as: "daj.fazhi", status: .badRequest, rule: nil)

            let unknown = UUID().uuidString
            let opinion: [String: Any] = ["answers": answers, "outcome": "approve", "text": "同意作出决定"]
            for path in ["/api/v1/reviews/\(unknown)", "/api/v1/reviews/xyz", "/api/v1/reviews/\(major.documentID)", "/api/v1/documents/\(unknown)/review"] {
                try await api.refused(.GET, path, as: "daj.fazhi", status: .notFound, code: "not_found", rule: nil)
            }
            try await api.refused(.POST, "/api/v1/reviews/\(unknown)/opinion", as: "daj.fazhi", opinion, status: .notFound, code: "not_found", rule: nil)
            try await api.refused(.POST, "/api/v1/documents/\(unknown)/review-submissions", as: "daj.chenming", ArchivesCase.form,
                                  status: .notFound, code: "not_found", rule: nil)
            try await api.refused(.POST, "/api/v1/cases/\(unknown)/major-factors", as: "daj.chenming", ["factors": ["complex"], "note": "案情复杂"],
                                  status: .notFound, code: "not_found", rule: nil)
            #expect(try await server.api(.GET, "/api/v1/reviews", token: nil).status == .unauthorized)

            // then: round 1 is as it was
            let rounds = try await api.ok(.GET, major.review, as: "daj.chenming")[objects: "rounds"]
            #expect(rounds.count == 1 && rounds.first?[string: "state"] == "pending" && rounds.first?[objects: "coordinations"].isEmpty == true)
        }
    }

    @Test("REV-5, REV-6: an opinion other than approval sends the draft back; the disagreement is coordinated and recorded; the revised draft starts round 2")
    func coordination() async throws {
        try await TestServer.with { server in
            // given: the reviewer asks for more evidence
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            let returned = try await api.opinion(major.roundID, "supplement", problems: ["evidence"], as: "daj.fazhi")
            #expect(returned[string: "state"] == "returned" && returned[string: "stateName"] == "退回：补充材料")
            #expect(returned[object: "opinion"]?[objects: "answers"].first { $0[string: "element"] == "evidence" }?[string: "verdictName"] == "存在问题")
            try await major.submitForSignature(api)
            try await api.refused(.POST, "\(major.document)/sign", as: "daj.zhoujun", code: "review.not_passed", rule: "REV-1")
            try await major.returnToDraft(api)

            // when: the unit and the legal office coordinate, and the unit adopts the opinion
            try await api.refused(.POST, "\(major.round)/coordination", as: "daj.chenming", ["participants": ["陈明"], "content": "协调意见分歧", "result": "adopt_opinion"],
                                  status: .badRequest, code: "input.invalid", rule: "REV-6")
            let coordinated = try await api.ok(.POST, "\(major.round)/coordination", as: "daj.chenming", [
                "participants": ["陈明", "黄丽", "吴敏"], "content": "承办机构认为证据已足，审核机构认为须补充当事人施工日志销毁经过的证人证言；协商后承办机构补充调取。",
                "result": "adopt_opinion"])
            let coordination = try #require(coordinated[objects: "coordinations"].first)
            #expect(coordination[string: "result"] == "adopt_opinion" && coordination[string: "resultName"] == "承办机构采纳审核意见")
            #expect((coordination["participants"] as? [String]) == ["陈明", "黄丽", "吴敏"])
            try await api.ok(.POST, "/api/v1/cases/\(major.caseID)/evidence", as: "daj.chenming", [
                "kind": "witness", "description": "项目施工员关于销毁施工日志经过的证言", "source": "询问调取", "original": true,
                "confirmedBy": "赵金山", "confirmedOn": "2026-11-23"], status: .created)
            try await major.revise(api, "evidence", "档案移交清单、缺失档案目录、当事人书面说明、施工员证言。")
            let second = try await api.submitForReview(major.documentID, as: "daj.chenming", form: ArchivesCase.form)

            // then: round 2 has the new evidence; round 1 takes nothing more
            #expect(second["number"] as? Int == 2 && second[object: "submission"]?[objects: "evidence"].count == 3)
            try await api.refused(.POST, "\(major.round)/coordination", as: "daj.chenming", ["participants": ["陈明", "吴敏"], "content": "再次协调", "result": "refer_to_heads"],
                                  code: "review.superseded", rule: "REV-5")
            let secondID = try #require(second[string: "id"])
            try await api.opinion(secondID, as: "daj.fazhi")
            try await api.refused(.POST, "\(major.round(secondID))/coordination", as: "daj.chenming",
                                  ["participants": ["陈明", "吴敏"], "content": "协调意见分歧", "result": "adopt_opinion"],
                                  code: "review.nothing_to_coordinate", rule: "REV-6")
            let rounds = try await api.ok(.GET, major.review, as: "daj.chenming")[objects: "rounds"]
            #expect(rounds.map { $0[string: "state"] } == ["returned", "approved"] && rounds.first?[objects: "coordinations"].count == 1)
            #expect(try await api.ok(.GET, "/api/v1/reviews/flags", as: "daj.zhoujun")[objects: "items"].isEmpty, "coordinated and changed: not ignored")
            #expect(try await api.ok(.GET, "/api/v1/reviews?all=true", as: "daj.fazhi")[objects: "items"].count == 2)
            #expect(try await api.ok(.POST, major.complete, as: "daj.chenming")[string: "stage"] == "decision")
            try await major.submitForSignature(api)
            try await api.ok(.POST, "\(major.document)/sign", as: "daj.zhoujun")
        }
    }

    @Test("REV-7: a complex case is decided collectively: after the review passes, the head may not sign until the heads' discussion agrees")
    func collectiveDiscussion() async throws {
        try await TestServer.with { server in
            // given: the officer declares the case complex, which catalogue rule R3 sends to the heads
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            let factors: [String: Any] = ["factors": ["complex"], "note": "涉及档案法、建筑法和城乡规划法多个法律关系"]
            try await api.refused(.POST, "/api/v1/cases/\(major.caseID)/major-factors", as: "scj.zhangwei", factors,
                                  status: .forbidden, code: "scope.outside", rule: nil)
            try await api.refused(.POST, "/api/v1/cases/\(major.caseID)/major-factors", as: "daj.chenming", ["factors": ["complex"], "note": " "],
                                  status: .badRequest, code: "input.invalid", rule: "REV-2")
            #expect(try await api.ok(.POST, "/api/v1/cases/\(major.caseID)/major-factors", as: "daj.chenming", factors)[string: "stage"] == "review")
            let requirement = try #require(try await api.ok(.GET, major.review, as: "daj.chenming")[object: "requirement"])
            #expect(requirement["collectiveDiscussion"] as? Bool == true && requirement[objects: "matched"].map { $0[string: "code"] } == ["R3", "R6"])
            let discussion: (String) -> [String: Any] = { outcome in
                ["participants": ["周军", "李副局长", "王副局长", "吴敏"], "minutes": "听取承办人员汇报和法制审核意见，经讨论，\(outcome)。", "outcome": outcome]
            }
            try await api.refused(.POST, "\(major.round)/discussion", as: "daj.zhoujun", discussion("agree"),
                                  code: "review.discussion_before_approval", rule: "REV-7")

            // when: the review passes
            try await api.opinion(major.roundID, as: "daj.fazhi")
            try await major.submitForSignature(api)

            // then: neither signing nor completing the stage before the heads discuss it
            try await api.refused(.POST, "\(major.document)/sign", as: "daj.zhoujun", code: "review.discussion_required", rule: "REV-7")
            try await api.refused(.POST, major.complete, as: "daj.chenming", code: "review.discussion_required", rule: "REV-7")
            try await api.refused(.POST, "\(major.round)/discussion", as: "daj.fazhi", discussion("agree"), status: .forbidden, code: "role.missing", rule: nil)
            try await api.refused(.POST, "\(major.round)/discussion", as: "daj.zhoujun", ["participants": ["周军", "吴敏"], "minutes": "讨论同意作出决定", "outcome": "agree"],
                                  status: .badRequest, code: "input.invalid", rule: "REV-7")
            try await api.ok(.POST, "\(major.round)/discussion", as: "daj.zhoujun", discussion("discuss_again"))
            try await api.refused(.POST, "\(major.document)/sign", as: "daj.zhoujun", code: "review.discussion_again", rule: "REV-7")

            // when: the heads agree
            let agreed = try await api.ok(.POST, "\(major.round)/discussion", as: "daj.zhoujun", discussion("agree"))

            // then: the record has both discussions, and the decision is made
            #expect(agreed[objects: "discussions"].map { $0[string: "outcome"] } == ["discuss_again", "agree"])
            #expect(agreed[string: "stateName"] == "审核通过，集体讨论同意" && agreed[objects: "discussions"].last?[string: "outcomeName"] == "同意")
            #expect(try await api.ok(.POST, major.complete, as: "daj.chenming")[string: "stage"] == "decision")
            try await api.ok(.POST, "\(major.document)/sign", as: "daj.zhoujun")
            try await api.ok(.POST, "\(major.document)/issue", as: "daj.chenming")
        }
    }

    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
