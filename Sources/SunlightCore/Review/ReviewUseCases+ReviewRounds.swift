import Foundation

extension ReviewUseCases {
    /// 提交法制审核 — an officer of the case submits a draft decision with the review form; the
    /// case's evidence is attached as it stands, the draft is fixed by its hash, and the
    /// reviewer's deadline runs from today (REV-3, REV-5). A review asked for although the
    /// catalogue does not require it binds just the same: the decision then waits for it.
    public func submitForReview(document documentID: UUID, form: ReviewForm, by actor: Actor) async throws -> ReviewRecord {
        let form = try form.validated()
        let (document, theCase, organisation) = try await workableDocument(documentID, .submitForReview, by: actor)
        let calendar = try await calendars.current()
        let today = clock.today
        return try await commit(actor, .create, "review_record", id: nil, in: organisation, "提交法制审核（\(theCase.number)）") { tx, at in
            let history = ReviewHistory(documentID: documentID, records: try await tx.reviews.records(ofCase: theCase.id))
            if let last = history.last, last.pending {
                throw ReviewGate.refuse(.rev3, "第 \(last.number) 轮审核尚未完成，不能重复送审", code: "review.pending")
            }
            let evidence = try await tx.caseRecords.evidence(of: theCase.id)
            guard !evidence.isEmpty else { throw ReviewGate.refuse(.rev3, "送审须附案件证据材料，本案尚未登记任何证据", code: "review.no_evidence") }
            var attached: [AttachedEvidence] = []
            for item in evidence {
                let sha = try await item.fileID.asyncMap { try await tx.evidence.find($0)?.sha256.hex } ?? nil
                attached.append(AttachedEvidence(id: item.id, kind: item.kind, description: item.description, sha256: sha))
            }
            let requirement = try await self.reviewRequirement(for: document, in: theCase, store: tx)
            let catalogue = try await self.catalogue(for: organisation.id, on: today, store: tx)
            let due = try calendar.due(from: today, .workingDays(catalogue.reviewDays)).date
            let record = ReviewRecord(caseID: theCase.id, organisationID: organisation.id, documentID: documentID, round: history.nextRound,
                                      recordedBy: actor.user?.id, recordedAt: at, body: .submission(ReviewSubmission(
                                        form: form, draftHash: document.contentHash, catalogueVersion: requirement.catalogueVersion,
                                        matchedRules: requirement.matched.map(\.code), collectiveDiscussion: requirement.collectiveDiscussion,
                                        evidence: attached, submittedOn: today, dueOn: due, reviewDays: catalogue.reviewDays)))
            try await tx.reviews.insert(record)
            return (record, [try record.ledgerRecord])
        }
    }

    /// 审核 — a reviewer answers every element of the checklist and gives the opinion (REV-4,
    /// REV-5). Only an eligible reviewer may (REV-8); each round has one opinion.
    public func recordOpinion(round roundID: UUID, answers: [ChecklistAnswer], outcome: ReviewOutcome, text: String,
                              by actor: Actor) async throws -> ReviewRecord {
        let (submission, organisation, permissions) = try await reviewRoundPermissions(roundID, by: actor)
        let theCase = permissions.enforcementCase
        try await guarded(actor, "review_record", id: theCase.id.uuidString, in: organisation) { try permissions.check(.opinion) }
        let text = text.trimmed
        guard (2...4000).contains(text.count) else { throw SunlightError.invalid("text", "请写明书面审核意见（2–4000 字）", rule: .rev5) }
        let byElement = Dictionary(answers.map { ($0.element, $0) }, uniquingKeysWith: { $1 })
        let missing = ReviewElement.allCases.filter { byElement[$0] == nil }
        guard missing.isEmpty else {
            throw SunlightError.invalid("answers", "审核要素须逐项作答，尚未回答：" + missing.map(\.chineseName).joined(separator: "、"), rule: .rev4)
        }
        let checked = ReviewElement.allCases.map { element in
            var answer = byElement[element]!
            answer.comment = answer.comment.trimmed
            return answer
        }
        if let unexplained = checked.first(where: { $0.verdict == .problem && $0.comment.count < 2 }) {
            throw SunlightError.invalid("answers", "“\(unexplained.element.chineseName)”存在问题，请写明具体问题", rule: .rev4)
        }
        if outcome == .approve, let problem = checked.first(where: { $0.verdict == .problem && $0.element != .crime }) {
            throw ReviewGate.refuse(.rev5, "“\(problem.element.chineseName)”存在问题，不能提出同意的意见；请提出补充材料、纠正或修改意见",
                                    code: "review.approve_with_problem")
        }
        if outcome == .approve, checked.first(where: { $0.element == .crime })?.verdict == .problem {
            throw ReviewGate.refuse(.rev5, "案件涉嫌犯罪，应移送司法机关，不能同意作出行政决定", code: "review.crime")
        }
        let today = clock.today
        return try await commit(actor, .create, "review_record", id: roundID.uuidString, in: organisation, "法制审核意见（\(theCase.number)）") { tx, at in
            let records = try await tx.reviews.records(ofCase: theCase.id)
            let history = ReviewHistory(documentID: submission.documentID, records: records)
            guard let round = history.rounds.first(where: { $0.submissionRecord.id == roundID }), round.pending else {
                throw ReviewGate.refuse(.rev5, "该轮审核已有审核意见；每轮只有一个意见，退回后重新送审为新的一轮", code: "review.already_reviewed")
            }
            let record = ReviewRecord(caseID: theCase.id, organisationID: organisation.id, documentID: submission.documentID, round: round.number,
                                      recordedBy: actor.user?.id, recordedAt: at,
                                      body: .opinion(ReviewOpinion(answers: checked, outcome: outcome, text: text, reviewedOn: today)))
            try await tx.reviews.insert(record)
            return (record, [try record.ledgerRecord])
        }
    }

