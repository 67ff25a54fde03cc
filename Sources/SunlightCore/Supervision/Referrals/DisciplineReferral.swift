import Foundation
import SunlightLedger

/// 监察执纪衔接 — the referral to the discipline inspection organ of a case whose penalised party
/// is a Party member or public official, due within 10 working days of closing the case (SUP-9).
public struct DisciplineReferral: StoredState, Sendable, Equatable {
    public let id: UUID
    public let caseID: EnforcementCase.ID
    public let organisationID: Organisation.ID
    /// 移送的纪检监察机关.
    public let recipient: String
    public let referredOn: CivilDate
    public let note: String
    public let referredBy: StaffUser.ID?

    public init(id: UUID = UUID(), caseID: EnforcementCase.ID, organisationID: Organisation.ID, recipient: String, referredOn: CivilDate,
                note: String, referredBy: StaffUser.ID?) {
        self.id = id
        self.caseID = caseID
        self.organisationID = organisationID
        self.recipient = recipient
        self.referredOn = referredOn
        self.note = note
        self.referredBy = referredBy
    }

    /// Working days from closing the case (SUP-9).
    public static let workingDays = 10

    func ledgerRecord() throws -> LedgerRecord {
        try stateRecord("discipline.referred", table: "discipline_referrals", organisationID: organisationID)
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, caseID, organisationID, recipient, referredOn, note, referredBy
    }
}

/// One case that must be referred, with its clock and, once done, the referral.
public struct ReferralObligation: Sendable {
    public let enforcementCase: EnforcementCase
    public let organisationName: String
    public let closedOn: CivilDate
    public let dueOn: CivilDate?
    public let referral: DisciplineReferral?

    public var late: Bool {
        guard let dueOn else { return false }
        return referral.map { $0.referredOn > dueOn } ?? false
    }
}

/// 监察执纪衔接存储 (append-only).
public protocol DisciplineReferralRepository: Sendable {
    func insert(_ referral: DisciplineReferral) async throws
    func list(organisations: [Organisation.ID]) async throws -> [DisciplineReferral]
    func chronological(offset: Int, limit: Int) async throws -> [DisciplineReferral]
}

extension SupervisionUseCases {
    /// The cases of these organisations that must be referred (SUP-9): closed, with a penalty
    /// decision issued, and a party recorded as a Party member or public official.
    /// `pendingOnly` leaves out the cases already referred (the head's tasks).
    func referralObligations(in organisations: [Organisation], pendingOnly: Bool = false) async throws -> [ReferralObligation] {
        let names = Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // The database picks the closed penalty cases with an issued penalty decision and a Party member or official among the parties.
        let cases = try await store.cases.referable(organisations: Array(names.keys), filter: CaseFilter(statuses: [.closed, .archived], category: .penalty),
                                                    decisionTypes: [.penaltyDecision, .simpleDecision])
        guard !cases.isEmpty else { return [] }
        let events = Dictionary(grouping: try await store.cases.events(ofCases: cases.map(\.id)), by: \.caseID)
        let referrals = Dictionary(try await store.referrals.list(organisations: Array(names.keys)).map { ($0.caseID, $0) }, uniquingKeysWith: { a, _ in a })
        let calendar = try await calendars.current()
        var out: [ReferralObligation] = []
        for theCase in cases where !(pendingOnly && referrals[theCase.id] != nil) {
            guard let closedOn = events[theCase.id]?.last(where: { $0.kind == .closed })?.on else { continue }
            out.append(ReferralObligation(enforcementCase: theCase, organisationName: names[theCase.organisationID] ?? "", closedOn: closedOn,
                                          dueOn: try calendar.due(from: closedOn, .workingDays(DisciplineReferral.workingDays)).date,
                                          referral: referrals[theCase.id]))
        }
        return out.sorted { ($0.dueOn?.iso ?? "9999") < ($1.dueOn?.iso ?? "9999") }
    }

    /// 移送纪检监察 — what must be and was referred: the organisation's heads and clerks see their
    /// own, supervisors everything below them (SUP-9).
    public func disciplineReferrals(by actor: Actor) async throws -> [ReferralObligation] {
        try await guarded(actor, "discipline_referral", id: nil, in: actor.organisation) { try actor.require(anyOf: .head, .publicityClerk, .supervisor) }
        let organisations = try await organisationsInView(of: actor)
        return try await referralObligations(in: organisations)
    }

    /// Records the referral of a case (its organisation's head).
    public func referToDiscipline(case caseID: EnforcementCase.ID, recipient: String, note: String, by actor: Actor) async throws -> DisciplineReferral {
        let (theCase, organisation) = try await workableCase(caseID, by: actor, headOnly: true)
        let recipient = recipient.trimmed, note = note.trimmed
        guard (2...100).contains(recipient.count) else { throw SunlightError.invalid("recipient", "请填写接收移送的纪检监察机关", rule: .sup9) }
        guard (2...1000).contains(note.count) else { throw SunlightError.invalid("note", "请写明移送的材料和情况（2–1000 字）", rule: .sup9) }
        guard let obligation = try await referralObligations(in: [organisation]).first(where: { $0.enforcementCase.id == caseID }) else {
            throw SunlightError(.ruleViolation, code: "referral.not_required",
                                "只有当事人为党员或公职人员、已作出处罚并结案的案件需要移送纪检监察机关", rule: .sup9)
        }
        try await guarded(actor, "case", id: caseID.uuidString, in: organisation) {
            try ReferralPermissions(actor: actor, obligation: obligation, organisation: organisation).check(.refer)
        }
        let referral = DisciplineReferral(caseID: caseID, organisationID: organisation.id, recipient: recipient, referredOn: clock.today, note: note,
                                          referredBy: actor.user?.id)
        return try await commit(actor, .create, "discipline_referral", id: referral.id.uuidString, in: organisation,
                                "将 \(theCase.number) 移送\(recipient)") { tx, _ in
            try await tx.referrals.insert(referral)
            return (referral, [try referral.ledgerRecord()])
        }
    }
}

extension SupervisionUseCases {
    /// 移送待办 — a head's cases to refer, with their deadlines (SUP-9).
    func referralTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, user.has(.head), let home = actor.organisation else { return [] }
        let calendar = try await calendars.current()
        return try await referralObligations(in: [home], pendingOnly: true).map { obligation in
            StaffTask(title: "移送纪检监察：\(obligation.enforcementCase.number)", detail: "当事人为党员或公职人员，\(obligation.closedOn.iso) 结案",
                      due: obligation.dueOn, state: deadlineState(of: obligation.dueOn, calendar: calendar),
                      link: .referrals, rule: .sup9)
        }
    }
}
