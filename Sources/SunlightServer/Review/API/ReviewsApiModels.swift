import Foundation
import SunlightCore
import Vapor

/// JSON shapes of legal review rounds (重大执法决定法制审核, REV-3..8), described in
/// `openapi.json`. Enums go out as their raw values with the Chinese name beside them.
extension API {
    // MARK: Rounds (REV-3..7)

    /// 法制审核表 (REV-3).
    struct ReviewFormOut: Content {
        let facts: String
        let law: String
        let hearing: String
        let proposal: String
        let other: String

        init(_ f: ReviewForm) {
            facts = f.facts
            law = f.law
            hearing = f.hearing
            proposal = f.proposal
            other = f.other
        }
    }

    /// A piece of the case's evidence as attached to a submission.
    struct AttachedEvidenceOut: Content {
        let id: UUID
        let kind: CaseEvidence.Kind
        let kindName: String
        let description: String
        let sha256: String?

        init(_ e: AttachedEvidence) {
            id = e.id
            kind = e.kind
            kindName = e.kind.chineseName
            description = e.description
            sha256 = e.sha256
        }
    }

    /// 送审 — what the round started with.
    struct ReviewSubmissionOut: Content {
        let form: ReviewFormOut
        let draftHash: String
        let catalogueVersion: Int
        let matchedRules: [String]
        let voluntary: Bool
        let collectiveDiscussion: Bool
        let evidence: [AttachedEvidenceOut]
        let submittedOn: CivilDate
        let dueOn: CivilDate?
        let reviewDays: Int
        let submittedBy: UUID?
        let submittedAt: Date

        init(_ s: ReviewSubmission, record: ReviewRecord) {
            form = ReviewFormOut(s.form)
            draftHash = s.draftHash
            catalogueVersion = s.catalogueVersion
            matchedRules = s.matchedRules
            voluntary = s.voluntary
            collectiveDiscussion = s.collectiveDiscussion
            evidence = s.evidence.map(AttachedEvidenceOut.init)
            submittedOn = s.submittedOn
            dueOn = s.dueOn
            reviewDays = s.reviewDays
            submittedBy = record.recordedBy
            submittedAt = record.recordedAt
        }
    }

    /// One answer of the checklist (REV-4).
    struct ChecklistAnswerOut: Content {
        let element: ReviewElement
        let elementName: String
        let verdict: ChecklistAnswer.Verdict
        let verdictName: String
        let comment: String

        init(_ a: ChecklistAnswer) {
            element = a.element
            elementName = a.element.chineseName
            verdict = a.verdict
            verdictName = a.verdict.chineseName
            comment = a.comment
        }
    }

    /// 审核意见 (REV-5).
    struct ReviewOpinionOut: Content {
        let id: UUID
        let answers: [ChecklistAnswerOut]
        let outcome: ReviewOutcome
        let outcomeName: String
        let text: String
        let reviewedOn: CivilDate
        let reviewedBy: UUID?
        let recordedAt: Date

        init(_ o: ReviewOpinion, record: ReviewRecord) {
            id = record.id
            answers = o.answers.map(ChecklistAnswerOut.init)
            outcome = o.outcome
            outcomeName = o.outcome.chineseName
            text = o.text
            reviewedOn = o.reviewedOn
            reviewedBy = record.recordedBy
            recordedAt = record.recordedAt
        }
    }

    /// 意见协调 (REV-6).
    struct ReviewCoordinationOut: Content {
        let id: UUID
        let participants: [String]
        let content: String
        let result: DisagreementCoordination.Result
        let resultName: String
        let heldOn: CivilDate
        let recordedBy: UUID?
        let recordedAt: Date

        init(_ c: DisagreementCoordination, record: ReviewRecord) {
            id = record.id
            participants = c.participants
            content = c.content
            result = c.result
            resultName = c.result.chineseName
            heldOn = c.heldOn
            recordedBy = record.recordedBy
            recordedAt = record.recordedAt
        }
    }

    /// 集体讨论 (REV-7).
    struct ReviewDiscussionOut: Content {
        let id: UUID
        let participants: [String]
        let minutes: String
        let outcome: CollectiveDiscussion.Outcome
        let outcomeName: String
        let heldOn: CivilDate
        let recordedBy: UUID?
        let recordedAt: Date

        init(_ d: CollectiveDiscussion, record: ReviewRecord) {
            id = record.id
            participants = d.participants
            minutes = d.minutes
            outcome = d.outcome
            outcomeName = d.outcome.chineseName
            heldOn = d.heldOn
            recordedBy = record.recordedBy
            recordedAt = record.recordedAt
        }
    }

