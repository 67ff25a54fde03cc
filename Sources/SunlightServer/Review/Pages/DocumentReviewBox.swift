import Foundation
import SunlightCore
import Vapor

/// 法制审核 on a draft decision's page (REV-2, REV-3): whether the catalogue requires review and
/// which rules matched (with their sources), the rounds so far, and the review form — the five
/// parts of 法制审核表, prefilled from the draft and the case, or from the last round.
struct DocumentReviewBox: Encodable {
    struct RuleRow: Encodable { let code, title, source: String }
    struct RoundRow: Encodable { let id, number, submittedOn, due, state, stateClass: String }
    struct Field: Encodable { let key, label, value, hint: String; let required: Bool }

    let required: Bool
    let outsideReview: Bool
    let summary: String
    let rules: [RuleRow]
    let collectiveDiscussion: Bool
    let rounds: [RoundRow]
    let hasRounds: Bool
    /// The officer or head may submit (again) now.
    let canSubmit: Bool
    /// The form starts unfolded: review is required and nothing is submitted yet, the last round was returned, or it came back refused.
    let open: Bool
    let submitLabel: String
    /// Why the form is not offered, when the reader would expect it.
    let note: String?
    let fields: [Field]
    let problem: String?
}

extension DocumentReviewBox {
    /// The box for a decision (or 查封扣押决定, REV-10) of an ordinary-procedure case; `nil` for other documents and for
    /// on-the-spot decisions, which are outside review (REV-2).
    static func build(_ document: CaseDocument, actions: Set<DocumentAction>, detail: CaseDetail, request: Request, problem: String? = nil,
                      posted: [String: String]? = nil) async throws -> DocumentReviewBox? {
        let theCase = detail.enforcementCase
        guard document.type.isReviewable, !theCase.simple else { return nil }
        let actor = try request.requireStaff().actor
        let (requirement, history) = try await request.sunlight.reviews.reviewStatus(of: document.id, by: actor)
        let last = history.last
        let calendar = try await request.sunlight.calendars.current()
        let pending = last?.pending == true
        let beforeDecision = document.status == .draft || document.status == .review
        let canSubmit = actions.contains(.submitForReview)

        var note: String?
        if pending, let last {
            note = "第 \(last.number) 轮法制审核进行中，审核期限至 \(ReviewText.due(last.submission, on: calendar))；审核完成前决定书不能修改，也不能重复送审（依据国办发〔2018〕118号）。"
        } else if !beforeDecision {
            note = "决定书\(document.status.chineseName)，法制审核应在作出决定之前。"
        }

        let defaults = last.map { form(of: $0.submission.form) } ?? Self.defaults(for: document, detail: detail)
        let values = posted ?? defaults
        let hints = ["facts": "当事人的违法事实及证据", "law": "适用的法律、法规、规章和规范性文件条款", "hearing": "是否告知听证、当事人是否要求听证，以及评估情况",
                     "proposal": "拟作出的执法决定", "other": "选填"]
        let fields = ReviewForm.labels.map { key, label in
            Field(key: key, label: label, value: values[key] ?? "", hint: hints[key] ?? "", required: key != "other")
        }
        let returned = last.map { !$0.pending && !$0.approved } ?? false
        return DocumentReviewBox(
            required: requirement.required, outsideReview: requirement.outsideReview, summary: requirement.summary,
            rules: requirement.matched.map { RuleRow(code: $0.code, title: $0.title, source: $0.source) },
            collectiveDiscussion: requirement.collectiveDiscussion || last?.submission.collectiveDiscussion == true,
            rounds: history.rounds.map { ReviewText.roundRow($0, on: calendar) }, hasRounds: !history.rounds.isEmpty,
            canSubmit: canSubmit, open: problem != nil || returned || (requirement.required && last == nil),
            submitLabel: last == nil ? "提交法制审核" : "重新提交法制审核（第 \(history.nextRound) 轮）",
            note: note, fields: fields, problem: problem)
    }

    static func form(of form: ReviewForm) -> [String: String] {
        ["facts": form.facts, "law": form.law, "hearing": form.hearing, "proposal": form.proposal, "other": form.other]
    }

