import Foundation

/// 首违不罚的既往处罚比对 — the party's earlier penalties in the organisation, matched on the
/// keyed digest of its ID number or credit code (``PartyLookup``), never on the number itself.
/// A 不予行政处罚决定书 citing 首次违法 is refused when one of them punished the same item and
/// was decided within the limitation period (REC-15, 行政处罚法 第三十三条、第三十六条).
public struct PartyHistory: Sendable, Equatable {
    /// 既往处罚 — one issued penalty decision of an earlier case of the same party.
    public struct EarlierPenalty: Sendable, Equatable {
        public let caseID: EnforcementCase.ID
        public let caseNumber: String
        public let decisionNumber: String?
        public let decidedOn: CivilDate
        public let itemEntryID: UUID?
        public let penaltyKinds: [PenaltyKind]
        /// Same item, decided within the limitation period: 首违不罚 does not apply.
        public let bars: Bool

        public init(caseID: EnforcementCase.ID, caseNumber: String, decisionNumber: String?, decidedOn: CivilDate, itemEntryID: UUID?,
                    penaltyKinds: [PenaltyKind], bars: Bool) {
            self.caseID = caseID
            self.caseNumber = caseNumber
            self.decisionNumber = decisionNumber
            self.decidedOn = decidedOn
            self.itemEntryID = itemEntryID
            self.penaltyKinds = penaltyKinds
            self.bars = bars
        }

        public var penaltyNames: String { penaltyKinds.map(\.chineseName).joined(separator: "、") }
    }

    /// Newest first.
    public let earlier: [EarlierPenalty]
    /// Parties of this case without a 比对摘要 (no number given, or registered before matching began).
    public let unmatched: Int
    /// Years of the limitation period that applies to this case (2, or 5 where safety is endangered).
    public let years: Int

    public init(earlier: [EarlierPenalty], unmatched: Int, years: Int) {
        self.earlier = earlier
        self.unmatched = unmatched
        self.years = years
    }

    /// What a page says when some party cannot be matched.
    public var unmatchedNote: String? {
        unmatched == 0 ? nil : "本案有 \(unmatched) 名当事人未登记证件号码，或登记于启用当事人比对之前，无法比对其既往处罚"
    }

    /// The earlier penalties that bar 首违不罚.
    public var barring: [EarlierPenalty] { earlier.filter(\.bars) }

    /// The first day of the limitation period counted back from `reference` (the violation,
    /// else the opening): `years` before it (行政处罚法 第三十六条).
    public static func periodStart(_ reference: CivilDate, years: Int) -> CivilDate {
        CivilDate(year: reference.year - years, month: reference.month, day: reference.day)
            ?? CivilDate(year: reference.year - years, month: reference.month, day: 28)!
    }

    /// The history of `theCase`'s parties from the organisation's issued penalty decisions of
    /// the other cases sharing a party digest, up to `today`.
    public static func of(_ theCase: EnforcementCase, parties: Int, digests: Int, earlierCases: [EnforcementCase],
                          decisions: [CaseDocument], today: CivilDate) -> PartyHistory {
        let years = theCase.endangersSafety ? 5 : 2
        let start = periodStart(theCase.violationOn ?? theCase.openedOn, years: years)
        let cases = Dictionary(earlierCases.filter { $0.id != theCase.id && $0.organisationID == theCase.organisationID }.map { ($0.id, $0) },
                               uniquingKeysWith: { a, _ in a })
        let earlier: [EarlierPenalty] = decisions.compactMap { document in
            guard [.penaltyDecision, .simpleDecision].contains(document.type), document.status == .issued,
                  let decidedOn = document.issuedOn, decidedOn <= today, let earlierCase = cases[document.caseID] else { return nil }
            let sameItem = earlierCase.itemEntryID != nil && earlierCase.itemEntryID == theCase.itemEntryID
            return EarlierPenalty(caseID: earlierCase.id, caseNumber: earlierCase.number, decisionNumber: document.number, decidedOn: decidedOn,
                                  itemEntryID: earlierCase.itemEntryID, penaltyKinds: PenaltyKind.allCases.filter(document.terms.penaltyKinds.contains),
                                  bars: sameItem && decidedOn >= start)
        }.sorted { ($0.decidedOn, $0.caseNumber) > ($1.decidedOn, $1.caseNumber) }
        return PartyHistory(earlier: earlier, unmatched: max(0, parties - digests), years: years)
    }

    /// Refuses a 不予行政处罚决定书 that rests on 首次违法 when an earlier penalty bars it.
    public func check(_ document: CaseDocument) throws {
        guard document.type == .noPenaltyDecision, document.terms.firstOffence, !barring.isEmpty else { return }
        let cases = barring.map { "\($0.caseNumber)（\($0.decidedOn.chinese)决定）" }.joined(separator: "、")
        throw CaseRules.refuse(.rec15, "当事人在 \(years) 年追责时效内已因同一违法事项受过本机关行政处罚（\(cases)），不属于首次违法，"
                               + "不得适用首违不罚（《中华人民共和国行政处罚法》第三十三条、第三十六条）", code: "case.first_offence_history")
    }
}
