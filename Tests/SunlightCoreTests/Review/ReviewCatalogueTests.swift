import Foundation
import SunlightCore
import Testing

@Suite("重大执法决定目录与审核关口 REV-1 REV-2 REV-7")
struct ReviewCatalogueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let facts: DecisionFacts
        let matched: [String]
        let discussion: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an ordinary fine of a person", facts: DecisionFacts(category: .penalty, concernsPerson: true, amount: 5_000), matched: [], discussion: false),
        Case(name: "a person fined 10 000 (R6 threshold, inclusive)", facts: DecisionFacts(category: .penalty, concernsPerson: true, amount: 10_000),
             matched: ["R6"], discussion: false),
        Case(name: "an organisation fined 99 999 (below its threshold)", facts: DecisionFacts(category: .penalty, concernsPerson: false, amount: 99_999),
             matched: [], discussion: false),
        Case(name: "an organisation fined 100 000", facts: DecisionFacts(category: .penalty, concernsPerson: false, amount: 100_000),
             matched: ["R6"], discussion: false),
        Case(name: "an amount without a fine (permit)", facts: DecisionFacts(category: .permit, concernsPerson: false, amount: 500_000), matched: [], discussion: false),
        Case(name: "a hearing was held (R2)", facts: DecisionFacts(category: .penalty, concernsPerson: true, amount: 2_000, hearingHeld: true),
             matched: ["R2"], discussion: false),
        Case(name: "social impact without a hearing", facts: DecisionFacts(category: .penalty, factors: [.socialImpact]), matched: [], discussion: false),
        Case(name: "social impact after a hearing (R2, R5)", facts: DecisionFacts(category: .coercion, hearingHeld: true, factors: [.socialImpact]),
             matched: ["R2", "R5"], discussion: true),
        Case(name: "major public interest (R1, discussed)", facts: DecisionFacts(category: .permit, factors: [.publicInterest]), matched: ["R1"], discussion: true),
        Case(name: "complex, several legal relations (R3, discussed)", facts: DecisionFacts(category: .penalty, factors: [.complex]), matched: ["R3"], discussion: true),
        Case(name: "required by law (R4)", facts: DecisionFacts(category: .levy, factors: [.requiredByLaw]), matched: ["R4"], discussion: false),
        Case(name: "severe violation: discussed though not major (art. 57)", facts: DecisionFacts(category: .penalty, amount: 1_000, severe: true),
             matched: [], discussion: true),
        Case(name: "simple procedure is outside review, whatever it says",
             facts: DecisionFacts(category: .penalty, concernsPerson: true, amount: 50_000, hearingHeld: true, factors: [.complex], simple: true),
             matched: [], discussion: false),
    ]

    @Test("REV-2: the built-in catalogue (行政处罚法 art. 58, seed 002 第四条) says which rules match", arguments: cases)
    func builtInCatalogue(_ example: Case) {
        let requirement = MajorDecisionCatalogue.builtIn.evaluate(example.facts)
        #expect(requirement.matched.map(\.code) == example.matched)
        #expect(requirement.required == !example.matched.isEmpty)
        #expect(requirement.collectiveDiscussion == example.discussion)
        #expect(requirement.outsideReview == example.facts.simple)
    }

    @Test("REV-2: rules on item, field (the item's law) and level match only there; every rule cites its source")
    func narrowRules() throws {
        let item = UUID()
        let catalogue = MajorDecisionCatalogue(organisationID: UUID(), version: 2, effectiveOn: nil, rules: [
            MajorDecisionRule(code: "A1", title: "吊销食品生产许可证", source: "本机关目录第 1 项", itemEntryIDs: [item]),
            MajorDecisionRule(code: "A2", title: "食品安全领域的责令停产停业", source: "本机关目录第 2 项", fields: ["食品安全"], levels: [.city]),
        ])
        try catalogue.validate()
        #expect(catalogue.evaluate(DecisionFacts(category: .penalty, itemEntryID: item)).matched.map(\.code) == ["A1"])
        #expect(catalogue.evaluate(DecisionFacts(category: .penalty, itemEntryID: UUID())).matched.isEmpty)
        #expect(catalogue.evaluate(DecisionFacts(category: .penalty, itemLaw: "中华人民共和国食品安全法", level: .city)).matched.map(\.code) == ["A2"])
        #expect(catalogue.evaluate(DecisionFacts(category: .penalty, itemLaw: "中华人民共和国食品安全法", level: .county)).matched.isEmpty)
        #expect(catalogue.evaluate(DecisionFacts(category: .penalty, itemLaw: "中华人民共和国档案法", level: .city)).matched.isEmpty)
        #expect(MajorDecisionCatalogue.builtIn.rules.allSatisfy { $0.source.count > 4 && $0.hasCondition })
        #expect(MajorDecisionCatalogue.builtIn.rules[1].conditions == ["经过听证程序"])
    }

    @Test("REV-2: a version with a rule without conditions, duplicate codes, no source or an odd deadline is refused")
    func invalidCatalogues() {
        let good = MajorDecisionRule(code: "R1", title: "涉及重大公共利益的", source: "行政处罚法第五十八条", factors: [.publicInterest])
        let bad: [MajorDecisionCatalogue] = [
            MajorDecisionCatalogue(organisationID: nil, version: 1, effectiveOn: nil, rules: []),
            MajorDecisionCatalogue(organisationID: nil, version: 1, effectiveOn: nil, rules: [good, good]),
            MajorDecisionCatalogue(organisationID: nil, version: 1, effectiveOn: nil, rules: [MajorDecisionRule(code: "R2", title: "全部", source: "本机关")]),
            MajorDecisionCatalogue(organisationID: nil, version: 1, effectiveOn: nil, rules: [MajorDecisionRule(code: "R3", title: "公益", source: "", factors: [.publicInterest])]),
            MajorDecisionCatalogue(organisationID: nil, version: 1, effectiveOn: nil, rules: [good], reviewDays: 0),
        ]
        for catalogue in bad {
            #expect(throws: SunlightError.self) { try catalogue.validate() }
        }
    }

    /// A round of review for `document`, with an opinion and discussions.
    static func history(for document: CaseDocument, hash: String? = nil, outcome: ReviewOutcome? = .approve,
                        discussions: [CollectiveDiscussion.Outcome] = []) -> ReviewHistory {
        let day = CivilDate(iso: "2026-11-23")!
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        func record(_ offset: Double, _ body: ReviewRecord.Body) -> ReviewRecord {
            ReviewRecord(caseID: document.caseID, organisationID: UUID(), documentID: document.id, round: 1, recordedBy: nil,
                         recordedAt: base.addingTimeInterval(offset), body: body)
        }
        var records = [record(0, .submission(ReviewSubmission(form: ReviewForm(facts: "事实", law: "法律", hearing: "未听证", proposal: "罚款"),
                                                              draftHash: hash ?? document.contentHash, catalogueVersion: 0, matchedRules: ["R6"],
                                                              collectiveDiscussion: false, evidence: [], submittedOn: day, dueOn: day.adding(days: 3),
                                                              reviewDays: 3)))]
        if let outcome { records.append(record(1, .opinion(ReviewOpinion(answers: [], outcome: outcome, text: "意见", reviewedOn: day)))) }
        for (index, result) in discussions.enumerated() {
            records.append(record(Double(2 + index), .discussion(CollectiveDiscussion(participants: ["甲", "乙", "丙"], minutes: "纪要", outcome: result, heldOn: day))))
        }
        return ReviewHistory(documentID: document.id, records: records)
    }

    @Test("REV-1/REV-7: the gate — no review, pending, not passed, draft changed, discussion missing/against/again — each refused with its rule")
    func gate() throws {
        let document = CaseDocument(caseID: UUID(), type: .penaltyDecision, stage: "review", fields: ["fine": "100000", "penalty": "罚款拾万元"],
                                    draftedBy: nil, draftedAt: Date())
        let major = MajorDecisionCatalogue.builtIn.evaluate(DecisionFacts(category: .penalty, amount: 100_000))
        let discussed = MajorDecisionCatalogue.builtIn.evaluate(DecisionFacts(category: .penalty, amount: 100_000, factors: [.complex]))
        let minor = MajorDecisionCatalogue.builtIn.evaluate(DecisionFacts(category: .penalty, amount: 1_000))
        func code(_ requirement: ReviewRequirement, _ history: ReviewHistory) -> String? {
            do { try ReviewGate.check(document, requirement: requirement, history: history); return nil } catch let error as SunlightError {
                #expect(error.rule == (error.code.contains("discussion") ? .rev7 : .rev1))
                return error.code
            } catch { return "?" }
        }
        let none = ReviewHistory(documentID: document.id, records: [])
        #expect(code(minor, none) == nil, "not major, not asked: no review needed")
        #expect(code(major, none) == "review.required")
        #expect(code(major, Self.history(for: document, outcome: nil)) == "review.pending")
        #expect(code(minor, Self.history(for: document, outcome: nil)) == "review.pending", "a review asked for binds")
        #expect(code(major, Self.history(for: document, outcome: .supplement)) == "review.not_passed")
        #expect(code(major, Self.history(for: document, hash: String(repeating: "0", count: 64))) == "review.draft_changed")
        #expect(code(major, Self.history(for: document)) == nil)
        var flagged = document
        flagged.fields["discretionFlag"] = "yes"
        #expect(code(major, Self.history(for: flagged)) == nil && flagged.contentHash == document.contentHash, "the system's own flag is not a change")
        #expect(code(discussed, Self.history(for: document)) == "review.discussion_required")
        #expect(code(discussed, Self.history(for: document, discussions: [.disagree])) == "review.discussion_disagreed")
        #expect(code(discussed, Self.history(for: document, discussions: [.agree, .discussAgain])) == "review.discussion_again")
        #expect(code(discussed, Self.history(for: document, discussions: [.discussAgain, .agree])) == nil)
    }
}
