import Foundation
import SunlightLedger

/// 清单条目版本 — one version of one entry of a publicity list (PUB-3 动态管理). An entry is
/// never overwritten: a change is a new version with its own effective date, drafted by staff
/// and checked by the organisation's publicity clerk before it is published (or refused).
/// Published versions stay public as the entry's history.
public struct ListEntryVersion: Identifiable, Sendable, Equatable {
    public typealias ID = UUID

    public enum Status: String, Codable, Sendable {
        /// 待审核 — drafted, waiting for the publicity clerk.
        case draft
        /// 已公示.
        case published
        /// 退回 — the clerk refused it, with a note.
        case rejected

        public var chineseName: String {
            switch self {
            case .draft: "待审核"
            case .published: "已公示"
            case .rejected: "已退回"
            }
        }
    }

    /// What the version does to the entry.
    public enum Change: String, Codable, Sendable {
        /// 发布或修订.
        case publish
        /// 废止 — the entry leaves the list from the effective date; its history stays.
        case repeal

        public var chineseName: String { self == .publish ? "发布" : "废止" }
    }

    public let id: ID
    /// The entry this version belongs to, the same across versions.
    public let entryID: UUID
    public let kind: ListKind
    public let organisationID: Organisation.ID
    public let version: Int
    public let change: Change
    public let fields: [String: String]
    public let effectiveFrom: CivilDate
    public var status: Status
    public let draftedBy: StaffUser.ID?
    public let draftedAt: Date
    public var checkedBy: StaffUser.ID?
    public var checkedAt: Date?
    public var checkNote: String?

    public init(id: ID = UUID(), entryID: UUID, kind: ListKind, organisationID: Organisation.ID, version: Int, change: Change,
                fields: [String: String], effectiveFrom: CivilDate, status: Status = .draft, draftedBy: StaffUser.ID?,
                draftedAt: Date, checkedBy: StaffUser.ID? = nil, checkedAt: Date? = nil, checkNote: String? = nil) {
        self.id = id
        self.entryID = entryID
        self.kind = kind
        self.organisationID = organisationID
        self.version = version
        self.change = change
        self.fields = fields
        self.effectiveFrom = effectiveFrom
        self.status = status
        self.draftedBy = draftedBy
        self.draftedAt = draftedAt
        self.checkedBy = checkedBy
        self.checkedAt = checkedAt
        self.checkNote = checkNote
    }

    /// The entry's name.
    public var title: String { fields[kind.schema.titleKey] ?? "（未命名）" }

    var ledgerContent: CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "entry": Snapshot.uuid(entryID), "kind": .string(kind.rawValue),
                 "organisation": Snapshot.uuid(organisationID), "version": .int(Int64(version)), "change": .string(change.rawValue),
                 "fields": .object(fields.mapValues(CanonicalJSON.string)), "effectiveFrom": .string(effectiveFrom.iso),
                 "status": .string(status.rawValue), "draftedBy": Snapshot.uuid(draftedBy), "draftedAt": Snapshot.time(draftedAt),
                 "checkedBy": Snapshot.uuid(checkedBy), "checkedAt": checkedAt.map(Snapshot.time) ?? .null,
                 "checkNote": Snapshot.text(checkNote)])
    }

    func ledgerRecord(_ type: String) -> LedgerRecord {
        Self.logged(type: type, table: "list_entries", id: id.uuidString.lowercased(), organisationID: organisationID, content: ledgerContent)
    }
}

/// The versions of one entry, and which of them is in force on a day.
public struct ListEntryHistory: Sendable {
    public let entryID: UUID
    /// Published versions, oldest first.
    public let published: [ListEntryVersion]

    public init(entryID: UUID, versions: [ListEntryVersion]) {
        self.entryID = entryID
        self.published = versions.filter { $0.status == .published }.sorted { ($0.effectiveFrom, $0.version) < ($1.effectiveFrom, $1.version) }
    }

    /// The version in force on `date`, or `nil` if none yet or the entry was repealed.
    public func current(on date: CivilDate) -> ListEntryVersion? {
        guard let version = published.last(where: { $0.effectiveFrom <= date }), version.change == .publish else { return nil }
        return version
    }

    /// The day a published version stopped being in force, if it has.
    public func supersededOn(_ version: ListEntryVersion) -> CivilDate? {
        published.first { ($0.effectiveFrom, $0.version) > (version.effectiveFrom, version.version) }?.effectiveFrom
    }
}

/// 清单存储.
public protocol ListEntryRepository: Sendable {
    func insert(_ version: ListEntryVersion) async throws
    func update(_ version: ListEntryVersion) async throws
    func find(_ id: ListEntryVersion.ID) async throws -> ListEntryVersion?
    func versions(entryID: UUID) async throws -> [ListEntryVersion]
    /// Versions of these organisations' lists (all kinds when `kind` is nil), with these statuses.
    func versions(kind: ListKind?, organisations: [Organisation.ID], statuses: [ListEntryVersion.Status]) async throws -> [ListEntryVersion]
    /// The newest checked versions, newest first (for the change feed).
    func recentlyChecked(organisations: [Organisation.ID]?, limit: Int) async throws -> [ListEntryVersion]
    /// Every version in the order drafted, a page at a time (for verification).
    func chronological(offset: Int, limit: Int) async throws -> [ListEntryVersion]
}
