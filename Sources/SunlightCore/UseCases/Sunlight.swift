import Foundation

/// 阳光执法 — the use cases, wired to the ports they need. One value per installation; the
/// HTTP layer and the CLI call it and nothing below it.
public struct Sunlight: Sendable {
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
        public init() {}
    }

    /// The ports, for the use cases only: the server and the CLI reach the data through use
    /// cases, never around them (tests reach it with `@testable import`).
    let store: any Store
    public let clock: any Clock
    public let passwords: any PasswordHasher
    public let secrets: any SecretGenerator
    public let calendars: CalendarBook
    public let settings: Settings
    /// The log's name and signing key.
    public let ledger: LedgerSettings
    /// Where files are kept.
    public let blobs: any BlobStore

    public init(store: any Store, clock: any Clock = SystemClock(), passwords: any PasswordHasher,
                secrets: any SecretGenerator = SystemSecretGenerator(), ledger: LedgerSettings, blobs: any BlobStore,
                shippedCalendars: [HolidayNotice] = ShippedCalendars.notices(), settings: Settings = Settings()) {
        self.store = store
        self.clock = clock
        self.passwords = passwords
        self.secrets = secrets
        self.ledger = ledger
        self.blobs = blobs
        self.calendars = CalendarBook(store: store, shipped: shippedCalendars)
        self.settings = settings
    }

    /// Now, in whole milliseconds: the precision every stored and logged time has.
    var now: Date { LedgerTime.truncated(clock.now) }

    /// 提交 — runs `work` in one transaction together with its access-log line, appends every
    /// record it changed and the access-log line itself to the tamper-evident log, and signs
    /// the new checkpoint. All of it commits, or none of it (REC-5, REC-11).
    @discardableResult
    public func commit<T: Sendable>(_ actor: Actor, _ action: AccessLogEntry.Action, _ type: String, id: String?,
                             in organisation: Organisation?, _ summary: String,
                             _ work: @escaping @Sendable (any Store, Date) async throws -> (T, [LedgerRecord])) async throws -> T {
        try await commit(AccessLogEntry(actor, at: now, action, type, id: id, in: organisation, summary), work)
    }

    /// ``commit(_:_:_:id:in:_:_:)`` with a ready-made access-log line.
    @discardableResult
    public func commit<T: Sendable>(_ line: AccessLogEntry,
                             _ work: @escaping @Sendable (any Store, Date) async throws -> (T, [LedgerRecord])) async throws -> T {
        try await store.transaction { [ledger, secrets] tx in
            let (result, records) = try await work(tx, line.at)
            try await Self.appendAccessLog(line, records: records, at: line.at, ledger: ledger, secrets: secrets, in: tx)
            return result
        }
    }

    /// Appends an access-log line on its own (reads, refusals, failed logins).
    func log(_ actor: Actor, _ action: AccessLogEntry.Action, _ type: String, id: String?,
             in organisation: Organisation?, _ summary: String) async throws {
        try await commit(actor, action, type, id: id, in: organisation, summary) { _, _ in ((), []) }
    }

    /// Writes an access-log line (its client address sealed as personal data) and logs it
    /// after `records`, in the caller's transaction.
    static func appendAccessLog(_ line: AccessLogEntry, records: [LedgerRecord], at time: Date, ledger: LedgerSettings,
                                secrets: any SecretGenerator, in tx: any Store) async throws {
        let id = line.id.uuidString.lowercased()
        let address = line.address.map { PersonalValue.seal($0, table: "access_log", recordID: id, field: "address", secrets: secrets) }
        try await tx.accessLog.append(line.withoutAddress)
        if let address { try await tx.personalData.insert([address]) }
        try await LedgerWriter.append(records + [line.ledgerRecord(address: address)], at: time, settings: ledger, in: tx)
    }

    /// Runs `check`; if it refuses for lack of role or scope, the refusal is logged first.
    func guarded<T>(_ actor: Actor, _ type: String, id: String?, in organisation: Organisation?,
                    _ check: () throws -> T) async throws -> T {
        do { return try check() } catch let error as SunlightError where error.kind == .forbidden {
            try await log(actor, .denied, type, id: id, in: organisation, error.message)
            throw error
        }
    }

    /// Loads an organisation or throws not found (organisations are public, PUB-1).
    public func requireOrganisation(_ id: Organisation.ID) async throws -> Organisation {
        guard let organisation = try await store.organisations.find(id) else { throw SunlightError.notFound("机构") }
        return organisation
    }
}
