import FluentKit
import Foundation
import Logging
import SQLKit
import SunlightCore

/// The store on a Fluent database — SQLite or PostgreSQL, the same code for both.
public struct FluentStore: Store {
    private let resolve: @Sendable () -> any Database
    /// Where transactions run: the primary, also when reads go to a replica.
    private let resolveWriter: @Sendable () -> any Database
    /// Orders SQLite transactions in the process (see ``WriteGate``); `nil` inside a transaction.
    private let writeGate: WriteGate?

    /// A store on one database handle (a transaction, a test).
    public init(database: any Database) {
        self.resolve = { database }
        self.resolveWriter = { database }
        self.writeGate = nil
    }

    /// A store that reads from the streaming replica `replica` and writes — every transaction,
    /// and so every logged read — to the primary: for the portal and the public API, which
    /// may show what the primary committed a moment ago.
    public init(databases: Databases, replica: DatabaseID, logger: Logger = Logger(label: "sunlight.store")) {
        self.resolve = { databases.database(replica, logger: logger, on: databases.eventLoopGroup.any())! }
        self.resolveWriter = { databases.database(logger: logger, on: databases.eventLoopGroup.any())! }
        self.writeGate = nil
    }

    /// A store that takes a connection from whichever event loop's pool is free, each time.
    /// Every store of one database must share its `writeGate`.
    public init(databases: Databases, logger: Logger = Logger(label: "sunlight.store"), writeGate: WriteGate) {
        let primary: @Sendable () -> any Database = { databases.database(logger: logger, on: databases.eventLoopGroup.any())! }
        self.resolve = primary
        self.resolveWriter = primary
        self.writeGate = writeGate
    }

    var database: any Database { resolve() }

    public var organisations: any OrganisationRepository { FluentOrganisationRepository(database: database) }
    public var users: any StaffUserRepository { FluentStaffUserRepository(database: database) }
    public var certificates: any CertificateRepository { FluentCertificateRepository(database: database) }
    public var sessions: any SessionRepository { FluentSessionRepository(database: database) }
    public var apiTokens: any ApiTokenRepository { FluentApiTokenRepository(database: database) }
    public var loginFailures: any LoginFailureRepository { FluentLoginFailureRepository(database: database) }
    public var accessLog: any AccessLogRepository { FluentAccessLogRepository(database: database) }
    public var holidayNotices: any HolidayNoticeRepository { FluentHolidayNoticeRepository(database: database) }
    public var ledger: any LedgerRepository { SQLLedgerRepository(database: database) }
    public var personalData: any PersonalDataRepository { SQLPersonalDataRepository(database: database) }
    public var witness: any WitnessRepository { SQLWitnessRepository(database: database) }
    public var evidence: any EvidenceRepository { FluentEvidenceRepository(database: database) }
    public var uploadClaims: any UploadClaimRepository { FluentUploadClaimRepository(database: database) }
    public var lists: any ListEntryRepository { FluentListEntryRepository(database: database) }
    public var officerRecords: any OfficerRecordRepository { FluentOfficerRecordRepository(database: database) }
    public var search: any SearchRepository { SQLSearchRepository(database: database) }
    public var cases: any CaseRepository { FluentCaseRepository(database: database) }
    public var caseRecords: any CaseRecordRepository { FluentCaseRecordRepository(database: database) }
    public var caseSettings: any CaseSettingsRepository { SQLCaseSettingsRepository(database: database) }
    public var caseClocks: any CaseClockSummaryRepository { SQLCaseClockSummaryRepository(database: database) }
    public var reviewFlags: any ReviewFlagRepository { SQLReviewFlagRepository(database: database) }
    public var caseFacts: any CaseFactRepository { SQLCaseFactRepository(database: database) }
    public var readModels: any ReadModelRepository { SQLReadModelRepository(database: database) }
    public var reviews: any ReviewRepository { FluentReviewRepository(database: database) }
    public var publications: any PublicationRepository { FluentPublicationRepository(database: database) }
    public var outbox: any OutboxRepository { FluentOutboxRepository(database: database) }
    public var draws: any DrawRepository { FluentDrawRepository(database: database) }
    public var complaints: any ComplaintRepository { FluentComplaintRepository(database: database) }
    public var instruments: any SupervisionInstrumentRepository { FluentSupervisionInstrumentRepository(database: database) }
    public var referrals: any DisciplineReferralRepository { FluentDisciplineReferralRepository(database: database) }
    public var transfers: any CaseTransferRepository { FluentCaseTransferRepository(database: database) }
    public func records<S: OrganisationState>(_ kind: S.Type) -> any OrganisationStateRepository<S> {
        FluentOrganisationStateRepository<S>(database: database)
    }

    /// Runs `work` in one transaction.
    ///
    /// On SQLite the transaction first bumps the `store_write_lock` row, so it holds the write
    /// lock from its first statement: a deferred transaction that reads and later writes could
    /// otherwise fail with SQLITE_BUSY_SNAPSHOT when another connection wrote in between.
    public func transaction<T: Sendable>(_ work: @escaping @Sendable (any Store) async throws -> T) async throws -> T {
        let database = resolveWriter()
        let run: @Sendable () async throws -> T = {
            try await database.transaction { tx in
                if let sql = tx as? any SQLDatabase, sql.dialect.name == "sqlite" {
                    try await sql.raw("UPDATE store_write_lock SET version = version + 1 WHERE id = 1").run()
                }
                return try await work(FluentStore(database: tx))
            }
        }
        guard let writeGate, (database as? any SQLDatabase)?.dialect.name == "sqlite" else { return try await run() }
        return try await writeGate.through(run)
    }

    /// The SQL dialect: `sqlite` or `postgresql`.
    public var dialect: String { (database as? any SQLDatabase)?.dialect.name ?? "unknown" }
}
