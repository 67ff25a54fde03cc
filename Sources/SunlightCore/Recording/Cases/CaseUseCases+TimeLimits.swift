import Foundation

/// 办案期限的延长与扣除 — the clock of a case moves only by recorded, approved acts (REC-17;
/// 行政处罚法 第六十条, 行政许可法 第四十二条, 行政强制法 第二十五条): an officer asks, a head other
/// than the one who asked approves; an extension only before the deadline, one beyond the first
/// only after a recorded collective discussion; an excluded period names its kind and the record
/// that supports it, and never overlaps another.
extension CaseUseCases {
    /// Why a period does not count toward the decision clock (行政处罚法 第六十条 and the
    /// departments' procedure rules).
    public enum DeductionReason: String, Sendable, CaseIterable {
        case hearing, appraisal, testing, inspection, quarantine, notice

        public var chineseName: String {
            switch self {
            case .hearing: "听证"
            case .appraisal: "鉴定"
            case .testing: "检测"
            case .inspection: "检验"
            case .quarantine: "检疫"
            case .notice: "公告"
            }
        }
    }

    /// 申请延长办案期限 — an officer of the case (or a head) asks, with the days and the reason.
    public func requestExtension(case caseID: EnforcementCase.ID, days: Int, reason: String, by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .extend, by: actor)
        let reason = reason.trimmed
        guard (4...500).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明延长理由（4–500 字）", rule: .rec17) }
        guard days > 0 else { throw SunlightError.invalid("days", "延长天数应为正整数", rule: .rec17) }
        let snapshot = try await snapshot(of: theCase, in: store)
        try CaseTimeLimits.checkExtension(days: days, in: snapshot)
        try CaseTimeLimits.checkBeforeDeadline(snapshot, today: clock.today, calendar: try await calendars.current())
        return try await transition(theCase, in: organisation, kind: .extensionRequested, note: reason, data: ["days": String(days)], by: actor,
                                    summary: "申请延长办案期限 \(days) 日") { _ in }
    }

    /// 批准延长办案期限 — a head other than the requester approves a pending request, before the
    /// deadline; a second or later extension of a penalty case only with the heads' collective
    /// discussion recorded (participants, minutes, outcome “同意”).
    public func approveExtension(case caseID: EnforcementCase.ID, request requestID: UUID, discussion: CollectiveDiscussion? = nil,
                                 by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .approveExtension, by: actor)
        let snapshot = try await snapshot(of: theCase, in: store)
        guard let request = CaseTimeLimits.pending(.extensionRequested, in: snapshot.events).first(where: { $0.id == requestID }),
              let days = request.data["days"].flatMap(Int.init) else { throw SunlightError.notFound("待批准的延长申请") }
        try CaseTimeLimits.checkApprover(of: request, actor: actor)
        try CaseTimeLimits.checkExtension(days: days, in: snapshot)
        try CaseTimeLimits.checkBeforeDeadline(snapshot, today: clock.today, calendar: try await calendars.current())
        var data = ["days": String(days), "request": requestID.uuidString.lowercased()]
        if CaseTimeLimits.needsDiscussion(snapshot) {
            guard let discussion else {
                throw CaseRules.refuse(.rec17, "本案已延长过办案期限，再次延长须经机关负责人集体讨论决定，请记录讨论的参加人员、纪要和结论（行政处罚法第六十条）",
                                       code: "case.extension_discussion")
            }
            try CaseTimeLimits.check(discussion)
            data.merge(["participants": discussion.participants.joined(separator: "、"), "minutes": discussion.minutes,
                        "outcome": discussion.outcome.rawValue, "discussedOn": discussion.heldOn.iso]) { $1 }
        }
        return try await transition(theCase, in: organisation, kind: .extended, note: request.note, data: data, by: actor,
                                    summary: "批准延长办案期限 \(days) 日") { _ in }
    }

    /// 申请期限扣除 — an officer records a period (听证, 鉴定, 检测, 检验, 检疫, 公告) that does not
    /// count toward the decision clock, pointing at the case's record that supports it.
    public func requestDeduction(case caseID: EnforcementCase.ID, reason: DeductionReason, from: CivilDate, to: CivilDate, record: UUID,
                                 note: String?, by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .deduction, by: actor)
        guard from <= to else { throw SunlightError.invalid("to", "结束日期不能早于开始日期", rule: .rec17) }
        guard from >= theCase.openedOn, to <= clock.today else {
            throw SunlightError.invalid("from", "扣除的期间应在立案之后、今天以前（已经发生的期间）", rule: .rec17)
        }
        let snapshot = try await snapshot(of: theCase, in: store)
        guard snapshot.documents.contains(where: { $0.id == record && $0.status == .issued }) || snapshot.evidence.contains(where: { $0.id == record }) else {
            throw SunlightError.invalid("record", "请选择本案中证明该期间的文书或证据（如听证通知书、鉴定意见、公告）", rule: .rec17)
        }
        try CaseTimeLimits.checkNoOverlap(from: from, to: to, in: snapshot.events)
        return try await transition(theCase, in: organisation, kind: .deductionRequested, note: note?.trimmed.nilIfEmpty,
                                    data: ["reason": reason.rawValue, "from": from.iso, "to": to.iso, "record": record.uuidString.lowercased()],
                                    by: actor, summary: "申请扣除\(reason.chineseName)期间 \(from.iso)–\(to.iso)") { _ in }
    }

    /// 批准期限扣除 — a head other than the requester approves a pending request; only then does
    /// the period leave the decision clock.
    public func approveDeduction(case caseID: EnforcementCase.ID, request requestID: UUID, by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .approveDeduction, by: actor)
        let events = try await store.cases.events(of: caseID)
        guard let request = CaseTimeLimits.pending(.deductionRequested, in: events).first(where: { $0.id == requestID }),
              let from = request.data["from"].flatMap(CivilDate.init(iso:)), let to = request.data["to"].flatMap(CivilDate.init(iso:)) else {
            throw SunlightError.notFound("待批准的期限扣除申请")
        }
        try CaseTimeLimits.checkApprover(of: request, actor: actor)
        try CaseTimeLimits.checkNoOverlap(from: from, to: to, in: events.filter { $0.kind == .deduction })
        let reason = request.data["reason"].flatMap(DeductionReason.init(rawValue:))?.chineseName ?? ""
        return try await transition(theCase, in: organisation, kind: .deduction, note: request.note,
                                    data: request.data.merging(["request": requestID.uuidString.lowercased()]) { $1 }, by: actor,
                                    summary: "批准扣除\(reason)期间 \(from.iso)–\(to.iso)") { _ in }
    }
}
