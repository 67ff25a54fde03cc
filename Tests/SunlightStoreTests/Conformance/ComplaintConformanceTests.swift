import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 投诉举报存储一致性 — complaints and their append-only events (SUP-1) beyond the basic walk in
/// the supervision suite: round-trips, updates, ties, paging and unknown keys.
@Suite("存储一致性 Repository conformance: complaints")
struct ComplaintConformanceTests {
    typealias C = Conformance

    func complaint(_ code: String, to organisation: Organisation, at seconds: Double) -> Complaint {
        Complaint(trackingCode: code, receivedBy: organisation.id, channel: .open311, subject: "噪声扰民", description: "夜间施工",
                  location: "元马镇龙川街", latitude: "25.7", longitude: "101.8", anonymous: false, receivedAt: C.at(seconds), receivedOn: C.day,
                  dueOn: CivilDate(iso: "2026-12-07"))
    }

    @Test("SUP-1: a complaint round-trips by ID and tracking code; an update is read back whole; unknown keys find nothing and updating one is refused",
          arguments: StoreKind.all)
    func roundTrip(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let officer = C.user("scj.lina", in: w.market)
            try await store.users.insert(officer)
            let repo = store.complaints
            let original = complaint("TS1001", to: w.county, at: 1)
            try await repo.insert(original)
            #expect(try await repo.find(original.id) == original)
            #expect(try await repo.find(trackingCode: "TS1001") == original)
            #expect(try await repo.find(UUID()) == nil)
            #expect(try await repo.find(trackingCode: "TS9999") == nil)
            #expect(try await repo.find(trackingCode: "ts1001") == nil, "tracking codes match exactly")
            await #expect(throws: (any Error).self) { try await repo.insert(original) }

            var answered = original
            answered.handlingOrganisation = w.market.id
            answered.handler = officer.id
            answered.takenBySupervisor = true
            answered.status = .answered
            answered.feedback = "已责令停止夜间施工"
            answered.answeredOn = CivilDate(iso: "2026-11-30")
            try await repo.update(answered)
            #expect(try await repo.find(original.id) == answered)
            #expect(try await repo.find(trackingCode: "TS1001") == answered)
            await #expect(throws: (any Error).self) { try await repo.update(complaint("TS1002", to: w.county, at: 2)) }
        }
    }

    @Test("SUP-1: lists show each complaint once, received or handled, newest received first with ties by ID; the walk is oldest first a page at a time",
          arguments: StoreKind.all)
    func listsAndPages(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let repo = store.complaints
            let early = complaint("TS2001", to: w.market, at: 1), late = complaint("TS2004", to: w.market, at: 9)
            let twinA = complaint("TS2002", to: w.market, at: 5), twinB = complaint("TS2003", to: w.other, at: 5)
            for c in [late, twinB, early, twinA] { try await repo.insert(c) }
            let twins = [twinA, twinB].sorted { $0.id.uuidString < $1.id.uuidString }.map(\.id)
            var handedOver = twinB
            handedOver.handlingOrganisation = w.market.id
            try await repo.update(handedOver)

            #expect(try await repo.list(organisations: [w.market.id]).map(\.id) == [late.id] + twins + [early.id])
            #expect(try await repo.list(organisations: [w.market.id, w.other.id]).map(\.id) == [late.id] + twins + [early.id], "once, though both match")
            #expect(try await repo.list(organisations: [w.other.id]).map(\.id) == [twinB.id], "the receiver still sees what it handed over")
            #expect(try await repo.list(organisations: [w.county.id]).isEmpty, "not the parent's: only the named organisations")

            #expect(try await repo.chronological(offset: 0, limit: 10).map(\.id) == [early.id] + twins + [late.id])
            #expect(try await repo.chronological(offset: 1, limit: 2).map(\.id) == twins)
            #expect(try await repo.chronological(offset: 4, limit: 2).isEmpty)
        }
    }

    @Test("SUP-1, REC-5: events keep the order written across complaints, each with the complaint's state at the time; event IDs are unique",
          arguments: StoreKind.all)
    func events(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let repo = store.complaints
            let a = complaint("TS3001", to: w.market, at: 1), b = complaint("TS3002", to: w.market, at: 2)
            for c in [a, b] { try await repo.insert(c) }
            var closed = a
            closed.status = .closed
            closed.closedOn = CivilDate(iso: "2026-11-28")
            let written = [ComplaintEvent(kind: .registered, at: C.at(30), by: nil, note: nil, state: a),
                           ComplaintEvent(kind: .registered, at: C.at(20), by: nil, note: nil, state: b),
                           ComplaintEvent(kind: .closed, at: C.at(10), by: nil, note: "已办结", state: closed)]
            for e in written { try await repo.append(e) }
            await #expect(throws: (any Error).self) { try await repo.append(written[0]) }

            #expect(try await repo.events(of: a.id) == [written[0], written[2]])
            #expect(try await repo.events(of: b.id) == [written[1]])
            #expect(try await repo.events(of: UUID()).isEmpty)
            #expect(try await repo.events(offset: 0, limit: 10).map(\.id) == written.map(\.id))
            #expect(try await repo.events(offset: 1, limit: 1).map(\.id) == [written[1].id])
            #expect(try await repo.events(offset: 3, limit: 5).isEmpty)
        }
    }
}
