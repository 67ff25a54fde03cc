import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightRendering
import SunlightTestSupport
import Testing

/// The demo archives bureau's major case: its draft decision waits for 吴敏's review (round 1).
private struct MajorCase {
    let world: DemoWorld
    let theCase: EnforcementCase
    let round: ReviewRecord

    var sunlight: Sunlight { world.sunlight }
    var decisionID: UUID { round.documentID }

    init(_ world: DemoWorld) async throws {
        self.world = world
        let archives = world.seeded.organisation("元谋县档案局")
        theCase = try await world.sunlight.store.cases.list(organisations: [archives.id], filter: .all, limit: 10).first { $0.title == "擅自销毁建设工程档案" }!
        round = try await world.sunlight.store.reviews.records(ofCase: theCase.id).first { $0.submission != nil }!
    }

    func review(_ round: ReviewRecord, _ outcome: ReviewOutcome = .approve, by username: String = "daj.fazhi") async throws -> ReviewRecord {
        let answers = outcome == .approve ? ChecklistAnswer.allPass
            : ChecklistAnswer.allPass.map { $0.element == .law ? ChecklistAnswer(element: .law, verdict: .problem, comment: "应适用第四十八条第一项并写明款项") : $0 }
        return try await sunlight.reviews.recordOpinion(round: round.id, answers: answers, outcome: outcome,
                                                text: outcome == .approve ? "同意作出决定。" : "请修改法律适用后重新送审。", by: try await world.actor(username))
    }

    func resubmit(by username: String = "daj.chenming") async throws -> ReviewRecord {
        try await sunlight.reviews.submitForReview(document: decisionID, form: .sample, by: try await world.actor(username))
    }

    /// Completes 法制审核 and signs; returns the signed decision.
    func completeAndSign() async throws -> CaseDocument {
        let officer = try await world.actor("daj.chenming")
        _ = try await sunlight.cases.completeStage(case: theCase.id, by: officer)
        if try await sunlight.store.caseRecords.document(decisionID)?.status == .draft { _ = try await sunlight.cases.submitDocument(decisionID, by: officer) }
        return try await sunlight.cases.signDocument(decisionID, by: try await world.actor("daj.zhoujun"))
    }
}

