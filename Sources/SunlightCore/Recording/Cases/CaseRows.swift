import Foundation

/// The rows of some cases that the read models derive from — the cases, their events and their
/// documents — read once for all of them, so a commit that refreshes three read models reads
/// them once, not three times.
struct CaseRows: Sendable {
    let cases: [EnforcementCase]
    let events: [EnforcementCase.ID: [CaseEvent]]
    let documents: [EnforcementCase.ID: [CaseDocument]]

    /// These cases' events and documents, in two queries.
    static func load(_ cases: [EnforcementCase], in store: any Store) async throws -> CaseRows {
        guard !cases.isEmpty else { return CaseRows(cases: [], events: [:], documents: [:]) }
        let ids = cases.map(\.id)
        return CaseRows(cases: cases, events: Dictionary(grouping: try await store.cases.events(ofCases: ids), by: \.caseID),
                        documents: Dictionary(grouping: try await store.caseRecords.documents(ofCases: ids), by: \.caseID))
    }
}
