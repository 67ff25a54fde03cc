import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// The demo archives bureau's major case (R6, 较大数额): its notice was issued, and its draft
/// decision waits for 吴敏's review (round 1).
private struct ArchivesCase {
    let world: DemoWorld
    let theCase: EnforcementCase
    let round: ReviewRecord

    init(_ world: DemoWorld) async throws {
        self.world = world
        let archives = world.seeded.organisation("元谋县档案局")
        theCase = try await world.sunlight.store.cases.list(organisations: [archives.id], filter: .all, limit: 10).first { $0.title == "擅自销毁建设工程档案" }!
        round = try await world.sunlight.store.reviews.records(ofCase: theCase.id).first { $0.submission != nil }!
    }

    var decisionID: UUID { round.documentID }

    /// The default catalogue without its 较大数额 rule R6: a looser version.
    static var loosened: [MajorDecisionRule] { MajorDecisionCatalogue.builtIn.rules.filter { $0.code != "R6" } }

    func requirement() async throws -> ReviewRequirement {
        try await world.sunlight.reviews.reviewStatus(of: decisionID, by: try await world.actor("daj.zhoujun")).requirement
    }
}

@Suite("法制审核关口不可清空 REV-10")
struct ReviewGateFloorTests {
    @Test("REV-10: a version that drops or narrows a situation of art. 58 is refused; one stored without them is still evaluated with them (行政处罚法 第五十八条)")
    func statutoryFloor() async throws {
        try await DemoWorld.with { world in
            let head = try await world.actor("daj.zhoujun")
            let dropped = MajorDecisionCatalogue.builtIn.rules.filter { $0.code != "R4" }
            await #expect { try await world.sunlight.reviews.adoptCatalogue(rules: dropped, reviewDays: 3, effectiveOn: nil, note: "删除第四项", by: head) } throws: {
                ($0 as? SunlightError)?.rule == .rev10 && "\($0)".contains("第五十八条第一款第（四）项")
            }
            var narrowed = MajorDecisionCatalogue.builtIn.rules
            narrowed[0].categories = [.permit]
            await #expect { try await world.sunlight.reviews.adoptCatalogue(rules: narrowed, reviewDays: 3, effectiveOn: nil, note: "限缩第一项", by: head) } throws: {
                ($0 as? SunlightError)?.rule == .rev10
            }
            var noDiscussion = MajorDecisionCatalogue.builtIn.rules
            noDiscussion[2].collectiveDiscussion = false
            await #expect { try await world.sunlight.reviews.adoptCatalogue(rules: noDiscussion, reviewDays: 3, effectiveOn: nil, note: "复杂案件不讨论", by: head) } throws: {
                ($0 as? SunlightError)?.rule == .rev10
            }
        }
        // A version stored before the floor existed, with only a threshold rule.
        let legacy = MajorDecisionCatalogue(organisationID: UUID(), version: 1, effectiveOn: nil, rules: [MajorDecisionCatalogue.builtIn.rules[5]])
        let requirement = legacy.evaluate(DecisionFacts(category: .penalty, amount: 500, factors: [.complex]))
        #expect(requirement.required && requirement.matched.map(\.code) == ["R3"] && requirement.collectiveDiscussion)
    }

    @Test("REV-10: a new version is pending until the supervising justice bureau approves it, and takes effect no earlier than the next working day")
    func approvalBeforeEffect() async throws {
        try await DemoWorld.with { world in
            let major = try await ArchivesCase(world)
            let head = try await world.actor("daj.zhoujun"), supervisor = try await world.actor("jiandu")
            let today = world.clock.today
            let adopted = try await world.sunlight.reviews.adoptCatalogue(rules: ArchivesCase.loosened, reviewDays: 3, effectiveOn: today,
                                                                  note: "不再按数额认定", by: head)
            #expect(try await world.sunlight.reviews.catalogue(for: major.theCase.organisationID, on: today.adding(days: 30)).version == 0,
                    "pending: not in force")
            let desk = try await world.sunlight.reviews.catalogueApprovalDesk(by: supervisor)
            let item = try #require(desk.first { $0.catalogue.version == adopted.version && $0.organisation.id == major.theCase.organisationID })
            #expect(item.actions == [.approve, .returnVersion] && item.approval.status == .pending)
            #expect(try await world.sunlight.tasks(for: supervisor).contains { $0.rule == .rev10 && $0.title.contains("第 1 版") })
            // The head who adopted it, or an officer, cannot approve it.
            await #expect { try await world.sunlight.reviews.approveCatalogue(item.approval.id, by: head) } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            let approved = try await world.sunlight.reviews.approveCatalogue(item.approval.id, note: "同意", by: supervisor)
            #expect(approved.status == .approved && approved.effectiveOn == CivilDate(iso: "2026-11-24"), "Monday's approval applies from Tuesday")
            await #expect { try await world.sunlight.reviews.returnCatalogue(item.approval.id, reason: "再议", by: supervisor) } throws: {
                ($0 as? SunlightError)?.code == "catalogue.decided"
            }
            #expect(try await world.sunlight.reviews.catalogue(for: major.theCase.organisationID, on: today).version == 0)
            #expect(try await world.sunlight.reviews.catalogue(for: major.theCase.organisationID, on: CivilDate(iso: "2026-11-24")!).version == 1)

            // A returned version never takes effect.
            let second = try await world.sunlight.reviews.adoptCatalogue(rules: MajorDecisionCatalogue.builtIn.rules, reviewDays: 5, effectiveOn: today,
                                                                 note: "恢复数额标准", by: head)
            let pending = try #require(try await world.sunlight.reviews.catalogueApprovals(by: head)[second.version])
            _ = try await world.sunlight.reviews.returnCatalogue(pending.id, reason: "审核期限应与本地规定一致", by: supervisor)
            #expect(try await world.sunlight.reviews.catalogue(for: major.theCase.organisationID, on: today.adding(days: 60)).version == 1)
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("REV-10: a case is judged by the stricter of the version in force at its notice and the current one, and so are the REV-9 flags")
    func stricterOfTwoVersions() async throws {
        try await DemoWorld.with { world in
            let major = try await ArchivesCase(world)
            let head = try await world.actor("daj.zhoujun")
            _ = try await world.sunlight.reviews.adoptCatalogue(rules: ArchivesCase.loosened, reviewDays: 3, effectiveOn: nil, note: "不再按数额认定", by: head)
            let approval = try #require(try await world.sunlight.reviews.catalogueApprovals(by: head)[1])
            _ = try await world.sunlight.reviews.approveCatalogue(approval.id, by: try await world.actor("jiandu"))
            world.clock.set(CivilDate(iso: "2026-11-24")!)
            let requirement = try await major.requirement()
            #expect(requirement.catalogueVersion == 1 && requirement.noticeCatalogueVersion == 0)
            #expect(requirement.required && requirement.matched.map(\.code) == ["R6"], "the version in force at the notice still matches")

            // An issued decision without its review (as an import would enter it) is still flagged.
            let draft = try await world.sunlight.store.caseRecords.document(major.decisionID)!
            let imported = CaseDocument(caseID: major.theCase.id, type: .penaltyDecision, stage: "decision", fields: draft.fields, status: .issued,
                                        number: "元档罚〔2026〕98号", draftedBy: nil, draftedAt: Date(), issuedOn: world.clock.today)
            try await world.sunlight.store.caseRecords.insert(imported)
            try await world.sunlight.finishBulkLoad()
            let flags = try await world.sunlight.reviews.reviewFlags(by: try await world.actor("jiandu"))
            #expect(flags.contains { $0.kind == .missingReview && $0.documentID == imported.id })
        }
    }

    @Test("REV-10: a 严重 violation no rule matches is decided only after the heads' collective discussion (行政处罚法 第五十七条第二款)")
    func severeNeedsDiscussion() throws {
        let facts = DecisionFacts(category: .penalty, amount: 2_000, severe: true)
        let requirement = MajorDecisionCatalogue.builtIn.evaluate(facts)
        #expect(!requirement.required && requirement.collectiveDiscussion && requirement.summary.contains("集体讨论"))
        let document = CaseDocument(caseID: UUID(), type: .penaltyDecision, stage: "decision", fields: ["fine": "2000"], draftedBy: nil, draftedAt: Date())
        #expect { try ReviewGate.check(document, requirement: requirement, history: ReviewHistory(documentID: document.id, records: [])) } throws: {
            ($0 as? SunlightError)?.code == "review.discussion_required"
        }
        #expect(MajorDecisionCatalogue.builtIn.evaluate(DecisionFacts(category: .coercion, severe: true)).collectiveDiscussion)
    }

    @Test("REV-10: whoever reviewed a decision cannot sign it, even holding the head role; another head can")
    func reviewerNeverSigns() async throws {
        try await DemoWorld.with { world in
            let major = try await ArchivesCase(world)
            let archives = world.seeded.organisation("元谋县档案局")
            let both = try await world.sunlight.organisations.createUser(
                NewStaffUser(organisationID: archives.id, username: "daj.jianren", displayName: "兼任", roles: [.head, .legalReviewer],
                             password: "Yuanmou-2026-x", legalQualification: "A20215323009"), by: .console("test"))
            let dual = try await world.actor(both.username), officer = try await world.actor("daj.chenming")
            _ = try await world.sunlight.reviews.recordOpinion(round: major.round.id, answers: ChecklistAnswer.allPass, outcome: .approve, text: "同意作出决定。",
                                                       by: dual)
            _ = try await world.sunlight.cases.completeStage(case: major.theCase.id, by: officer)
            if try await world.sunlight.store.caseRecords.document(major.decisionID)?.status == .draft {
                _ = try await world.sunlight.cases.submitDocument(major.decisionID, by: officer)
            }
            #expect(try await !world.sunlight.cases.documentActions(major.decisionID, by: dual).contains(.sign))
            await #expect { try await world.sunlight.cases.signDocument(major.decisionID, by: dual) } throws: {
                ($0 as? SunlightError)?.code == "review.reviewer_signs" && ($0 as? SunlightError)?.rule == .rev10
            }
            let signed = try await world.sunlight.cases.signDocument(major.decisionID, by: try await world.actor("daj.zhoujun"))
            #expect(signed.status == .signed)
        }
    }

    @Test("REV-10: an administrator of the province sets the bounds of thresholds; a version outside them is refused")
    func thresholdBounds() async throws {
        try await DemoWorld.with { world in
            let head = try await world.actor("daj.zhoujun")
            var rules = MajorDecisionCatalogue.builtIn.rules
            rules[5].minAmountOrganisation = 200_000
            await #expect { try await world.sunlight.reviews.adoptCatalogue(rules: rules, reviewDays: 3, effectiveOn: nil, note: "提高数额标准", by: head) } throws: {
                ($0 as? SunlightError)?.rule == .rev10 && "\($0)".contains("3000–100000")
            }
            let province = world.seeded.organisation("云南省人民政府")
            let county = try await world.actor("admin")
            #expect(try await world.sunlight.reviews.catalogueBounds(by: county).actions.isEmpty, "a county administrator does not set them")
            await #expect {
                try await world.sunlight.reviews.setCatalogueBounds(province: province.id, personMin: 200, personMax: 20_000, organisationMin: 3_000,
                                                            organisationMax: 300_000, basis: "省政府规章", by: county)
            } throws: { ($0 as? SunlightError)?.kind == .forbidden }
            let admin = try await world.actor("yn.admin")
            #expect(try await world.sunlight.reviews.catalogueBounds(of: world.seeded.organisation("元谋县档案局").id, by: admin).actions == [.set])
            _ = try await world.sunlight.reviews.setCatalogueBounds(province: province.id, personMin: 200, personMax: 20_000, organisationMin: 3_000,
                                                            organisationMax: 300_000, basis: "云南省较大数额罚款标准", by: admin)
            let adopted = try await world.sunlight.reviews.adoptCatalogue(rules: rules, reviewDays: 3, effectiveOn: nil, note: "提高数额标准", by: head)
            #expect(adopted.version == 1)
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }
    @Test("REV-10: a 查封扣押 decision is submitted for legal review and gated when a catalogue rule for coercion matches (行政处罚法 第五十八条; 行政强制法 第二十四条)")
    func seizureDecisionGated() async throws {
        try await DemoWorld.with { world in
            // The comprehensive enforcement bureau: 孙强 heads it, 周涛 and he hold coercion certificates, 徐慧 reviews.
            let head = try await world.actor("zf.sunqiang"), officer = try await world.actor("zf.zhoutao")
            let rules = MajorDecisionCatalogue.builtIn.rules + [MajorDecisionRule(code: "R7", title: "查封、扣押场所、设施或者财物的",
                                                                                  source: "本机关重大执法决定目录", categories: [.coercion])]
            _ = try await world.sunlight.reviews.adoptCatalogue(rules: rules, reviewDays: 3, effectiveOn: nil, note: "查封扣押纳入法制审核", by: head)
            let approval = try #require(try await world.sunlight.reviews.catalogueApprovals(by: head)[1])
            _ = try await world.sunlight.reviews.approveCatalogue(approval.id, by: try await world.actor("jiandu"))
            world.clock.set(CivilDate(iso: "2026-11-24")!)
            let theCase = try await world.sunlight.cases.openCase(
                NewCase(title: "扣押过期食品", category: .coercion, source: .inspection, violationOn: world.clock.today,
                        parties: [NewCase.Party(kind: .organisation, name: "元谋县好又多超市有限公司", idNumber: "91532328MA6K000000",
                                                address: "元谋县元马镇龙川街 12 号", representative: "王小明")],
                        officers: [try await world.user("zf.sunqiang").id]), by: officer)
            _ = try await world.sunlight.cases.recordCaseEvidence(
                case: theCase.id, NewCaseEvidence(kind: .audiovisual, description: "执法记录仪录像：现场检查过程", source: "执法人员现场拍摄", original: true,
                                                  confirmedBy: "王小明", confirmedOn: world.clock.today),
                upload: (try await world.evidence("现场检查录像", recordedBy: "zf.zhoutao"), try world.storeBlob(Array(repeating: 7, count: 5000))), by: officer)
            let seizure = CaseDocument(caseID: theCase.id, type: .seizureDecision, stage: theCase.stage, fields: DocumentType.seizureDecision.sampleFields([:]),
                                       status: .review, draftedBy: officer.user?.id, draftedAt: Date())
            try await world.sunlight.store.caseRecords.insert(seizure)
            #expect(try await world.sunlight.cases.documentActions(seizure.id, by: officer).contains(.submitForReview))
            await #expect { try await world.sunlight.cases.signDocument(seizure.id, by: head) } throws: { ($0 as? SunlightError)?.code == "review.required" }
            let round = try await world.sunlight.reviews.submitForReview(document: seizure.id, form: .sample, by: officer)
            #expect(round.submission?.matchedRules == ["R7"])
            _ = try await CaseDriver(world: world, id: theCase.id).review(round, by: "zf.xuhui")
            #expect(try await world.sunlight.cases.signDocument(seizure.id, by: head).status == .signed)
        }
    }

    @Test("A justice-bureau head who may read the archives bureau's case cannot record its collective discussion (REV-7; 行政处罚法 第五十七条; issue 15 item 3)")
    func discussionByOutsider() async throws {
        try await DemoWorld.with { world in
            let major = try await ArchivesCase(world)
            let outsider = try await world.sunlight.organisations.createUser(
                NewStaffUser(organisationID: world.seeded.organisation("元谋县司法局").id, username: "sfj.jianguan", displayName: "兼管",
                             roles: [.head, .supervisor], password: "Yuanmou-2026-x"), by: .console("test"))
            await #expect {
                try await world.sunlight.reviews.recordDiscussion(round: major.round.id, participants: ["甲", "乙", "丙"], minutes: "同意作出决定。",
                                                            outcome: .agree, by: try await world.actor(outsider.username))
            } throws: { ($0 as? SunlightError) == .outsideScope }
        }
    }
}