@Suite("法制审核 REV-1..9")
struct ReviewUseCaseTests {
    @Test("REV-1/REV-5: the draft is made only on a passed review of exactly it; a draft changed after approval needs a new round")
    func draftChangedAfterApproval() async throws {
        try await DemoWorld.with { world in
            let major = try await MajorCase(world)
            let head = try await world.actor("daj.zhoujun"), officer = try await world.actor("daj.chenming")
            #expect(major.theCase.stage == "review")
            await #expect { try await world.sunlight.cases.reviseDocument(major.decisionID, fields: [:], by: officer) } throws: { "review.pending" ~= $0 }
            _ = try await world.sunlight.cases.submitDocument(major.decisionID, by: officer)
            await #expect { try await world.sunlight.cases.signDocument(major.decisionID, by: head) } throws: { "review.pending" ~= $0 }
            _ = try await major.review(major.round)
            let status = try await world.sunlight.reviews.reviewStatus(of: major.decisionID, by: head)
            #expect(status.requirement.required && status.requirement.matched.map(\.code) == ["R6"])
            #expect(status.history.rounds.count == 1 && status.history.last?.approved == true)

            // Changed after approval: back to draft, the fine lowered — the approval no longer counts.
            _ = try await world.sunlight.cases.returnDocument(major.decisionID, reason: "改为从轻处罚", by: head)
            var fields = try await world.sunlight.store.caseRecords.document(major.decisionID)!.fields
            fields["fine"] = "60000"
            fields["penalty"] = "罚款人民币陆万元"
            _ = try await world.sunlight.cases.reviseDocument(major.decisionID, fields: fields, by: officer)
            _ = try await world.sunlight.cases.submitDocument(major.decisionID, by: officer)
            await #expect { try await world.sunlight.cases.completeStage(case: major.theCase.id, by: officer) } throws: { "review.draft_changed" ~= $0 }
            await #expect { try await world.sunlight.cases.signDocument(major.decisionID, by: head) } throws: { error in
                (error as? SunlightError).map { $0.code == "review.draft_changed" && $0.rule == .rev1 && $0.description.hasSuffix("（依据《中华人民共和国行政处罚法》第五十八条）") } ?? false
            }

            // A voluntary second round binds too: 60000 is below R6, yet the review asked for must pass.
            let second = try await major.resubmit()
            #expect(second.round == 2 && second.submission?.voluntary == true)
            _ = try await major.review(second)
            let signed = try await major.completeAndSign()
            let issued = try await world.sunlight.cases.issueDocument(signed.id, by: officer)
            #expect(issued.number?.hasPrefix("元档罚〔2026〕") == true)
            await #expect { try await world.sunlight.reviews.submitForReview(document: major.decisionID, form: .sample, by: officer) } throws: { "review.too_late" ~= $0 }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("REV-8: only a legal reviewer in scope, not an officer of the case, qualified when first reviewing penalties")
    func reviewerEligibility() async throws {
        try await DemoWorld.with { world in
            let major = try await MajorCase(world)
            let admin = try await world.actor("admin")
            let archives = world.seeded.organisation("元谋县档案局")
            await #expect { try await major.review(major.round, by: "daj.zhoujun") } throws: { "review.not_reviewer" ~= $0 }
            await #expect { try await major.review(major.round, by: "scj.fazhi") } throws: { error in
                (error as? SunlightError)?.kind == .forbidden
            }
            // An officer of the case who also reviews may not review it.
            let huangli = try await world.user("daj.huangli")
            _ = try await world.sunlight.organisations.updateUser(huangli.id, StaffUserChanges(roles: [.officer, .legalReviewer], legalQualification: "A20205323999"), by: admin)
            await #expect { try await major.review(major.round, by: "daj.huangli") } throws: { "review.conflict" ~= $0 }
            // A new reviewer without the legal professional qualification may not review a penalty first.
            _ = try await world.sunlight.organisations.createUser(NewStaffUser(organisationID: archives.id, username: "daj.xinren", displayName: "新人",
                                                                 post: "法制审核员", roles: [.legalReviewer], password: "Yuanmou-2026"), by: admin)
            await #expect { try await major.review(major.round, by: "daj.xinren") } throws: { error in
                (error as? SunlightError).map { $0.code == "review.qualification" && $0.rule == .rev8 } ?? false
            }
            #expect(try await world.sunlight.store.reviews.records(ofCase: major.theCase.id).count == 1, "refusals store nothing")
            _ = try await major.review(major.round)
        }
    }

    @Test("REV-4/REV-3: every element answered, problems explained, no approval over a problem; an incomplete form is refused")
    func checklistAndForm() async throws {
        try await DemoWorld.with { world in
            let major = try await MajorCase(world)
            let reviewer = try await world.actor("daj.fazhi")
            await #expect {
                try await world.sunlight.reviews.recordOpinion(round: major.round.id, answers: Array(ChecklistAnswer.allPass.dropLast()), outcome: .approve,
                                                       text: "同意。", by: reviewer)
            } throws: { error in (error as? SunlightError).map { $0.rule == .rev4 && $0.message.contains("是否涉嫌犯罪需移送司法机关") } ?? false }
            let unexplained = ChecklistAnswer.allPass.map { $0.element == .facts ? ChecklistAnswer(element: .facts, verdict: .problem, comment: "") : $0 }
            await #expect {
                try await world.sunlight.reviews.recordOpinion(round: major.round.id, answers: unexplained, outcome: .supplement, text: "补充。", by: reviewer)
            } throws: { error in (error as? SunlightError)?.rule == .rev4 }
            let problem = ChecklistAnswer.allPass.map { $0.element == .facts ? ChecklistAnswer(element: .facts, verdict: .problem, comment: "销毁时间不清") : $0 }
            await #expect {
                try await world.sunlight.reviews.recordOpinion(round: major.round.id, answers: problem, outcome: .approve, text: "同意。", by: reviewer)
            } throws: { "review.approve_with_problem" ~= $0 }
            _ = try await world.sunlight.reviews.recordOpinion(round: major.round.id, answers: problem, outcome: .supplement, text: "请查清销毁时间。", by: reviewer)
            await #expect {
                try await world.sunlight.reviews.recordOpinion(round: major.round.id, answers: ChecklistAnswer.allPass, outcome: .approve, text: "同意。", by: reviewer)
            } throws: { "review.already_reviewed" ~= $0 }

            var incomplete = ReviewForm.sample
            incomplete.hearing = " "
            incomplete.proposal = ""
            await #expect {
                try await world.sunlight.reviews.submitForReview(document: major.decisionID, form: incomplete, by: try await world.actor("daj.chenming"))
            } throws: { error in (error as? SunlightError).map { $0.rule == .rev3 && $0.message.contains("听证或评估情况、决定建议") } ?? false }
            #expect(try await world.sunlight.store.reviews.records(ofCase: major.theCase.id).count == 2)
        }
    }

    @Test("REV-6/REV-9: a returned draft resubmitted unchanged without coordination is flagged; with a recorded coordination it is not")
    func coordinationAndIgnoredOpinions() async throws {
        try await DemoWorld.with { world in
            let major = try await MajorCase(world)
            let supervisor = try await world.actor("jiandu")
            _ = try await major.review(major.round, .amendLaw)
            await #expect { try await major.completeAndSign() } throws: { "review.not_passed" ~= $0 }
            let second = try await major.resubmit()
            var flags = try await world.sunlight.reviews.reviewFlags(by: supervisor)
            #expect(flags.map(\.kind) == [.opinionIgnored] && flags.first?.caseNumber == major.theCase.number)
            _ = try await major.review(second, .amendLaw)
            _ = try await world.sunlight.reviews.recordCoordination(round: second.id, participants: ["陈明", "吴敏", "周军"],
                                                            content: "承办机构认为第四十八条第一项已足以适用；审核机构同意改变意见，补充写明款项即可。",
                                                            result: .reviewerRevises, by: try await world.actor("daj.chenming"))
            let third = try await major.resubmit()
            flags = try await world.sunlight.reviews.reviewFlags(by: supervisor)
            #expect(flags.count == 1, "the coordinated resubmission is not flagged again")
            _ = try await major.review(third)
            _ = try await major.completeAndSign()
            await #expect {
                try await world.sunlight.reviews.recordCoordination(round: third.id, participants: ["陈明", "吴敏"], content: "无分歧。", result: .adoptOpinion,
                                                            by: try await world.actor("daj.chenming"))
            } throws: { "review.nothing_to_coordinate" ~= $0 }
        }
    }

    @Test("REV-7: a complex case is decided by the heads collectively after the review passes: disagree and discuss-again block, agree opens")
    func collectiveDiscussion() async throws {
        try await DemoWorld.with { world in
            let major = try await MajorCase(world)
            let head = try await world.actor("daj.zhoujun")
            _ = try await world.sunlight.reviews.declareMajorFactors(case: major.theCase.id, factors: [.complex],
                                                             note: "涉及档案法、建筑法多个法律关系", by: try await world.actor("daj.chenming"))
            let status = try await world.sunlight.reviews.reviewStatus(of: major.decisionID, by: head)
            #expect(status.requirement.matched.map(\.code) == ["R3", "R6"] && status.requirement.collectiveDiscussion)
            await #expect {
                try await world.sunlight.reviews.recordDiscussion(round: major.round.id, participants: ["周军", "王强", "李梅"], minutes: "讨论纪要。",
                                                          outcome: .agree, by: head)
            } throws: { "review.discussion_before_approval" ~= $0 }
            _ = try await major.review(major.round)
            await #expect { try await major.completeAndSign() } throws: { "review.discussion_required" ~= $0 }
            await #expect {
                try await world.sunlight.reviews.recordDiscussion(round: major.round.id, participants: ["周军"], minutes: "讨论纪要。", outcome: .agree, by: head)
            } throws: { error in (error as? SunlightError)?.rule == .rev7 }
            await #expect {
                try await world.sunlight.reviews.recordDiscussion(round: major.round.id, participants: ["周军", "王强", "李梅"], minutes: "讨论纪要。",
                                                          outcome: .agree, by: try await world.actor("daj.chenming"))
            } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            // A head of the justice bureau, who also supervises and reviews, reads the case but is
            // not among the heads who decide it: their "discussion" is refused and written to the access log.
            let bureau = world.seeded.organisation("元谋县司法局")
            let outsider = try await world.sunlight.organisations.createUser(NewStaffUser(organisationID: bureau.id, username: "sfj.duoneng", displayName: "多能",
                                                                            roles: [.head, .supervisor, .legalReviewer], password: "Yuanmou-2026-x"),
                                                               by: .console("test"))
            let outsiderActor = try await world.actor(outsider.username)
            await #expect {
                try await world.sunlight.reviews.recordDiscussion(round: major.round.id, participants: ["周军", "王强", "李梅"], minutes: "讨论纪要。",
                                                          outcome: .agree, by: outsiderActor)
            } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            #expect(try await world.accessLog().contains { $0.action == .denied && $0.actorUserID == outsider.id })
            _ = try await world.sunlight.reviews.recordDiscussion(round: major.round.id, participants: ["周军", "王强", "李梅"],
                                                          minutes: "处罚幅度需结合补建档案情况再议。", outcome: .discussAgain, by: head)
            await #expect { try await major.completeAndSign() } throws: { "review.discussion_again" ~= $0 }
            _ = try await world.sunlight.reviews.recordDiscussion(round: major.round.id, participants: ["周军", "王强", "李梅", "吴敏（列席）"],
                                                          minutes: "一致同意按拟定意见作出处罚决定。", outcome: .agree, by: head)
            let signed = try await major.completeAndSign()
            #expect(signed.status == .signed)
        }
    }

    @Test("REV-9: a decision entered without its review (as an import would) is flagged to the supervisor, not to another county")
    func missingReviewFlag() async throws {
        try await DemoWorld.with { world in
            let major = try await MajorCase(world)
            var imported = try await world.sunlight.store.caseRecords.document(major.decisionID)!
            imported.status = .issued
            imported.number = "元档罚〔2026〕99号"
            imported.issuedOn = world.clock.today
            let draft = CaseDocument(caseID: major.theCase.id, type: .penaltyDecision, stage: "decision", fields: imported.fields, status: .issued,
                                     number: "元档罚〔2026〕99号", draftedBy: nil, draftedAt: Date(), issuedOn: world.clock.today)
            try await world.sunlight.store.caseRecords.insert(draft)
            // Records loaded outside the use cases are followed by the bulk load's rebuild of the read models.
            #expect(try await world.sunlight.reviews.reviewFlags(by: try await world.actor("jiandu")).isEmpty)
            try await world.sunlight.finishBulkLoad()
            let flags = try await world.sunlight.reviews.reviewFlags(by: try await world.actor("jiandu"))
            #expect(flags.count == 1 && flags[0].kind == .missingReview && flags[0].documentID == draft.id)
            #expect(flags[0].detail.contains("元档罚〔2026〕99号") && flags[0].detail.contains("R6"))
            await #expect { try await world.sunlight.reviews.reviewFlags(by: try await world.actor("scj.zhangwei")) } throws: { error in
                (error as? SunlightError)?.kind == .forbidden
            }
        }
    }

    @Test("REV-2: the catalogue is versioned — a new version applies from its date once approved, old ones stay; bad rules and back-dating are refused")
    func catalogueVersions() async throws {
        try await DemoWorld.with { world in
            let major = try await MajorCase(world)
            let head = try await world.actor("daj.zhoujun")
            var rules = MajorDecisionCatalogue.builtIn.rules
            rules[5].minAmountOrganisation = 50_000
            let today = world.clock.today
            await #expect {
                try await world.sunlight.reviews.adoptCatalogue(rules: rules, reviewDays: 5, effectiveOn: today.adding(days: -1), note: "降低数额标准", by: head)
            } throws: { error in (error as? SunlightError)?.rule == .rev2 }
            var empty = rules
            empty.append(MajorDecisionRule(code: "R9", title: "全部决定", source: "本机关规定"))
            await #expect { try await world.sunlight.reviews.adoptCatalogue(rules: empty, reviewDays: 5, effectiveOn: today, note: "全部审核", by: head) } throws: {
                error in (error as? SunlightError)?.rule == .rev2
            }
            await #expect {
                try await world.sunlight.reviews.adoptCatalogue(rules: rules, reviewDays: 3, effectiveOn: today, note: "降低数额标准",
                                                        by: try await world.actor("daj.chenming"))
            } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            let adopted = try await world.sunlight.reviews.adoptCatalogue(rules: rules, reviewDays: 5, effectiveOn: today.adding(days: 1),
                                                                  note: "按本地标准降低数额", by: head)
            #expect(adopted.version == 1)
            let approval = try #require(try await world.sunlight.reviews.catalogueApprovals(by: head)[1])
            _ = try await world.sunlight.reviews.approveCatalogue(approval.id, by: try await world.actor("jiandu"))
            #expect(try await world.sunlight.reviews.reviewStatus(of: major.decisionID, by: head).requirement.catalogueVersion == 0,
                    "until it takes effect, the default applies")
            world.clock.set(today.adding(days: 1))
            let later = try await world.sunlight.reviews.reviewStatus(of: major.decisionID, by: head)
            #expect(later.requirement.required && later.requirement.catalogueVersion == 1)
            let (current, versions) = try await world.sunlight.reviews.catalogues(by: head)
            #expect(current.version == 1 && current.reviewDays == 5 && versions.map(\.version) == [1])
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("REV-5: the queue shows each deadline (3 working days, across the weekend) and what is overdue; statistics count rounds, pass rate, time")
    func queueAndStatistics() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-20")!) { world in
            let major = try await MajorCase(world)
            let reviewer = try await world.actor("daj.fazhi")
            #expect(major.round.submission?.dueOn == CivilDate(iso: "2026-11-25"), "Friday + 3 working days = Wednesday")
            var queue = try await world.sunlight.reviews.reviewQueue(by: reviewer)
            #expect(queue.count == 1 && queue[0].state == .onTime && !queue[0].conflict)
            let task = try await world.sunlight.tasks(for: reviewer).first { $0.rule == .rev5 }
            #expect(task?.title == "法制审核：\(major.theCase.number) 第 1 轮" && task?.due == CivilDate(iso: "2026-11-25"))
            world.clock.set(CivilDate(iso: "2026-11-26")!)
            queue = try await world.sunlight.reviews.reviewQueue(by: reviewer)
            #expect(queue.first?.state == .overdue)
            _ = try await major.review(major.round, .supplement)
            #expect(try await world.sunlight.reviews.reviewQueue(by: reviewer).isEmpty)
            #expect(try await world.sunlight.tasks(for: try await world.actor("daj.chenming")).contains { $0.title.hasPrefix("审核意见待处理") && $0.rule == .rev6 })
            #expect(try await world.sunlight.reviews.reviewQueue(includeDone: true, by: reviewer).count == 1)
            let second = try await major.resubmit()
            world.clock.set(CivilDate(iso: "2026-11-27")!)
            _ = try await major.review(second)
            let statistics = try await world.sunlight.reviews.reviewStatistics(from: CivilDate(iso: "2026-11-01")!, to: CivilDate(iso: "2026-11-30")!,
                                                                       by: try await world.actor("jiandu"))
            let row = statistics.byOrganisation.first { $0.label == "元谋县档案局" }
            #expect(row?.decisions == 1 && row?.rounds == 2 && row?.reviewed == 2 && row?.approved == 1 && row?.passRate == 50)
            #expect(row?.overdue == 1 && row?.meanWorkingDays == 2.5, "4 working days (20→26 Nov) and 1 (26→27 Nov)")
            await #expect {
                try await world.sunlight.reviews.reviewStatistics(from: CivilDate(iso: "2026-11-01")!, to: CivilDate(iso: "2026-11-30")!,
                                                          by: try await world.actor("daj.chenming"))
            } throws: { error in (error as? SunlightError)?.kind == .forbidden }
            #expect(CSV.document(statistics.table).hasPrefix("\u{FEFF}机构,送审决定数") && CSV.document(statistics.table).contains("元谋县档案局,1,2,2,1,50.0,2.5,0,1"))
        }
    }
}
