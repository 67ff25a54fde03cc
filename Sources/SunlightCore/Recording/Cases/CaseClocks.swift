import Foundation

/// 法定期限 — one statutory clock of a case (REC-13), on the working-day calendar.
public struct CaseClock: Sendable, Equatable {
    public let kind: String
    /// What must happen by when, in Chinese.
    public let title: String
    /// Always a date: where it runs through a year whose holiday notice is not loaded it is
    /// provisional, the earliest it can be (CAL-4).
    public let due: CivilDate?
    public let state: DeadlineState?
    public let rule: RuleID
    /// How the date was reached, for people checking it.
    public let basis: String
    /// 暂定 and why, when the date is provisional (CAL-4).
    public let problem: String?

    /// The date is provisional: a year it runs through has no loaded holiday notice (CAL-4).
    public var provisional: Bool { problem != nil }
}

/// 法定期限 — the clocks a case runs on (REC-13): decide within 90 calendar days of opening
/// (configurable per item) less excluded periods (suspension, hearing, appraisal, public
/// notice) and plus approved extensions; deliver within 7 working days; permits within 20
/// working days (+10); seizure 30 days (+30); evidence preserved 7 working days; payment 15
/// days, then a surcharge of 3% a day capped at the fine.
public enum CaseClocks {
    public static func clocks(for snapshot: CaseSnapshot, today: CivilDate, calendar: WorkingDayCalendar,
                              dueSoonMargin: Int = 1) throws -> [CaseClock] {
        let theCase = snapshot.enforcementCase
        var clocks: [CaseClock] = []
        func add(_ kind: String, _ title: String, from start: CivilDate, _ period: Period, _ rule: RuleID, _ basis: String) throws {
            let due = try calendar.due(from: start, period)
            let state = calendar.provisionalState(of: due.date, on: today, dueSoonMargin: dueSoonMargin)
            clocks.append(CaseClock(kind: kind, title: title, due: due.date, state: state, rule: rule, basis: basis, problem: due.provisionalNote))
        }
        // A seizure's clock runs until it is released, whatever the case's status (REC-16).
        for seizure in snapshot.activeSeizures {
            let total = seizure.days + seizure.extendedDays
            try add("seizure", "查封、扣押期限届满，作出处理决定\(seizure.decision.number.map { "（\($0)）" } ?? "")", from: seizure.seizedOn,
                    .calendarDays(total), .rec16, "\(seizure.seizedOn.iso) 起 \(seizure.days) 日"
                    + (seizure.extendedDays > 0 ? "，经批准延长 \(seizure.extendedDays) 日" : "") + "（行政强制法第二十五条）")
        }
        guard theCase.status == .open || theCase.status == .suspended else { return clocks }
        let decided = snapshot.decision

        switch theCase.category {
        case .penalty where decided == nil && !theCase.simple:
            let excluded = excludedDays(snapshot, today: today)
            let extended = snapshot.extendedDays
            let total = theCase.decisionDays + excluded + extended
            try add("decision", "作出处罚决定", from: theCase.openedOn, .calendarDays(total), .rec13,
                    "立案 \(theCase.openedOn.iso) 起 \(theCase.decisionDays) 日" + (excluded > 0 ? "，扣除 \(excluded) 日" : "") + (extended > 0 ? "，延长 \(extended) 日" : ""))
        case .permit where decided == nil:
            if let accepted = snapshot.events.first(where: { $0.kind == .stageCompleted && $0.stage == "acceptance" })?.on {
                let extended = snapshot.extendedDays
                try add("decision", "作出许可决定", from: accepted, .workingDays(20 + min(extended, 10)), .rec13,
                        "受理 \(accepted.iso) 起 20 个工作日" + (extended > 0 ? "，经批准延长 \(min(extended, 10)) 个工作日" : "") + "（行政许可法第四十二条）")
            }
        default:
            break
        }
        // Only the decision's own receipt meets the delivery clock and starts the payment clock (REC-14).
        let decisionServed = decided.flatMap(snapshot.servedOn)
        if let decision = decided, let issued = decision.issuedOn, decisionServed == nil {
            try add("delivery", "送达\(decision.type.chineseName)", from: issued, .workingDays(7), .rec13,
                    "决定 \(issued.iso) 起 7 个工作日（行政处罚法第六十一条）")
        }
        if let fine = CaseRules.decidedFine(snapshot), fine > 0, let delivered = decisionServed, !snapshot.has(.paid) {
            try add("payment", "缴纳罚款 \(fine) 元", from: delivered, .calendarDays(15), .rec13,
                    "决定书 \(delivered.iso) 送达起 15 日（行政处罚法第六十七条）")
        }
        let handled = Set(snapshot.events.filter { $0.kind == .preservationHandled }.compactMap { $0.data["preservation"] })
        for preserved in snapshot.events where preserved.kind == .preserved && !handled.contains(preserved.id.uuidString.lowercased()) {
            try add("preservation", "先行登记保存的证据作出处理决定", from: preserved.on, .workingDays(7), .rec13,
                    "\(preserved.on.iso) 起 7 个工作日（行政处罚法第五十六条）")
        }
        return clocks
    }

    /// Days excluded from the decision clock: suspensions (中止 to 恢复) and deductions
    /// (听证、鉴定、公告 periods recorded with their dates).
    static func excludedDays(_ snapshot: CaseSnapshot, today: CivilDate) -> Int {
        var days = 0
        var suspendedOn: CivilDate?
        for event in snapshot.events {
            switch event.kind {
            case .suspended: suspendedOn = event.on
            case .resumed:
                if let from = suspendedOn { days += from.days(until: event.on) }
                suspendedOn = nil
            case .deduction:
                if let from = event.data["from"].flatMap(CivilDate.init(iso:)), let to = event.data["to"].flatMap(CivilDate.init(iso:)), from <= to {
                    days += from.days(until: to) + 1
                }
            default: break
            }
        }
        if let from = suspendedOn { days += from.days(until: today) }
        return days
    }

    /// 加处罚款 (行政处罚法 第七十二条): 3% of the fine for each day late, never more than the fine.
    public static func lateSurcharge(fine: Int, due: CivilDate, paidOn: CivilDate) -> Int {
        guard paidOn > due, fine > 0 else { return 0 }
        let daysLate = due.days(until: paidOn)
        return min(fine, fine * 3 * daysLate / 100)
    }
}
