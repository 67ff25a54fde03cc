import Foundation
import SunlightCore
import Vapor

/// 审核页面 — one round of a draft decision's legal review: the case and the draft, what the
/// catalogue matched, the review form and the evidence attached to it, the opinion with its
/// checklist, coordination and collective discussion, and the forms the reader may use next
/// (REV-3..8). A refused form comes back with the reason and what was typed.
struct ReviewRoundPageModel: Encodable {
    struct Header: Encodable {
        let caseID, caseNumber, caseTitle, organisation, documentID, documentType, documentStatus, documentStatusClass: String
        let round, submittedOn, submittedBy, due, dueClass, dueText, state, stateClass, catalogue, matched: String
        let voluntary, draftChanged, collectiveDiscussion: Bool
    }

    struct RuleRow: Encodable { let code, title, source: String }
    struct FormRow: Encodable { let label, value: String }
    struct EvidenceRow: Encodable { let kind, description, sha256: String }
    struct AnswerRow: Encodable { let element, verdict, verdictClass, comment: String }

    struct OpinionView: Encodable {
        let outcome, outcomeClass, text, reviewedOn, reviewer: String
        let late: Bool
        let answers: [AnswerRow]
    }

    struct RecordView: Encodable { let heldOn, participants, content, result, recordedBy, recordedAt: String }
    struct OtherRound: Encodable { let id, number, submittedOn, state, stateClass: String; let current: Bool }

    /// One element of the checklist as a row of radio buttons and a comment box (REV-4).
    struct ElementInput: Encodable {
        let key, name, comment: String
        let verdicts: [Option]
    }

    /// Which forms the reader sees; the use cases check again.
    struct Forms: Encodable {
        let opinion, coordination, discussion: Bool
        /// Why the reader cannot give the opinion, if that is what they came for.
        let opinionNote: String?
    }

    let page: PageContext
    let id: String
    let header: Header
    let summary: String
    let rules: [RuleRow]
    let hasRules: Bool
    let form: [FormRow]
    let evidence: [EvidenceRow]
    let noEvidence: Bool
    let opinion: OpinionView?
    let coordinations: [RecordView]
    let discussions: [RecordView]
    let hasCoordinations: Bool
    let hasDiscussions: Bool
    let rounds: [OtherRound]
    let forms: Forms
    let elements: [ElementInput]
    let outcomes: [Option]
    let coordinationResults: [Option]
    let discussionOutcomes: [Option]
    let problem: FormProblem?
    let values: [String: String]
}

/// What was typed into the opinion form, kept when it comes back refused.
struct OpinionInput: Content {
    var verdict: [String: String]?
    var comment: [String: String]?
    var outcome: String?
    var opinionText: String?

    /// The answers given (an element left unanswered is left out, and the use case names it, REV-4).
    var answers: [ChecklistAnswer] {
        ReviewElement.allCases.compactMap { element in
            guard let verdict = verdict?[element.rawValue].flatMap(ChecklistAnswer.Verdict.init(rawValue:)) else { return nil }
            return ChecklistAnswer(element: element, verdict: verdict, comment: comment?[element.rawValue] ?? "")
        }
    }
}

