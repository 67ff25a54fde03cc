import Foundation

/// 问题线索 — something the supervisor should look at (REV-9).
public struct ReviewFlag: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A decision made without the review it needed.
        case missingReview = "missing_review"
        /// A draft sent back by the reviewer resubmitted unchanged, without a recorded coordination.
        case opinionIgnored = "opinion_ignored"

        public var chineseName: String { self == .missingReview ? "应审未审" : "无正当理由不采纳审核意见" }
    }

    public let kind: Kind
    public let caseID: EnforcementCase.ID
    public let caseNumber: String
    public let organisationID: Organisation.ID
    /// Filled in when the flag is read for a page; empty as stored.
    public private(set) var organisationName = ""
    public let documentID: UUID
    public let detail: String
    public let on: CivilDate

    public init(kind: Kind, caseID: EnforcementCase.ID, caseNumber: String, organisationID: Organisation.ID, documentID: UUID,
                detail: String, on: CivilDate) {
        self.kind = kind
        self.caseID = caseID
        self.caseNumber = caseNumber
        self.organisationID = organisationID
        self.documentID = documentID
        self.detail = detail
        self.on = on
    }

    /// The same flag with its organisation's name, for a page.
    func named(_ name: String) -> ReviewFlag {
        var flag = self
        flag.organisationName = name
        return flag
    }

    /// A case's flags, in a stable order: each issued decision that lacked the review it
    /// needed, checked by the gate itself (REV-1, REV-7) against the stricter of the catalogue
    /// in force at the notice and at the decision (REV-10); then each round resubmitted
    /// unchanged after an opinion other than approval, without a recorded coordination.
    static func of(_ theCase: EnforcementCase, facts: ReviewRequirementFacts, records: [ReviewRecord]) -> [ReviewFlag] {
        guard !theCase.simple else { return [] }
        var flags: [ReviewFlag] = []
        for document in facts.documents where document.type.isReviewable && document.status == .issued {
            let issuedOn = document.issuedOn ?? ChinaTime.date(of: document.draftedAt)
            let requirement = facts.requirement(for: document, in: theCase, on: issuedOn)
            do {
                try ReviewGate.check(document, requirement: requirement, history: ReviewHistory(documentID: document.id, records: records))
            } catch let error as SunlightError {
                flags.append(ReviewFlag(kind: .missingReview, caseID: theCase.id, caseNumber: theCase.number, organisationID: theCase.organisationID,
                                        documentID: document.id, detail: "\(document.type.chineseName)\(document.number.map { "（\($0)）" } ?? "")：\(error.message)",
                                        on: issuedOn))
            } catch {
                continue   // The gate throws only SunlightError.
            }
        }
        let documents = Set(records.map(\.documentID)).sorted { $0.uuidString < $1.uuidString }
        for documentID in documents {
            let rounds = ReviewHistory(documentID: documentID, records: records).rounds
            for (previous, next) in zip(rounds, rounds.dropFirst()) {
                guard let opinion = previous.opinion, opinion.outcome != .approve, previous.coordinations.isEmpty,
                      previous.submission.draftHash == next.submission.draftHash else { continue }
                flags.append(ReviewFlag(kind: .opinionIgnored, caseID: theCase.id, caseNumber: theCase.number, organisationID: theCase.organisationID,
                                        documentID: documentID,
                                        detail: "第 \(previous.number) 轮审核意见为“\(opinion.outcome.chineseName)”，第 \(next.number) 轮未作修改、未经协调即重新送审",
                                        on: next.submission.submittedOn))
            }
        }
        return flags
    }
}

/// 法制审核线索存储 — the read model behind ``ReviewFlag``: each case's flags as the records
/// give them; not logged (derived data, compared with the records by `sunlight verify`).
public protocol ReviewFlagRepository: Sendable {
    /// Drops the flags of these cases and stores `flags` (theirs, each case's in order).
    func replace(cases: [EnforcementCase.ID], with flags: [ReviewFlag]) async throws
    /// The flags of these organisations' cases, newest first (by date, then case number).
    func flags(organisations: [Organisation.ID]) async throws -> [ReviewFlag]
    /// Every flag, by case ID and each case's order (for verify).
    func all(offset: Int, limit: Int) async throws -> [ReviewFlag]
    func removeAll() async throws
}
