import Foundation

extension Sunlight {
    /// 提交法制审核 — an officer of the case submits a draft decision with the review form; the
    /// case's evidence is attached as it stands, the draft is fixed by its hash, and the
    /// reviewer's deadline runs from today (REV-3, REV-5). A review asked for although the
    /// catalogue does not require it binds just the same: the decision then waits for it.
    public func submitForReview(document documentID: UUID, form: ReviewForm, by actor: Actor) async throws -> ReviewRecord {
        let form = try form.validated()
        guard let document = try await store.caseRecords.document(documentID) else { throw SunlightError.notFound("文书") }
        let (theCase, organisation) = try await workableCase(document.caseID, by: actor)
        guard document.type.isDecision, !theCase.simple else {
            throw ReviewGate.refuse(.rev2, "只有拟作出的执法决定需要法制审核；简易程序当场作出的决定不属于审核范围", code: "review.not_a_decision")
        }
        guard theCase.status == .open else { throw CaseRules.refuse(.rec1, "案件已\(theCase.status.chineseName)", code: "case.not_open") }
        guard document.status == .draft || document.status == .review else {
            throw ReviewGate.refuse(.rev1, "\(document.type.chineseName)已\(document.status.chineseName)，法制审核应在作出决定之前", code: "review.too_late")
        }
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
            let due = try? calendar.dueDate(from: today, .workingDays(catalogue.reviewDays))
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
        let (submission, theCase, organisation) = try await reviewRound(roundID, by: actor)
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
        // Checked before the transaction: a refusal is logged, and the log must not wait on it.
        try await checkReviewer(actor, for: theCase, in: organisation)
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
        let (submission, theCase, organisation) = try await reviewRound(roundID, by: actor, anyStaff: true)
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
        let (submission, theCase, organisation) = try await reviewRound(roundID, by: actor, anyStaff: true)
        try await guarded(actor, "review_record", id: roundID.uuidString, in: organisation) { try actor.require(anyOf: .head) }
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
        guard document.type.isDecision, !theCase.simple else { return }
        let requirement = try await reviewRequirement(for: document, in: theCase, store: tx)
        let history = ReviewHistory(documentID: document.id, records: try await tx.reviews.records(ofCase: theCase.id))
        try ReviewGate.check(document, requirement: requirement, history: history)
    }

    /// REV-8: a legal reviewer of the case's organisation (or of one above it), not an officer
    /// of the case, and — reviewing penalty decisions for the first time — holding the national
    /// legal professional qualification (行政处罚法 第五十八条第二款).
    func checkReviewer(_ actor: Actor, for theCase: EnforcementCase, in organisation: Organisation) async throws {
        try await guarded(actor, "review_record", id: theCase.id.uuidString, in: organisation) {
            guard let user = actor.user, user.has(.legalReviewer) else {
                throw SunlightError(.forbidden, code: "review.not_reviewer", "只有法制审核人员可以审核", rule: .rev8)
            }
            guard let mine = actor.organisation, organisation.path.hasPrefix(mine.path) else {
                throw SunlightError(.forbidden, code: "review.outside_scope", "只能审核本机构或下级机构的重大执法决定", rule: .rev8)
            }
        }
        guard let user = actor.user else { throw SunlightError.outsideScope }
        if try await store.cases.officers(of: theCase.id).contains(where: { $0.userID == user.id }) {
            throw ReviewGate.refuse(.rev8, "审核人员不得是本案的执法人员", code: "review.conflict")
        }
        if theCase.category == .penalty, (user.legalQualification ?? "").trimmed.isEmpty {
            // The reviewer's own earlier opinions, and whether any was on a penalty case.
            let reviewedCases = Set(try await store.reviews.records(organisations: [theCase.organisationID])
                .filter { $0.opinion != nil && $0.recordedBy == user.id }.map(\.caseID))
            var reviewedBefore = false
            for caseID in reviewedCases where !reviewedBefore {
                reviewedBefore = try await store.cases.find(caseID)?.category == .penalty
            }
            guard reviewedBefore else {
                throw ReviewGate.refuse(.rev8, "初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（行政处罚法第五十八条）",
                                        code: "review.qualification")
            }
        }
    }

    /// The submission a round starts with, and its case, readable by the actor.
    private func reviewRound(_ roundID: UUID, by actor: Actor, anyStaff: Bool = false) async throws -> (ReviewRecord, EnforcementCase, Organisation) {
        guard let submission = try await store.reviews.record(roundID), submission.submission != nil else { throw SunlightError.notFound("送审记录") }
        let (theCase, organisation) = try await readableCase(submission.caseID, by: actor)
        if anyStaff {
            try await guarded(actor, "review_record", id: roundID.uuidString, in: organisation) {
                guard actor.scope.canChange(organisation) || actor.user.map({ $0.has(.legalReviewer) }) == true else { throw SunlightError.outsideScope }
            }
        }
        guard theCase.status == .open else { throw CaseRules.refuse(.rec1, "案件已\(theCase.status.chineseName)", code: "case.not_open") }
        return (submission, theCase, organisation)
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
