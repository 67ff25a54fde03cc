import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 案件汇总查询一致性 — what dashboards and statistics ask the database for gives the same
/// answer on memory, SQLite and PostgreSQL.
@Suite("存储一致性 Repository conformance: case aggregates")
struct CaseAggregateConformanceTests {
    typealias C = Conformance

    @Test("REC-12: every matching case with no cap, newest first; counts by category; events of some kinds within dates, of the matching cases, in order",
          arguments: StoreKind.all)
    func matchingCountsEvents(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let day = 86_400.0
            let a = C.enforcementCase("元市监立〔2026〕1号", in: w.market, openedAt: 0)
            let b = C.enforcementCase("元市监立〔2026〕2号", in: w.market, openedAt: day, status: .closed)
            let c = C.enforcementCase("元市监立〔2026〕3号", in: w.market, openedAt: day * 2, category: .inspection, status: .suspended)
            let d = C.enforcementCase("武立〔2026〕1号", in: w.other, openedAt: day * 3)
            for x in [a, b, c, d] { try await store.cases.insert(x) }
            #expect(try await store.cases.matching(organisations: [w.market.id], filter: .running).map(\.number) == [c.number, a.number])
            #expect(try await store.cases.matching(organisations: [w.market.id, w.other.id], filter: .all).count == 4)
            #expect(try await store.cases.matching(organisations: [], filter: .all).isEmpty)
            #expect(try await store.cases.countsByCategory(organisations: [w.market.id], filter: .all) == [.penalty: 2, .inspection: 1])
            #expect(try await store.cases.countsByCategory(organisations: [w.market.id, w.other.id], filter: CaseFilter(openedFrom: b.openedOn))
                    == [.penalty: 2, .inspection: 1])
            #expect(try await store.cases.countsByCategory(organisations: [w.market.id], filter: CaseFilter(text: "没有")).isEmpty)

