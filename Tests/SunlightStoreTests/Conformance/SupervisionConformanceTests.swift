import Foundation
@testable import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 监督存储一致性 — complaints and their events, supervision instruments, discipline referrals,
/// case transfers and the organisation-state records (one shared shape for every kind).
@Suite("存储一致性 Repository conformance: supervision")
struct SupervisionConformanceTests {
    typealias C = Conformance

    func complaint(_ code: String, to organisation: Organisation, at seconds: Double) -> Complaint {
        Complaint(trackingCode: code, receivedBy: organisation.id, channel: .portal, subject: "占道经营", description: "门口堆放货物",
                  location: nil, anonymous: true, receivedAt: C.at(seconds), receivedOn: C.day, dueOn: nil)
    }

    @Test("SUP-1: complaints by tracking code (unique), listed for the receiving or the handling organisation newest first; events in the order written",
          arguments: StoreKind.all)
    func complaints(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let repo = store.complaints
            let c1 = complaint("TS0001", to: w.county, at: 1), c2 = complaint("TS0002", to: w.county, at: 2), c3 = complaint("TS0003", to: w.other, at: 3)
            for c in [c1, c2, c3] { try await repo.insert(c) }
            await #expect(throws: (any Error).self) { try await repo.insert(complaint("TS0001", to: w.other, at: 4)) }
            #expect(try await repo.find(trackingCode: "TS0002") == c2)
            var handed = c1
            handed.handlingOrganisation = w.market.id
            try await repo.update(handed)
            #expect(try await repo.list(organisations: [w.county.id]).map(\.id) == [c2.id, c1.id])
            #expect(try await repo.list(organisations: [w.market.id]).map(\.id) == [c1.id], "the handling organisation sees it too")
            #expect(try await repo.list(organisations: []).isEmpty)
            #expect(try await repo.chronological(offset: 1, limit: 5).map(\.id) == [c2.id, c3.id])
            let e1 = ComplaintEvent(kind: .registered, at: C.at(9), by: nil, note: nil, state: c1)
            let e2 = ComplaintEvent(kind: .transferred, at: C.at(8), by: nil, note: "转办", state: handed)
            try await repo.append(e1)
            try await repo.append(ComplaintEvent(kind: .registered, at: C.at(7), by: nil, note: nil, state: c2))
            try await repo.append(e2)
            #expect(try await repo.events(of: c1.id).map(\.id) == [e1.id, e2.id])
            #expect(try await repo.events(of: c1.id).last?.state.handlingOrganisation == w.market.id)
            #expect(try await repo.events(offset: 0, limit: 10).count == 3)
        }
    }

    @Test("SUP-6: instruments listed for the issuer and the receiver newest first, counted per kind, issuer and year for numbering", arguments: StoreKind.all)
    func instruments(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            func instrument(_ kind: SupervisionInstrument.Kind, _ issued: String, to organisation: Organisation) -> SupervisionInstrument {
                SupervisionInstrument(kind: kind, number: "元司监〔\(issued)〕", organisationID: organisation.id, issuedBy: w.county.id,
                                      issuedOn: CivilDate(iso: issued)!, findings: "未按期公示", requirement: "限期整改",
                                      rectifyBy: CivilDate(iso: issued)!.adding(days: 30), evidence: nil, follows: nil)
            }
            let a = instrument(.notice, "2026-03-01", to: w.market), b = instrument(.notice, "2026-11-01", to: w.market)
            let c = instrument(.opinion, "2026-06-01", to: w.other), d = instrument(.notice, "2025-12-31", to: w.market)
            for i in [a, b, c, d] { try await store.instruments.insert(i) }
            #expect(try await store.instruments.list(organisations: [w.market.id]).map(\.id) == [b.id, a.id, d.id])
            #expect(try await store.instruments.list(organisations: [w.county.id]).map(\.id) == [b.id, c.id, a.id, d.id], "the issuer sees all")
            #expect(try await store.instruments.count(kind: .notice, issuedBy: w.county.id, year: 2026) == 2)
            #expect(try await store.instruments.count(kind: .opinion, issuedBy: w.county.id, year: 2026) == 1)
            #expect(try await store.instruments.count(kind: .notice, issuedBy: w.market.id, year: 2026) == 0)
            #expect(try await store.instruments.chronological(offset: 0, limit: 2).map(\.id) == [d.id, a.id])
            #expect(try await store.instruments.find(c.id) == c)
        }
    }

    @Test("SUP-9: one discipline referral per case, listed by referral date; transfers listed for sender and receiver newest first", arguments: StoreKind.all)
    func referralsAndTransfers(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let a = C.enforcementCase("元市监立〔2026〕1号", in: w.market), b = C.enforcementCase("元市监立〔2026〕2号", in: w.market, openedAt: 1)
            for x in [a, b] { try await store.cases.insert(x) }
            let r2 = DisciplineReferral(caseID: b.id, organisationID: w.market.id, recipient: "县纪委监委", referredOn: CivilDate(iso: "2026-11-20")!,
                                        note: "", referredBy: nil)
            let r1 = DisciplineReferral(caseID: a.id, organisationID: w.market.id, recipient: "县纪委监委", referredOn: CivilDate(iso: "2026-11-10")!,
                                        note: "", referredBy: nil)
            try await store.referrals.insert(r2)
            try await store.referrals.insert(r1)
            await #expect(throws: (any Error).self) {
                try await store.referrals.insert(DisciplineReferral(caseID: a.id, organisationID: w.market.id, recipient: "又一次",
                                                                    referredOn: C.day, note: "", referredBy: nil))
            }
            #expect(try await store.referrals.list(organisations: [w.market.id]).map(\.id) == [r1.id, r2.id])
            #expect(try await store.referrals.chronological(offset: 0, limit: 5).map(\.id) == [r1.id, r2.id])

            let t1 = CaseTransfer(caseID: a.id, fromOrganisation: w.market.id, kind: .organisation, toOrganisation: w.other.id, recipient: "武定县",
                                  urgent: false, reason: "管辖", createdAt: C.at(10), createdOn: C.day, reportedBy: [], status: .approved)
            let t2 = CaseTransfer(caseID: b.id, fromOrganisation: w.market.id, kind: .police, toOrganisation: nil, recipient: "元谋县公安局",
                                  urgent: true, reason: "涉嫌犯罪", createdAt: C.at(20), createdOn: C.day, reportedBy: [], status: .reported)
            for t in [t1, t2] { try await store.transfers.insert(t) }
            #expect(try await store.transfers.list(organisations: [w.market.id]).map(\.id) == [t2.id, t1.id])
            #expect(try await store.transfers.list(organisations: [w.other.id]).map(\.id) == [t1.id], "the receiver sees it")
            var refused = t2
            refused.status = .refused
            try await store.transfers.update(refused)
            #expect(try await store.transfers.find(t2.id)?.status == .refused)
            #expect(try await store.transfers.chronological(offset: 0, limit: 5).map(\.id) == [t1.id, t2.id])
        }
    }

    @Test("SUP-13: organisation-state records listed for the raiser or the counterpart, by status, newest first; each kind in its own table",
          arguments: StoreKind.all)
    func organisationStates(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            func guiding(_ title: String, by organisation: Organisation, at seconds: Double) -> GuidingCase {
                GuidingCase(id: UUID(), organisationID: organisation.id, counterpartID: w.county.id, caseID: UUID(), caseNumber: "元市监罚〔2026〕1号",
                            category: .penalty, year: 2026, title: title, reasons: [GuidingCase.reasons[0]], summary: "要旨", nominatedBy: "甲",
                            createdAt: C.at(seconds), status: .nominated)
            }
            let records = store.records(GuidingCase.self)
            let g1 = guiding("一", by: w.market, at: 1), g2 = guiding("二", by: w.market, at: 2), g3 = guiding("三", by: w.other, at: 3)
            for g in [g1, g2, g3] { try await records.insert(g) }
            await #expect(throws: (any Error).self) { try await records.insert(g1) }
            var accepted = g1
            accepted.status = .accepted
            try await records.update(accepted)
            #expect(try await records.find(g1.id) == accepted)
            #expect(try await records.list(organisations: [w.market.id]).map(\.id) == [g2.id, g1.id])
            #expect(try await records.list(organisations: [w.county.id]).map(\.id) == [g3.id, g2.id, g1.id], "the counterpart sees all")
            #expect(try await records.list(organisations: nil, statuses: ["accepted"]).map(\.id) == [g1.id])
            #expect(try await records.list(organisations: [], statuses: nil).isEmpty)
            #expect(try await records.chronological(offset: 1, limit: 5).map(\.id) == [g2.id, g3.id])
            #expect(try await store.records(CoordinationMatter.self).list(organisations: nil, statuses: nil).isEmpty, "another kind, another table")
        }
    }
}
