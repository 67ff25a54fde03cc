import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 证件审验与培训存储一致性 — annual certificate reviews and training records (STD-2) beyond the
/// basic walk in the publicity suite: round-trips, unique IDs, filters over several keys.
@Suite("存储一致性 Repository conformance: officer records")
struct OfficerRecordConformanceTests {
    typealias C = Conformance

    @Test("STD-2: reviews of the certificates asked for only, by year; a review round-trips with or without a note; review IDs are unique",
          arguments: StoreKind.all)
    func reviews(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let zhang = C.user("scj.zhangwei", in: w.market), li = C.user("scj.lina", in: w.market)
            for u in [zhang, li] { try await store.users.insert(u) }
            func certificate(_ holder: StaffUser, _ number: String) -> EnforcementCertificate {
                EnforcementCertificate(holderID: holder.id, number: number, categories: [.penalty, .inspection], region: "元谋县",
                                       validFrom: CivilDate(iso: "2023-03-01")!, validUntil: CivilDate(iso: "2028-02-28")!)
            }
            let a = certificate(zhang, "53232800101"), b = certificate(li, "53232800102")
            for c in [a, b] { try await store.certificates.insert(c) }
            let a2025 = CertificateReview(certificateID: a.id, year: 2025, passed: true, reviewedOn: CivilDate(iso: "2025-12-10")!, note: nil)
            let b2024 = CertificateReview(certificateID: b.id, year: 2024, passed: false, reviewedOn: CivilDate(iso: "2024-12-10")!, note: "培训学时不足")
            let a2023 = CertificateReview(certificateID: a.id, year: 2023, passed: true, reviewedOn: CivilDate(iso: "2023-12-10")!, note: "")
            for r in [a2025, b2024, a2023] { try await store.officerRecords.insert(review: r) }
            await #expect(throws: (any Error).self) { try await store.officerRecords.insert(review: a2025) }

            #expect(try await store.officerRecords.reviews(certificates: [a.id]) == [a2023, a2025])
            #expect(try await store.officerRecords.reviews(certificates: [b.id]) == [b2024])
            #expect(try await store.officerRecords.reviews(certificates: [a.id, b.id]) == [a2023, b2024, a2025])
            #expect(try await store.officerRecords.reviews(certificates: [UUID()]).isEmpty)
            #expect(try await store.officerRecords.reviews(certificates: []).isEmpty)
        }
    }

    @Test("STD-2: trainings of the officers asked for only, by date; a training round-trips; training IDs are unique", arguments: StoreKind.all)
    func trainings(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let zhang = C.user("scj.zhangwei", in: w.market), li = C.user("scj.lina", in: w.market), wang = C.user("wd.wang", in: w.other)
            for u in [zhang, li, wang] { try await store.users.insert(u) }
            func training(_ user: StaffUser, _ date: String, hours: Int) -> TrainingRecord {
                TrainingRecord(userID: user.id, date: CivilDate(iso: date)!, hours: hours, topic: "《行政处罚法》专题", provider: "元谋县司法局")
            }
            let z1 = training(zhang, "2026-02-01", hours: 4), l1 = training(li, "2026-04-01", hours: 16)
            let z2 = training(zhang, "2026-09-01", hours: 8), w1 = training(wang, "2026-01-01", hours: 2)
            for t in [z2, l1, w1, z1] { try await store.officerRecords.insert(training: t) }
            await #expect(throws: (any Error).self) { try await store.officerRecords.insert(training: z1) }

            #expect(try await store.officerRecords.trainings(users: [zhang.id]) == [z1, z2])
            #expect(try await store.officerRecords.trainings(users: [zhang.id, li.id]) == [z1, l1, z2])
            #expect(try await store.officerRecords.trainings(users: [wang.id, zhang.id, li.id]).map(\.hours) == [2, 4, 16, 8])
            #expect(try await store.officerRecords.trainings(users: [UUID()]).isEmpty)
        }
    }
}
