import Foundation

/// What a stage's gates look at: the case as it stands, with everything recorded so far.
public struct CaseSnapshot: Sendable {
    public let enforcementCase: EnforcementCase
    public let parties: [CaseParty]
    public let events: [CaseEvent]
    public let documents: [CaseDocument]
    public let evidence: [CaseEvidence]
    /// The kind of each evidence file attached, by file ID.
    public let fileKinds: [EvidenceFile.ID: EvidenceFile.Kind]
    public let officers: [OfficerQualification]
    /// Stages on the organisation's 音像记录事项清单 (REC-3).
    public let audioVideoStages: Set<String>
    /// The catalogue makes the decision major, or review was asked for (REV-2): the case goes
    /// through 法制审核.
    public let reviewNeeded: Bool

    public init(enforcementCase: EnforcementCase, parties: [CaseParty], events: [CaseEvent], documents: [CaseDocument],
                evidence: [CaseEvidence], fileKinds: [EvidenceFile.ID: EvidenceFile.Kind], officers: [OfficerQualification],
                audioVideoStages: Set<String>, reviewNeeded: Bool = false) {
        self.enforcementCase = enforcementCase
        self.parties = parties
        self.events = events
        self.documents = documents
        self.evidence = evidence
        self.fileKinds = fileKinds
        self.officers = officers
        self.audioVideoStages = audioVideoStages
        self.reviewNeeded = reviewNeeded
    }

    public func issued(_ type: DocumentType) -> [CaseDocument] {
        documents.filter { $0.type == type && $0.status == .issued }.sorted { ($0.issuedOn ?? .init(dayNumber: 0)) < ($1.issuedOn ?? .init(dayNumber: 0)) }
    }

    public func has(_ kind: CaseEvent.Kind, stage: String? = nil) -> Bool {
        events.contains { $0.kind == kind && (stage == nil || $0.stage == stage) }
    }

    public func last(_ kind: CaseEvent.Kind) -> CaseEvent? { events.last { $0.kind == kind } }
}

/// 执法程序规则 — the gates of the case procedure, as pure functions (REC-1, REC-3, REC-7,
/// REC-13, STD-3, STD-4). Each refusal names its rule.
public enum CaseRules {
    static func refuse(_ rule: RuleID, _ message: String, code: String = "case.gate") -> SunlightError {
        SunlightError(.ruleViolation, code: code, message, rule: rule)
    }

    /// 追责时效 (行政处罚法 第三十六条): two years from the violation (or its end), five where life,
    /// health or financial safety is endangered.
    public static func checkLimitation(violationOn: CivilDate?, endangersSafety: Bool, openingOn: CivilDate) throws {
        guard let violationOn else { return }
        guard violationOn <= openingOn else { throw SunlightError.invalid("violationOn", "违法行为发生日期不能晚于立案日期", rule: .std3) }
        let years = endangersSafety ? 5 : 2
        let limit = CivilDate(year: violationOn.year + years, month: violationOn.month, day: violationOn.day)
            ?? CivilDate(year: violationOn.year + years, month: violationOn.month, day: 28)!
        guard openingOn <= limit else {
            throw refuse(.std3, "违法行为发生于 \(violationOn.chinese)，已超过 \(years) 年追责时效（至 \(limit.chinese)），不得立案处罚（行政处罚法第三十六条）",
                         code: "case.limitation")
        }
    }

    /// The stage after `stage`: optional stages only when the case needs them (a hearing when
    /// the party asked for one; legal review is filled in by the review capability).
    public static func nextStage(after stage: String, in snapshot: CaseSnapshot) -> ProcedureStage? {
        let stages = snapshot.enforcementCase.stages
        guard let index = stages.firstIndex(where: { $0.code == stage }) else { return nil }
        return stages[(index + 1)...].first { candidate in
            guard candidate.optional else { return true }
            switch candidate.code {
            case "hearing": return snapshot.has(.hearingRequested)
            case "review": return snapshot.reviewNeeded
            default: return false
            }
        }
    }

