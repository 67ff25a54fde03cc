import Foundation

/// 案件存储 — cases, their parties, events and officers.
public protocol CaseRepository: Sendable {
    func insert(_ enforcementCase: EnforcementCase) async throws
    /// Inserts many cases at once (a bulk load).
    func insert(_ cases: [EnforcementCase]) async throws
    func update(_ enforcementCase: EnforcementCase) async throws
    func find(_ id: EnforcementCase.ID) async throws -> EnforcementCase?
    /// These cases, in one query (unknown IDs are skipped).
    func find(ids: [EnforcementCase.ID]) async throws -> [EnforcementCase]
    /// The cases of these organisations that match, newest first, skipping the first `offset`.
    func list(organisations: [Organisation.ID], filter: CaseFilter, limit: Int, offset: Int) async throws -> [EnforcementCase]
    /// The cases the user is an active officer of.
    func assigned(to user: StaffUser.ID) async throws -> [EnforcementCase.ID]
    func chronological(offset: Int, limit: Int) async throws -> [EnforcementCase]

    func insert(party: CaseParty) async throws
    /// Inserts many parties at once (a bulk load), with the 比对摘要 of those that have one.
    func insert(parties: [CaseParty], lookups: [CaseParty.ID: String]) async throws
    /// Parties as stored: a natural person's sealed fields are empty here.
    func parties(of caseID: EnforcementCase.ID) async throws -> [CaseParty]
    /// The parties of several cases, as stored.
    func parties(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseParty]
    func parties(offset: Int, limit: Int) async throws -> [CaseParty]
    /// Sets (or, with `nil`, drops) a party's 当事人比对摘要 (``PartyLookup``); not logged.
    func setLookup(_ digest: String?, party: CaseParty.ID) async throws
    /// The 比对摘要 of a case's parties that have one, by party.
    func lookups(of caseID: EnforcementCase.ID) async throws -> [CaseParty.ID: String]
    /// The cases (of any organisation) with a party whose 比对摘要 is one of `digests`.
    func cases(withLookups digests: Set<String>) async throws -> [EnforcementCase.ID]

    func append(_ event: CaseEvent) async throws
    /// Appends many events at once (a bulk load), in their order.
    func append(_ events: [CaseEvent]) async throws
    func events(of caseID: EnforcementCase.ID) async throws -> [CaseEvent]
    /// The events of several cases, each case's in order.
    func events(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseEvent]
    func events(offset: Int, limit: Int) async throws -> [CaseEvent]

    func save(officer: CaseOfficer) async throws
    /// Inserts many new assignments at once (a bulk load).
    func insert(officers: [CaseOfficer]) async throws
    func officers(of caseID: EnforcementCase.ID) async throws -> [CaseOfficer]
    func officers(offset: Int, limit: Int) async throws -> [CaseOfficer]

    // MARK: Aggregates — the database filters, so a page costs what it shows

    /// Every case of these organisations that matches, newest first, with no cap: for the
    /// figures that need each case (running clocks, a period's statistics). Ask with a narrow
    /// filter (`.running`, a period), never `.all`.
    func matching(organisations: [Organisation.ID], filter: CaseFilter) async throws -> [EnforcementCase]
    /// How many cases of these organisations match, by category (one GROUP BY).
    func countsByCategory(organisations: [Organisation.ID], filter: CaseFilter) async throws -> [EnforcementCategory: Int]
    /// The events of these kinds dated within `dates` (any date when `nil`) of the cases of
    /// these organisations that match `filter`; each case's in order.
    func events(organisations: [Organisation.ID], cases filter: CaseFilter, kinds: Set<CaseEvent.Kind>,
                dates: ClosedRange<CivilDate>?) async throws -> [CaseEvent]
    /// 应审核的案件 — the general-procedure (not 简易程序) cases of these organisations with an
    /// issued document of these types or any legal-review record, newest first (REV-9).
    func reviewable(organisations: [Organisation.ID], decisionTypes: Set<DocumentType>) async throws -> [EnforcementCase]
    /// 应移送的案件 — the cases of these organisations that match `filter`, with an issued
    /// document of these types and a party recorded as a Party member or public official,
    /// newest first (SUP-9).
    func referable(organisations: [Organisation.ID], filter: CaseFilter, decisionTypes: Set<DocumentType>) async throws -> [EnforcementCase]
}

extension CaseRepository {
    /// The first `limit` cases of these organisations that match, newest first.
    public func list(organisations: [Organisation.ID], filter: CaseFilter, limit: Int) async throws -> [EnforcementCase] {
        try await list(organisations: organisations, filter: filter, limit: limit, offset: 0)
    }
}

