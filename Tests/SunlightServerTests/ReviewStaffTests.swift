import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// The demo's major case of the archives bureau (擅自销毁建设工程档案), whose draft decision
/// waits for 吴敏's legal review in round 1, through the staff pages.
struct ReviewPages {
    let server: TestServer

    var archives: Organisation { server.seeded.organisation("元谋县档案局") }

    /// The demo's major case.
    func majorCase() async throws -> EnforcementCase {
        let cases = try await server.app.sunlight.store.cases.list(organisations: [archives.id], filter: .all, limit: 10)
        return try #require(cases.first { $0.title == "擅自销毁建设工程档案" })
    }

    /// The round-1 submission (its ID is the round's) and the draft decision it is about.
    func demoRound() async throws -> (round: UUID, document: UUID) {
        let records = try await server.app.sunlight.store.reviews.records(ofCase: try await majorCase().id)
        let submission = try #require(records.first { $0.submission != nil })
        return (submission.id, submission.documentID)
    }

    func records() async throws -> [ReviewRecord] {
        try await server.app.sunlight.store.reviews.records(ofCase: try await majorCase().id)
    }

    func actor(_ username: String) async throws -> Actor {
        let user = try #require(try await server.app.sunlight.store.users.find(username: username))
        return try await server.app.sunlight.access.actor(for: user, channel: .staff, address: nil)
    }

    func browser(_ username: String) async throws -> Browser {
        let browser = server.browser()
        try await browser.logIn(username)
        return browser
    }

    /// Every element answered: 符合, and 不适用 for the transfer to judicial organs.
    static func answers(skipping skipped: ReviewElement? = nil) -> [(String, String)] {
        ReviewElement.allCases.filter { $0 != skipped }.flatMap { element -> [(String, String)] in
            [("verdict[\(element.rawValue)]", element == .crime ? "not_applicable" : "pass"), ("comment[\(element.rawValue)]", "")]
        }
    }

    /// The text of the element with this `id`, up to the next tag.
    static func text(of id: String, in page: String) -> String? {
        page.range(of: #"id="\#(id)">"#).map { String(page[$0.upperBound...].prefix { $0 != "<" }) }
    }
}

@Suite("工作人员界面：法制审核 REV-1..9")
struct ReviewStaffTests {
    @Test("REV-8/REV-9: the queue, round, statistics and flags pages are for reviewers, heads and supervisors; an officer gets 403 and no nav link")
    func pagesByRole() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let (round, _) = try await pages.demoRound()
            let roundPath = "/staff/reviews/\(round.uuidString.lowercased())"

            let reviewer = try await pages.browser("daj.fazhi")
            let queue = try await reviewer.get("/staff/reviews")
            #expect(queue.status == .ok)
            #expect(queue.body.string.contains(#"id="nav-review""#) && queue.body.string.contains("擅自销毁建设工程档案"))
            #expect(queue.body.string.contains(roundPath) && queue.body.string.contains("第 1 轮") && queue.body.string.contains("元谋县档案局"))
            #expect(!queue.body.string.contains("不能审核本案"), "吴敏 is not an officer of the case")
            let page = try await reviewer.get(roundPath)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains(#"id="opinion-form""#) && html.contains(#"id="round-state">待审核"#))
            for element in ReviewElement.allCases {
                #expect(html.contains(element.chineseName) && html.contains(#"name="verdict[\#(element.rawValue)]" value="pass" >"#),
                        "every element has its radio buttons, none chosen: \(element)")
            }
            #expect(html.contains("R6") && html.contains("国办发〔2017〕14号"), "the matched rule and its source")
            #expect(html.contains("城建档案移交清单及缺失档案目录（46 卷）") && html.contains("当事人书面放弃听证"))
            #expect(try await reviewer.get("/staff/reviews/statistics").status == .ok)
            #expect(try await reviewer.get("/staff/reviews/flags").status == .ok)
            #expect(try await reviewer.get("/staff/reviews?done=1").body.string.contains(roundPath))

            let head = try await pages.browser("daj.zhoujun")
            #expect(try await head.get("/staff/reviews").body.string.contains(roundPath))
            let headView = try await head.get(roundPath).body.string
            #expect(!headView.contains(#"id="opinion-form""#) && headView.contains("只有法制审核人员可以审核"))