    /// Throws unless the current stage may be completed now (REC-1, REC-2, REC-3, REC-7, REC-13).
    public static func checkCompletion(of stage: ProcedureStage, in snapshot: CaseSnapshot, today: CivilDate,
                                       calendar: WorkingDayCalendar) throws {
        let theCase = snapshot.enforcementCase
        guard theCase.status == .open || (theCase.status == .closed && stage.code == "archiving") else {
            throw refuse(.rec1, "案件处于“\(theCase.status.chineseName)”状态，不能推进环节", code: "case.not_open")
        }
        guard theCase.stage == stage.code else {
            throw refuse(.rec1, "当前环节是“\(theCase.currentStage?.name ?? theCase.stage)”，不能越过它办理“\(stage.name)”", code: "case.order")
        }
        if ["release", "closing"].contains(stage.code) { try checkNoActiveSeizure(snapshot, to: "完成“\(stage.name)”环节") }
        for type in stage.documents where snapshot.issued(type).isEmpty {
            // Any decision ends the decision stage: 不予处罚 as well as 处罚.
            if type.isDecision, snapshot.documents.contains(where: { $0.type.isDecision && $0.status == .issued }) { continue }
            throw refuse(.rec2, "“\(stage.name)”环节须先出具\(type.chineseName)", code: "case.document_missing")
        }
        if stage.onSite { try checkOfficers(snapshot, today: today) }
        if snapshot.audioVideoStages.contains(stage.code) {
            let recorded = snapshot.evidence.contains { evidence in
                evidence.stage == stage.code && evidence.fileID.flatMap { snapshot.fileKinds[$0] }.map { [.video, .audio, .photo].contains($0) } == true
            }
            guard recorded || snapshot.has(.audioVideoExemptionApproved, stage: stage.code) else {
                throw refuse(.rec3, "“\(stage.name)”在音像记录事项清单内，须有音像记录，或经负责人批准的不记录理由", code: "case.audio_video_missing")
            }
        }
        if theCase.category == .penalty, !theCase.simple {
            if stage.code == "notice" { try checkNoticePeriod(snapshot, today: today, calendar: calendar) }
            if stage.code == "decision" { try checkDecisionTiming(snapshot, today: today, calendar: calendar) }
        }
        if stage.documents.contains(.deliveryReceipt), let decision = snapshot.decision, snapshot.servedOn(decision) == nil {
            throw refuse(.rec14, "“\(stage.name)”环节须有\(decision.type.chineseName)的送达回证：其他文书的送达不能代替决定书的送达（行政处罚法第六十一条）",
                         code: "case.decision_not_served")
        }
        if stage.code == "hearing" {
            guard let notice = snapshot.issued(.hearingNotice).last, let date = notice.terms.date, date <= today else {
                throw refuse(.rec13, "听证尚未举行，不能完成听证环节", code: "case.hearing_pending")
            }
        }
        if stage.code == "execution", theCase.category == .penalty {
            let fine = decidedFine(snapshot) ?? 0
            guard fine == 0 || snapshot.has(.paid) || snapshot.has(.terminated) else {
                throw refuse(.rec1, "罚款尚未缴纳；执行完毕或依法终结后才能结案", code: "case.not_executed")
            }
        }
    }

    /// On-site actions: at least two officers with valid certificates of the case's category (REC-7).
    public static func checkOfficers(_ snapshot: CaseSnapshot, today: CivilDate) throws {
        let category = snapshot.enforcementCase.category
        let qualified = snapshot.officers.filter { $0.isAssignable(to: category, on: today) }
        guard qualified.count >= 2 else {
            throw refuse(.rec7, "现场执法须有两名以上持有效执法证件（含“\(category.chineseName)”类别）的执法人员，本案目前只有 \(qualified.count) 名",
                         code: "case.officers")
        }
    }

    /// 事先告知后的期间 (行政处罚法 第四十四、六十三、六十四条): no decision until the party's
    /// time to state its case (3 working days) or to ask for a hearing (5 working days, where art. 63
    /// applies) has run; when a hearing was asked for, not before the hearing has been held.
    public static func checkDecisionTiming(_ snapshot: CaseSnapshot, today: CivilDate, calendar: WorkingDayCalendar) throws {
        try checkNoticePeriod(snapshot, today: today, calendar: calendar)
        if snapshot.has(.hearingRequested), snapshot.issued(.hearingRecord).isEmpty {
            throw refuse(.rec13, "当事人已要求听证，听证结束前不得作出决定（行政处罚法第六十四条）", code: "case.hearing_pending")
        }
    }

    /// The last day on which the party may answer the notice: 5 working days to ask for a
    /// hearing where art. 63 applies, else 3 working days to state its case — counted from the
    /// day the notice was served on the party (REC-14), not the day it was issued.
    public static func responseWindow(of notice: CaseDocument, servedOn: CivilDate, calendar: WorkingDayCalendar) throws -> CivilDate {
        try calendar.dueDate(from: servedOn, .workingDays(notice.terms.hearingOffered ? 5 : 3))
    }

    /// The notice has been served and the party's time to answer it has run (or the party answered).
    public static func checkNoticePeriod(_ snapshot: CaseSnapshot, today: CivilDate, calendar: WorkingDayCalendar) throws {
        guard let notice = snapshot.issued(.penaltyNotice).last else {
            throw refuse(.rec13, "未经事先告知不得作出行政处罚决定（行政处罚法第四十四条）", code: "case.no_notice")
        }
        guard let served = snapshot.servedOn(notice), served <= today else {
            throw refuse(.rec14, "事先告知书尚未送达当事人：陈述、申辩和要求听证的期限自送达之日起计算，送达并期满前不得作出决定（行政处罚法第四十四条、第六十四条）",
                         code: "case.notice_not_served")
        }
        let hearingRight = notice.terms.hearingOffered
        let window = try responseWindow(of: notice, servedOn: served, calendar: calendar)
        let answered = snapshot.has(.hearingWaived) || snapshot.has(.hearingRequested) || (!hearingRight && snapshot.has(.statementReceived))
        if today <= window && !answered {
            throw refuse(.rec13, "事先告知书于 \(served.iso) 送达，当事人\(hearingRight ? "要求听证" : "陈述申辩")的期限至 \(window.iso) 届满，期满前不得作出决定",
                         code: "case.notice_period")
        }
    }