/// 文书、证据与干预记录存储.
public protocol CaseRecordRepository: Sendable {
    func insert(_ document: CaseDocument) async throws
    /// Inserts many documents at once (a bulk load), in their order.
    func insert(_ documents: [CaseDocument]) async throws
    func update(_ document: CaseDocument) async throws
    func document(_ id: UUID) async throws -> CaseDocument?
    func documents(of caseID: EnforcementCase.ID) async throws -> [CaseDocument]
    func documents(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseDocument]
    func documents(offset: Int, limit: Int) async throws -> [CaseDocument]
    /// The issued documents of the cases of these organisations whose field `field` is `value`
    /// (say, `discretionFlag` = `yes`: a fine outside the benchmark, STD-3), oldest drafted first.
    func issuedDocuments(organisations: [Organisation.ID], field: String, value: String) async throws -> [CaseDocument]
    /// The documents of the cases of these organisations in this status (say, waiting for
    /// signature), oldest drafted first.
    func documents(organisations: [Organisation.ID], status: CaseDocument.Status) async throws -> [CaseDocument]

    func insert(_ evidence: CaseEvidence) async throws
    /// Inserts many evidence records at once (a bulk load).
    func insert(_ evidence: [CaseEvidence]) async throws
    func evidence(of caseID: EnforcementCase.ID) async throws -> [CaseEvidence]
    /// The case evidence that uses any of these files.
    func evidence(usingFiles fileIDs: [EvidenceFile.ID]) async throws -> [CaseEvidence]
    func evidence(offset: Int, limit: Int) async throws -> [CaseEvidence]

    func insert(_ record: InterferenceRecord) async throws
    func interference(of caseID: EnforcementCase.ID) async throws -> [InterferenceRecord]
    func interference(offset: Int, limit: Int) async throws -> [InterferenceRecord]
}

/// 文书编号、裁量基准与音像记录事项清单.
public protocol CaseSettingsRepository: Sendable {
    /// The next number in a series (organisation, code, year), gapless, inside the caller's transaction.
    func nextNumber(organisation: Organisation.ID, code: String, year: Int) async throws -> Int
    /// Raises a series' last number to `last` when it is lower (a bulk load carries the
    /// numbers a scratch store gave, so the next number follows them).
    func raiseNumber(organisation: Organisation.ID, code: String, year: Int, to last: Int) async throws
    func benchmarks(organisation: Organisation.ID, item: UUID?) async throws -> [DiscretionBenchmark]
    func save(_ benchmark: DiscretionBenchmark) async throws
    func benchmarks(offset: Int, limit: Int) async throws -> [DiscretionBenchmark]
    /// The organisation's changes to the default audio/video list: stage code → required.
    func audioVideoList(organisation: Organisation.ID, category: EnforcementCategory) async throws -> [String: Bool]
    func setAudioVideo(organisation: Organisation.ID, category: EnforcementCategory, stage: String, required: Bool) async throws
    /// Every organisation's changes, for the verifier.
    func audioVideoEntries() async throws -> [AudioVideoListEntry]
}

/// Which cases a list shows.
public struct CaseFilter: Sendable, Equatable {
    public var statuses: Set<EnforcementCase.Status>?
    public var category: EnforcementCategory?
    public var openedFrom: CivilDate?
    public var openedTo: CivilDate?
    /// Words in the number or the title.
    public var text: String?

    public init(statuses: Set<EnforcementCase.Status>? = nil, category: EnforcementCategory? = nil, openedFrom: CivilDate? = nil,
                openedTo: CivilDate? = nil, text: String? = nil) {
        self.statuses = statuses
        self.category = category
        self.openedFrom = openedFrom
        self.openedTo = openedTo
        self.text = text
    }

    public static let all = CaseFilter()
    public static let running = CaseFilter(statuses: [.open, .suspended])
}

/// One change of an organisation's 音像记录事项清单 (REC-3).
public struct AudioVideoListEntry: Sendable, Equatable {
    public let organisationID: Organisation.ID
    public let category: EnforcementCategory
    public let stage: String
    public let required: Bool

    public init(organisationID: Organisation.ID, category: EnforcementCategory, stage: String, required: Bool) {
        self.organisationID = organisationID
        self.category = category
        self.stage = stage
        self.required = required
    }

    public var ledgerRecord: LedgerRecord {
        Self.logged(type: "audio_video_list.set", table: "audio_video_list",
                    id: "\(organisationID.uuidString.lowercased())/\(category.rawValue)/\(stage)", organisationID: organisationID,
                    content: .object(["category": .string(category.rawValue), "stage": .string(stage), "required": .bool(required)]))
    }
}
