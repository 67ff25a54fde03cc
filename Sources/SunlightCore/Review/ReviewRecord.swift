import Foundation
import SunlightLedger

/// 法制审核表 — what the officer submits for review (REV-3, seed 002 第六条).
public struct ReviewForm: Codable, Sendable, Equatable {
    /// 基本事实.
    public var facts: String
    /// 适用法律、法规、规章以及规范性文件的情况.
    public var law: String
    /// 听证或者评估的情况.
    public var hearing: String
    /// 行政执法决定建议.
    public var proposal: String
    /// 其他需要说明的情况 (may be empty).
    public var other: String

    public init(facts: String, law: String, hearing: String, proposal: String, other: String = "") {
        self.facts = facts
        self.law = law
        self.hearing = hearing
        self.proposal = proposal
        self.other = other
    }

    public static let labels: [(key: String, label: String)] = [
        ("facts", "基本事实"), ("law", "适用法律"), ("hearing", "听证或评估情况"), ("proposal", "决定建议"), ("other", "其他说明")]

    /// The form with blanks trimmed; an incomplete form is refused, naming every missing part.
    public func validated() throws -> ReviewForm {
        let form = ReviewForm(facts: facts.trimmed, law: law.trimmed, hearing: hearing.trimmed, proposal: proposal.trimmed, other: other.trimmed)
        let values = ["facts": form.facts, "law": form.law, "hearing": form.hearing, "proposal": form.proposal]
        let missing = Self.labels.filter { values[$0.key].map { $0.count < 2 } ?? false }
        if let first = missing.first {
            throw SunlightError.invalid(first.key, "法制审核表不完整：请填写" + missing.map(\.label).joined(separator: "、"), rule: .rev3)
        }
        for (key, label) in Self.labels where (key == "other" ? form.other : values[key]!).count > 4000 {
            throw SunlightError.invalid(key, "“\(label)”不能超过 4000 字", rule: .rev3)
        }
        return form
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case facts, law, hearing, proposal, other
    }
}

/// 审核要素 — what the reviewer must answer, every one of them (REV-4, seed 000 §二(三)4).
public enum ReviewElement: String, Codable, Sendable, CaseIterable, ClosedChoice {
    case subject, officers, facts, evidence, law, discretion, procedure, power, documents, crime

    public var chineseName: String {
        switch self {
        case .subject: "执法主体是否合法"
        case .officers: "执法人员是否具备执法资格"
        case .facts: "案件事实是否清楚"
        case .evidence: "证据是否确实充分"
        case .law: "适用法律、法规、规章是否准确"
        case .discretion: "行政裁量是否在基准范围内"
        case .procedure: "执法程序是否合法"
        case .power: "是否超越职权、滥用职权"
        case .documents: "执法文书是否完备、规范"
        case .crime: "是否涉嫌犯罪需移送司法机关"
        }
    }
}

/// One answer of the checklist.
public struct ChecklistAnswer: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case pass, problem
        case notApplicable = "not_applicable"

        public var chineseName: String {
            switch self {
            case .pass: "符合"
            case .problem: "存在问题"
            case .notApplicable: "不适用"
            }
        }
    }

    public var element: ReviewElement
    public var verdict: Verdict
    public var comment: String

    public init(element: ReviewElement, verdict: Verdict, comment: String) {
        self.element = element
        self.verdict = verdict
        self.comment = comment
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case element, verdict, comment
    }
}

/// 审核意见 — the reviewer's written opinion (REV-5, seed 002 第九条).
public enum ReviewOutcome: String, Codable, Sendable, CaseIterable, ClosedChoice {
    case approve, reject, supplement
    case correctProcedure = "correct_procedure"
    case amendLaw = "amend_law"

    public var chineseName: String {
        switch self {
        case .approve: "同意（准予作出决定）"
        case .reject: "不予作出决定"
        case .supplement: "补充材料"
        case .correctProcedure: "纠正程序"
        case .amendLaw: "修改法律适用"
        }
    }
}

/// 送审 — one round's submission: the form, the draft as it stood (by hash), the case's
/// evidence, what the catalogue said, and the deadline (REV-3, REV-5).
public struct ReviewSubmission: Codable, Sendable, Equatable {
    public var form: ReviewForm
    /// SHA-256 of the draft decision's content when submitted.
    public var draftHash: String
    public var catalogueVersion: Int
    /// Codes of the catalogue rules that matched; empty when the review was asked for voluntarily.
    public var matchedRules: [String]
    public var collectiveDiscussion: Bool
    public var evidence: [AttachedEvidence]
    public var submittedOn: CivilDate
    /// The due date as computed when submitted: provisional where a year's holiday notice was
    /// missing (CAL-4); `nil` in records written before due dates were never left empty.
    public var dueOn: CivilDate?
    public var reviewDays: Int

