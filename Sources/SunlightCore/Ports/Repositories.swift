import Foundation

/// 机构存储.
public protocol OrganisationRepository: Sendable {
    func all() async throws -> [Organisation]
    func find(_ id: Organisation.ID) async throws -> Organisation?
    /// These organisations, in one query (unknown IDs are skipped).
    func find(ids: [Organisation.ID]) async throws -> [Organisation]
    /// The organisation at `path` and everything below it.
    func subtree(_ path: String) async throws -> [Organisation]
    func insert(_ organisation: Organisation) async throws
    func update(_ organisation: Organisation) async throws
}

/// 用户存储.
public protocol StaffUserRepository: Sendable {
    func find(_ id: StaffUser.ID) async throws -> StaffUser?
    /// These users, in one query (unknown IDs are skipped).
    func find(ids: [StaffUser.ID]) async throws -> [StaffUser]
    /// Looks a user up by login name (case-insensitive: names are stored lower-case).
    func find(username: String) async throws -> StaffUser?
    /// The users of the given organisations, ordered by organisation then username.
    func list(in organisations: [Organisation.ID]) async throws -> [StaffUser]
    func insert(_ user: StaffUser) async throws
    func update(_ user: StaffUser) async throws
}

/// 执法证件存储.
public protocol CertificateRepository: Sendable {
    func list(holders: [StaffUser.ID]) async throws -> [EnforcementCertificate]
    func find(number: String) async throws -> EnforcementCertificate?
    func find(_ id: EnforcementCertificate.ID) async throws -> EnforcementCertificate?
    func insert(_ certificate: EnforcementCertificate) async throws
    /// Records a revocation (注销): the only change a certificate ever gets.
    func revoke(_ id: EnforcementCertificate.ID, on date: CivilDate, reason: String) async throws
}

/// 会话存储.
public protocol SessionRepository: Sendable {
    func insert(_ session: StaffSession) async throws
    func find(tokenHash: String) async throws -> StaffSession?
    func touch(_ id: StaffSession.ID, at: Date) async throws
    func end(_ id: StaffSession.ID, at: Date) async throws
    /// Ends every live session of a user (deactivation, password change).
    func endAll(of user: StaffUser.ID, at: Date) async throws
}

/// 接口令牌存储.
public protocol ApiTokenRepository: Sendable {
    func insert(_ token: ApiToken) async throws
    func find(_ id: ApiToken.ID) async throws -> ApiToken?
    func find(tokenHash: String) async throws -> ApiToken?
    func list(for users: [StaffUser.ID]) async throws -> [ApiToken]
    func revoke(_ id: ApiToken.ID, by: StaffUser.ID?, at: Date) async throws
    func touch(_ id: ApiToken.ID, at: Date) async throws
}

/// 登录失败记录.
public protocol LoginFailureRepository: Sendable {
    func record(username: String, address: String?, at: Date) async throws
    /// Times of failures for this account since `since`.
    func failures(username: String, since: Date) async throws -> [Date]
    /// Times of failures from this address since `since`.
    func failures(address: String, since: Date) async throws -> [Date]
    /// Forgets an account's failures after a successful login.
    func clear(username: String) async throws
}

/// A filter over the access log.
public struct AccessLogQuery: Sendable, Equatable {
    /// Only entries about organisations under these paths (plus, when `includeUnscoped`,
    /// entries that concern no organisation).
    public var organisationPaths: [String]
    public var includeUnscoped: Bool
    public var actorUserID: StaffUser.ID?
    public var action: AccessLogEntry.Action?
    public var resourceType: String?
    public var since: Date?
    public var before: Date?
    public var limit: Int

    public init(organisationPaths: [String], includeUnscoped: Bool = false, actorUserID: StaffUser.ID? = nil,
                action: AccessLogEntry.Action? = nil, resourceType: String? = nil, since: Date? = nil,
                before: Date? = nil, limit: Int = 200) {
        self.organisationPaths = organisationPaths
        self.includeUnscoped = includeUnscoped
        self.actorUserID = actorUserID
        self.action = action
        self.resourceType = resourceType
        self.since = since
        self.before = before
        self.limit = limit
    }
}

/// 访问日志存储 — append-only.
public protocol AccessLogRepository: Sendable {
    func append(_ entry: AccessLogEntry) async throws
    /// Appends many entries at once (a bulk load), in their order.
    func append(_ entries: [AccessLogEntry]) async throws
    /// Newest first.
    func entries(_ query: AccessLogQuery) async throws -> [AccessLogEntry]
    /// Every entry in the order appended, a page at a time.
    func chronological(offset: Int, limit: Int) async throws -> [AccessLogEntry]
}

/// A holiday notice as loaded into an installation, with who loaded it.
public struct LoadedHolidayNotice: Sendable, Equatable {
    public let id: UUID
    public let notice: HolidayNotice
    public let loadedAt: Date
    public let loadedBy: String

    public init(id: UUID = UUID(), notice: HolidayNotice, loadedAt: Date, loadedBy: String) {
        self.id = id
        self.notice = notice
        self.loadedAt = loadedAt
        self.loadedBy = loadedBy
    }
}

/// 节假日安排存储 — every load is kept; the newest load of a year is the one in force.
public protocol HolidayNoticeRepository: Sendable {
    func insert(_ loaded: LoadedHolidayNotice) async throws
    /// Every load, oldest first.
    func all() async throws -> [LoadedHolidayNotice]
}

/// The whole store, as the domain sees it.
public protocol Store: Sendable {
    var organisations: any OrganisationRepository { get }
    var users: any StaffUserRepository { get }
    var certificates: any CertificateRepository { get }
    var sessions: any SessionRepository { get }
    var apiTokens: any ApiTokenRepository { get }
    var loginFailures: any LoginFailureRepository { get }
    var accessLog: any AccessLogRepository { get }
    var holidayNotices: any HolidayNoticeRepository { get }
    var ledger: any LedgerRepository { get }
    var personalData: any PersonalDataRepository { get }
    var witness: any WitnessRepository { get }
    var evidence: any EvidenceRepository { get }
    var uploadClaims: any UploadClaimRepository { get }
    var lists: any ListEntryRepository { get }
    var officerRecords: any OfficerRecordRepository { get }
    var cases: any CaseRepository { get }
    var caseRecords: any CaseRecordRepository { get }
    var caseSettings: any CaseSettingsRepository { get }
    var caseClocks: any CaseClockSummaryRepository { get }
    var reviewFlags: any ReviewFlagRepository { get }
    var caseFacts: any CaseFactRepository { get }
    var readModels: any ReadModelRepository { get }
    var reviews: any ReviewRepository { get }
    var search: any SearchRepository { get }
    var publications: any PublicationRepository { get }
    var outbox: any OutboxRepository { get }
    var draws: any DrawRepository { get }
    var complaints: any ComplaintRepository { get }
    var instruments: any SupervisionInstrumentRepository { get }
    var referrals: any DisciplineReferralRepository { get }
    var transfers: any CaseTransferRepository { get }
    /// Records kept whole between organisations, one table per kind (SUP-3, SUP-7, SUP-8, SUP-10..13).
    func records<S: OrganisationState>(_ kind: S.Type) -> any OrganisationStateRepository<S>

    /// Runs `work` in one database transaction: everything it writes is committed together,
    /// or, if it throws, nothing is.
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any Store) async throws -> T) async throws -> T
}
