import Foundation

/// Keeps the stored ``ReviewFlag``s in step with the records (REV-9): every commit that
/// changes a case, its events, documents or review records recomputes that case's flags in the
/// same transaction; publishing a version of an enforcement item (whose law the catalogue may
/// match on) recomputes the flags of the cases under it; `sunlight verify` recomputes them all.
/// The supervisor's flags, clues and assessment then read rows, not every decision ever issued.
enum ReviewFlagReadModel {
    /// The version of how flags are computed; a store whose flags were built under another one
    /// is rebuilt on start.
    static let version = 1
    static let name = "review_flags"

    /// The flags these cases should have now, each case's in order.
    static func expected(_ rows: CaseRows, in store: any Store) async throws -> [ReviewFlag] {
        let candidates = rows.cases.filter { !$0.simple }
        guard !candidates.isEmpty else { return [] }
        let facts = try await ReviewRequirementFacts.load(candidates, rows: rows, in: store)
        let records = Dictionary(grouping: try await store.reviews.records(ofCases: candidates.map(\.id)), by: \.caseID)
        return candidates.flatMap { theCase in
            facts[theCase.id].map { ReviewFlag.of(theCase, facts: $0, records: records[theCase.id] ?? []) } ?? []
        }
    }

    /// Recomputes the flags of these cases from their rows, in the caller's transaction.
    static func refresh(_ ids: Set<EnforcementCase.ID>, rows: CaseRows, in tx: any Store) async throws {
        guard !ids.isEmpty else { return }
        try await tx.reviewFlags.replace(cases: ids.sorted { $0.uuidString < $1.uuidString }, with: try await expected(rows, in: tx))
    }

    /// Recomputes the flags of an organisation's cases under an enforcement item, in the
    /// caller's transaction: a newly published version may change the law the catalogue reads.
    static func refresh(item entryID: UUID, of organisationID: Organisation.ID, in tx: any Store) async throws {
        let cases = try await tx.cases.reviewable(organisations: [organisationID], decisionTypes: DocumentType.reviewable)
        let under = cases.filter { $0.itemEntryID == entryID }
        try await refresh(Set(under.map(\.id)), rows: try await CaseRows.load(under, in: tx), in: tx)
    }

    /// Every case's flags that can have one, recomputed, organisation by organisation.
    static func allExpected(in store: any Store, each: ([ReviewFlag]) async throws -> Void) async throws {
        let organisations = try await store.organisations.all().map(\.id)
        for chunk in stride(from: 0, to: organisations.count, by: 50).map({ Array(organisations[$0..<min($0 + 50, organisations.count)]) }) {
            let cases = try await store.cases.reviewable(organisations: chunk, decisionTypes: DocumentType.reviewable)
            for start in stride(from: 0, to: cases.count, by: 500) {
                try await each(try await expected(try await CaseRows.load(Array(cases[start..<min(start + 500, cases.count)]), in: store), in: store))
            }
        }
    }

    /// Drops every flag and computes them again (the way flags are computed changed, or
    /// records were bulk-loaded).
    static func rebuild(in tx: any Store) async throws {
        try await tx.reviewFlags.removeAll()
        try await allExpected(in: tx) { try await tx.reviewFlags.replace(cases: [], with: $0) }
        try await tx.readModels.markBuilt(name, version: version)
    }
}

extension LedgerVerifier {
    /// 法制审核线索校验: the stored flags are exactly what the records give (REV-9).
    func verifyReviewFlags(_ report: inout VerificationReport) async throws {
        try await verifyPerCase(table: ReviewFlagReadModel.name, label: "法制审核线索", &report,
                                stored: { try await store.reviewFlags.all(offset: $0, limit: $1) }, caseOf: \.caseID,
                                expected: { each in try await ReviewFlagReadModel.allExpected(in: store, each: each) })
    }
}
