import Foundation
import SunlightCore
import Vapor

/// Decision publication through the API (PUB-6..8, PUB-10, PUB-13): the clerk's queue, the
/// redaction preview, confirming it, reporting a change and withdrawing; the administrator's
/// outbox. The public side is under `/api/v1/public/decisions`.
struct PublicationsApiController {
    struct TaskOut: Content {
        let kind: String
        let due: CivilDate?
        let state: DeadlineState?
        let publication: PublicationOut
    }

    struct PublicationOut: Content {
        let id: UUID
        let organisationId: UUID
        let caseId: UUID
        let documentId: UUID
        let number: String
        let title: String
        let category: EnforcementCategory
        let decisionType: DocumentType
        let decidedOn: CivilDate
        let dueOn: CivilDate?
        let status: DecisionPublication.Status
        let note: String?
        let version: Int
        let publishedOn: CivilDate?
        let publishedHash: String?
        let originalHash: String?
        let content: [PublishedField]
        let withdrawal: DecisionPublication.Withdrawal?

        init(_ p: DecisionPublication) {
            id = p.id
            organisationId = p.organisationID
            caseId = p.caseID
            documentId = p.documentID
            number = p.number
            title = p.title
            category = p.category
            decisionType = p.decisionType
            decidedOn = p.decidedOn
            dueOn = p.dueOn
            status = p.status
            note = p.note
            version = p.version
            publishedOn = p.publishedOn
            publishedHash = p.publishedHash
            originalHash = p.originalHash
            content = p.content
            withdrawal = p.withdrawal
        }
    }

    struct PreviewOut: Content {
        let publication: PublicationOut
        let original: [PublishedField]
        let redacted: [PublishedField]
        let findings: [String: [RedactionFinding]]
        /// Send it back to confirm exactly this text.
        let publishedHash: String
        let originalHash: String
    }

    struct PreviewIn: Content { let extraTerms: [String]? }
    struct PublishIn: Content {
        let publishedHash: String
        let extraTerms: [String]?
    }
    struct ChangeIn: Content {
        let kind: DecisionPublication.ChangeKind
        let changedOn: CivilDate
    }
    struct WithdrawIn: Content {
        let statement: String
        let kind: DecisionPublication.ChangeKind?
        let changedOn: CivilDate?
    }

    struct OutboxOut: Content {
        struct MessageOut: Content {
            let deliveryId: UUID
            let kind: OutboxMessage.Kind
            let subject: String
            let createdAt: Date
            let status: OutboxMessage.Status
            let attempts: Int
            let nextAttemptAt: Date
            let lastError: String?
            let deliveredAt: Date?
        }
        let pending: Int
        let failing: Int
        let delivered: Int
        let messages: [MessageOut]
    }

    func register(_ authenticated: any RoutesBuilder) {
        authenticated.get("publications", use: queue)
        authenticated.post("publications", ":publication", "preview", use: preview)
        authenticated.post("publications", ":publication", "publish", use: publish)
        authenticated.post("publications", ":publication", "change", use: change)
        authenticated.post("publications", ":publication", "withdraw", use: withdraw)
        authenticated.get("outbox", use: outbox)
        authenticated.post("outbox", ":message", "retry", use: retry)
    }

    @Sendable func queue(_ request: Request) async throws -> API.ListOut<TaskOut> {
        let tasks = try await request.sunlight.publicity.publicationQueue(by: try request.requireApiActor())
        return API.ListOut(items: tasks.map { TaskOut(kind: $0.kind.rawValue, due: $0.due, state: $0.state, publication: PublicationOut($0.publication)) })
    }

    @Sendable func preview(_ request: Request) async throws -> PreviewOut {
        let input = try request.content.decode(PreviewIn.self)
        let (publication, text) = try await request.sunlight.publicity.publicationPreview(try request.uuid("publication", "决定公开事项"),
                                                                                extraTerms: input.extraTerms ?? [], by: try request.requireApiActor())
        return PreviewOut(publication: PublicationOut(publication), original: text.original, redacted: text.redacted, findings: text.findings,
                          publishedHash: text.publishedHash, originalHash: text.originalHash)
    }

    @Sendable func publish(_ request: Request) async throws -> PublicationOut {
        let input = try request.content.decode(PublishIn.self)
        return PublicationOut(try await request.sunlight.publicity.publishDecision(try request.uuid("publication", "决定公开事项"), extraTerms: input.extraTerms ?? [],
                                                                         confirmedHash: input.publishedHash, by: try request.requireApiActor()))
    }

    @Sendable func change(_ request: Request) async throws -> PublicationOut {
        let input = try request.content.decode(ChangeIn.self)
        return PublicationOut(try await request.sunlight.publicity.reportDecisionChange(try request.uuid("publication", "决定公开事项"), kind: input.kind,
                                                                              changedOn: input.changedOn, by: try request.requireApiActor()))
    }

    @Sendable func withdraw(_ request: Request) async throws -> PublicationOut {
        let input = try request.content.decode(WithdrawIn.self)
        return PublicationOut(try await request.sunlight.publicity.withdrawDecision(try request.uuid("publication", "决定公开事项"), statement: input.statement,
                                                                          kind: input.kind, changedOn: input.changedOn, by: try request.requireApiActor()))
    }

    @Sendable func outbox(_ request: Request) async throws -> OutboxOut {
        let overview = try await request.sunlight.publicity.outboxOverview(pendingOnly: request.query[String.self, at: "pending"] == "1", by: try request.requireApiActor())
        return OutboxOut(pending: overview.pending, failing: overview.failing, delivered: overview.delivered, messages: overview.messages.map {
            OutboxOut.MessageOut(deliveryId: $0.id, kind: $0.kind, subject: $0.subject, createdAt: $0.createdAt, status: $0.status, attempts: $0.attempts,
                                 nextAttemptAt: $0.nextAttemptAt, lastError: $0.lastError, deliveredAt: $0.deliveredAt)
        })
    }

    @Sendable func retry(_ request: Request) async throws -> Response {
        try await request.sunlight.publicity.retryOutboxMessage(try request.uuid("message", "推送消息"), by: try request.requireApiActor())
        return Response(status: .noContent)
    }
}
