import Foundation
import SunlightCore
import SunlightLedger

/// 内存存储 — Core's ``Store`` port kept in memory, for use-case tests that exercise no SQL.
///
/// Every table is a value in one ``MemoryTables``; a ``MemoryStore`` reads and writes it under a
/// lock. ``transaction(_:)`` copies the tables, runs the work on the copy and puts the copy back
/// only if the work returns — a throw discards it — and, like the databases, lets one writer in
/// at a time: a transaction, or a single write outside one, waits for the one in progress. Its
/// behaviour is the one the repository conformance suite pins for SQLite and PostgreSQL
/// (ordering, filters, limits, unique keys).
public struct MemoryStore: Store {
    let context: MemoryContext

    /// An empty store (the state of a freshly migrated database).
    public init() {
        context = MemoryContext(tables: MemoryTables(), gate: WriterGate())
    }

    init(context: MemoryContext) {
        self.context = context
    }

    /// A store of its own holding what this one holds now (a seeded template's copy).
    public func copy() -> MemoryStore {
        MemoryStore(context: MemoryContext(tables: context.snapshot(), gate: WriterGate()))
    }

    public var organisations: any OrganisationRepository { MemoryOrganisationRepository(context: context) }
    public var users: any StaffUserRepository { MemoryStaffUserRepository(context: context) }
    public var certificates: any CertificateRepository { MemoryCertificateRepository(context: context) }
    public var sessions: any SessionRepository { MemorySessionRepository(context: context) }
    public var apiTokens: any ApiTokenRepository { MemoryApiTokenRepository(context: context) }
    public var loginFailures: any LoginFailureRepository { MemoryLoginFailureRepository(context: context) }
    public var accessLog: any AccessLogRepository { MemoryAccessLogRepository(context: context) }
    public var holidayNotices: any HolidayNoticeRepository { MemoryHolidayNoticeRepository(context: context) }
    public var ledger: any LedgerRepository { MemoryLedgerRepository(context: context) }
    public var personalData: any PersonalDataRepository { MemoryPersonalDataRepository(context: context) }
    public var witness: any WitnessRepository { MemoryWitnessRepository(context: context) }
    public var evidence: any EvidenceRepository { MemoryEvidenceRepository(context: context) }
    public var uploadClaims: any UploadClaimRepository { MemoryUploadClaimRepository(context: context) }
    public var lists: any ListEntryRepository { MemoryListEntryRepository(context: context) }
    public var officerRecords: any OfficerRecordRepository { MemoryOfficerRecordRepository(context: context) }
    public var cases: any CaseRepository { MemoryCaseRepository(context: context) }
    public var caseRecords: any CaseRecordRepository { MemoryCaseRecordRepository(context: context) }
    public var caseSettings: any CaseSettingsRepository { MemoryCaseSettingsRepository(context: context) }
    public var caseClocks: any CaseClockSummaryRepository { MemoryCaseClockSummaryRepository(context: context) }
    public var reviewFlags: any ReviewFlagRepository { MemoryReviewFlagRepository(context: context) }
    public var caseFacts: any CaseFactRepository { MemoryCaseFactRepository(context: context) }
    public var readModels: any ReadModelRepository { MemoryReadModelRepository(context: context) }
    public var reviews: any ReviewRepository { MemoryReviewRepository(context: context) }
    public var search: any SearchRepository { MemorySearchRepository(context: context) }
    public var publications: any PublicationRepository { MemoryPublicationRepository(context: context) }
    public var outbox: any OutboxRepository { MemoryOutboxRepository(context: context) }
    public var draws: any DrawRepository { MemoryDrawRepository(context: context) }
    public var complaints: any ComplaintRepository { MemoryComplaintRepository(context: context) }
    public var instruments: any SupervisionInstrumentRepository { MemoryInstrumentRepository(context: context) }
    public var referrals: any DisciplineReferralRepository { MemoryReferralRepository(context: context) }
    public var transfers: any CaseTransferRepository { MemoryTransferRepository(context: context) }

    public func records<S: OrganisationState>(_ kind: S.Type) -> any OrganisationStateRepository<S> {
        MemoryOrganisationStateRepository<S>(context: context)
    }

