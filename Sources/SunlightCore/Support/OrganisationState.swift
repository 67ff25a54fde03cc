import Foundation
import SunlightLedger

/// 机构间记录 — a record kept whole that one organisation raises, often addressed to another
/// (coordination matters, meetings, supervision inspections, guiding cases, assessments): one
/// stored shape, one repository and one logged table for each kind.
public protocol OrganisationState: StoredState, Sendable {
    /// Its table; the log names the same.
    static var table: String { get }
    /// The organisation that raised it; the log files it there.
    var organisationID: Organisation.ID { get }
    /// The other organisation involved (the one that must answer), if any.
    var counterpartID: Organisation.ID? { get }
    var createdAt: Date { get }
    /// Its status, for the row's index.
    var statusCode: String { get }
}

/// A kind of record kept whole that seals a field apart from the log (REC-5): it gives its own record.
protocol SealingState {
    func sealedRecord(_ type: String) throws -> LedgerRecord
}

extension OrganisationState {
    /// The ledger record of the whole state.
    func ledgerRecord(_ type: String) throws -> LedgerRecord {
        if let sealing = self as? any SealingState { return try sealing.sealedRecord(type) }
        return try stateRecord(type, table: Self.table, organisationID: organisationID)
    }
}

/// 机构间记录存储 — insert, update and read records of one kind.
public protocol OrganisationStateRepository<State>: Sendable {
    associatedtype State: OrganisationState
    func insert(_ record: State) async throws
    func update(_ record: State) async throws
    func find(_ id: UUID) async throws -> State?
    /// Records raised by or addressed to these organisations (nil: any), in these statuses (nil:
    /// any; the records' `statusCode`s), newest first.
    func list(organisations: [Organisation.ID]?, statuses: [String]?) async throws -> [State]
    /// Every record, oldest first, a page at a time (for `verify`).
    func chronological(offset: Int, limit: Int) async throws -> [State]
}

extension OrganisationStateRepository {
    /// Records raised by or addressed to these organisations, newest first.
    public func list(organisations: [Organisation.ID]) async throws -> [State] { try await list(organisations: organisations, statuses: nil) }
}

extension UseCaseArea {
    /// Saves a record in one transaction with its access-log line and its log entry.
    func save<S: OrganisationState>(_ record: S, new: Bool, _ type: String, _ summary: String, in organisation: Organisation,
                                    by actor: Actor, also more: (@Sendable (any Store) async throws -> [LedgerRecord])? = nil) async throws -> S {
        try await commit(actor, new ? .create : .update, S.table, id: record.id.uuidString, in: organisation, summary) { tx, _ in
            let records = tx.records(S.self)
            if new { try await records.insert(record) } else { try await records.update(record) }
            return (record, [try record.ledgerRecord(type)] + (try await more?(tx) ?? []))
        }
    }
}