    /// 意见协调 — the unit and the legal office settle a disagreement with an opinion that did
    /// not approve, and record who took part, what was said and the result (REV-6).
    public func recordCoordination(round roundID: UUID, participants: [String], content: String, result: DisagreementCoordination.Result,
                                   by actor: Actor) async throws -> ReviewRecord {
        let (submission, organisation, permissions) = try await reviewRoundPermissions(roundID, by: actor)
        let theCase = permissions.enforcementCase
        try await guarded(actor, "review_record", id: roundID.uuidString, in: organisation) { try permissions.check(.coordination) }
        let participants = try Self.names(participants, minimum: 2)
        let content = content.trimmed
        guard (4...4000).contains(content.count) else { throw SunlightError.invalid("content", "请写明分歧及协调情况（4–4000 字）", rule: .rev6) }
        return try await appendToRound(submission, theCase: theCase, organisation: organisation, by: actor, summary: "审核意见协调") { round in
            guard let opinion = round.opinion, opinion.outcome != .approve else {
                throw ReviewGate.refuse(.rev6, "只有未获同意的审核意见才需要协调", code: "review.nothing_to_coordinate")
            }
            return .coordination(DisagreementCoordination(participants: participants, content: content, result: result, heldOn: self.clock.today))
        }
    }

    /// 集体讨论 — a head records the heads' collective discussion of a decision whose review
    /// passed: participants, minutes, and the outcome (REV-7).
    public func recordDiscussion(round roundID: UUID, participants: [String], minutes: String, outcome: CollectiveDiscussion.Outcome,
                                 by actor: Actor) async throws -> ReviewRecord {
        let (submission, organisation, permissions) = try await reviewRoundPermissions(roundID, by: actor)
        let theCase = permissions.enforcementCase
        try await guarded(actor, "review_record", id: roundID.uuidString, in: organisation) { try permissions.check(.discussion) }
        let participants = try Self.names(participants, minimum: 3)
        let minutes = minutes.trimmed
        guard (4...8000).contains(minutes.count) else { throw SunlightError.invalid("minutes", "请记录讨论纪要（4–8000 字）", rule: .rev7) }
        return try await appendToRound(submission, theCase: theCase, organisation: organisation, by: actor, summary: "集体讨论") { round in
            guard round.approved else {
                throw ReviewGate.refuse(.rev7, "法制审核通过后方可提请集体讨论", code: "review.discussion_before_approval")
            }
            return .discussion(CollectiveDiscussion(participants: participants, minutes: minutes, outcome: outcome, heldOn: self.clock.today))
        }
    }

    /// Throws REV-1/REV-7 unless this draft decision may be signed or issued. Runs inside the
    /// caller's transaction, on what is committed.
    func checkReviewGate(_ document: CaseDocument, of theCase: EnforcementCase, in tx: any Store) async throws {
        guard document.type.isReviewable, !theCase.simple else { return }
        let requirement = try await reviewRequirement(for: document, in: theCase, store: tx)
        let history = ReviewHistory(documentID: document.id, records: try await tx.reviews.records(ofCase: theCase.id))
        try ReviewGate.check(document, requirement: requirement, history: history)
    }

    private func appendToRound(_ submission: ReviewRecord, theCase: EnforcementCase, organisation: Organisation, by actor: Actor, summary: String,
                               _ body: @escaping @Sendable (ReviewRound) throws -> ReviewRecord.Body) async throws -> ReviewRecord {
        try await commit(actor, .create, "review_record", id: submission.id.uuidString, in: organisation, "\(summary)（\(theCase.number)）") { tx, at in
            let history = ReviewHistory(documentID: submission.documentID, records: try await tx.reviews.records(ofCase: theCase.id))
            guard let round = history.rounds.first(where: { $0.submissionRecord.id == submission.id }) else { throw SunlightError.notFound("送审记录") }
            guard round.number == history.last?.number else {
                throw ReviewGate.refuse(.rev5, "第 \(round.number) 轮之后已有新的送审，请在最新一轮上办理", code: "review.superseded")
            }
            let record = ReviewRecord(caseID: theCase.id, organisationID: organisation.id, documentID: submission.documentID, round: round.number,
                                      recordedBy: actor.user?.id, recordedAt: at, body: try body(round))
            try await tx.reviews.insert(record)
            return (record, [try record.ledgerRecord])
        }
    }

    static func names(_ names: [String], minimum: Int) throws -> [String] {
        let clean = names.flatMap { $0.split(whereSeparator: { "，,、;；\n".contains($0) }) }.map { String($0).trimmed }.filter { !$0.isEmpty }
        guard clean.count >= minimum, clean.allSatisfy({ $0.count <= 30 }) else {
            throw SunlightError.invalid("participants", "请列出至少 \(minimum) 名参加人员（每人不超过 30 字）", rule: minimum >= 3 ? .rev7 : .rev6)
        }
        return clean
    }
}