    /// All or nothing, one writer at a time. Inside a transaction a nested one runs in the same
    /// transaction (as Fluent's does).
    public func transaction<T: Sendable>(_ work: @escaping @Sendable (any Store) async throws -> T) async throws -> T {
        guard let gate = context.gate else { return try await work(self) }
        return try await gate.exclusively {
            let copy = MemoryContext(tables: context.snapshot(), gate: nil)
            let result = try await work(MemoryStore(context: copy))
            context.replace(with: copy.snapshot())
            return result
        }
    }
}

/// Refused by the memory store where a database refuses: a unique key taken, an update of a row
/// that does not exist.
public struct MemoryStoreError: Error, CustomStringConvertible {
    public let description: String
}

/// The tables one store (or one transaction's copy) sees, behind a lock.
final class MemoryContext: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: MemoryTables
    /// The writers' gate of the committed store; nil inside a transaction, which already holds it.
    let gate: WriterGate?

    init(tables: MemoryTables, gate: WriterGate?) {
        self.tables = tables
        self.gate = gate
    }

    func snapshot() -> MemoryTables { lock.withLock { tables } }

    func replace(with new: MemoryTables) { lock.withLock { tables = new } }

    func read<T>(_ body: (MemoryTables) throws -> T) rethrows -> T {
        try lock.withLock { try body(tables) }
    }

    /// One write: on the committed store it waits for the transaction in progress, like a
    /// statement outside a transaction waits for the database's write lock.
    func write<T: Sendable>(_ body: @escaping @Sendable (inout MemoryTables) throws -> T) async throws -> T {
        if let gate {
            return try await gate.exclusively { try self.mutate(body) }
        }
        return try mutate(body)
    }

    private func mutate<T>(_ body: (inout MemoryTables) throws -> T) throws -> T {
        try lock.withLock {
            var copy = tables
            let result = try body(&copy)   // a failed statement changes nothing
            tables = copy
            return result
        }
    }
}

/// Lets one writer in at a time, in the order they came.
actor WriterGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func exclusively<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            leave()
            return result
        } catch {
            leave()
            throw error
        }
    }

    private func enter() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// A row kept with its insertion number, for the tables the databases order by a sequence.
struct Sequenced<Value> {
    let seq: Int
    var value: Value
}

/// Every table of the store.
struct MemoryTables {
    var nextSeq = 1
    mutating func seq() -> Int {
        defer { nextSeq += 1 }
        return nextSeq
    }

    /// How many rows of each table a bulk load has copied (``MemoryStore/copyNew(into:batch:progress:)``).
    var copiedMarks: [String: Int] = [:]

    // Read models
    var caseClockSummaries: [EnforcementCase.ID: CaseClockSummary] = [:]
    var reviewFlags: [EnforcementCase.ID: [ReviewFlag]] = [:]
    var caseFacts: [EnforcementCase.ID: CaseFacts] = [:]
    var readModels: [String: Int] = [:]

    // Organisation and access
    var organisations: MemoryRows<Organisation> = []
    var users: MemoryRows<StaffUser> = []
    var certificates: MemoryRows<EnforcementCertificate> = []
    var sessions: MemoryRows<StaffSession> = []
    var apiTokens: MemoryRows<ApiToken> = []
    var loginFailures: MemoryRows<(username: String, address: String?, at: Date)> = []
    var uploadClaims: MemoryRows<UploadClaim> = []
    var accessLog: MemoryRows<AccessLogEntry> = []
    var accessLogIDs = MemoryKeyIndex<AccessLogEntry.ID>()
    var holidayNotices: MemoryRows<LoadedHolidayNotice> = []

    // Log
    var ledgerEntries: MemoryRows<StoredLedgerEntry> = []
    var ledgerSequence: MemoryRows<SequencedLedgerEntry> = []
    var nextSequence: Int64 = 1
    var ledgerSubtrees: [SubtreeID: LedgerHash] = [:]
    var ledgerHead: (size: UInt64, root: LedgerHash) = (0, RFC6962.emptyRoot)
    var checkpoints: MemoryRows<StoredCheckpoint> = []
    var personalData: MemoryRows<PersonalValue> = []
    /// Where each record's personal values sit in `personalData`.
    var personalDataByRecord = MemoryKeyIndex<String>()
    var witnessedCheckpoints: [String: WitnessedCheckpoint] = [:]
    var cosignatures: MemoryRows<ReceivedCosignature> = []