            let events: [(EnforcementCase, CaseEvent.Kind, Int)] = [
                (a, .opened, 0), (a, .decided, 1), (b, .decided, 2), (b, .closed, 3), (c, .closed, 4), (d, .decided, 2), (a, .closed, 5),
            ]
            for (theCase, kind, offset) in events {
                try await store.cases.append(CaseEvent(caseID: theCase.id, kind: kind, stage: nil, at: C.at(Double(offset)),
                                                       on: C.day.adding(days: offset), by: nil, data: ["fine": "\(offset)"]))
            }
            func picked(_ filter: CaseFilter, _ kinds: Set<CaseEvent.Kind>, _ dates: ClosedRange<CivilDate>?,
                        _ organisations: [Organisation.ID]? = nil) async throws -> [String] {
                try await store.cases.events(organisations: organisations ?? [w.market.id], cases: filter, kinds: kinds, dates: dates)
                    .map { "\($0.kind.rawValue)\(C.day.days(until: $0.on))" }
            }
            #expect(try await picked(.all, [.decided, .closed], nil) == ["decided1", "decided2", "closed3", "closed4", "closed5"], "in the order appended")
            #expect(try await picked(.all, [.decided, .closed], C.day.adding(days: 2)...C.day.adding(days: 4)) == ["decided2", "closed3", "closed4"],
                    "both ends of the dates included")
            #expect(try await picked(CaseFilter(category: .penalty), [.closed], nil) == ["closed3", "closed5"], "only the matching cases'")
            #expect(try await picked(CaseFilter(openedTo: a.openedOn), [.decided, .closed, .opened], nil) == ["opened0", "decided1", "closed5"])
            #expect(try await picked(.all, [.decided], nil, [w.other.id]) == ["decided2"])
            #expect(try await picked(.all, [], nil).isEmpty)
            let decided = try await store.cases.events(organisations: [w.market.id], cases: .all, kinds: [.decided], dates: nil)
            #expect(decided.map { $0.data["fine"] } == ["1", "2"], "events come back whole")
        }
    }

    @Test("REV-9: reviewable cases are general-procedure cases with an issued decision or a review record; SUP-9: referable cases add a Party member or official",
          arguments: StoreKind.all)
    func reviewableReferable(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let decided = C.enforcementCase("元市监立〔2026〕1号", in: w.market, openedAt: 1, status: .closed)
            let reviewed = C.enforcementCase("元市监立〔2026〕2号", in: w.market, openedAt: 2)
            let simple = C.enforcementCase("元市监立〔2026〕3号", in: w.market, openedAt: 3, status: .closed, simple: true)
            let signedOnly = C.enforcementCase("元市监立〔2026〕4号", in: w.market, openedAt: 4, status: .closed)
            let noticeOnly = C.enforcementCase("元市监立〔2026〕5号", in: w.market, openedAt: 5)
            let elsewhere = C.enforcementCase("武立〔2026〕1号", in: w.other, openedAt: 6, status: .closed)
            for x in [decided, reviewed, simple, signedOnly, noticeOnly, elsewhere] { try await store.cases.insert(x) }
            func document(_ theCase: EnforcementCase, _ type: DocumentType, _ status: CaseDocument.Status, fields: [String: String] = [:],
                          at seconds: Double = 0) async throws -> CaseDocument {
                let document = CaseDocument(caseID: theCase.id, type: type, stage: "decision", fields: fields, status: status, draftedBy: nil,
                                            draftedAt: C.at(seconds))
                try await store.caseRecords.insert(document)
                return document
            }
            _ = try await document(decided, .penaltyDecision, .issued)
            let draft = try await document(reviewed, .penaltyDecision, .draft)
            _ = try await document(simple, .simpleDecision, .issued)
            _ = try await document(signedOnly, .penaltyDecision, .signed)
            _ = try await document(noticeOnly, .penaltyNotice, .issued)
            _ = try await document(elsewhere, .penaltyDecision, .issued)
            try await store.reviews.insert(ReviewRecord(caseID: reviewed.id, organisationID: w.market.id, documentID: draft.id, round: 1, recordedBy: nil,
                                                        recordedAt: C.at(0), body: .opinion(ReviewOpinion(answers: [], outcome: .supplement, text: "意见",
                                                                                                            reviewedOn: C.day))))
            let decisions = Set(DocumentType.allCases.filter(\.isDecision))
            #expect(try await store.cases.reviewable(organisations: [w.market.id], decisionTypes: decisions).map(\.number) == [reviewed.number, decided.number])
            #expect(try await store.cases.reviewable(organisations: [w.market.id, w.other.id], decisionTypes: decisions).count == 3)
            #expect(try await store.cases.reviewable(organisations: [w.market.id], decisionTypes: []).map(\.number) == [reviewed.number],
                    "no decision types: only the reviewed")

            let closedPenalties = CaseFilter(statuses: [.closed, .archived], category: .penalty)
            let penalties: Set<DocumentType> = [.penaltyDecision, .simpleDecision]
            func referable(_ organisations: [Organisation.ID] = [w.market.id]) async throws -> [String] {
                try await store.cases.referable(organisations: organisations, filter: closedPenalties, decisionTypes: penalties).map(\.number)
            }
            #expect(try await referable().isEmpty, "no party is a Party member or official yet")
            for theCase in [decided, simple, signedOnly, reviewed, elsewhere] {
                try await store.cases.insert(party: CaseParty(caseID: theCase.id, kind: .person, name: "王某", idNumber: nil, address: nil, phone: nil,
                                                              representative: nil, partyMemberOrOfficial: true))
            }
            try await store.cases.insert(party: CaseParty(caseID: noticeOnly.id, kind: .organisation, name: "某某商行", idNumber: nil, address: nil,
                                                          phone: nil, representative: nil))
            #expect(try await referable() == [simple.number, decided.number], "closed, penalised by an issued decision, a Party member among the parties")
            #expect(try await referable([w.market.id, w.other.id]) == [elsewhere.number, simple.number, decided.number])
        }
    }

    @Test("STD-3: issued documents of an organisation's cases with a field set to a value; drafts and other values are not", arguments: StoreKind.all)
    func issuedDocumentsByField(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let a = C.enforcementCase("元市监立〔2026〕1号", in: w.market), b = C.enforcementCase("武立〔2026〕1号", in: w.other)
            for x in [a, b] { try await store.cases.insert(x) }
            func document(_ theCase: EnforcementCase, _ fields: [String: String], _ status: CaseDocument.Status, at seconds: Double) async throws -> CaseDocument {
                let document = CaseDocument(caseID: theCase.id, type: .penaltyDecision, stage: "decision", fields: fields, status: status, draftedBy: nil,
                                            draftedAt: C.at(seconds))
                try await store.caseRecords.insert(document)
                return document
            }
            let later = try await document(a, ["discretionFlag": "yes", "fine": "9000"], .issued, at: 20)
            let earlier = try await document(a, ["fine": "8000", "discretionFlag": "yes"], .issued, at: 10)
            _ = try await document(a, ["discretionFlag": "yes"], .draft, at: 30)
            _ = try await document(a, ["discretionFlag": "YES"], .issued, at: 40)
            _ = try await document(a, ["discretionFlagged": "yes", "note": "\"discretionFlag\":\"yes\""], .issued, at: 50)
            let other = try await document(b, ["discretionFlag": "yes"], .issued, at: 60)
            #expect(try await store.caseRecords.issuedDocuments(organisations: [w.market.id], field: "discretionFlag", value: "yes").map(\.id)
                    == [earlier.id, later.id], "oldest drafted first; the exact field and value only")
            #expect(try await store.caseRecords.issuedDocuments(organisations: [w.market.id, w.other.id], field: "discretionFlag", value: "yes").count == 3)
            #expect(try await store.caseRecords.issuedDocuments(organisations: [w.other.id], field: "discretionFlag", value: "yes") == [other])
            #expect(try await store.caseRecords.issuedDocuments(organisations: [], field: "discretionFlag", value: "yes").isEmpty)
        }
    }
}
