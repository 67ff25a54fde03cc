import Foundation

/// 公开时限规定 — how long a category's decisions may wait before they are published, and
/// which are exempt (PUB-6: permits and penalties 7 working days, everything else 20; warnings
/// and simple-procedure decisions may be exempted — all configurable per jurisdiction).
public struct PublicationPolicy: Sendable, Equatable, Codable {
    public let category: EnforcementCategory
    public let workingDays: Int
    /// 仅警告的处罚免于公开.
    public let exemptWarnings: Bool
    /// 简易程序决定免于公开.
    public let exemptSimple: Bool

    public init(category: EnforcementCategory, workingDays: Int, exemptWarnings: Bool = false, exemptSimple: Bool = false) {
        self.category = category
        self.workingDays = workingDays
        self.exemptWarnings = exemptWarnings
        self.exemptSimple = exemptSimple
    }

    /// 国办发〔2018〕118号: 7 working days for permits and penalties, 20 for the rest.
    public static func standard(_ category: EnforcementCategory) -> PublicationPolicy {
        PublicationPolicy(category: category, workingDays: maximumWorkingDays(category))
    }

    /// The longest period local rules may set: 7 working days for 行政许可 and 行政处罚 decisions,
    /// 20 for the others (国办发〔2018〕118号).
    public static func maximumWorkingDays(_ category: EnforcementCategory) -> Int { [.permit, .penalty].contains(category) ? 7 : 20 }

    /// Checks an administrator's change.
    public func validated() throws -> PublicationPolicy {
        if [.permit, .penalty].contains(category), !(1...Self.maximumWorkingDays(category)).contains(workingDays) {
            throw SunlightError.invalid("workingDays", "\(category.chineseName)决定的公开期限应为 1–7 个工作日（国办发〔2018〕118号：行政许可、行政处罚的执法决定信息要在执法决定作出之日起 7 个工作日内公开）",
                                        rule: .pub6)
        }
        guard (1...Self.maximumWorkingDays(category)).contains(workingDays) else {
            throw SunlightError.invalid("workingDays", "公开期限应为 1–20 个工作日（国办发〔2018〕118号：其他决定不超过 20 个工作日）", rule: .pub6)
        }
        return self
    }

    /// Why a decision needs no publication under this policy, or `nil`.
    public func exemption(of document: CaseDocument, in theCase: EnforcementCase) -> String? {
        if exemptSimple, theCase.simple { return "简易程序作出的决定，依本级公开规定免于公开" }
        if exemptWarnings, document.type.isDecision, Self.isWarningOnly(document) { return "仅给予警告的处罚决定，依本级公开规定免于公开" }
        return nil
    }

    /// A penalty whose only content is a warning: no fine, and no other kind of penalty named (REC-15).
    static func isWarningOnly(_ document: CaseDocument) -> Bool {
        guard [.penaltyDecision, .simpleDecision].contains(document.type) else { return false }
        let terms = document.terms
        return (terms.fine ?? 0) == 0 && !terms.malformed.contains(.fine) && terms.penaltyKinds == [.warning]
    }

    /// The publication deadline: `workingDays` working days from the day after the decision (CAL-2);
    /// provisional where the year's holiday notice is not loaded (CAL-4). A period stored before the
    /// 7-day ceiling was enforced counts as the ceiling.
    public func dueDate(decidedOn: CivilDate, calendar: WorkingDayCalendar) throws -> CivilDate {
        try calendar.due(from: decidedOn, .workingDays(min(workingDays, Self.maximumWorkingDays(category)))).date
    }
}

/// Which decisions are published at all: the four decision documents and seizure decisions
/// (行政强制, published in the 20-day minimum form).
extension DocumentType {
    public var isPublishedDecision: Bool { isDecision || self == .seizureDecision }
}