    // Cases
    var cases: MemoryRows<EnforcementCase> = []
    var parties: MemoryRows<CaseParty> = []
    var partyLookups: [CaseParty.ID: String] = [:]
    var caseEvents: MemoryRows<CaseEvent> = []
    var caseEventsByCase = MemoryKeyIndex<EnforcementCase.ID>()
    var officers: MemoryRows<Sequenced<CaseOfficer>> = []
    var officersByCase = MemoryKeyIndex<EnforcementCase.ID>()
    var documents: MemoryRows<CaseDocument> = []
    var documentsByCase = MemoryKeyIndex<EnforcementCase.ID>()
    var documentsByID = MemoryKeyIndex<CaseDocument.ID>()
    var caseEvidence: MemoryRows<CaseEvidence> = []
    var interference: MemoryRows<InterferenceRecord> = []
    var counters: [MemoryCounterKey: Int] = [:]
    var benchmarks: MemoryRows<DiscretionBenchmark> = []
    var audioVideo: MemoryRows<AudioVideoListEntry> = []
    var reviewRecords: MemoryRows<ReviewRecord> = []
    var catalogues: MemoryRows<MajorDecisionCatalogue> = []

    // Publicity
    var evidenceFiles: MemoryRows<EvidenceFile> = []
    var listEntries: MemoryRows<ListEntryVersion> = []
    var certificateReviews: MemoryRows<CertificateReview> = []
    var trainings: MemoryRows<TrainingRecord> = []
    var searchDocuments: MemoryRows<SearchDocument> = []
    var publications: MemoryRows<DecisionPublication> = []
    var publicationEvents: MemoryRows<PublicationEvent> = []
    var policies: MemoryRows<PublicationPolicy> = []
    var outbox: MemoryRows<OutboxMessage> = []
    var draws: MemoryRows<InspectionDraw> = []

    // Supervision
    var complaints: MemoryRows<Complaint> = []
    var complaintEvents: MemoryRows<ComplaintEvent> = []
    var instruments: MemoryRows<SupervisionInstrument> = []
    var referrals: MemoryRows<DisciplineReferral> = []
    var transfers: MemoryRows<CaseTransfer> = []
    /// Organisation-state records, by table.
    var states: [String: [any OrganisationState]] = [:]
}

extension MemoryTables {
    /// Refuses a row whose key is taken, as a unique index does.
    static func unique<Rows: Collection, Key: Equatable>(_ rows: Rows, _ key: (Rows.Element) -> Key, _ new: Key, _ what: String) throws {
        if rows.contains(where: { key($0) == new }) {
            throw MemoryStoreError(description: "\(what) 已存在（唯一约束）")
        }
    }

    /// The index of the row with this key, or the error the SQL store gives for a missing row.
    static func index<Rows: Collection, Key: Equatable>(_ rows: Rows, _ key: (Rows.Element) -> Key, _ wanted: Key,
                                                        missing: @autoclosure () -> any Error) throws -> Rows.Index {
        guard let index = rows.firstIndex(where: { key($0) == wanted }) else { throw missing() }
        return index
    }
}

extension UUID {
    /// The order the databases give UUID columns (byte order, which is the order of the hex text).
    static func ascending(_ a: UUID, _ b: UUID) -> Bool { a.uuidString < b.uuidString }
}

extension Array {
    /// A page of rows in the given order.
    func page(offset: Int, limit: Int) -> [Element] {
        guard offset < count, limit > 0 else { return [] }
        return Array(self[Swift.max(0, offset)..<Swift.min(count, Swift.max(0, offset) + limit)])
    }

    /// The first `limit` rows (all when `limit` is not positive is *not* a database rule: a limit of 0 gives none).
    func limited(_ limit: Int) -> [Element] { Array(prefix(Swift.max(0, limit))) }

    /// Sorted stably (ties keep their insertion order).
    func stableSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        enumerated().sorted { a, b in
            if areInIncreasingOrder(a.element, b.element) { return true }
            if areInIncreasingOrder(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// LIKE '%word%' as SQLite evaluates it (ASCII letters ignore case), which PostgreSQL's ILIKE
/// agrees with on the text the tests use.
enum MemoryText {
    static func contains(_ text: String, _ word: String) -> Bool {
        text.lowercased().contains(word.lowercased())
    }
}
