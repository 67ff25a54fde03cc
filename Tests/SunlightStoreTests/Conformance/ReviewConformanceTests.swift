import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 法制审核存储一致性 — review records (append-only) and catalogue versions.
@Suite("存储一致性 Repository conformance: legal reviews")
struct ReviewConformanceTests {
    typealias C = Conformance

    @Test("REV-5: review records come back whole and in the order recorded, by case, by cases and by organisation; a record ID is taken once",
          arguments: StoreKind.all)
    func records(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let a = C.enforcementCase("元市监立〔2026〕1号", in: w.market), b = C.enforcementCase("武立〔2026〕1号", in: w.other)
            for x in [a, b] { try await store.cases.insert(x) }
            var drafts: [EnforcementCase.ID: CaseDocument] = [:]
            for x in [a, b] {
                let draft = CaseDocument(caseID: x.id, type: .penaltyDecision, stage: "decision", fields: [:], draftedBy: nil, draftedAt: C.t0)
                try await store.caseRecords.insert(draft)
                drafts[x.id] = draft
            }
            let submission = ReviewSubmission(form: ReviewForm(facts: "事实", law: "法律", hearing: "未听证", proposal: "罚款"), draftHash: "h",
                                              catalogueVersion: 1, matchedRules: ["R6"], collectiveDiscussion: false, evidence: [],
                                              submittedOn: C.day, dueOn: C.day.adding(days: 3), reviewDays: 3)
            let opinion = ReviewOpinion(answers: [], outcome: .supplement, text: "补充证据", reviewedOn: C.day.adding(days: 1))
            func record(_ theCase: EnforcementCase, _ organisation: Organisation, _ seconds: Double, _ body: ReviewRecord.Body) -> ReviewRecord {
                ReviewRecord(caseID: theCase.id, organisationID: organisation.id, documentID: drafts[theCase.id]!.id, round: 1, recordedBy: nil,
                             recordedAt: C.at(seconds), body: body)
            }
            // Recorded out of time order: the order recorded is what counts.
            let r1 = record(a, w.market, 10, .submission(submission)), r2 = record(b, w.other, 5, .submission(submission))
            let r3 = record(a, w.market, 1, .opinion(opinion))
            for r in [r1, r2, r3] { try await store.reviews.insert(r) }
            #expect(try await store.reviews.record(r3.id) == r3, "a record comes back whole")
            #expect(try await store.reviews.record(UUID()) == nil)
            #expect(try await store.reviews.records(ofCase: a.id) == [r1, r3])
            #expect(try await store.reviews.records(ofCases: [a.id, b.id]).map(\.id) == [r1.id, r2.id, r3.id])
            #expect(try await store.reviews.records(ofCases: []).isEmpty)
            #expect(try await store.reviews.records(organisations: [w.other.id]) == [r2])
            #expect(try await store.reviews.records(organisations: []).isEmpty)
            #expect(try await store.reviews.records(offset: 1, limit: 5).map(\.id) == [r2.id, r3.id])
            await #expect(throws: (any Error).self) { try await store.reviews.insert(r1) }
        }
    }

    @Test("REV-2: an organisation's catalogue versions in version order, each version once; the built-in catalogue is not stored", arguments: StoreKind.all)
    func catalogues(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            func version(_ organisation: Organisation, _ number: Int) -> MajorDecisionCatalogue {
                MajorDecisionCatalogue(organisationID: organisation.id, version: number, effectiveOn: C.day.adding(days: number), rules: [],
                                       reviewDays: 3 + number, adoptedBy: nil, adoptedAt: C.at(Double(number)), note: "第\(number)版")
            }
            let v2 = version(w.market, 2), v1 = version(w.market, 1), o1 = version(w.other, 1)
            for c in [v2, v1, o1] { try await store.reviews.insert(catalogue: c) }
            #expect(try await store.reviews.catalogues(organisation: w.market.id) == [v1, v2])
            #expect(try await store.reviews.catalogues(organisation: w.county.id).isEmpty)
            let all = try await store.reviews.allCatalogues()
            #expect(all.count == 3)
            #expect(all.filter { $0.organisationID == w.market.id }.map(\.version) == [1, 2], "by organisation, then version")
            await #expect(throws: (any Error).self) { try await store.reviews.insert(catalogue: version(w.market, 2)) }
            await #expect(throws: (any Error).self) {
                try await store.reviews.insert(catalogue: MajorDecisionCatalogue(organisationID: nil, version: 0, effectiveOn: nil, rules: []))
            }
        }
    }
}
