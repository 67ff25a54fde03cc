import Foundation
import SunlightLedger

/// 审核轮次 — one submission and everything recorded against it.
public struct ReviewRound: Sendable, Equatable {
    public let number: Int
    public let submissionRecord: ReviewRecord
    public let submission: ReviewSubmission
    public let opinionRecord: ReviewRecord?
    public let coordinations: [ReviewRecord]
    public let discussions: [ReviewRecord]

    public var opinion: ReviewOpinion? { opinionRecord?.opinion }
    public var pending: Bool { opinionRecord == nil }
    public var approved: Bool { opinion?.outcome == .approve }
    /// The latest collective discussion's outcome, if any.
    public var discussionOutcome: CollectiveDiscussion.Outcome? { discussions.last?.discussion?.outcome }

    /// 状态, for lists.
    public var stateName: String {
        guard let opinion else { return "待审核" }
        if opinion.outcome == .approve {
            switch discussionOutcome {
            case .agree?: return "审核通过，集体讨论同意"
            case .disagree?: return "审核通过，集体讨论不同意"
            case .discussAgain?: return "审核通过，待再次讨论"
            case nil: return "审核通过"
            }
        }
        return "退回：\(opinion.outcome.chineseName)"
    }
}

/// 审核记录 — a draft decision's review rounds, oldest first, read from its records.
public struct ReviewHistory: Sendable, Equatable {
    public let documentID: UUID
    public let rounds: [ReviewRound]

    public init(documentID: UUID, records: [ReviewRecord]) {
        self.documentID = documentID
        // By round, and within a round in the order written (the store's order; times may tie).
        let mine = records.filter { $0.documentID == documentID }.enumerated()
            .sorted { ($0.element.round, $0.offset) < ($1.element.round, $1.offset) }.map(\.element)
        rounds = mine.compactMap { record -> ReviewRound? in
            guard let submission = record.submission else { return nil }
            let later = mine.filter { $0.round == record.round && $0.id != record.id }
            return ReviewRound(number: record.round, submissionRecord: record, submission: submission,
                               opinionRecord: later.first { $0.opinion != nil },
                               coordinations: later.filter { $0.coordination != nil }, discussions: later.filter { $0.discussion != nil })
        }
    }

    public var last: ReviewRound? { rounds.last }
    public var nextRound: Int { (rounds.last?.number ?? 0) + 1 }
}

extension CaseDocument {
    /// 文书内容摘要 — SHA-256 of what the document says (its type and fields, without the
    /// flags the system adds): the review approves exactly this, and a changed draft no longer
    /// matches (REV-1).
    public var contentHash: String {
        let fields = self.fields.filter { $0.key != DocumentField.discretionFlag.rawValue }.mapValues(CanonicalJSON.string)
        return LedgerHash.sha256(CanonicalJSON.object(["type": .string(type.rawValue), "fields": .object(fields)]).bytes).hex
    }
}

/// 审核关口 — REV-1 and REV-7 as one check: a decision that needs review (the catalogue says
/// so, or review was asked for) is made only on a passed review of exactly this draft, and,
/// where the heads must discuss it, on their agreement. There is no override.
public enum ReviewGate {
    public static func check(_ document: CaseDocument, requirement: ReviewRequirement, history: ReviewHistory) throws {
        guard requirement.required || requirement.collectiveDiscussion || !history.rounds.isEmpty else { return }
        guard let last = history.last else {
            guard requirement.required else {
                throw refuse(.rev10, "违法情节严重，属重大违法行为，应由机关负责人集体讨论决定（《中华人民共和国行政处罚法》第五十七条第二款）；"
                             + "请提交法制审核，审核通过后记录集体讨论", code: "review.discussion_required")
            }
            throw refuse(.rev1, "属于重大执法决定（" + requirement.matched.map { "\($0.code) \($0.title)" }.joined(separator: "；")
                         + "），未经法制审核不得作出决定，请先提交法制审核", code: "review.required")
        }
        guard let opinion = last.opinion else {
            let due = last.submission.dueOn.map { "，审核期限至 \($0.chinese)" } ?? ""
            throw refuse(.rev1, "第 \(last.number) 轮法制审核尚未完成\(due)；审核通过前不得作出决定", code: "review.pending")
        }
        guard opinion.outcome == .approve else {
            throw refuse(.rev1, "第 \(last.number) 轮法制审核意见为“\(opinion.outcome.chineseName)”，审核未通过不得作出决定；请按意见处理后重新送审",
                         code: "review.not_passed")
        }
        guard last.submission.draftHash == document.contentHash else {
            throw refuse(.rev1, "决定书在法制审核通过后被修改，原审核不再有效，请将修改后的决定书重新送审", code: "review.draft_changed")
        }
        let discussionRequired = requirement.collectiveDiscussion || last.submission.collectiveDiscussion
        switch last.discussionOutcome {
        case .agree?: return
        case .disagree?:
            throw refuse(.rev7, "机关负责人集体讨论决定不同意作出该决定", code: "review.discussion_disagreed")
        case .discussAgain?:
            throw refuse(.rev7, "集体讨论决定再次讨论，讨论同意前不得作出决定", code: "review.discussion_again")
        case nil where discussionRequired:
            throw refuse(.rev7, "案件情节复杂或属重大违法行为，审核通过后应由机关负责人集体讨论决定（行政处罚法第五十七条）",
                         code: "review.discussion_required")
        case nil: return
        }
    }

    static func refuse(_ rule: RuleID, _ message: String, code: String) -> SunlightError {
        SunlightError(.ruleViolation, code: code, message, rule: rule)
    }
}
