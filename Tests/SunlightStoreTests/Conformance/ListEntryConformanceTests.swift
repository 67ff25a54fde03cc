import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 清单存储一致性 — versions of the published lists (PUB-1, PUB-3, PUB-4) beyond the basic walk in
/// the publicity suite: the fields round-trip, a check changes only the check, filters combine.
@Suite("存储一致性 Repository conformance: list entries")
struct ListEntryConformanceTests {
    typealias C = Conformance

    func version(_ entry: UUID, _ organisation: Organisation, _ number: Int, drafted seconds: Double, kind: ListKind = .item,
                 change: ListEntryVersion.Change = .publish, by user: StaffUser? = nil) -> ListEntryVersion {
        ListEntryVersion(entryID: entry, kind: kind, organisationID: organisation.id, version: number, change: change,
                         fields: ["name": "销售过期食品的处罚", "basis": "《中华人民共和国食品安全法》第一百二十四条", "limit": "90"],
                         effectiveFrom: CivilDate(iso: "2026-12-01")!, draftedBy: user?.id, draftedAt: C.at(seconds))
    }

    @Test("PUB-3: a version round-trips with its fields; a check changes only status, checker, time and note; checking an unknown version is refused",
          arguments: StoreKind.all)
    func roundTripAndCheck(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let clerk = C.user("scj.gongshi", in: w.market)
            try await store.users.insert(clerk)
            let lists = store.lists
            let entry = UUID()
            let drafted = version(entry, w.market, 1, drafted: 5, by: clerk)
            try await lists.insert(drafted)
            #expect(try await lists.find(drafted.id) == drafted)
            #expect(try await lists.find(UUID()) == nil)
            await #expect(throws: (any Error).self) { try await lists.insert(drafted) }

            let rewritten = ListEntryVersion(id: drafted.id, entryID: entry, kind: .subject, organisationID: w.other.id, version: 7, change: .repeal,
                                             fields: ["name": "改"], effectiveFrom: C.day, status: .published, draftedBy: nil, draftedAt: C.at(99),
                                             checkedBy: clerk.id, checkedAt: C.at(40), checkNote: "核对无误")
            try await lists.update(rewritten)
            var checked = drafted
            checked.status = .published
            checked.checkedBy = clerk.id
            checked.checkedAt = C.at(40)
            checked.checkNote = "核对无误"
            #expect(try await lists.find(drafted.id) == checked, "what was drafted stays as drafted (PUB-3: history is never overwritten)")
            await #expect(throws: (any Error).self) { try await lists.update(version(UUID(), w.market, 1, drafted: 0)) }
        }
    }

    @Test("PUB-3: versions filter by kind, organisations and several statuses in drafting order; an entry's versions in version order; the feed is limited and scoped",
          arguments: StoreKind.all)
    func filters(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let lists = store.lists
            let item = UUID(), inspection = UUID(), subject = UUID()
            let i1 = version(item, w.market, 1, drafted: 10), i2 = version(item, w.market, 2, drafted: 40, change: .repeal)
            let r1 = version(inspection, w.market, 1, drafted: 20, kind: .randomInspection)
            let s1 = version(subject, w.other, 1, drafted: 30, kind: .subject)
            for v in [i2, s1, r1, i1] { try await lists.insert(v) }
            try await lists.insert(version(item, w.market, 3, drafted: 50))
            #expect(try await lists.versions(entryID: item).map(\.version) == [1, 2, 3])
            #expect(try await lists.versions(entryID: UUID()).isEmpty)

            var published = i1, rejected = r1
            published.status = .published
            published.checkedAt = C.at(60)
            rejected.status = .rejected
            rejected.checkedAt = C.at(70)
            for v in [published, rejected] { try await lists.update(v) }

            let both = [w.market.id, w.other.id]
            #expect(try await lists.versions(kind: nil, organisations: both, statuses: [.published, .rejected]).map(\.id) == [i1.id, r1.id])
            #expect(try await lists.versions(kind: .randomInspection, organisations: both, statuses: [.published, .rejected, .draft]).map(\.id) == [r1.id])
            #expect(try await lists.versions(kind: nil, organisations: [w.other.id], statuses: [.draft]).map(\.id) == [s1.id])
            #expect(try await lists.versions(kind: .item, organisations: [w.county.id], statuses: [.draft]).isEmpty, "the parent's own lists only")
            #expect(try await lists.versions(kind: nil, organisations: [], statuses: [.draft]).isEmpty)

            #expect(try await lists.recentlyChecked(organisations: nil, limit: 1).map(\.id) == [r1.id])
            #expect(try await lists.recentlyChecked(organisations: [w.other.id], limit: 10).isEmpty)
            #expect(try await lists.recentlyChecked(organisations: [], limit: 10).isEmpty)
            #expect(try await lists.chronological(offset: 1, limit: 2).map(\.id) == [r1.id, s1.id])
            #expect(try await lists.chronological(offset: 5, limit: 2).isEmpty)
        }
    }
}
