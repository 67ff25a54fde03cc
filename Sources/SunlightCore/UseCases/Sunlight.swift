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
        public init() {}
    }

    public let store: any Store
    public let clock: any Clock
    public let passwords: any PasswordHasher
    public let secrets: any SecretGenerator
    public let calendars: CalendarBook
    public let settings: Settings

    public init(store: any Store, clock: any Clock = SystemClock(), passwords: any PasswordHasher,
                secrets: any SecretGenerator = SystemSecretGenerator(),
                shippedCalendars: [HolidayNotice] = ShippedCalendars.notices(), settings: Settings = Settings()) {
        self.store = store
        self.clock = clock
        self.passwords = passwords
        self.secrets = secrets
        self.calendars = CalendarBook(store: store, shipped: shippedCalendars)
        self.settings = settings
    }

    var now: Date { clock.now }

    /// Appends to the access log outside any transaction (reads, refusals, logins).
    func log(_ actor: Actor, _ action: AccessLogEntry.Action, _ type: String, id: String?,
             in organisation: Organisation?, _ summary: String) async throws {
        try await store.accessLog.append(AccessLogEntry(actor, at: now, action, type, id: id, in: organisation, summary))
    }

    /// Runs `check`; if it refuses for lack of role or scope, the refusal is logged first.
    func guarded<T>(_ actor: Actor, _ type: String, id: String?, in organisation: Organisation?,
                    _ check: () throws -> T) async throws -> T {
        do { return try check() } catch let error as SunlightError where error.kind == .forbidden {
            try await log(actor, .denied, type, id: id, in: organisation, error.message)
            throw error
        }
    }

    /// Loads an organisation or throws not found.
    func requireOrganisation(_ id: Organisation.ID) async throws -> Organisation {
        guard let organisation = try await store.organisations.find(id) else { throw SunlightError.notFound("机构") }
        return organisation
    }
}
