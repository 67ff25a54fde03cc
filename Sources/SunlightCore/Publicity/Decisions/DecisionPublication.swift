import Foundation
import SunlightLedger

/// 行政执法决定公开 — one decision's way to the portal (PUB-6..8, PUB-13): the obligation that
/// starts when the decision is made, the redacted text the clerk confirmed, and its withdrawal
/// when the decision is changed, revoked, confirmed illegal or void. The row holds where it
/// stands; every change is also a ``PublicationEvent`` carrying the whole state, so nothing
/// published is ever lost.
public struct DecisionPublication: StoredState, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 待公开 — the clock runs.
        case due
        case published
        /// 已撤下 — the page stays, marked withdrawn (PUB-7).
        case withdrawn
        /// 免于公开 — exempt by the installation's policy (PUB-6, configurable).
        case exempt
        /// 不予公开 — the case is classified: never published (PUB-8).
        case withheld

        public var chineseName: String {
            switch self {
            case .due: "待公开"
            case .published: "已公开"
            case .withdrawn: "已撤下"
            case .exempt: "免于公开"
            case .withheld: "不予公开"
            }
        }
    }

    /// Why a published decision is withdrawn (行政处罚法 第四十八条).
    public enum ChangeKind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case changed, revoked, illegal, void
        /// 案件依法设定密级 — the system withdraws the decision itself when its case is classified (REC-11).
        case classified

        public var chineseName: String {
            switch self {
            case .changed: "决定被变更"
            case .revoked: "决定被撤销"
            case .illegal: "决定被确认违法"
            case .void: "决定被确认无效"
            case .classified: "案件依法不予公开"
            }
        }
    }

    /// 撤下 — reported when the decision changed, done when the public statement is out; due
    /// three working days after the change (PUB-7).
    public struct Withdrawal: Codable, Sendable, Equatable {
        public let kind: ChangeKind
        /// The day the decision was changed, revoked or found illegal or void.
        public let changedOn: CivilDate
        public let dueOn: CivilDate?
        public let reportedBy: StaffUser.ID?
        /// 撤下说明 — the public statement of the reason.
        public var statement: String?
        public var withdrawnOn: CivilDate?
        public var withdrawnBy: StaffUser.ID?

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case kind, changedOn, dueOn, reportedBy, statement, withdrawnOn, withdrawnBy
        }
    }

    public let id: UUID
    public let organisationID: Organisation.ID
    public let caseID: EnforcementCase.ID
    public let documentID: UUID
    public let category: EnforcementCategory
    public let decisionType: DocumentType
    /// 决定书文号.
    public let number: String
    /// 案由.
    public let title: String
    public let decidedOn: CivilDate
    /// 公开期限 — `nil` while the calendar of the period is not loaded (CAL-1).
    public var dueOn: CivilDate?
    public var status: Status
    /// Why exempt or withheld.
    public var note: String?
    /// The published text (redacted and confirmed), empty until published.
    public var content: [PublishedField]
    /// SHA-256 (hex) of the decision document as it is in the log — the sealed original.
    public var originalHash: String?
    /// SHA-256 (hex) of the published text's canonical JSON.
    public var publishedHash: String?
    /// Published versions so far (a correction of the published text is a new version).
    public var version: Int
    public var publishedOn: CivilDate?
    public var publishedAt: Date?
    public var publishedBy: StaffUser.ID?
    public var withdrawal: Withdrawal?

    public init(id: UUID = UUID(), organisationID: Organisation.ID, caseID: EnforcementCase.ID, documentID: UUID, category: EnforcementCategory,
                decisionType: DocumentType, number: String, title: String, decidedOn: CivilDate, dueOn: CivilDate?, status: Status,
                note: String? = nil, content: [PublishedField] = [], originalHash: String? = nil, publishedHash: String? = nil, version: Int = 0,
                publishedOn: CivilDate? = nil, publishedAt: Date? = nil, publishedBy: StaffUser.ID? = nil, withdrawal: Withdrawal? = nil) {
        self.id = id
        self.organisationID = organisationID
        self.caseID = caseID
        self.documentID = documentID
        self.category = category
        self.decisionType = decisionType
        self.number = number
        self.title = title
        self.decidedOn = decidedOn
        self.dueOn = dueOn
        self.status = status
        self.note = note
        self.content = content
        self.originalHash = originalHash
        self.publishedHash = publishedHash
        self.version = version
        self.publishedOn = publishedOn
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.withdrawal = withdrawal
    }

    /// Whether the public may see it: published, or withdrawn (the page stays, marked, PUB-7).
    public var isPublic: Bool { status == .published || status == .withdrawn }

    /// What the portal's search reads (PUB-7): the number as the title line, then the published
    /// (redacted) text, never the unredacted fields; folded as `SearchText` says.
    public var searchText: String {
        SearchText.document(title: number, body: content.map(\.text).joined(separator: "\n"))
    }

    /// Published later than the clock allowed (SUP-5 reads this).
    /// What the clerk must do next and by when: publish a due decision (PUB-6), or withdraw a
    /// published one reported changed (PUB-7); nil when nothing is waiting.
    public var pendingStep: (kind: PublicationTask.Kind, due: CivilDate?)? {
        if status == .due { return (.publish, dueOn) }
        if status == .published, let withdrawal, withdrawal.withdrawnOn == nil { return (.withdraw, withdrawal.dueOn) }
        return nil
    }

    public var publishedLate: Bool {
        guard let publishedOn, let dueOn else { return false }
        return publishedOn > dueOn
    }

    /// The text of one published field, if any.
    public func text(_ key: String) -> String? { content.first { $0.key == key }?.text }

    func ledgerRecord(_ type: String) throws -> LedgerRecord {
        try stateRecord(type, table: "decision_publications", organisationID: organisationID)
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, caseID, documentID, category, decisionType, number, title, decidedOn, dueOn, status, note, content
        case originalHash, publishedHash, version, publishedOn, publishedAt, publishedBy, withdrawal
    }
}

/// 公开字段 — one labelled part of a published decision (决定书文号, 当事人, 违法事实, …).
public struct PublishedField: Codable, Sendable, Equatable {
    public let key: String
    public let label: String
    public let text: String

    public init(key: String, label: String, text: String) {
        self.key = key
        self.label = label
        self.text = text
    }

    /// SHA-256 (hex) of a list of fields as canonical JSON — what the log links (PUB-8).
    public static func hash(_ fields: [PublishedField]) -> String {
        let json = CanonicalJSON.array(fields.map { .object(["key": .string($0.key), "label": .string($0.label), "text": .string($0.text)]) })
        return LedgerHash.sha256(json.bytes).hex
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case key, label, text
    }
}
