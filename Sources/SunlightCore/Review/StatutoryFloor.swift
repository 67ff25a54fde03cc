import Foundation

/// 法定审核情形 — the floor of every catalogue (REV-10): the four situations of 行政处罚法
/// 第五十八条第一款, which an organisation may widen but never remove or narrow. A version is
/// refused without them, and a version stored before the floor existed is evaluated with them
/// added, so no catalogue can empty the review gate.
extension MajorDecisionCatalogue {
    public static let statutoryFloor: [MajorDecisionRule] = [
        MajorDecisionRule(code: "R1", title: "涉及重大公共利益的",
                          source: "《中华人民共和国行政处罚法》第五十八条第一款第（一）项", factors: [.publicInterest]),
        MajorDecisionRule(code: "R2", title: "直接关系当事人或者第三人重大权益，经过听证程序的",
                          source: "《中华人民共和国行政处罚法》第五十八条第一款第（二）项", hearingHeld: true),
        // 情节复杂 is decided by the heads collectively (第五十七条第二款).
        MajorDecisionRule(code: "R3", title: "案件情况疑难复杂、涉及多个法律关系的",
                          source: "《中华人民共和国行政处罚法》第五十八条第一款第（三）项", factors: [.complex], collectiveDiscussion: true),
        MajorDecisionRule(code: "R4", title: "法律、法规规定应当进行法制审核的其他情形",
                          source: "《中华人民共和国行政处罚法》第五十八条第一款第（四）项", factors: [.requiredByLaw]),
    ]

    /// The rules the version applies: its own, and every statutory rule none of them covers.
    public var effectiveRules: [MajorDecisionRule] {
        rules + Self.statutoryFloor.filter { floor in !rules.contains { $0.covers(floor) } }
    }

    /// Whether a rule of this version is one of the statutory situations (shown as such; it cannot be removed).
    public func isStatutory(_ rule: MajorDecisionRule) -> Bool {
        Self.statutoryFloor.contains { rule.covers($0) }
    }

    /// Refuses a version that drops or narrows a situation of 第五十八条 (REV-10).
    public func validateFloor() throws {
        for floor in Self.statutoryFloor where !rules.contains(where: { $0.covers(floor) }) {
            throw SunlightError.invalid("rules", "不得删除或限缩法定的法制审核情形“\(floor.title)”（\(floor.source)）：请保留该规则，"
                                        + "且不增加其他条件\(floor.collectiveDiscussion ? "、保留集体讨论" : "")", rule: .rev10)
        }
    }
}

extension MajorDecisionRule {
    /// Whether this rule matches every decision `other` matches — it sets no condition `other`
    /// does not set at least as narrowly — and asks for collective discussion wherever `other` does.
    public func covers(_ other: MajorDecisionRule) -> Bool {
        func within<T: Hashable>(_ mine: [T], _ theirs: [T]) -> Bool { mine.isEmpty || (!theirs.isEmpty && Set(theirs).isSubset(of: mine)) }
        guard within(categories, other.categories), within(itemEntryIDs, other.itemEntryIDs), within(fields, other.fields),
              within(levels, other.levels) else { return false }
        if minAmountPerson != nil || minAmountOrganisation != nil {
            // A threshold of its own: `other` must have one too, and each of ours no higher.
            guard other.minAmountPerson != nil || other.minAmountOrganisation != nil else { return false }
            for (mine, theirs) in [(minAmountPerson, other.minAmountPerson), (minAmountOrganisation, other.minAmountOrganisation)] {
                guard let theirs else { continue }
                guard let mine, mine <= theirs else { return false }
            }
        }
        if hearingHeld, !other.hearingHeld { return false }
        guard Set(factors).isSubset(of: other.factors) else { return false }
        return collectiveDiscussion || !other.collectiveDiscussion
    }
}