    public var voluntary: Bool { matchedRules.isEmpty }

    /// The due date on the calendar in force now: `reviewDays` working days from submission,
    /// counted again once a missing year's notice is loaded (CAL-4, REV-5). The record keeps
    /// what was computed when it was written; pages and tasks read this.
    public func due(on calendar: WorkingDayCalendar) -> CivilDate {
        calendar.count(from: submittedOn, .workingDays(reviewDays)).date
    }

    public init(form: ReviewForm, draftHash: String, catalogueVersion: Int, matchedRules: [String], collectiveDiscussion: Bool,
                evidence: [AttachedEvidence], submittedOn: CivilDate, dueOn: CivilDate?, reviewDays: Int) {
        self.form = form
        self.draftHash = draftHash
        self.catalogueVersion = catalogueVersion
        self.matchedRules = matchedRules
        self.collectiveDiscussion = collectiveDiscussion
        self.evidence = evidence
        self.submittedOn = submittedOn
        self.dueOn = dueOn
        self.reviewDays = reviewDays
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case form, draftHash, catalogueVersion, matchedRules, collectiveDiscussion, evidence, submittedOn, dueOn, reviewDays
    }
}

/// A piece of the case's evidence as it was attached to a submission.
public struct AttachedEvidence: Codable, Sendable, Equatable {
    public var id: UUID
    public var kind: CaseEvidence.Kind
    public var description: String
    /// The file's SHA-256, when the evidence has a file.
    public var sha256: String?

    public init(id: UUID, kind: CaseEvidence.Kind, description: String, sha256: String?) {
        self.id = id
        self.kind = kind
        self.description = description
        self.sha256 = sha256
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, kind, description, sha256
    }
}

/// The reviewer's answer to one round (REV-4, REV-5).
public struct ReviewOpinion: Codable, Sendable, Equatable {
    public var answers: [ChecklistAnswer]
    public var outcome: ReviewOutcome
    /// 书面审核意见.
    public var text: String
    public var reviewedOn: CivilDate

    public init(answers: [ChecklistAnswer], outcome: ReviewOutcome, text: String, reviewedOn: CivilDate) {
        self.answers = answers
        self.outcome = outcome
        self.text = text
        self.reviewedOn = reviewedOn
    }

    public var problems: [ChecklistAnswer] { answers.filter { $0.verdict == .problem } }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case answers, outcome, text, reviewedOn
    }
}

/// 意见协调 — the unit and the legal office disagree about an opinion, and settle it (REV-6).
public struct DisagreementCoordination: Codable, Sendable, Equatable {
    public enum Result: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 承办机构采纳审核意见 — the draft is changed and submitted again.
        case adoptOpinion = "adopt_opinion"
        /// 审核机构改变审核意见 — the same draft is submitted again for a new opinion.
        case reviewerRevises = "reviewer_revises"
        /// 报请机关负责人集体讨论 — still no passed review; the heads discuss it.
        case referToHeads = "refer_to_heads"

        public var chineseName: String {
            switch self {
            case .adoptOpinion: "承办机构采纳审核意见"
            case .reviewerRevises: "审核机构改变审核意见"
            case .referToHeads: "报请机关负责人集体讨论"
            }
        }
    }

    public var participants: [String]
    /// 分歧及协调情况.
    public var content: String
    public var result: Result
    public var heldOn: CivilDate

    public init(participants: [String], content: String, result: Result, heldOn: CivilDate) {
        self.participants = participants
        self.content = content
        self.result = result
        self.heldOn = heldOn
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case participants, content, result, heldOn
    }
}

/// 集体讨论 — the heads decide a complex or serious case together (REV-7, 行政处罚法 第五十七条).
public struct CollectiveDiscussion: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case agree, disagree
        case discussAgain = "discuss_again"

        public var chineseName: String {
            switch self {
            case .agree: "同意"
            case .disagree: "不同意"
            case .discussAgain: "再次讨论"
            }
        }
    }

    public var participants: [String]
    public var minutes: String
    public var outcome: Outcome
    public var heldOn: CivilDate

    public init(participants: [String], minutes: String, outcome: Outcome, heldOn: CivilDate) {
        self.participants = participants
        self.minutes = minutes
        self.outcome = outcome
        self.heldOn = heldOn
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case participants, minutes, outcome, heldOn
    }
}

