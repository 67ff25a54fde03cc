import Foundation

/// 用例公共端口 — what every area's use cases share: the store they read and write, the clock,
/// the working-day calendars, and the tamper-evident log every change is appended to.
struct UseCaseKernel: Sendable {
    let store: any Store
    let clock: any Clock
    let secrets: any SecretGenerator
    let ledger: LedgerSettings
    let calendars: CalendarBook
    let settings: Sunlight.Settings
    /// Where lines that log nothing but themselves (reads, refusals) are committed together.
    let accessLog: AccessLogBatch
}

/// One area's use cases (cases, reviews, publicity, …): a value holding the kernel and the
/// ports and neighbouring areas that area needs, nothing more.
protocol UseCaseArea: Sendable {
    var kernel: UseCaseKernel { get }
}

extension UseCaseArea {
    var store: any Store { kernel.store }
    var clock: any Clock { kernel.clock }
    var secrets: any SecretGenerator { kernel.secrets }
    var ledger: LedgerSettings { kernel.ledger }
    var calendars: CalendarBook { kernel.calendars }
    var settings: Sunlight.Settings { kernel.settings }

    /// Now, in whole milliseconds: the precision every stored and logged time has.
    var now: Date { LedgerTime.truncated(clock.now) }

    /// A new record ID, from the injected random source.
    func newID() -> UUID { Secrets.uuid(secrets) }

    /// 提交 — runs `work` in one transaction together with its access-log line, appends every
    /// record it changed and the access-log line itself to the tamper-evident log, and signs
    /// the new checkpoint. All of it commits, or none of it (REC-5, REC-11).
    @discardableResult
    func commit<T: Sendable>(_ actor: Actor, _ action: AccessLogEntry.Action, _ type: String, id: String?,
                             in organisation: Organisation?, _ summary: String,
                             _ work: @escaping @Sendable (any Store, Date) async throws -> (T, [LedgerRecord])) async throws -> T {
        try await commit(AccessLogEntry(actor, at: now, action, type, id: id, in: organisation, summary), work)
    }

    /// ``commit(_:_:_:id:in:_:_:)`` with a ready-made access-log line.
    @discardableResult
    func commit<T: Sendable>(_ line: AccessLogEntry,
                             _ work: @escaping @Sendable (any Store, Date) async throws -> (T, [LedgerRecord])) async throws -> T {
        // Read before the transaction: the calendar's store is not the transaction's.
        let calendar = try await calendars.current()
        return try await store.transaction { [ledger, secrets] tx in
            let (result, records) = try await work(tx, line.at)
            // The read models of the cases it changed, in the same transaction (REC-13).
            let cases = Set(records.compactMap(\.caseID))
            try await ReadModels.refresh(cases: cases, in: tx, calendar: calendar)
            try await Sunlight.appendAccessLog(line, records: records, at: line.at, ledger: ledger, secrets: secrets, in: tx)
            return result
        }
    }

    /// Appends an access-log line on its own (reads, refusals, failed logins); returns once it
    /// is committed, together with the lines of other requests that came meanwhile.
    func log(_ actor: Actor, _ action: AccessLogEntry.Action, _ type: String, id: String?,
             in organisation: Organisation?, _ summary: String) async throws {
        try await kernel.accessLog.append(AccessLogEntry(actor, at: now, action, type, id: id, in: organisation, summary))
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
    func requireOrganisation(_ id: Organisation.ID) async throws -> Organisation {
        guard let organisation = try await store.organisations.find(id) else { throw SunlightError.notFound("机构") }
        return organisation
    }
}
