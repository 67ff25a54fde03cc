import Foundation

/// 阳光执法 — the use cases, one service per area, each wired to the ports it needs. One value
/// per installation, built in one place (the server's composition); the HTTP layer and the CLI
/// call its services and nothing below them.
public struct Sunlight: Sendable, UseCaseArea {
    /// Settings that an installation may change.
    public struct Settings: Sendable {
        /// A session ends after this long without a request.
        public var sessionIdleTimeout: TimeInterval = 2 * 3600
        /// A session ends this long after login, however active.
        public var sessionLifetime: TimeInterval = 12 * 3600
        public var loginBackoff = LoginBackoffPolicy()
        /// Working days left at which a deadline counts as due soon (CAL-3).
        public var dueSoonMargin = 1
        /// Working days to answer a complaint (SUP-1, configurable).
        public var complaintWorkingDays = 15
        /// What carries the hearing right (REC-15, 行政处罚法 第六十三条; 较大数额 is set by each province).
        public var hearing = HearingPolicy()
        /// Working days to check a case lead (线索核查, REC-18; 《市场监督管理行政处罚程序规定》第十八条: 15).
        public var leadCheckWorkingDays = 15
        public init() {}
    }

    let kernel: UseCaseKernel
    public let passwords: any PasswordHasher
    /// Where files are kept.
    public let blobs: any BlobStore

    /// 账号与访问 — logins, sessions, API tokens, the access log (REC-11).
    public let access: AccessUseCases
    /// 机构与人员 — the organisation tree and its staff.
    public let organisations: OrganisationUseCases
    /// 工作日历 — holiday notices and working-day deadlines (CAL-*).
    public let calendar: CalendarUseCases
    /// 执法人员管理 — certificates, training, qualification (STD-*).
    public let standards: StandardsUseCases
    /// 执法公示 — lists, decisions, draws, the outbox (PUB-*).
    public let publicity: PublicityUseCases
    /// 法制审核 — the catalogue, review rounds, the review gate (REV-*).
    public let reviews: ReviewUseCases
    /// 全过程记录 — cases, documents, evidence, case files, the log's proofs (REC-*).
    public let cases: CaseUseCases
    /// 外部见证 — cosigning other logs' checkpoints and asking witnesses to cosign ours (REC-19).
    public let witness: WitnessUseCases
    /// 执法监督 — complaints, transfers, coordination, inspections, assessment (SUP-*).
    public let supervision: SupervisionUseCases

    public init(store: any Store, clock: any Clock = SystemClock(), passwords: any PasswordHasher,
                secrets: any SecretGenerator = SystemSecretGenerator(), ledger: LedgerSettings, blobs: any BlobStore,
                shippedCalendars: [HolidayNotice] = ShippedCalendars.notices(), settings: Settings = Settings()) {
        let kernel = UseCaseKernel(store: store, clock: clock, secrets: secrets, ledger: ledger,
                                   calendars: CalendarBook(store: store, shipped: shippedCalendars), settings: settings,
                                   accessLog: AccessLogBatch(store: store, ledger: ledger, secrets: secrets))
        self.kernel = kernel
        self.passwords = passwords
        self.blobs = blobs
        organisations = OrganisationUseCases(kernel: kernel, passwords: passwords)
        access = AccessUseCases(kernel: kernel, passwords: passwords, organisations: organisations)
        calendar = CalendarUseCases(kernel: kernel)
        standards = StandardsUseCases(kernel: kernel)
        publicity = PublicityUseCases(kernel: kernel, blobs: blobs, organisations: organisations, standards: standards)
        reviews = ReviewUseCases(kernel: kernel)
        cases = CaseUseCases(kernel: kernel, blobs: blobs, access: access, standards: standards, publicity: publicity, reviews: reviews)
        witness = WitnessUseCases(kernel: kernel)
        supervision = SupervisionUseCases(kernel: kernel, organisations: organisations, cases: cases, publicity: publicity, reviews: reviews)
    }

    /// The clock every use case reads "now" and "today" from.
    public var clock: any Clock { kernel.clock }
    /// The installation's random source (tokens, sealing keys).
    public var secrets: any SecretGenerator { kernel.secrets }
    /// The working-day calendars in force (CAL-1).
    public var calendars: CalendarBook { kernel.calendars }
    public var settings: Settings { kernel.settings }
    /// The log's name and signing key.
    public var ledger: LedgerSettings { kernel.ledger }

    /// Writes an access-log line (its client address sealed as personal data) and logs it
    /// after `records`, in the caller's transaction. Every use case's commit ends with it; tools
    /// that hold the store themselves (the benchmarks' log builder) call it directly.
    public static func appendAccessLog(_ line: AccessLogEntry, records: [LedgerRecord], at time: Date, ledger: LedgerSettings,
                                secrets: any SecretGenerator, in tx: any Store) async throws {
        let logged = try await storeAccessLog(line, secrets: secrets, in: tx)
        try await LedgerWriter.append(records + [logged], at: time, settings: ledger, in: tx)
    }

    /// Writes an access-log line with its sealed client address; returns its ledger record,
    /// for the caller to append to the log in the same transaction.
    static func storeAccessLog(_ line: AccessLogEntry, secrets: any SecretGenerator, in tx: any Store) async throws -> LedgerRecord {
        let id = line.id.uuidString.lowercased()
        let address = line.address.map { PersonalValue.seal($0, table: "access_log", recordID: id, field: "address", secrets: secrets) }
        try await tx.accessLog.append(line.withoutAddress)
        if let address { try await tx.personalData.insert([address]) }
        return line.ledgerRecord(address: address)
    }
}
