import Foundation

extension CaseUseCases {
    /// 完成环节 — completes the case's current stage once its gates pass (REC-1, REC-2, REC-3,
    /// REC-7, REC-13) and moves the case to the next stage; completing 结案 closes the case,
    /// completing the last stage archives it (or closes it, where the procedure has no archive stage).
    public func completeStage(case caseID: EnforcementCase.ID, note: String? = nil, by actor: Actor) async throws -> EnforcementCase {
        let (found, organisation) = try await workableCase(caseID, .complete, by: actor)
        let calendar = try await calendars.current()
        let today = clock.today
        return try await commit(actor, .update, "case", id: caseID.uuidString, in: organisation, "完成环节（\(found.number)）") { tx, at in
            // Read again inside the transaction: what the gates see is what is committed.
            guard var theCase = try await tx.cases.find(caseID) else { throw SunlightError.notFound("案件") }
            guard let stage = theCase.currentStage else {
                throw CaseRules.refuse(.rec1, "案件已办结，没有待完成的环节", code: "case.no_stage")
            }
            let snapshot = try await self.snapshot(of: theCase, in: tx, forNextStage: true)
            try CaseRules.checkCompletion(of: stage, in: snapshot, today: today, calendar: calendar)
            if stage.code == "review" { try await self.checkReviewStage(snapshot, in: tx) }
            var events = [CaseEvent(caseID: caseID, kind: .stageCompleted, stage: stage.code, at: at, on: today, by: actor.user?.id,
                                    note: note?.trimmed.nilIfEmpty, data: ["name": stage.name])]
            let next = CaseRules.nextStage(after: stage.code, in: snapshot)
            if let next {
                let skipped = theCase.stages.drop { $0.code != stage.code }.dropFirst().prefix { $0.code != next.code }
                for skip in skipped {
                    events.append(CaseEvent(caseID: caseID, kind: .stageSkipped, stage: skip.code, at: at, on: today, by: actor.user?.id,
                                            note: skip.code == "hearing" ? "当事人未要求听证" : skip.code == "review" ? "按目录不属于重大执法决定" : "本案不适用", data: ["name": skip.name]))
                }
                theCase.stage = next.code
            }
            // 结案 closes the case; a procedure without a 结案 stage closes with its last stage.
            if (stage.code == "closing" || next == nil) && theCase.status != .closed {
                theCase.status = .closed
                events.append(CaseEvent(caseID: caseID, kind: .closed, stage: stage.code, at: at, on: today, by: actor.user?.id))
            }
            if next == nil {
                if stage.code == "archiving" {
                    theCase.status = .archived
                    events.append(CaseEvent(caseID: caseID, kind: .archived, stage: stage.code, at: at, on: today, by: actor.user?.id))
                }
                theCase.stage = "done"
            }
            let records = try await CaseUseCases.record(events, case: theCase, changed: true, secrets: self.secrets, in: tx)
            return (theCase, records)
        }
    }

    /// 法制审核 completes on a passed review of the draft decision (REV-1, REV-7).
    private func checkReviewStage(_ snapshot: CaseSnapshot, in tx: any Store) async throws {
        // The draft under review: of the unissued decisions sent to review, the one sent last.
        let records = try await tx.reviews.records(ofCase: snapshot.enforcementCase.id)
        let reviewed = snapshot.documents.filter { document in
            document.type.isDecision && document.status != .issued && records.contains { $0.documentID == document.id }
        }
        // Records come in the order they were written (several may share a clock second).
        let lastSent = { (document: CaseDocument) in records.lastIndex { $0.documentID == document.id } ?? -1 }
        guard let draft = reviewed.max(by: { lastSent($0) < lastSent($1) }) else {
            throw ReviewGate.refuse(.rev1, "“法制审核”环节须起草决定书并提交法制审核，审核通过后方可进入作出决定", code: "review.required")
        }
        try await reviews.checkReviewGate(draft, of: snapshot.enforcementCase, in: tx)
    }

