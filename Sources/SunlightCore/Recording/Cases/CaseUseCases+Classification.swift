import Foundation

extension CaseUseCases {
    /// 设定密级 — the head classifies a case secret, commercial or private (or back to normal);
    /// from then on it is read only as ``ClassifiedAccess`` allows, and in the same transaction
    /// whatever of it the portal shows — its published decision, its guiding case — is taken
    /// down (REC-11, PUB-8; issue 15 item 7).
    public func classifyCase(case caseID: EnforcementCase.ID, as classification: EnforcementCase.Classification, reason: String,
                             by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .classify, by: actor)
        let reason = reason.trimmed
        guard (4...500).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明设定密级的依据（4–500 字）", rule: .rec11) }
        guard classification != theCase.classification else {
            throw SunlightError.invalid("classification", "案件已是“\(classification.chineseName)”", rule: .rec11)
        }
        let today = clock.today, settings = ledger
        return try await transition(theCase, in: organisation, kind: .classified, note: reason, data: ["classification": classification.rawValue],
                                    by: actor, summary: "设定密级为“\(classification.chineseName)”", { $0.classification = classification },
                                    then: { classified, at, tx in
            guard classified.classification != .normal else { return [] }
            return try await Self.takeOffPortal(classified, in: organisation, on: today, at: at, ledger: settings, by: actor, in: tx)
        })
    }

    /// Withdraws the case's published decision and guiding case from the portal (REC-11).
    static func takeOffPortal(_ theCase: EnforcementCase, in organisation: Organisation, on today: CivilDate, at: Date, ledger: LedgerSettings,
                              by actor: Actor, in tx: any Store) async throws -> [LedgerRecord] {
        var records: [LedgerRecord] = []
        for found in try await tx.publications.list(organisations: [organisation.id], statuses: [.published])
        where found.caseID == theCase.id {
            var publication = found
            var withdrawal = DecisionPublication.Withdrawal(kind: .classified, changedOn: today, dueOn: today, reportedBy: actor.user?.id)
            withdrawal.statement = "该案件依法设定密级，决定不再公开"
            withdrawal.withdrawnOn = today
            withdrawal.withdrawnBy = actor.user?.id
            // Withheld, not withdrawn: a withdrawn decision keeps its page; a classified one has none (PUB-8).
            publication.status = .withheld
            publication.withdrawal = withdrawal
            try await tx.publications.update(publication)
            try await tx.outbox.insert(.make(.decisionWithdrawn, organisationID: organisation.id, subject: publication.id.uuidString.lowercased(),
                                             ledger: ledger, at: at, data: PublicDecision(publication, organisationName: organisation.name)))
            records += try await PublicityUseCases.appendEvent(.withdrawn, publication, at: at, by: actor.user?.id, in: tx)
        }
        for found in try await tx.records(GuidingCase.self).list(organisations: [organisation.id], statuses: [GuidingCase.Status.published.rawValue])
        where found.caseID == theCase.id {
            var guiding = found
            guiding.status = .withdrawn
            try await tx.records(GuidingCase.self).update(guiding)
            records.append(try guiding.ledgerRecord("guiding_case.withdrawn"))
        }
        return records
    }
}
