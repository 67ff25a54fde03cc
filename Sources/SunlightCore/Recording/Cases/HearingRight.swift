/// 听证权利 — when a notice must tell the party it may ask for a hearing (REC-15;
/// 《中华人民共和国行政处罚法》第六十三条): 较大数额罚款, 没收较大数额违法所得或较大价值非法财物,
/// 降低资质等级, 吊销许可证件, 责令停产停业, 责令关闭, 限制从业, and the kinds local rules call
/// 较重. What counts as 较大数额 is set by each province; the thresholds are the installation's.
public struct HearingPolicy: Sendable, Equatable {
    /// 较大数额 for a citizen, in yuan (default 10,000).
    public var personThreshold: Int
    /// 较大数额 for a legal person or other organisation, in yuan (default 100,000).
    public var organisationThreshold: Int
    /// Further kinds the administrator marks as 其他较重的行政处罚 (art. 63 item 5).
    public var heavierKinds: Set<PenaltyKind>

    public init(personThreshold: Int = 10_000, organisationThreshold: Int = 100_000, heavierKinds: Set<PenaltyKind> = []) {
        self.personThreshold = personThreshold
        self.organisationThreshold = organisationThreshold
        self.heavierKinds = heavierKinds
    }

    /// Why the proposed penalty carries the hearing right, in the law's words; empty when it does not.
    /// With a citizen among the parties, the citizen's (lower) threshold applies.
    public func reasons(for terms: DocumentTerms, parties: [CaseParty]) -> [String] {
        let person = parties.isEmpty || parties.contains { $0.kind == .person }
        let threshold = person ? personThreshold : organisationThreshold
        let whom = person ? "对公民" : "对法人或者其他组织"
        var reasons: [String] = []
        if let fine = terms.fine, fine >= threshold {
            reasons.append("拟罚款 \(fine) 元，属较大数额罚款（\(whom) \(threshold) 元以上）")
        }
        if let value = terms.confiscated, value >= threshold {
            reasons.append("拟没收 \(value) 元，属没收较大数额违法所得或较大价值非法财物（\(whom) \(threshold) 元以上）")
        }
        for kind in PenaltyKind.allCases where terms.penaltyKinds.contains(kind) && (kind.alwaysHeard || heavierKinds.contains(kind)) {
            reasons.append("拟\(kind.chineseName)")
        }
        return reasons
    }
}

extension CaseRules {
    /// A notice whose proposed penalty carries the hearing right must offer it (REC-15, art. 63).
    public static func checkHearingRight(of notice: CaseDocument, in snapshot: CaseSnapshot, policy: HearingPolicy) throws {
        guard notice.type == .penaltyNotice, !notice.terms.hearingOffered else { return }
        let reasons = policy.reasons(for: notice.terms, parties: snapshot.parties)
        guard reasons.isEmpty else {
            throw refuse(.rec15, "依据《中华人民共和国行政处罚法》第六十三条，\(reasons.joined(separator: "；"))的，应当告知当事人有权要求听证：请在告知书中告知听证权利",
                         code: "case.hearing_right")
        }
    }

    /// What makes `decision` heavier than the `notice` (行政处罚法 第四十五条): a kind of penalty the
    /// notice did not propose, or a larger fine or confiscation; `nil` when it is not heavier.
    public static func heavier(_ decision: DocumentTerms, than notice: DocumentTerms) -> String? {
        let added = decision.penaltyKinds.subtracting(notice.penaltyKinds)
        if let kind = PenaltyKind.allCases.first(where: added.contains) {
            return "决定增加了事先告知书未告知的“\(kind.chineseName)”"
        }
        if let fine = decision.fine, fine > (notice.fine ?? 0) {
            return "决定的罚款（\(fine) 元）多于事先告知的（\(notice.fine ?? 0) 元）"
        }
        if let value = decision.confiscated, value > (notice.confiscated ?? 0) {
            return "决定没收的价值（\(value) 元）多于事先告知的（\(notice.confiscated ?? 0) 元）"
        }
        return nil
    }
}
