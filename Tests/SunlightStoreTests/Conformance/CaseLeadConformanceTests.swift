import Foundation
@testable import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 线索登记存储一致性 — case leads kept whole in their own table, found by organisation and
/// status, and the lead a case was opened from read back with the case (REC-18).
@Suite("存储一致性 Repository conformance: case leads")
struct CaseLeadConformanceTests {
    typealias C = Conformance

    @Test("REC-18: leads stored whole, listed for their organisation or the receiver of a transfer, by status; a case keeps the lead it came from",
          arguments: StoreKind.all)
    func leads(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            func lead(_ number: String, in organisation: Organisation, at seconds: Double) -> CaseLead {
                CaseLead(id: UUID(), number: number, organisationID: organisation.id, source: .hotline, receivedOn: C.day, summary: "热线：销售过期食品",
                         partyKind: .person, partySeal: String(repeating: "ab", count: 32), createdAt: C.at(seconds), registeredBy: nil,
                         dueOn: CivilDate(iso: "2026-12-14"), complaintIDs: [UUID()])
            }
            let records = store.records(CaseLead.self)
            let l1 = lead("线索1", in: w.market, at: 1), l2 = lead("线索2", in: w.market, at: 2), l3 = lead("线索3", in: w.other, at: 3)
            for l in [l1, l2, l3] { try await records.insert(l) }
            var sent = l1
            sent.status = .transferred
            sent.transferredTo = w.county.id
            sent.steps = [CaseLead.Step(action: .transfer, at: C.at(4), on: C.day, by: nil, text: "移送")]
            try await records.update(sent)
            #expect(try await records.find(l1.id) == sent)
            #expect(try await records.list(organisations: [w.market.id], statuses: CaseLead.Status.openCodes).map(\.id) == [l2.id])
            #expect(try await records.list(organisations: [w.county.id]).map(\.id) == [l1.id], "the receiver of a transfer finds it")
            #expect(try await records.chronological(offset: 0, limit: 5).map(\.id) == [l1.id, l2.id, l3.id])

            let theCase = EnforcementCase(organisationID: w.market.id, number: "元市监立〔2026〕9号", title: "销售过期食品案", category: .penalty, simple: false,
                                          itemEntryID: nil, source: .complaint, violationOn: nil, endangersSafety: false, openedOn: C.day, openedAt: C.at(5),
                                          openedBy: nil, decisionDays: 90, classification: .normal, stage: "investigation", status: .open, leadID: l2.id)
            try await store.cases.insert(theCase)
            #expect(try await store.cases.find(theCase.id)?.leadID == l2.id)
            let plain = C.enforcementCase("元市监立〔2026〕10号", in: w.market)
            try await store.cases.insert(plain)
            #expect(try await store.cases.find(plain.id)?.leadID == nil)
        }
    }
}
