import Foundation
import SunlightLedger

/// 推送消息 — one message for the upper-level platform (数据交换, PUB-10, PUB-13), written to
/// the outbox in the same transaction as the change it reports, so a change is never made
/// without its message nor a message sent for a change that did not happen. The delivery ID
/// stays the same over every retry, so the receiver can drop duplicates.
public struct OutboxMessage: Identifiable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case decisionPublished = "decision.published"
        case decisionCorrected = "decision.corrected"
        case decisionWithdrawn = "decision.withdrawn"
        case drawPublished = "draw.published"
        case checkpoint

        public var chineseName: String {
            switch self {
            case .decisionPublished: "决定公开"
            case .decisionCorrected: "公开内容更正"
            case .decisionWithdrawn: "决定撤下"
            case .drawPublished: "抽查结果公开"
            case .checkpoint: "日志检查点"
            }
        }
    }

    public enum Status: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case pending, delivered

        public var chineseName: String { self == .pending ? "待推送" : "已送达" }
    }

    /// The delivery ID (`Sunlight-Delivery` header, `deliveryId` in the body).
    public let id: UUID
    public let kind: Kind
    public let organisationID: Organisation.ID?
    /// What it is about (a publication's ID, a checkpoint's size).
    public let subject: String
    /// The exact bytes sent, as text: signed as they are.
    public let body: String
    public let createdAt: Date
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastAttemptAt: Date?
    public var lastError: String?
    public var deliveredAt: Date?
    /// 入队签名 — the body's detached signature by the installation's key, taken when queued:
    /// a body changed in the database no longer matches, is never pushed, and `sunlight verify`
    /// names it (issue 15 item 9). Absent on messages queued before it was kept.
    public let signature: String?

    public init(id: UUID = UUID(), kind: Kind, organisationID: Organisation.ID?, subject: String, body: String, createdAt: Date,
                status: Status = .pending, attempts: Int = 0, nextAttemptAt: Date? = nil, lastAttemptAt: Date? = nil,
                lastError: String? = nil, deliveredAt: Date? = nil, signature: String? = nil) {
        self.signature = signature
        self.id = id
        self.kind = kind
        self.organisationID = organisationID
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt ?? createdAt
        self.lastAttemptAt = lastAttemptAt
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }

    /// A message whose body is `{"deliveryId", "kind", "origin", "createdAt", "data"}` as sorted-key JSON.
    public static func make(_ kind: Kind, organisationID: Organisation.ID?, subject: String, ledger: LedgerSettings, at: Date,
                            data: some Encodable & Sendable) throws -> OutboxMessage {
        let id = UUID()
        let body = try StateJSON.encode(Envelope(deliveryId: id.uuidString.lowercased(), kind: kind.rawValue, origin: ledger.origin, createdAt: at, data: data))
        return OutboxMessage(id: id, kind: kind, organisationID: organisationID, subject: subject, body: body, createdAt: at,
                             signature: try ledger.signer.detachedSignature(Array(body.utf8)))
    }

    /// Whether the body is still what was signed when it was queued (true for unsigned, older messages).
    public func bodyIsAsQueued(verifier: NoteVerifier) -> Bool {
        signature.map { verifier.isValidSignature($0, of: Array(body.utf8)) } ?? true
    }

    struct Envelope<T: Encodable>: Encodable {
        let deliveryId: String
        let kind: String
        let origin: String
        let createdAt: Date
        let data: T
    }
}

/// 重试策略 — exponential backoff: 10 s, 20 s, 40 s, … up to an hour between attempts; a
/// message is retried until delivered (a platform down for a weekend still gets everything).
public struct OutboxRetryPolicy: Sendable, Equatable {
    public var firstDelay: TimeInterval
    public var maximumDelay: TimeInterval

    public init(firstDelay: TimeInterval = 10, maximumDelay: TimeInterval = 3600) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// The wait after the `attempts`-th failed attempt (1-based).
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempts - 1, 30)))
        return min(maximumDelay, firstDelay * pow(2, exponent))
    }
}

/// 推送队列存储.
public protocol OutboxRepository: Sendable {
    func insert(_ message: OutboxMessage) async throws
    func update(_ message: OutboxMessage) async throws
    func find(_ id: OutboxMessage.ID) async throws -> OutboxMessage?
    /// Pending messages whose next attempt is due, oldest first.
    func due(at time: Date, limit: Int) async throws -> [OutboxMessage]
    /// Newest first; only pending ones when `pendingOnly`; only those of `organisations` unless nil
    /// (messages of no organisation — checkpoints — only when nil).
    func recent(limit: Int, pendingOnly: Bool, organisations: [Organisation.ID]?) async throws -> [OutboxMessage]
    func counts(organisations: [Organisation.ID]?) async throws -> (pending: Int, failing: Int, delivered: Int)
    /// The newest checkpoint message's tree size, if any.
    func lastCheckpointSize() async throws -> UInt64?
    /// Every message in the order queued, a page at a time (for `sunlight verify`).
    func chronological(offset: Int, limit: Int) async throws -> [OutboxMessage]
}

extension OutboxRepository {
    /// Every organisation's messages, newest first.
    public func recent(limit: Int, pendingOnly: Bool) async throws -> [OutboxMessage] {
        try await recent(limit: limit, pendingOnly: pendingOnly, organisations: nil)
    }

    public func counts() async throws -> (pending: Int, failing: Int, delivered: Int) { try await counts(organisations: nil) }
}

/// 上级平台 — where messages go. The server implements it over HTTP; a delivery that throws or
/// answers anything but 2xx is retried.
public protocol UpstreamPlatform: Sendable {
    /// Sends the body with its delivery ID and signature; returns normally only when accepted.
    func deliver(_ message: OutboxMessage, signature: String) async throws
}
