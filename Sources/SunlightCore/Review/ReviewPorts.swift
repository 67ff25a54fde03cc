import Foundation

/// 法制审核存储 — the catalogue's versions and the review records, both append-only.
public protocol ReviewRepository: Sendable {
    func insert(_ record: ReviewRecord) async throws
    func record(_ id: ReviewRecord.ID) async throws -> ReviewRecord?
    func records(ofCase caseID: EnforcementCase.ID) async throws -> [ReviewRecord]
    func records(ofCases ids: [EnforcementCase.ID]) async throws -> [ReviewRecord]
    /// The records of these organisations' cases, oldest first.
    func records(organisations: [Organisation.ID]) async throws -> [ReviewRecord]
    /// The records of these organisations' running (open or suspended) cases, oldest first: the
    /// rounds still in play, without every review ever given.
    func records(runningCasesOf organisations: [Organisation.ID]) async throws -> [ReviewRecord]
    func records(offset: Int, limit: Int) async throws -> [ReviewRecord]

    func insert(catalogue: MajorDecisionCatalogue) async throws
    /// An organisation's versions, oldest first.
    func catalogues(organisation: Organisation.ID) async throws -> [MajorDecisionCatalogue]
    func allCatalogues() async throws -> [MajorDecisionCatalogue]
}
