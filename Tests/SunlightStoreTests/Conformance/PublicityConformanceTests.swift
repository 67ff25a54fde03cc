import Foundation
import SunlightCore
import SunlightLedger
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 公示存储一致性 — decision publications and their events, publication policies, the outbox,
/// list entry versions, evidence files and officers' reviews and training.
@Suite("存储一致性 Repository conformance: publicity")
struct PublicityConformanceTests {
    typealias C = Conformance

    @Test("PUB-7: publications list newest decision first (then by number), by status; one per decision document; events in the order written; policies by category",
          arguments: StoreKind.all)
    func publications(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let p1 = try await C.publication(store, "元市监罚〔2026〕1号", w.market, decided: "2026-11-20", status: .due)
            let p2 = try await C.publication(store, "元市监罚〔2026〕2号", w.market, decided: "2026-11-20", status: .published)
            let p3 = try await C.publication(store, "元市监罚〔2026〕3号", w.market, decided: "2026-11-22", status: .due)
            let p4 = try await C.publication(store, "武罚〔2026〕1号", w.other, decided: "2026-11-23", status: .due)
            let repo = store.publications
            #expect(try await repo.list(organisations: [w.market.id], statuses: []).map(\.number) == [p3.number, p2.number, p1.number])
            #expect(try await repo.list(organisations: [w.market.id], statuses: [.due]).map(\.number) == [p3.number, p1.number])
            #expect(try await repo.list(organisations: [w.other.id], statuses: []).map(\.number) == [p4.number])
            #expect(try await repo.list(organisations: [], statuses: []).isEmpty)
            #expect(try await repo.find(document: p2.documentID) == p2)
            var published = p1
            published.status = .published
            try await repo.update(published)
            #expect(try await repo.find(p1.id)?.status == .published)
            let twin = DecisionPublication(organisationID: w.market.id, caseID: p1.caseID, documentID: p1.documentID, category: .penalty,
                                           decisionType: .penaltyDecision, number: "元市监罚〔2026〕9号", title: "案", decidedOn: p1.decidedOn,
                                           dueOn: nil, status: .due)
            await #expect(throws: (any Error).self) { try await repo.insert(twin) }
            #expect(try await repo.chronological(offset: 0, limit: 10).count == 4)

            let opened = PublicationEvent(kind: .opened, at: C.at(5), by: nil, state: p1)
            let done = PublicationEvent(kind: .published, at: C.at(1), by: nil, state: published)
            try await repo.append(opened)
            try await repo.append(PublicationEvent(kind: .opened, at: C.at(2), by: nil, state: p3))
            try await repo.append(done)
            #expect(try await repo.events(of: p1.id).map(\.kind) == [.opened, .published], "in the order written")
            #expect(try await repo.events(of: p1.id).last?.state == published)
            #expect(try await repo.events(offset: 2, limit: 5).map(\.id) == [done.id])

            try await repo.save(PublicationPolicy(category: .penalty, workingDays: 7))
            try await repo.save(PublicationPolicy(category: .permit, workingDays: 5))
            try await repo.save(PublicationPolicy(category: .penalty, workingDays: 10, exemptWarnings: true))
            #expect(try await repo.policies() == [PublicationPolicy(category: .penalty, workingDays: 10, exemptWarnings: true),
                                                  PublicationPolicy(category: .permit, workingDays: 5)])
        }
    }

    @Test("PUB-9: the outbox hands out due pending messages oldest first, lists the newest first, counts pending, failing and delivered, and knows the last checkpoint pushed",
          arguments: StoreKind.all)
    func outbox(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let outbox = store.outbox
            let m1 = OutboxMessage(kind: .checkpoint, organisationID: nil, subject: "3", body: "{}", createdAt: C.at(0), nextAttemptAt: C.at(0))
            let m2 = OutboxMessage(kind: .decisionPublished, organisationID: w.market.id, subject: "d", body: "{}", createdAt: C.at(1), nextAttemptAt: C.at(100))
            let m3 = OutboxMessage(kind: .checkpoint, organisationID: nil, subject: "7", body: "{}", createdAt: C.at(2), nextAttemptAt: C.at(2))
            for m in [m1, m2, m3] { try await outbox.insert(m) }
            #expect(try await outbox.due(at: C.at(10), limit: 10).map(\.id) == [m1.id, m3.id])
            #expect(try await outbox.due(at: C.at(10), limit: 1).map(\.id) == [m1.id])
            var failed = m1
            failed.attempts = 1
            failed.lastError = "超时"
            failed.nextAttemptAt = C.at(60)
            try await outbox.update(failed)
            var delivered = m3
            delivered.status = .delivered
            delivered.deliveredAt = C.at(3)
            try await outbox.update(delivered)
            #expect(try await outbox.find(m1.id) == failed)
            #expect(try await outbox.due(at: C.at(10), limit: 10).isEmpty)
            #expect(try await outbox.recent(limit: 10, pendingOnly: false).map(\.id) == [m3.id, m2.id, m1.id])
            #expect(try await outbox.recent(limit: 10, pendingOnly: true).map(\.id) == [m2.id, m1.id])
            let counts = try await outbox.counts()
            #expect(counts.pending == 2 && counts.failing == 1 && counts.delivered == 1)
            #expect(try await outbox.lastCheckpointSize() == 7)
        }
    }

    func version(_ entry: UUID, _ organisation: Organisation, _ number: Int, drafted seconds: Double, kind: ListKind = .item) -> ListEntryVersion {
        ListEntryVersion(entryID: entry, kind: kind, organisationID: organisation.id, version: number, change: .publish,
                         fields: ["name": "事项\(number)"], effectiveFrom: C.day, draftedBy: nil, draftedAt: C.at(seconds))
    }

    @Test("PUB-3: list versions by entry in version order, by kind, organisation and status in drafting order; an entry's version number is unique; the feed shows the newest checks",
          arguments: StoreKind.all)
    func listEntries(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let lists = store.lists
            let entry = UUID(), other = UUID()
            let v2 = version(entry, w.market, 2, drafted: 20), v1 = version(entry, w.market, 1, drafted: 10)
            let o1 = version(other, w.other, 1, drafted: 15, kind: .subject)
            for v in [v2, v1, o1] { try await lists.insert(v) }
            await #expect(throws: (any Error).self) { try await lists.insert(version(entry, w.market, 2, drafted: 30)) }
            #expect(try await lists.versions(entryID: entry).map(\.version) == [1, 2])
            #expect(try await lists.versions(kind: .item, organisations: [w.market.id, w.other.id], statuses: [.draft]).map(\.id) == [v1.id, v2.id])
            #expect(try await lists.versions(kind: nil, organisations: [w.market.id, w.other.id], statuses: [.draft]).map(\.id) == [v1.id, o1.id, v2.id])
            #expect(try await lists.versions(kind: nil, organisations: [w.market.id], statuses: []).isEmpty)
            var checked1 = v1, checked2 = o1
            checked1.status = .published
            checked1.checkedAt = C.at(50)
            checked2.status = .rejected
            checked2.checkedAt = C.at(60)
            checked2.checkNote = "依据不全"
            try await lists.update(checked1)
            try await lists.update(checked2)
            #expect(try await lists.find(o1.id) == checked2)
            #expect(try await lists.recentlyChecked(organisations: nil, limit: 10).map(\.id) == [o1.id, v1.id])
            #expect(try await lists.recentlyChecked(organisations: [w.market.id], limit: 10).map(\.id) == [v1.id])
            #expect(try await lists.chronological(offset: 0, limit: 2).map(\.id) == [v1.id, o1.id])
        }
    }

    @Test("REC-4: evidence files are listed newest upload first by organisation and walked in upload order; officers' reviews by year and training by date",
          arguments: StoreKind.all)
    func evidenceAndOfficerRecords(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let officer = C.user("scj.zhangwei", in: w.market)
            try await store.users.insert(officer)
            func file(_ title: String, _ organisation: Organisation, uploaded seconds: Double) -> EvidenceFile {
                EvidenceFile(organisationID: organisation.id, kind: .video, title: title, filename: "\(title).mp4", mediaType: "video/mp4",
                             sha256: LedgerHash.sha256(Array(title.utf8)), size: 10, recordedAt: C.at(0), place: "元马镇", recordedBy: officer.id,
                             device: "记录仪", parties: nil, uploadedBy: officer.id, uploadedAt: C.at(seconds))
            }
            let f1 = file("检查", w.market, uploaded: 10), f2 = file("询问", w.market, uploaded: 20), f3 = file("送达", w.other, uploaded: 5)
            for f in [f1, f2, f3] { try await store.evidence.insert(f) }
            await #expect(throws: (any Error).self) { try await store.evidence.insert(f1) }
            #expect(try await store.evidence.find(f1.id) == f1)
            #expect(try await store.evidence.list(in: [w.market.id], limit: 10) == [f2, f1])
            #expect(try await store.evidence.list(in: [w.market.id, w.other.id], limit: 1) == [f2])
            #expect(try await store.evidence.chronological(offset: 0, limit: 10) == [f3, f1, f2])

            let certificate = EnforcementCertificate(holderID: officer.id, number: "53232800101", categories: [.penalty], region: "元谋县",
                                                     validFrom: CivilDate(iso: "2024-03-01")!, validUntil: CivilDate(iso: "2029-02-28")!)
            try await store.certificates.insert(certificate)
            let r2025 = CertificateReview(certificateID: certificate.id, year: 2025, passed: true, reviewedOn: CivilDate(iso: "2025-12-01")!, note: nil)
            let r2024 = CertificateReview(certificateID: certificate.id, year: 2024, passed: false, reviewedOn: CivilDate(iso: "2024-12-01")!, note: "补训")
            try await store.officerRecords.insert(review: r2025)
            try await store.officerRecords.insert(review: r2024)
            #expect(try await store.officerRecords.reviews(certificates: [certificate.id]) == [r2024, r2025])
            let t2 = TrainingRecord(userID: officer.id, date: CivilDate(iso: "2026-05-01")!, hours: 8, topic: "行政处罚法", provider: "司法局")
            let t1 = TrainingRecord(userID: officer.id, date: CivilDate(iso: "2026-03-01")!, hours: 4, topic: "执法记录仪", provider: "本局")
            try await store.officerRecords.insert(training: t2)
            try await store.officerRecords.insert(training: t1)
            #expect(try await store.officerRecords.trainings(users: [officer.id]) == [t1, t2])
            #expect(try await store.officerRecords.trainings(users: []).isEmpty)
        }
    }
}