    /// 审核轮次 — one submission and everything recorded against it; its `id` is the submission's.
    struct ReviewRoundOut: Content {
        let id: UUID
        let caseID: UUID
        let documentID: UUID
        let number: Int
        /// `pending`, `approved` or `returned`.
        let state: String
        let stateName: String
        let submission: ReviewSubmissionOut
        let opinion: ReviewOpinionOut?
        let coordinations: [ReviewCoordinationOut]
        let discussions: [ReviewDiscussionOut]

        init(_ r: ReviewRound) {
            id = r.submissionRecord.id
            caseID = r.submissionRecord.caseID
            documentID = r.submissionRecord.documentID
            number = r.number
            state = r.pending ? "pending" : r.approved ? "approved" : "returned"
            stateName = r.stateName
            submission = ReviewSubmissionOut(r.submission, record: r.submissionRecord)
            opinion = r.opinionRecord.flatMap { record in record.opinion.map { ReviewOpinionOut($0, record: record) } }
            coordinations = r.coordinations.compactMap { record in record.coordination.map { ReviewCoordinationOut($0, record: record) } }
            discussions = r.discussions.compactMap { record in record.discussion.map { ReviewDiscussionOut($0, record: record) } }
        }
    }

    /// 审核情况 of one draft decision: what the catalogue says and every round (REV-2..7).
    struct DocumentReviewOut: Content {
        let documentID: UUID
        let requirement: ReviewRequirementOut
        let rounds: [ReviewRoundOut]

        init(documentID: UUID, requirement: ReviewRequirement, history: ReviewHistory) {
            self.documentID = documentID
            self.requirement = ReviewRequirementOut(requirement)
            rounds = history.rounds.map(ReviewRoundOut.init)
        }
    }

    /// The case and draft a round is about, in brief.
    struct ReviewedCaseOut: Content {
        let id: UUID
        let number: String
        let title: String
        let stage: String
        let stageName: String

        init(_ c: EnforcementCase) {
            id = c.id
            number = c.number
            title = c.title
            stage = c.stage
            stageName = c.currentStage?.name ?? "已办结"
        }
    }

    /// 待审事项 — one line of the reviewer's queue (REV-5, REV-8).
    struct ReviewQueueItemOut: Content {
        let round: ReviewRoundOut
        let `case`: ReviewedCaseOut
        let organisation: OrganisationOut
        let document: DocumentOut
        let dueOn: CivilDate?
        /// Of a pending round: `on_time`, `due_soon` or `overdue`; absent once reviewed, or when the calendar is not loaded (CAL-1).
        let state: DeadlineState?
        let stateName: String
        /// The caller is an officer of the case and may not review it (REV-8).
        let conflict: Bool

        init(_ i: ReviewQueueItem) {
            round = ReviewRoundOut(i.round)
            self.case = ReviewedCaseOut(i.enforcementCase)
            organisation = OrganisationOut(i.organisation)
            document = DocumentOut(i.document)
            dueOn = i.round.submission.dueOn
            state = i.state
            stateName = i.state?.chineseName ?? i.round.stateName
            conflict = i.conflict
        }
    }

    /// One round with its case, its draft as it stands, and what the gate says now (REV-1, REV-7).
    struct ReviewRoundDetailOut: Content {
        struct ElementOut: Content {
            let element: ReviewElement
            let name: String
        }

        let round: ReviewRoundOut
        let rounds: [ReviewRoundOut]
        let `case`: CaseOut
        let document: DocumentOut
        let requirement: ReviewRequirementOut
        /// The draft still reads as it did when this round was submitted.
        let draftUnchanged: Bool
        /// Why the decision may not be made yet, as far as review goes; absent when it may.
        let gate: BlockerOut?
        /// The elements every opinion answers, in order (REV-4).
        let checklist: [ElementOut]

        init(round: ReviewRound, history: ReviewHistory, theCase: EnforcementCase, document: CaseDocument, requirement: ReviewRequirement) {
            self.round = ReviewRoundOut(round)
            rounds = history.rounds.map(ReviewRoundOut.init)
            self.case = CaseOut(theCase)
            self.document = DocumentOut(document)
            self.requirement = ReviewRequirementOut(requirement)
            draftUnchanged = round.submission.draftHash == document.contentHash
            do {
                try ReviewGate.check(document, requirement: requirement, history: history)
                gate = nil
            } catch let error as SunlightError {
                gate = BlockerOut(error)
            } catch {
                gate = nil
            }
            checklist = ReviewElement.allCases.map { ElementOut(element: $0, name: $0.chineseName) }
        }
    }
}
