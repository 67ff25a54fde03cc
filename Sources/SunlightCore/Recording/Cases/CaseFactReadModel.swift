import Foundation

/// Keeps the stored ``CaseFacts`` in step with the records (REC-12): every commit that changes
/// a case, its events or its documents recomputes that case's facts in the same transaction;
/// `sunlight verify` recomputes them all.
enum CaseFactReadModel {
    static let name = "case_facts"

    /// The facts these cases should have now, from their events and documents.
    static func expected(_ rows: CaseRows) -> [CaseFacts] {
        rows.cases.map { CaseFacts.of($0, events: rows.events[$0.id] ?? [], documents: rows.documents[$0.id] ?? []) }
    }

    /// Recomputes the facts of these cases from their rows, in the caller's transaction.
    static func refresh(_ ids: Set<EnforcementCase.ID>, rows: CaseRows, in tx: any Store) async throws {
        guard !ids.isEmpty else { return }
        try await tx.caseFacts.replace(cases: ids.sorted { $0.uuidString < $1.uuidString }, with: expected(rows))
    }

    /// Every case's facts, recomputed, 500 cases at a time in the order they were opened.
    static func allExpected(in store: any Store, each: ([CaseFacts]) async throws -> Void) async throws {
        var offset = 0
        while true {
            let cases = try await store.cases.chronological(offset: offset, limit: 500)
            guard !cases.isEmpty else { return }
            try await each(expected(try await CaseRows.load(cases, in: store)))
            offset += cases.count
        }
    }

    /// Drops every fact and computes them again (the way facts are computed changed, or records
    /// were bulk-loaded).
    static func rebuild(in tx: any Store) async throws {
        try await tx.caseFacts.removeAll()
        try await allExpected(in: tx) { try await tx.caseFacts.replace(cases: [], with: $0) }
        try await tx.readModels.markBuilt(name, version: CaseFacts.version)
    }
}

extension LedgerVerifier {
    /// 统计事实校验: every case's stored facts are what its records give (REC-12).
    func verifyCaseFacts(_ report: inout VerificationReport) async throws {
        try await verifyPerCase(table: CaseFactReadModel.name, label: "案件统计事实", &report,
                                stored: { try await store.caseFacts.all(offset: $0, limit: $1) }, caseOf: \.caseID,
                                expected: { each in try await CaseFactReadModel.allExpected(in: store, each: each) })
    }
}