    /// 中止 / 恢复 / 终止 — the head suspends, resumes or terminates a case with a reason
    /// (REC-1). While suspended, the decision clock stands still.
    public func changeCaseStatus(case caseID: EnforcementCase.ID, to kind: CaseEvent.Kind, reason: String, by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .changeStatus, by: actor)
        let reason = reason.trimmed
        guard (4...500).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明理由（4–500 字）", rule: .rec1) }
        let allowed: [CaseEvent.Kind: ([EnforcementCase.Status], EnforcementCase.Status)] = [
            .suspended: ([.open], .suspended), .resumed: ([.suspended], .open), .terminated: ([.open, .suspended], .terminated)]
        guard let (from, to) = allowed[kind] else { throw SunlightError.invalid("action", "只能中止、恢复或终止案件", rule: .rec1) }
        guard from.contains(theCase.status) else {
            throw CaseRules.refuse(.rec1, "案件处于“\(theCase.status.chineseName)”状态，不能\(kind.chineseName)", code: "case.status")
        }
        if kind == .terminated { try CaseRules.checkNoActiveSeizure(try await snapshot(of: theCase, in: store), to: "终止案件") }
        return try await transition(theCase, in: organisation, kind: kind, note: reason, by: actor, summary: "\(kind.chineseName)案件") { $0.status = to }
    }

    /// 先行登记保存 — records evidence registered for preservation; it must be dealt with within
    /// 7 working days (行政处罚法 第五十六条, REC-13), which `handled` records.
    public func recordPreservation(case caseID: EnforcementCase.ID, items: String, handles preservation: UUID? = nil,
                                   by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .preservation, by: actor)
        let items = items.trimmed
        guard (2...2000).contains(items.count) else { throw SunlightError.invalid("items", "请写明证据清单或处理结果（2–2000 字）", rule: .rec13) }
        if let preservation {
            guard try await store.cases.events(of: caseID).contains(where: { $0.id == preservation && $0.kind == .preserved }) else {
                throw SunlightError.notFound("先行登记保存记录")
            }
            return try await transition(theCase, in: organisation, kind: .preservationHandled, note: items,
                                        data: ["preservation": preservation.uuidString.lowercased()], by: actor, summary: "处理先行登记保存的证据") { _ in }
        }
        return try await transition(theCase, in: organisation, kind: .preserved, note: items, by: actor, summary: "先行登记保存证据") { _ in }
    }

}

// Reviews append events to a case too (REV-5, REV-7).
extension UseCaseArea {
    /// Appends one event to a case, optionally changing it, as one logged commit.
    func transition(_ found: EnforcementCase, in organisation: Organisation, kind: CaseEvent.Kind, on date: CivilDate? = nil, note: String?,
                    data: [String: String] = [:], by actor: Actor, summary: String,
                    _ change: @escaping @Sendable (inout EnforcementCase) -> Void,
                    then more: (@Sendable (EnforcementCase, Date, any Store) async throws -> [LedgerRecord])? = nil) async throws -> EnforcementCase {
        let today = date ?? clock.today
        return try await commit(actor, .update, "case", id: found.id.uuidString, in: organisation, "\(summary)（\(found.number)）") { tx, at in
            guard var theCase = try await tx.cases.find(found.id) else { throw SunlightError.notFound("案件") }
            guard theCase.status == found.status, theCase.stage == found.stage else {
                throw SunlightError(.conflict, code: "case.changed", "案件刚被其他人办理过，请刷新后再试")
            }
            change(&theCase)
            let event = CaseEvent(caseID: theCase.id, kind: kind, stage: theCase.currentStage?.code ?? found.stage, at: at, on: today,
                                  by: actor.user?.id, note: note, data: data)
            let recorded = try await CaseUseCases.record([event], case: theCase, changed: theCase != found, secrets: self.secrets, in: tx)
            return (theCase, recorded + (try await more?(theCase, at, tx) ?? []))
        }
    }
}
