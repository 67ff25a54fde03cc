/// 期限变动规则 — the rules a request to move a case's clock must meet (REC-17), as pure
/// functions that the use cases and the page's permissions share.
public enum CaseTimeLimits {
    /// Requests of `kind` (extension or deduction) that no approval answers yet, oldest first.
    public static func pending(_ kind: CaseEvent.Kind, in events: [CaseEvent]) -> [CaseEvent] {
        let approval: CaseEvent.Kind = kind == .extensionRequested ? .extended : .deduction
        let answered = Set(events.filter { $0.kind == approval }.compactMap { $0.data["request"] })
        return events.filter { $0.kind == kind && !answered.contains($0.id.uuidString.lowercased()) }
    }

    /// The approver is never the requester (REC-17).
    static func checkApprover(of request: CaseEvent, actor: Actor) throws {
        guard request.by != actor.user?.id else {
            throw CaseRules.refuse(.rec17, "期限的延长和扣除须由申请人以外的负责人批准", code: "case.self_approval")
        }
    }

    /// The statutory bounds of an extension: a penalty's first by up to 30 days; a permit by 10
    /// working days in all (行政许可法 第四十二条); a seizure by 30 days in all (行政强制法 第二十五条).
    static func checkExtension(days: Int, in snapshot: CaseSnapshot) throws {
        let theCase = snapshot.enforcementCase
        let already = snapshot.extendedDays
        switch theCase.category {
        case .penalty where !theCase.simple:
            guard days <= 30 else {
                throw CaseRules.refuse(.rec17, "每次延长不超过 30 日（行政处罚法第六十条）", code: "case.extension_limit")
            }
        case .permit:
            guard already + days <= 10 else {
                throw CaseRules.refuse(.rec17, "行政许可期限经批准只能延长 10 个工作日，已延长 \(already) 日（行政许可法第四十二条）", code: "case.extension_limit")
            }
        case .coercion:
            guard already + days <= 30 else {
                throw CaseRules.refuse(.rec17, "查封、扣押期限经批准只能延长 30 日，已延长 \(already) 日（行政强制法第二十五条）", code: "case.extension_limit")
            }
        default:
            throw CaseRules.refuse(.rec17, "本类案件没有可延长的法定期限", code: "case.extension_limit")
        }
    }

    /// A penalty case already extended once needs the heads' collective discussion to be extended again.
    static func needsDiscussion(_ snapshot: CaseSnapshot) -> Bool {
        snapshot.enforcementCase.category == .penalty && snapshot.has(.extended)
    }

    /// A recorded collective discussion: three participants or more, minutes, and agreement.
    static func check(_ discussion: CollectiveDiscussion) throws {
        let participants = discussion.participants.map(\.trimmed).filter { !$0.isEmpty }
        guard participants.count >= 3 else {
            throw SunlightError.invalid("participants", "集体讨论应有三名以上机关负责人参加，请逐一填写", rule: .rec17)
        }
        guard (4...8000).contains(discussion.minutes.trimmed.count) else {
            throw SunlightError.invalid("minutes", "请记录讨论纪要（4–8000 字）", rule: .rec17)
        }
        guard discussion.outcome == .agree else {
            throw CaseRules.refuse(.rec17, "集体讨论未同意延长，不能批准", code: "case.extension_discussion")
        }
    }

    /// An extension is granted only while the clock it extends is still running: not after its deadline.
    static func checkBeforeDeadline(_ snapshot: CaseSnapshot, today: CivilDate, calendar: WorkingDayCalendar) throws {
        let kind = snapshot.enforcementCase.category == .coercion ? "seizure" : "decision"
        guard let clock = try CaseClocks.clocks(for: snapshot, today: today, calendar: calendar).first(where: { $0.kind == kind }),
              let due = clock.due else { return }
        guard today <= due else {
            throw CaseRules.refuse(.rec17, "\(clock.title)的期限已于 \(due.iso) 届满，届满后不能再延长（行政处罚法第六十条）", code: "case.extension_late")
        }
    }

    /// Excluded periods never overlap one another: those approved and those still asked for.
    static func checkNoOverlap(from: CivilDate, to: CivilDate, in events: [CaseEvent]) throws {
        for other in events.filter({ $0.kind == .deduction }) + pending(.deductionRequested, in: events) {
            guard let start = other.data["from"].flatMap(CivilDate.init(iso:)), let end = other.data["to"].flatMap(CivilDate.init(iso:)) else { continue }
            if from <= end && start <= to {
                throw CaseRules.refuse(.rec17, "与已登记的扣除期间 \(start.iso)–\(end.iso) 重叠：同一期间不能重复扣除", code: "case.deduction_overlap")
            }
        }
    }
}