extension ReviewRoundPageModel {
    static func build(_ roundID: UUID, request: Request, problem: FormProblem? = nil, opinion typed: OpinionInput? = nil,
                      posted: [String: String] = [:]) async throws -> ReviewRoundPageModel {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let (round, history, theCase, document, requirement) = try await sunlight.reviews.reviewRound(roundID, by: actor)
        let detail = try await sunlight.cases.caseDetail(theCase.id, by: actor)
        let today = sunlight.clock.today
        func name(_ id: UUID?) -> String { id.flatMap { detail.names[$0] } ?? "—" }

        let submission = round.submission
        let actions = try await sunlight.reviews.reviewRoundActions(roundID, by: actor)

        var dueClass = "unknown", dueText = ""
        let calendar = try await sunlight.calendars.current()
        let due = submission.due(on: calendar)
        if round.pending {
            let badge = DeadlineBadge(today <= due ? sunlight.calendar.state(of: due, calendar: calendar) : .overdue)
            dueClass = badge.cssClass
            dueText = badge.text
        }
        let header = Header(
            caseID: theCase.id.uuidString.lowercased(), caseNumber: theCase.number, caseTitle: theCase.title, organisation: detail.organisation.name,
            documentID: document.id.uuidString.lowercased(), documentType: document.type.chineseName, documentStatus: document.status.chineseName,
            documentStatusClass: document.status.rawValue, round: "第 \(round.number) 轮", submittedOn: submission.submittedOn.iso,
            submittedBy: name(round.submissionRecord.recordedBy), due: ReviewText.due(submission, on: calendar), dueClass: dueClass, dueText: dueText,
            state: round.stateName, stateClass: ReviewText.stateClass(round),
            catalogue: submission.catalogueVersion == 0 ? "默认目录（第 0 版）" : "第 \(submission.catalogueVersion) 版",
            matched: submission.matchedRules.isEmpty ? "未匹配目录规则（自愿申请审核）" : submission.matchedRules.joined(separator: "、"),
            voluntary: submission.voluntary, draftChanged: submission.draftHash != document.contentHash,
            collectiveDiscussion: submission.collectiveDiscussion || requirement.collectiveDiscussion)

        let opinion = round.opinionRecord.flatMap { record in
            record.opinion.map { opinion in
                OpinionView(outcome: opinion.outcome.chineseName, outcomeClass: opinion.outcome == .approve ? "approved" : "returned", text: opinion.text,
                            reviewedOn: opinion.reviewedOn.iso, reviewer: name(record.recordedBy),
                            late: opinion.reviewedOn > due,
                            answers: opinion.answers.map { answer in
                                AnswerRow(element: answer.element.chineseName, verdict: answer.verdict.chineseName, verdictClass: answer.verdict.rawValue,
                                          comment: answer.comment.isEmpty ? "—" : answer.comment)
                            })
            }
        }
        let coordinations = round.coordinations.compactMap { record in
            record.coordination.map {
                RecordView(heldOn: $0.heldOn.iso, participants: $0.participants.joined(separator: "、"), content: $0.content, result: $0.result.chineseName,
                           recordedBy: name(record.recordedBy), recordedAt: ChinaTime.minuteText(record.recordedAt))
            }
        }
        let discussions = round.discussions.compactMap { record in
            record.discussion.map {
                RecordView(heldOn: $0.heldOn.iso, participants: $0.participants.joined(separator: "、"), content: $0.minutes, result: $0.outcome.chineseName,
                           recordedBy: name(record.recordedBy), recordedAt: ChinaTime.minuteText(record.recordedAt))
            }
        }

        // Why the opinion form is not offered, in the refusal's own words (the use case gives the same).
        let opinionNote = round.pending && !actions.contains(.opinion) ? try await sunlight.reviews.opinionRefusal(roundID, by: actor) : nil
        let forms = Forms(opinion: actions.contains(.opinion), coordination: actions.contains(.coordination),
                          discussion: actions.contains(.discussion), opinionNote: opinionNote)

        let elements = ReviewElement.allCases.map { element in
            let chosen = typed?.verdict?[element.rawValue]
            return ElementInput(key: element.rawValue, name: element.chineseName, comment: typed?.comment?[element.rawValue] ?? "",
                                verdicts: ChecklistAnswer.Verdict.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, checked: chosen == $0.rawValue) })
        }
        var values = posted
        values["opinionText"] = typed?.opinionText ?? values["opinionText"]

        return ReviewRoundPageModel(
            page: ReviewText.page(request, title: "法制审核 \(theCase.number) 第 \(round.number) 轮"), id: roundID.uuidString.lowercased(),
            header: header, summary: requirement.summary,
            rules: requirement.matched.map { RuleRow(code: $0.code, title: $0.title, source: $0.source) }, hasRules: requirement.required,
            form: ReviewForm.labels.map { key, label in
                FormRow(label: label, value: DocumentReviewBox.form(of: submission.form)[key].flatMap { $0.isEmpty ? nil : $0 } ?? "—")
            },
            evidence: submission.evidence.map { EvidenceRow(kind: $0.kind.chineseName, description: $0.description, sha256: $0.sha256 ?? "") },
            noEvidence: submission.evidence.isEmpty, opinion: opinion, coordinations: coordinations, discussions: discussions,
            hasCoordinations: !coordinations.isEmpty, hasDiscussions: !discussions.isEmpty,
            rounds: history.rounds.map { other in
                OtherRound(id: other.submissionRecord.id.uuidString.lowercased(), number: "第 \(other.number) 轮",
                           submittedOn: other.submission.submittedOn.iso, state: other.stateName, stateClass: ReviewText.stateClass(other),
                           current: other.submissionRecord.id == roundID)
            },
            forms: forms, elements: elements,
            outcomes: ReviewOutcome.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, checked: typed?.outcome == $0.rawValue) },
            coordinationResults: DisagreementCoordination.Result.allCases.map {
                Option(value: $0.rawValue, label: $0.chineseName, checked: posted["result"] == $0.rawValue)
            },
            discussionOutcomes: CollectiveDiscussion.Outcome.allCases.map {
                Option(value: $0.rawValue, label: $0.chineseName, checked: posted["discussionOutcome"] == $0.rawValue)
            },
            problem: problem, values: values)
    }
}
