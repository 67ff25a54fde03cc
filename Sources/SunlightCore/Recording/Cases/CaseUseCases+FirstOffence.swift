import Foundation

extension CaseUseCases {
    /// 既往处罚 — the party's earlier penalties in the organisation, for the case page and the
    /// 不予行政处罚决定书 draft (REC-15, 行政处罚法 第三十三条). Matched on the parties' keyed
    /// digests, never on the number; the read is logged like other case reads (REC-11).
    public func partyHistory(of id: EnforcementCase.ID, by actor: Actor) async throws -> PartyHistory {
        let (theCase, organisation) = try await readableCase(id, by: actor)
        let history = try await partyHistory(of: theCase, in: store)
        try await log(actor, .read, "case", id: id.uuidString, in: organisation,
                      "查看案件 \(theCase.number) 当事人既往处罚（\(history.earlier.count) 件）")
        return history
    }

    /// The history read inside a transaction (the sign path) or outside it.
    func partyHistory(of theCase: EnforcementCase, in store: any Store) async throws -> PartyHistory {
        let parties = try await store.cases.parties(of: theCase.id).count
        let lookups = try await store.cases.lookups(of: theCase.id)
        let digests = Set(lookups.values)
        guard !digests.isEmpty else { return PartyHistory.of(theCase, parties: parties, digests: 0, earlierCases: [], decisions: [], today: clock.today) }
        let ids = try await store.cases.cases(withLookups: digests).filter { $0 != theCase.id }
        let earlierCases = try await store.cases.find(ids: ids).filter { $0.organisationID == theCase.organisationID }
        let decisions = try await store.caseRecords.documents(ofCases: earlierCases.map(\.id))
        return PartyHistory.of(theCase, parties: parties, digests: lookups.count,
                               earlierCases: earlierCases, decisions: decisions, today: clock.today)
    }

    /// Refuses a 首违不罚 decision when the party was punished for the same item within the
    /// limitation period (REC-15, 行政处罚法 第三十三条、第三十六条).
    func checkFirstOffence(_ document: CaseDocument, of theCase: EnforcementCase, in tx: any Store) async throws {
        guard document.type == .noPenaltyDecision, document.terms.firstOffence else { return }
        try await partyHistory(of: theCase, in: tx).check(document)
    }
}
