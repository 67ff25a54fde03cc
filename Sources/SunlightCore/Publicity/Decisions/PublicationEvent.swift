import Foundation
import SunlightLedger

/// 公开记录 — one change of a decision's publication, with the whole state after it. The
/// events are append-only: the portal's history of a decision is read from them (PUB-7).
public struct PublicationEvent: Identifiable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// The decision was made: the clock starts (or it is exempt or withheld).
        case opened
        case published
        /// The published text was corrected (a new version).
        case corrected
        /// The decision was changed, revoked, confirmed illegal or void: withdraw within 3 working days.
        case changeReported = "change_reported"
        case withdrawn
        /// The due date, provisional while a year's holiday notice was missing, was counted again when it was loaded (CAL-4).
        case rescheduled

        public var chineseName: String {
            switch self {
            case .opened: "作出决定"
            case .published: "公开"
            case .corrected: "更正公开内容"
            case .changeReported: "登记决定变更"
            case .withdrawn: "撤下"
            case .rescheduled: "加载节假日安排后重算期限"
            }
        }
    }

    public let id: UUID
    public let publicationID: DecisionPublication.ID
    public let organisationID: Organisation.ID
    public let kind: Kind
    public let at: Date
    public let by: StaffUser.ID?
    /// The publication as it stood after this event.
    public let state: DecisionPublication

    public init(id: UUID = UUID(), kind: Kind, at: Date, by: StaffUser.ID?, state: DecisionPublication) {
        self.id = id
        self.publicationID = state.id
        self.organisationID = state.organisationID
        self.kind = kind
        self.at = at
        self.by = by
        self.state = state
    }

    func ledgerRecord() throws -> LedgerRecord {
        Self.logged(type: "publication.\(kind.rawValue)", table: "publication_events", id: id.uuidString.lowercased(),
                    organisationID: organisationID,
                    content: .object(["id": Snapshot.uuid(id), "publication": Snapshot.uuid(publicationID), "kind": .string(kind.rawValue),
                                       "at": Snapshot.time(at), "by": Snapshot.uuid(by),
                                       "state": try state.stateContent]))
    }
}

/// 决定公开存储 — the current state of each decision's publication, and its events.
public protocol PublicationRepository: Sendable {
    func insert(_ publication: DecisionPublication) async throws
    /// Inserts many publications at once (a bulk load), with their search grams.
    func insert(_ publications: [DecisionPublication]) async throws
    func update(_ publication: DecisionPublication) async throws
    func find(_ id: DecisionPublication.ID) async throws -> DecisionPublication?
    func find(document: UUID) async throws -> DecisionPublication?
    /// These organisations' publications in the given states (all states when empty), newest decision first.
    func list(organisations: [Organisation.ID], statuses: Set<DecisionPublication.Status>) async throws -> [DecisionPublication]
    /// The publications of these organisations with a step waiting (``DecisionPublication/pendingStep``:
    /// publish a due decision, withdraw a changed one), newest decision first; asked of an
    /// indexed column, so the queue costs what it shows, not every decision ever published.
    func pending(organisations: [Organisation.ID]) async throws -> [DecisionPublication]
    /// Public decisions (published or withdrawn) matching the filter, newest decision first.
    func publicDecisions(_ filter: DecisionFilter) async throws -> [DecisionPublication]
    func chronological(offset: Int, limit: Int) async throws -> [DecisionPublication]
    /// Publications whose query columns (status, dates, search text — what the portal selects
    /// and finds by) disagree with their stored state, which the log covers (issue 15 item 9).
    func queryColumnMismatches() async throws -> [DecisionPublication.ID]

    func append(_ event: PublicationEvent) async throws
    /// Appends many events at once (a bulk load), in their order.
    func append(_ events: [PublicationEvent]) async throws
    /// A publication's events in the order written.
    func events(of publication: DecisionPublication.ID) async throws -> [PublicationEvent]
    func events(offset: Int, limit: Int) async throws -> [PublicationEvent]

    /// The installation's policies that differ from the standard (PUB-6).
    func policies() async throws -> [PublicationPolicy]
    func save(_ policy: PublicationPolicy) async throws
}

/// 决定检索条件 — the portal's search over published decisions (PUB-10).
public struct DecisionFilter: Sendable, Equatable {
    /// Words that must all appear (number or published text); split on white space. Results with
    /// more words in the number come first, then the newest decision (`SearchText`).
    public var text: String?
    public var organisations: [Organisation.ID]?
    public var category: EnforcementCategory?
    public var from: CivilDate?
    public var to: CivilDate?
    public var limit: Int
    public var offset: Int

    public init(text: String? = nil, organisations: [Organisation.ID]? = nil, category: EnforcementCategory? = nil,
                from: CivilDate? = nil, to: CivilDate? = nil, limit: Int = 50, offset: Int = 0) {
        self.text = text
        self.organisations = organisations
        self.category = category
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
    }

    /// The words, folded (`SearchText.words`).
    public var words: [String] {
        SearchText.words(text ?? "")
    }
}