    /// The review form as the draft and the case already say it: the facts and basis of the
    /// draft, the hearing and the party's statement from the case's record, the proposed decision.
    static func defaults(for document: CaseDocument, detail: CaseDetail) -> [String: String] {
        var hearing: [String] = []
        for event in detail.events {
            let note = event.note.map { "：\($0)" } ?? ""
            switch event.kind {
            case .hearingWaived: hearing.append("已告知听证权利，当事人放弃听证\(note)")
            case .hearingRequested: hearing.append("当事人要求听证\(note)")
            case .statementReceived: hearing.append("已听取当事人陈述申辩\(note)")
            default: break
            }
        }
        if detail.events.contains(where: { $0.kind == .stageCompleted && $0.stage == "hearing" }) { hearing.append("已依法组织听证") }
        var proposal = ""
        var other: [String] = []
        switch document.type {
        case .penaltyDecision, .simpleDecision:
            proposal = document.fields[.penalty].map { "拟作出行政处罚：\($0)" } ?? ""
            if let discretion = document.text(.discretion) { other.append("裁量理由：\(discretion)") }
            if let reason = document.text(.deviationReason) { other.append("超出裁量基准的理由：\(reason)") }
        case .noPenaltyDecision:
            proposal = "拟不予行政处罚"
        case .permitDecision:
            let result = document.terms.result?.chineseName ?? ""
            proposal = [result, document.fields[.content] ?? ""].filter { !$0.isEmpty }.joined(separator: "：")
        default: break
        }
        return ["facts": document.fields[.facts] ?? "", "law": document.fields[.basis] ?? "", "hearing": hearing.joined(separator: "；"),
                "proposal": proposal, "other": other.joined(separator: "\n")]
    }
}

/// How review facts are shown on the staff pages (法制审核).
enum ReviewText {
    /// A round as a row of a list: number, dates, state.
    static func roundRow(_ round: ReviewRound, on calendar: WorkingDayCalendar) -> DocumentReviewBox.RoundRow {
        DocumentReviewBox.RoundRow(id: round.submissionRecord.id.uuidString.lowercased(), number: "第 \(round.number) 轮",
                                   submittedOn: round.submission.submittedOn.iso, due: due(round.submission, on: calendar),
                                   state: round.stateName, stateClass: stateClass(round))
    }

    /// `pending`, `approved` or `returned`, for the badge.
    static func stateClass(_ round: ReviewRound) -> String {
        round.pending ? "pending" : round.approved ? "approved" : "returned"
    }

    /// A round's due date on the calendar in force, marked 暂定 while its year is not loaded (CAL-4).
    static func due(_ submission: ReviewSubmission, on calendar: WorkingDayCalendar) -> String {
        let due = submission.due(on: calendar)
        return "\(due.iso)（\(due.chineseWeekday)）" + (calendar.covers(due) ? "" : "（暂定）")
    }

    /// The messages shown after a review action (`?notice=…`).
    static let notices: [String: String] = [
        "review_submitted": "已提交法制审核；审核期限自今天起按工作日计算（依据国办发〔2018〕118号）。",
        "opinion_recorded": "审核意见已记录，并写入防篡改日志（依据国办发〔2018〕118号）。",
        "coordination_recorded": "意见协调情况已记录（依据国办发〔2018〕118号）。",
        "discussion_recorded": "集体讨论情况已记录（依据《中华人民共和国行政处罚法》第五十七条第二款）。",
        "catalogue_adopted": "目录新版本已发布，自生效日期起适用；旧版本保留（依据《中华人民共和国行政处罚法》第五十八条）。",
        "factors_declared": "重大执法决定情形已认定，并写入办案记录（依据《中华人民共和国行政处罚法》第五十八条）。",
    ]

    /// The page context, with a review or case notice if the query names one.
    static func page(_ request: Request, title: String) -> PageContext {
        let key = request.query[String.self, at: "notice"]
        return PageContext(request, title: title, notice: key.flatMap { notices[$0] ?? CaseText.notices[$0] })
    }
}