            let supervisor = try await pages.browser("jiandu")
            let flags = try await supervisor.get("/staff/reviews/flags")
            #expect(flags.status == .ok && flags.body.string.contains("法制审核监督线索"))
            #expect(try await supervisor.get("/staff/reviews").body.string.contains(roundPath))

            let officer = try await pages.browser("daj.chenming")
            let home = try await officer.get("/staff")
            #expect(!home.body.string.contains(#"id="nav-review""#))
            #expect(try await officer.get("/staff/reviews").status == .forbidden)
            #expect(try await officer.get("/staff/reviews/flags").status == .forbidden)
            #expect(try await officer.get("/staff/reviews/statistics").status == .forbidden)
            #expect(try await officer.get("/staff/reviews/statistics.csv").status == .forbidden)
            let own = try await officer.get(roundPath)
            #expect(own.status == .ok && !own.body.string.contains(#"id="opinion-form""#), "the officer reads the round of their case, without the form")
            let refused = try await officer.post("\(roundPath)/opinion", ReviewPages.answers() + [("outcome", "approve"), ("opinionText", "同意")])
            #expect(refused.status == .forbidden, "an officer is no reviewer (REV-8)")

            let otherReviewer = try await pages.browser("scj.fazhi")
            #expect(try await otherReviewer.get(roundPath).status == .forbidden, "another bureau's reviewer")
            #expect(try await pages.records().count == 1, "nothing was recorded")
        }
    }

    @Test("REV-4: an opinion without every element answered is refused in the form naming what is missing; what was typed stays; nothing is stored")
    func incompleteChecklist() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let (round, _) = try await pages.demoRound()
            let path = "/staff/reviews/\(round.uuidString.lowercased())"
            let reviewer = try await pages.browser("daj.fazhi")
            try await reviewer.get(path)
            let refused = try await reviewer.post("\(path)/opinion", ReviewPages.answers(skipping: .crime)
                                                  + [("outcome", "approve"), ("opinionText", "事实清楚，证据充分，同意作出决定。")])
            #expect(refused.status == .badRequest)
            let message = try #require(ReviewPages.text(of: "form-problem", in: refused.body.string))
            #expect(message == "审核要素须逐项作答，尚未回答：是否涉嫌犯罪需移送司法机关（依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号））")
            let html = refused.body.string
            #expect(html.contains(#"id="v-subject-pass" name="verdict[subject]" value="pass" checked>"#), "the answers given stay chosen")
            #expect(!html.contains(#"name="verdict[crime]" value="not_applicable" checked"#))
            #expect(html.contains("事实清楚，证据充分，同意作出决定。</textarea>") && html.contains(#"<option value="approve" selected>"#))
            #expect(try await pages.records().count == 1, "no opinion was stored")

            let problem = try await reviewer.post("\(path)/opinion", ReviewPages.answers().filter { $0.0 != "verdict[evidence]" }
                                                  + [("verdict[evidence]", "problem"), ("outcome", "approve"), ("opinionText", "同意")])
            #expect(problem.status == .badRequest && ReviewPages.text(of: "form-problem", in: problem.body.string)?.contains("请写明具体问题（依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号））") == true)
            #expect(try await pages.records().count == 1)
        }
    }

    @Test("REV-4/REV-5/REV-7: the reviewer approves through the form; the round shows 审核通过; the head records the collective discussion")
    func approveAndDiscuss() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let (round, document) = try await pages.demoRound()
            let path = "/staff/reviews/\(round.uuidString.lowercased())"
            let reviewer = try await pages.browser("daj.fazhi")
            try await reviewer.get(path)
            let approved = try await reviewer.post("\(path)/opinion", ReviewPages.answers()
                                                   + [("outcome", "approve"), ("opinionText", "事实清楚，证据确实充分，适用法律正确，程序合法，同意作出决定。")])
            #expect(approved.status == .seeOther && approved.location == "\(path)?notice=opinion_recorded")
            let page = try await reviewer.get(approved.location!)
            #expect(page.body.string.contains(#"id="round-state">审核通过"#) && page.body.string.contains("审核意见已记录"))
            #expect(!page.body.string.contains(#"id="opinion-form""#), "one opinion per round")
            #expect(!(try await reviewer.get("/staff/reviews")).body.string.contains(path), "done rounds leave the queue")
            #expect(try await reviewer.get("/staff/reviews?done=1").body.string.contains(path))

            let head = try await pages.browser("daj.zhoujun")
            let headView = try await head.get(path)
            #expect(headView.body.string.contains(#"id="discussion-form""#))
            let few = try await head.post("\(path)/discussion", [("participants", "周军、吴敏"), ("minutes", "讨论同意按审核意见作出决定"),
                                                                 ("discussionOutcome", "agree")])
            #expect(few.status == .badRequest && ReviewPages.text(of: "form-problem", in: few.body.string)?.hasSuffix("（依据《中华人民共和国行政处罚法》第五十七条第二款）") == true)
            #expect(few.body.string.contains(#"value="周军、吴敏""#))
            let discussed = try await head.post("\(path)/discussion", [("participants", "周军、李刚、王敏"), ("minutes", "讨论同意按审核意见作出决定"),
                                                                       ("discussionOutcome", "agree")])
            #expect(discussed.status == .seeOther)
            #expect(try await head.get(path).body.string.contains("审核通过，集体讨论同意"))
            let documentPage = try await head.get("/staff/documents/\(document.uuidString.lowercased())")
            #expect(documentPage.body.string.contains("审核通过，集体讨论同意") && documentPage.body.string.contains(path))
        }
    }

    @Test("REV-3/REV-5: after a returned opinion the officer resubmits from the document page; the form is prefilled and a second round is kept")
    func resubmitFromDocumentPage() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let (round, document) = try await pages.demoRound()
            let answers = ReviewElement.allCases.map { ChecklistAnswer(element: $0, verdict: $0 == .evidence ? .problem : .pass,
                                                                       comment: $0 == .evidence ? "缺少销毁现场的照片" : "") }
            _ = try await server.app.sunlight.reviews.recordOpinion(round: round, answers: answers, outcome: .supplement, text: "请补充现场照片后重新送审。",
                                                            by: try await pages.actor("daj.fazhi"))
            let officer = try await pages.browser("daj.chenming")
            let documentPath = "/staff/documents/\(document.uuidString.lowercased())"
            let page = try await officer.get(documentPath)
            let html = page.body.string
            #expect(html.contains(#"id="review-box""#) && html.contains("属于重大执法决定，须经法制审核（目录第 0 版 R6"))
            #expect(html.contains("国办发〔2017〕14号") && html.contains("退回：补充材料"))
            #expect(html.contains(#"<details class="action" id="review-submit" open>"#) && html.contains("重新提交法制审核（第 2 轮）"))
            #expect(html.contains("对当事人罚款人民币拾万元。</textarea>"), "prefilled from the last round")

            let incomplete = try await officer.post("\(documentPath)/legal-review", [("facts", "当事人擅自销毁工程档案 46 卷。"), ("law", ""), ("hearing", ""),
                                                                                    ("proposal", "罚款拾万元"), ("other", "")])
            #expect(incomplete.status == .badRequest)
            #expect(ReviewPages.text(of: "review-problem", in: incomplete.body.string) == "法制审核表不完整：请填写适用法律、听证或评估情况（依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号））")
            #expect(incomplete.body.string.contains("当事人擅自销毁工程档案 46 卷。</textarea>"))
            #expect(try await pages.records().count == 2)

            let submitted = try await officer.post("\(documentPath)/legal-review", [
                ("facts", "当事人擅自销毁工程档案 46 卷，已补充现场照片。"), ("law", "《中华人民共和国档案法》第四十八条第一项"),
                ("hearing", "当事人书面放弃听证"), ("proposal", "对当事人罚款人民币拾万元。"), ("other", "")])
            #expect(submitted.status == .seeOther && submitted.location == "\(documentPath)?notice=review_submitted")
            let submissions = try await pages.records().compactMap { record in record.submission.map { (record.round, $0) } }
            #expect(submissions.map(\.0) == [1, 2], "both rounds are kept")
            #expect(submissions.last?.1.form.facts == "当事人擅自销毁工程档案 46 卷，已补充现场照片。")
            #expect(submissions.last?.1.evidence.count == 2, "the case's evidence goes with it")
            let after = try await officer.get(submitted.location!)
            #expect(after.body.string.contains("已提交法制审核") && after.body.string.contains("第 2 轮") && !after.body.string.contains(#"id="review-form""#))

            // REV-9: the draft came back unchanged and nothing was coordinated; the supervisor sees it.
            let supervisor = try await pages.browser("jiandu")
            let flags = try await supervisor.get("/staff/reviews/flags").body.string
            let number = try await pages.majorCase().number
            #expect(flags.contains("无正当理由不采纳审核意见") && flags.contains(number))
            #expect(flags.contains("第 1 轮审核意见为“补充材料”，第 2 轮未作修改、未经协调即重新送审"))
        }
    }

    @Test("REV-6: after an opinion that did not approve, the officer records the coordination on the round page; too few participants are refused")
    func coordinate() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let (round, _) = try await pages.demoRound()
            let answers = ReviewElement.allCases.map { ChecklistAnswer(element: $0, verdict: $0 == .law ? .problem : .pass,
                                                                       comment: $0 == .law ? "应同时引用第四十八条第二款" : "") }
            _ = try await server.app.sunlight.reviews.recordOpinion(round: round, answers: answers, outcome: .amendLaw, text: "请修改法律适用后重新送审。",
                                                            by: try await pages.actor("daj.fazhi"))
            let path = "/staff/reviews/\(round.uuidString.lowercased())"
            let officer = try await pages.browser("daj.chenming")
            let page = try await officer.get(path).body.string
            #expect(page.contains(#"id="round-state">退回：修改法律适用"#) && page.contains("应同时引用第四十八条第二款"))
            #expect(page.contains(#"id="coordination-form""#) && !page.contains(#"id="discussion-form""#))
            let alone = try await officer.post("\(path)/coordination", [("participants", "陈明"), ("content", "承办机构认为第一项已足以支持处罚"),
                                                                        ("result", "adopt_opinion")])
            #expect(alone.status == .badRequest && ReviewPages.text(of: "form-problem", in: alone.body.string) == "请列出至少 2 名参加人员（每人不超过 30 字）（依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号））")
            #expect(alone.body.string.contains("承办机构认为第一项已足以支持处罚</textarea>"))
            let recorded = try await officer.post("\(path)/coordination", [("participants", "陈明、吴敏"), ("content", "承办机构认为第一项已足以支持处罚，经协调采纳审核意见"),
                                                                           ("result", "adopt_opinion")])
            #expect(recorded.status == .seeOther)
            let after = try await officer.get(path).body.string
            #expect(after.contains(#"id="round-coordinations""#) && after.contains("承办机构采纳审核意见") && after.contains("陈明、吴敏"))
        }
    }

    @Test("REV-1: the head's sign button on a draft decision still under review shows the REV-1 refusal; the draft stays unsigned")
    func signBeforeReview() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let (_, document) = try await pages.demoRound()
            let path = "/staff/documents/\(document.uuidString.lowercased())"
            let officer = try await pages.browser("daj.chenming")
            try await officer.get(path)
            #expect(try await officer.post("\(path)/submit", []).status == .seeOther)
            let head = try await pages.browser("daj.zhoujun")
            let page = try await head.get(path)
            #expect(page.body.string.contains(#"id="document-sign""#))
            let refused = try await head.post("\(path)/sign", [])
            #expect(refused.status == .unprocessableEntity)
            let message = try #require(ReviewPages.text(of: "form-problem", in: refused.body.string))
            #expect(message.hasPrefix("第 1 轮法制审核尚未完成") && message.hasSuffix("审核通过前不得作出决定（依据《中华人民共和国行政处罚法》第五十八条）"))
            #expect(try await server.app.sunlight.store.caseRecords.document(document)?.status == .review)

            let casePage = try await officer.get("/staff/cases/\(try await pages.majorCase().id.uuidString.lowercased())")
            #expect(casePage.body.string.contains(#"id="major-decision""#) && casePage.body.string.contains("第 1 轮：待审核"))
            let complete = try await officer.post("/staff/cases/\(try await pages.majorCase().id.uuidString.lowercased())/complete", [("note", "")])
            #expect(complete.status == .unprocessableEntity && ReviewPages.text(of: "form-problem", in: complete.body.string)?.hasSuffix("（依据《中华人民共和国行政处罚法》第五十八条）") == true)
        }
    }

    @Test("REV-2: the officer declares the major-decision circumstances from the case page; a missing reason is refused with the boxes kept")
    func declareFactors() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let theCase = try await pages.majorCase()
            let path = "/staff/cases/\(theCase.id.uuidString.lowercased())"
            let officer = try await pages.browser("daj.chenming")
            let page = try await officer.get(path)
            #expect(page.body.string.contains(#"id="major-form""#) && page.body.string.contains(#"id="major-declared">尚未认定"#))
            let refused = try await officer.post("\(path)/major-factors", [("factors[]", "public_interest"), ("factors[]", "complex"), ("majorNote", "")])
            #expect(refused.status == .badRequest && ReviewPages.text(of: "form-problem", in: refused.body.string) == "请写明认定理由（2–1000 字）（依据《中华人民共和国行政处罚法》第五十八条）")
            #expect(refused.body.string.contains(#"id="factor-public_interest" name="factors[]" value="public_interest" checked>"#))
            #expect(!refused.body.string.contains(#"value="social_impact" checked"#))
            let declared = try await officer.post("\(path)/major-factors", [("factors[]", "public_interest"), ("majorNote", "涉及保障性住房工程质量追溯")])
            #expect(declared.status == .seeOther)
            let after = try await officer.get(declared.location!)
            #expect(after.body.string.contains("涉及重大公共利益（理由：涉及保障性住房工程质量追溯）"))
            #expect(try await server.app.sunlight.store.cases.events(of: theCase.id).contains { $0.kind == .majorFactorsDeclared })
        }
    }

    @Test("REV-2/REV-5/REV-10: the catalogue page marks the statutory rules; a legal reviewer adopts a version with a rule added and one deleted; it applies once the justice bureau approves it, from the next working day")
    func adoptCatalogue() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let officer = try await pages.browser("daj.chenming")
            let readOnly = try await officer.get("/staff/reviews/catalogue")
            #expect(readOnly.status == .ok && readOnly.body.string.contains("默认目录（第 0 版）") && !readOnly.body.string.contains(#"id="catalogue-form""#))
            #expect(readOnly.body.string.contains("涉及重大公共利益的") && readOnly.body.string.contains("对法人或其他组织涉案金额 100000 元以上"))
            #expect(readOnly.body.string.components(separatedBy: "法定情形，不可删除").count == 5, "R1–R4 are marked statutory")
            #expect(readOnly.body.string.contains("对法人或其他组织 3000–100000 元") && !readOnly.body.string.contains(#"id="bounds-form""#))

            let reviewer = try await pages.browser("daj.fazhi")
            let form = try await reviewer.get("/staff/reviews/catalogue")
            #expect(form.body.string.contains(#"id="catalogue-form""#) && form.body.string.contains(#"name="rule[6][code]""#), "six rules and blank rows")
            var fields = MajorDecisionCatalogue.builtIn.rules.enumerated().flatMap { index, rule -> [(String, String)] in
                var row = [("rule[\(index)][code]", rule.code), ("rule[\(index)][title]", rule.title), ("rule[\(index)][source]", rule.source),
                           ("rule[\(index)][minAmountPerson]", rule.minAmountPerson.map(String.init) ?? ""),
                           ("rule[\(index)][minAmountOrganisation]", rule.minAmountOrganisation.map(String.init) ?? "")]
                row += rule.categories.map { ("rule[\(index)][categories][]", $0.rawValue) }
                row += rule.factors.map { ("rule[\(index)][factors][]", $0.rawValue) }
                if rule.hearingHeld { row.append(("rule[\(index)][hearingHeld]", "yes")) }
                if rule.collectiveDiscussion { row.append(("rule[\(index)][collectiveDiscussion]", "yes")) }
                if rule.code == "R5" { row.append(("rule[\(index)][delete]", "yes")) }
                return row
            }
            fields += [("rule[6][code]", "R7"), ("rule[6][title]", "吊销许可证件的"), ("rule[6][categories][]", "penalty"),
                       ("reviewDays", "5"), ("effectiveOn", server.clock.today.iso), ("note", "增加吊销许可证件情形，审核期限改为 5 个工作日")]
            let missingSource = try await reviewer.post("/staff/reviews/catalogue", fields + [("rule[6][source]", "")])
            #expect(missingSource.status == .badRequest)
            #expect(ReviewPages.text(of: "form-problem", in: missingSource.body.string) == "规则 R7 应写明依据（2–300 字）（依据《中华人民共和国行政处罚法》第五十八条）")
            #expect(missingSource.body.string.contains(#"value="吊销许可证件的""#), "the typed row stays")
            let withoutR4 = fields.filter { $0.0 != "rule[3][code]" } + [("rule[3][delete]", "yes"), ("rule[6][source]", "《中华人民共和国行政处罚法》第六十三条")]
            let dropped = try await reviewer.post("/staff/reviews/catalogue", withoutR4)
            #expect(dropped.status == .badRequest && (ReviewPages.text(of: "form-problem", in: dropped.body.string) ?? "").contains("第五十八条第一款第（四）项"))
            let adopted = try await reviewer.post("/staff/reviews/catalogue", fields + [("rule[6][source]", "《中华人民共和国行政处罚法》第六十三条")])
            #expect(adopted.status == .seeOther)
            var page = try await reviewer.get(adopted.location!).body.string
            #expect(page.contains(#"id="catalogue-version">默认目录（第 0 版）"#) && page.contains(#"id="catalogue-pending""#), "pending until approved")

            // The county justice bureau's supervisor approves it on its page; it applies from the next working day.
            let supervisor = try await pages.browser("jiandu")
            let desk = try await supervisor.get("/staff/supervision/catalogues")
            let approval = try #require(try await server.app.sunlight.reviews.catalogueApprovals(of: pages.archives.id, by: try await pages.actor("daj.fazhi"))[1])
            let key = approval.id.uuidString.lowercased()
            #expect(desk.body.string.contains(#"data-action="catalogue.approve" data-record="\#(key)""#) && desk.body.string.contains("元谋县档案局 · 第 1 版"))
            #expect(try await supervisor.post("/staff/supervision/catalogues/\(key)/approve", [("note", "同意")]).status == .seeOther)
            #expect(try await reviewer.post("/staff/supervision/catalogues/\(key)/return", [("reason", "不同意")]).status == .forbidden)
            page = try await reviewer.get("/staff/reviews/catalogue").body.string
            #expect(page.contains(#"id="catalogue-version">默认目录（第 0 版）"#) && page.contains("已批准，待生效"))
            server.clock.set(server.clock.today.adding(days: 7))
            // A week later the sessions have ended: log in again.
            let reviewerAgain = try await pages.browser("daj.fazhi"), officerAgain = try await pages.browser("daj.chenming")
            page = try await reviewerAgain.get("/staff/reviews/catalogue").body.string
            #expect(page.contains(#"id="catalogue-version">第 1 版"#) && page.contains("5 个工作日") && page.contains("吊销许可证件的"))
            #expect(!page.contains("可能造成重大社会影响或引发社会风险，经过听证程序的</td>"), "R5 was deleted")
            let (current, versions) = try await server.app.sunlight.reviews.catalogues(of: pages.archives.id, by: try await pages.actor("daj.fazhi"))
            #expect(versions.count == 1 && current.rules.map(\.code) == ["R1", "R2", "R3", "R4", "R6", "R7"] && current.reviewDays == 5)
            #expect(try await officerAgain.post("/staff/reviews/catalogue", fields).status == .forbidden, "officers do not adopt catalogues")
        }
    }

    @Test("REV-5: the statistics count the demo's pending round; the CSV starts with the BOM")
    func statistics() async throws {
        try await TestServer.with { server in
            let pages = ReviewPages(server: server)
            let reviewer = try await pages.browser("daj.fazhi")
            let page = try await reviewer.get("/staff/reviews/statistics")
            #expect(page.status == .ok)
            #expect(ReviewPages.text(of: "total-rounds", in: page.body.string) == "1" && ReviewPages.text(of: "total-pending", in: page.body.string) == "1")
            #expect(page.body.string.contains("元谋县档案局"))
            let csv = try await reviewer.get("/staff/reviews/statistics.csv?from=2026-01-01&to=2026-12-31")
            #expect(csv.status == .ok)
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.body.string.contains("机构,送审决定数,审核轮次") && csv.body.string.contains("元谋县档案局,1,1,0,0,,,1,0"), "\(csv.body.string)")
            let bad = try await reviewer.get("/staff/reviews/statistics?from=2026-12-31&to=2026-01-01")
            #expect(bad.status == .badRequest && bad.body.string.contains("开始日期不能晚于结束日期"))
        }
    }
}