/// 法制审核记录 — one append-only record of a decision's legal review: a submission, an
/// opinion, a coordination or a collective discussion, in a numbered round. Nothing is ever
/// changed; a new round is a new submission.
public struct ReviewRecord: Identifiable, Sendable, Equatable {
    public enum Body: Sendable, Equatable {
        case submission(ReviewSubmission)
        case opinion(ReviewOpinion)
        case coordination(DisagreementCoordination)
        case discussion(CollectiveDiscussion)

        public var kind: String {
            switch self {
            case .submission: "submission"
            case .opinion: "opinion"
            case .coordination: "coordination"
            case .discussion: "discussion"
            }
        }
    }

    public let id: UUID
    public let caseID: EnforcementCase.ID
    public let organisationID: Organisation.ID
    /// The draft decision under review.
    public let documentID: UUID
    public let round: Int
    public let recordedBy: StaffUser.ID?
    public let recordedAt: Date
    public let body: Body

    public init(id: UUID = UUID(), caseID: EnforcementCase.ID, organisationID: Organisation.ID, documentID: UUID, round: Int,
                recordedBy: StaffUser.ID?, recordedAt: Date, body: Body) {
        self.id = id
        self.caseID = caseID
        self.organisationID = organisationID
        self.documentID = documentID
        self.round = round
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.body = body
    }

    public var submission: ReviewSubmission? { if case .submission(let value) = body { value } else { nil } }
    public var opinion: ReviewOpinion? { if case .opinion(let value) = body { value } else { nil } }
    public var coordination: DisagreementCoordination? { if case .coordination(let value) = body { value } else { nil } }
    public var discussion: CollectiveDiscussion? { if case .discussion(let value) = body { value } else { nil } }

    /// The body as stored: sorted-key JSON (integers and strings only, so it is canonical-ready).
    public var bodyJSON: String {
        get throws {
            switch body {
            case .submission(let value): try StateJSON.encode(value)
            case .opinion(let value): try StateJSON.encode(value)
            case .coordination(let value): try StateJSON.encode(value)
            case .discussion(let value): try StateJSON.encode(value)
            }
        }
    }

    /// Reads a body back from its kind and JSON.
    public static func body(kind: String, json: String) throws -> Body {
        let decoder = JSONDecoder()
        let data = Data(json.utf8)
        switch kind {
        case "submission": return .submission(try decoder.decode(ReviewSubmission.self, from: data))
        case "opinion": return .opinion(try decoder.decode(ReviewOpinion.self, from: data))
        case "coordination": return .coordination(try decoder.decode(DisagreementCoordination.self, from: data))
        case "discussion": return .discussion(try decoder.decode(CollectiveDiscussion.self, from: data))
        default: throw SunlightError.invalid("kind", "未知的审核记录类型 \(kind)")
        }
    }

    public var ledgerRecord: LedgerRecord {
        get throws {
            let body = try CanonicalJSON(parsing: Array(try bodyJSON.utf8))
            return Self.logged(type: "review.\(self.body.kind)", table: "review_records", id: id.uuidString.lowercased(), organisationID: organisationID,
                               content: .object(["id": Snapshot.uuid(id), "case": Snapshot.uuid(caseID), "document": Snapshot.uuid(documentID),
                                                 "round": .int(Int64(round)), "kind": .string(self.body.kind), "recordedBy": Snapshot.uuid(recordedBy),
                                                 "recordedAt": Snapshot.time(recordedAt), "body": body])).about(case: caseID)
        }
    }
}

extension MajorDecisionCatalogue {
    /// The rules as stored: sorted-key JSON.
    public var rulesJSON: String { get throws { try StateJSON.encode(rules) } }

    public static func rules(json: String) throws -> [MajorDecisionRule] {
        try JSONDecoder().decode([MajorDecisionRule].self, from: Data(json.utf8))
    }

    public var ledgerRecord: LedgerRecord {
        get throws {
            let rules = try CanonicalJSON(parsing: Array(try rulesJSON.utf8))
            let organisation = organisationID ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
            return Self.logged(type: "review.catalogue_adopted", table: "review_catalogues",
                               id: "\(organisation.uuidString.lowercased())/\(version)", organisationID: organisationID,
                               content: .object(["organisation": Snapshot.uuid(organisationID), "version": .int(Int64(version)),
                                                 "effectiveOn": Snapshot.text(effectiveOn?.iso), "reviewDays": .int(Int64(reviewDays)),
                                                 "rules": rules, "adoptedBy": Snapshot.uuid(adoptedBy),
                                                 "adoptedAt": adoptedAt.map(Snapshot.time) ?? .null, "note": .string(note)]))
        }
    }
}