    /// A hearing notice must reach the party at least seven working days before the hearing (art. 64).
    public static func checkHearingDate(_ hearing: CivilDate, noticeIssuedOn: CivilDate, calendar: WorkingDayCalendar) throws {
        let earliest = try calendar.dueDate(from: noticeIssuedOn, .workingDays(7))
        guard hearing >= earliest else {
            throw refuse(.rec13, "听证通知应在听证的七个工作日前送达：\(noticeIssuedOn.iso) 通知，听证最早为 \(earliest.iso)（行政处罚法第六十四条）",
                         code: "case.hearing_notice")
        }
    }

    /// The fine of the issued decision, in yuan.
    public static func decidedFine(_ snapshot: CaseSnapshot) -> Int? { decidedFine(snapshot.documents) }

    /// The fine of the case's issued decision, if any.
    public static func decidedFine(_ documents: [CaseDocument]) -> Int? {
        documents.last { $0.type.isDecision && $0.status == .issued }?.terms.fine
    }

    /// Checks a decision before it is signed: not heavier than notified because the party
    /// defended itself (art. 45), within the simple procedure's limits (STD-4), within the
    /// discretion benchmark or with a written reason (STD-3), and 首违不罚's three conditions (art. 33).
    /// Returns whether the fine departs from the benchmark (to be flagged to legal review).
    public static func checkDecision(_ document: CaseDocument, in snapshot: CaseSnapshot, benchmarks: [DiscretionBenchmark]) throws -> Bool {
        let terms = document.terms
        let fine = terms.fine
        if terms.malformed.contains(.fine) {
            throw SunlightError.invalid(DocumentField.fine.rawValue, "罚款金额应为不小于 0 的整数（元）", rule: .rec13)
        }
        if let problem = terms.problems(in: document.type).first {
            throw SunlightError.invalid(problem.key, "\(document.type.chineseName)：\(problem)", rule: .rec6)
        }
        switch document.type {
        case .penaltyDecision:
            if let notice = snapshot.issued(.penaltyNotice).last, let heavier = heavier(terms, than: notice.terms) {
                throw refuse(.rec15, "\(heavier)，重于事先告知的处罚；不得因当事人陈述申辩而加重处罚，确需加重的应重新告知（行政处罚法第四十五条）",
                             code: "case.heavier_than_notice")
            }
        case .simpleDecision:
            if let kind = PenaltyKind.allCases.first(where: { terms.penaltyKinds.contains($0) && !$0.allowedOnTheSpot }) {
                throw refuse(.std4, "简易程序只能当场给予警告、通报批评或者较小数额的罚款，“\(kind.chineseName)”应适用普通程序（行政处罚法第五十一条）",
                             code: "case.simple_kind")
            }
            let person = snapshot.parties.contains { $0.kind == .person }
            let limit = person ? 200 : 3000
            if let fine, fine > limit {
                throw refuse(.std4, "简易程序只能当场处以警告或对\(person ? "公民 200" : "法人或其他组织 3000")元以下罚款，本决定为 \(fine) 元，应适用普通程序",
                             code: "case.simple_limit")
            }
        case .noPenaltyDecision:
            for (met, label) in [(terms.firstOffence, "首次违法"), (terms.minorHarm, "危害后果轻微"), (terms.corrected, "及时改正")] where !met {
                throw refuse(.std3, "首违不罚须同时满足首次违法、危害后果轻微、及时改正，本案“\(label)”不满足（行政处罚法第三十三条）", code: "case.first_offence")
            }
        default:
            return false
        }
        guard let fine, let circumstance = terms.circumstance,
              let benchmark = benchmarks.first(where: { $0.circumstance == circumstance }) else { return false }
        guard !benchmark.allows(fine) else { return false }
        guard let reason = terms.deviationReason?.trimmed, reason.count >= 4 else {
            throw refuse(.std3, "“\(circumstance.chineseName)”情节的裁量基准为 \(benchmark.minFine)–\(benchmark.maxFine) 元，\(fine) 元超出基准，须写明理由并提交法制审核",
                         code: "case.discretion")
        }
        return true
    }

    /// 当场收缴 only for fines of 100 yuan or less (行政处罚法 第六十八条).
    public static func checkOnSiteCollection(amount: Int) throws {
        guard amount <= 100 else {
            throw refuse(.std4, "当场收缴罚款限于 100 元以下，\(amount) 元应由当事人到指定银行或通过电子支付缴纳（行政处罚法第六十八条）", code: "case.onsite_collection")
        }
    }
}
