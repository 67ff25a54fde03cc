import Foundation
import SunlightLedger

/// 推送队列概况 — what the administrator sees of the data exchange (PUB-10).
public struct OutboxOverview: Sendable {
    public let pending: Int
    /// Pending messages whose last attempt failed.
    public let failing: Int
    public let delivered: Int
    public let messages: [OutboxMessage]
}

extension PublicityUseCases {
    /// 推送 — sends every message that is due, oldest first, each signed with the log's key.
    /// A delivered message is marked so and the push of a decision or draw is logged (PUB-13); a failed one waits
    /// by the retry policy. Returns how many were delivered and how many failed.
    @discardableResult
    public func deliverDueMessages(to platform: any UpstreamPlatform, retry: OutboxRetryPolicy = OutboxRetryPolicy(),
                                   limit: Int = 50) async throws -> (delivered: Int, failed: Int) {
        var delivered = 0, failed = 0
        for message in try await store.outbox.due(at: now, limit: limit) {
            var message = message
            message.attempts += 1
            message.lastAttemptAt = now
            do {
                // A body changed since it was queued is never pushed (issue 15 item 9).
                guard message.bodyIsAsQueued(verifier: ledger.verifier) else {
                    throw SunlightError(.conflict, code: "outbox.tampered", "推送内容与入队时的签名不符（可能被直接修改），已停止推送；请运行 sunlight verify", rule: .rec5)
                }
                try await platform.deliver(message, signature: try ledger.signer.detachedSignature(Array(message.body.utf8)))
            } catch {
                message.lastError = String(String(describing: error).prefix(500))
                message.nextAttemptAt = now.addingTimeInterval(retry.delay(afterAttempts: message.attempts))
                try await store.outbox.update(message)
                failed += 1
                continue
            }
            message.status = .delivered
            message.deliveredAt = now
            message.lastError = nil
            let done = message
            // A checkpoint's delivery is not itself logged: logging it would grow the log and
            // queue another checkpoint, for ever.
            if done.kind == .checkpoint {
                try await store.outbox.update(done)
                delivered += 1
                continue
            }
            let organisation = try await done.organisationID.asyncMap { try await store.organisations.find($0) } ?? nil
            try await commit(.console("上级平台推送"), .export, "outbox", id: done.id.uuidString.lowercased(), in: organisation,
                             "推送\(done.kind.chineseName)（\(done.subject)）至上级平台，第 \(done.attempts) 次送达") { tx, _ in
                try await tx.outbox.update(done)
                return ((), [])
            }
            delivered += 1
        }
        return (delivered, failed)
    }

    /// Queues the newest signed checkpoint for the upper-level platform if the log grew since
    /// the last one queued, so an insider who rewrites the database cannot also rewrite what
    /// the platform holds (REC-5, PUB-10).
    @discardableResult
    public func queueCheckpointIfGrown() async throws -> Bool {
        guard let checkpoint = try await store.ledger.latestCheckpoint() else { return false }
        if let last = try await store.outbox.lastCheckpointSize(), last >= checkpoint.size { return false }
        let message = try OutboxMessage.make(.checkpoint, organisationID: nil, subject: String(checkpoint.size), ledger: ledger, at: now,
                                             data: ["size": String(checkpoint.size), "checkpoint": checkpoint.note, "key": ledger.verifier.verifierKey])
        try await store.outbox.insert(message)
        return true
    }

    /// 推送队列 — counts and the newest messages, for administrators: the installation's
    /// administrator sees every message, another administrator those of the organisations they
    /// administer (issue 15 item 4). The read is logged.
    public func outboxOverview(pendingOnly: Bool = false, by actor: Actor) async throws -> OutboxOverview {
        try await guarded(actor, "outbox", id: nil, in: actor.organisation) { try actor.require(anyOf: .administrator) }
        let scope = try await outboxScope(of: actor)
        let counts = try await store.outbox.counts(organisations: scope)
        try await log(actor, .read, "outbox", id: nil, in: actor.organisation, "查看推送队列")
        return OutboxOverview(pending: counts.pending, failing: counts.failing, delivered: counts.delivered,
                              messages: try await store.outbox.recent(limit: 200, pendingOnly: pendingOnly, organisations: scope))
    }

    /// The organisations whose messages the administrator handles; nil for the whole installation.
    private func outboxScope(of actor: Actor) async throws -> [Organisation.ID]? {
        if actor.scope.administersInstallation { return nil }
        guard let path = actor.scope.administeredPath else { return [] }
        return try await store.organisations.subtree(path).map(\.id)
    }

    /// 立即重试 — a failing message is tried at the next round instead of after its wait; only
    /// by an administrator of its organisation (a message of no organisation: the installation's).
    public func retryOutboxMessage(_ id: UUID, by actor: Actor) async throws {
        try await guarded(actor, "outbox", id: id.uuidString, in: actor.organisation) { try actor.require(anyOf: .administrator) }
        guard var message = try await store.outbox.find(id) else { throw SunlightError.notFound("推送消息") }
        let owner = try await message.organisationID.asyncMap { try await requireOrganisation($0) }
        try await guarded(actor, "outbox", id: id.uuidString, in: owner) {
            guard actor.scope.administersInstallation || owner.map(actor.scope.canAdminister) == true else { throw SunlightError.outsideScope }
        }
        guard message.status == .pending else { throw SunlightError(.conflict, code: "outbox.delivered", "该消息已送达", rule: .pub10) }
        message.nextAttemptAt = now
        let retried = message
        try await commit(actor, .update, "outbox", id: id.uuidString.lowercased(), in: nil, "立即重试推送（\(message.kind.chineseName)）") { tx, _ in
            try await tx.outbox.update(retried)
            return ((), [])
        }
    }
}
