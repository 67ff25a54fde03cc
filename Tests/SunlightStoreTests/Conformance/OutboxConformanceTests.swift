import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 推送队列存储一致性 — the outbox to the upper-level platform (PUB-10): the queue's order, what is
/// due, what an update may change, the counts and the last checkpoint on an empty and a full queue.
@Suite("存储一致性 Repository conformance: outbox")
struct OutboxConformanceTests {
    typealias C = Conformance

    func message(_ kind: OutboxMessage.Kind, _ subject: String, created seconds: Double, next: Double? = nil, organisation: Organisation? = nil) -> OutboxMessage {
        OutboxMessage(kind: kind, organisationID: organisation?.id, subject: subject, body: "{\"subject\":\"\(subject)\"}", createdAt: C.at(seconds),
                      nextAttemptAt: C.at(next ?? seconds))
    }

    @Test("PUB-10: messages are handed out and listed in the order queued (not by their creation time); due means pending with the next attempt at or before now",
          arguments: StoreKind.all)
    func queueOrder(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let outbox = store.outbox
            let first = message(.decisionPublished, "a", created: 50, next: 5, organisation: w.market)
            let second = message(.drawPublished, "b", created: 10, next: 10)
            let third = message(.decisionWithdrawn, "c", created: 30, next: 11, organisation: w.other)
            for m in [first, second, third] { try await outbox.insert(m) }
            #expect(try await outbox.due(at: C.at(10), limit: 10).map(\.id) == [first.id, second.id], "queued order; the boundary instant is due")
            #expect(try await outbox.due(at: C.at(4), limit: 10).isEmpty)
            #expect(try await outbox.due(at: C.at(100), limit: 0).isEmpty)
            #expect(try await outbox.recent(limit: 10, pendingOnly: false).map(\.id) == [third.id, second.id, first.id])
            #expect(try await outbox.recent(limit: 2, pendingOnly: false).map(\.id) == [third.id, second.id])

            var delivered = first
            delivered.status = .delivered
            delivered.attempts = 2
            delivered.lastAttemptAt = C.at(12)
            delivered.deliveredAt = C.at(12)
            try await outbox.update(delivered)
            #expect(try await outbox.due(at: C.at(100), limit: 10).map(\.id) == [second.id, third.id], "a delivered message is never due again")
            #expect(try await outbox.recent(limit: 1, pendingOnly: true).map(\.id) == [third.id])
        }
    }

    @Test("PUB-10: a message round-trips with or without an organisation; an update changes only the delivery state; delivery IDs are unique",
          arguments: StoreKind.all)
    func roundTripAndUpdate(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let outbox = store.outbox
            let national = message(.checkpoint, "12", created: 1)
            let local = message(.decisionCorrected, "元市监罚〔2026〕1号", created: 2, organisation: w.market)
            for m in [national, local] { try await outbox.insert(m) }
            #expect(try await outbox.find(national.id) == national)
            #expect(try await outbox.find(local.id) == local)
            #expect(try await outbox.find(UUID()) == nil)
            await #expect(throws: (any Error).self) { try await outbox.insert(national) }

            let rewritten = OutboxMessage(id: local.id, kind: .decisionWithdrawn, organisationID: w.other.id, subject: "改", body: "{}",
                                          createdAt: C.at(99), status: .pending, attempts: 3, nextAttemptAt: C.at(400), lastAttemptAt: C.at(80),
                                          lastError: "HTTP 503", deliveredAt: nil)
            try await outbox.update(rewritten)
            let stored = try #require(try await outbox.find(local.id))
            #expect(stored.kind == local.kind && stored.organisationID == w.market.id && stored.subject == local.subject
                    && stored.body == local.body && stored.createdAt == local.createdAt, "what was queued stays as queued")
            #expect(stored.attempts == 3 && stored.nextAttemptAt == C.at(400) && stored.lastAttemptAt == C.at(80) && stored.lastError == "HTTP 503")
            await #expect(throws: (any Error).self) { try await outbox.update(message(.checkpoint, "1", created: 0)) }
        }
    }

    @Test("PUB-10, REC-5: an empty queue counts nothing and has no checkpoint; the last checkpoint pushed is the newest queued, delivered or not",
          arguments: StoreKind.all)
    func countsAndCheckpoints(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let outbox = store.outbox
            let empty = try await outbox.counts()
            #expect(empty.pending == 0 && empty.failing == 0 && empty.delivered == 0)
            #expect(try await outbox.lastCheckpointSize() == nil)
            #expect(try await outbox.recent(limit: 10, pendingOnly: false).isEmpty)

            let older = message(.checkpoint, "40", created: 1), newer = message(.checkpoint, "64", created: 0)
            try await outbox.insert(older)
            try await outbox.insert(newer)
            try await outbox.insert(message(.drawPublished, "99", created: 5))
            var delivered = newer
            delivered.status = .delivered
            delivered.deliveredAt = C.at(2)
            try await outbox.update(delivered)
            #expect(try await outbox.lastCheckpointSize() == 64, "queued last wins over created last")
            var failing = older
            failing.attempts = 1
            failing.lastError = "连接被拒绝"
            try await outbox.update(failing)
            let counts = try await outbox.counts()
            #expect(counts.pending == 2 && counts.failing == 1 && counts.delivered == 1)
        }
    }
}
