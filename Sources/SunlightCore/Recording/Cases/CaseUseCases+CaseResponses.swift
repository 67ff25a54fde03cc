import Foundation

extension CaseUseCases {
    /// 当事人回应 — records the party's answer to the notice (REC-13, 行政处罚法 第四十四、四十五、
    /// 六十三、六十四条): a request for a hearing (within 5 working days of the notice), a waiver
    /// of the hearing, or a statement and defence.
    public func recordPartyResponse(case caseID: EnforcementCase.ID, kind: CaseEvent.Kind, on date: CivilDate, note: String?,
                                    by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .response, by: actor)
        guard [.hearingRequested, .hearingWaived, .statementReceived].contains(kind) else {
            throw SunlightError.invalid("kind", "当事人回应只能是要求听证、放弃听证或陈述申辩", rule: .rec13)
        }
        let snapshot = try await snapshot(of: theCase, in: store)
        guard let notice = snapshot.issued(.penaltyNotice).last else {
            throw CaseRules.refuse(.rec13, "尚未出具行政处罚事先告知书", code: "case.no_notice")
        }
        guard let served = snapshot.servedOn(notice) else {
            throw CaseRules.refuse(.rec14, "事先告知书尚未送达当事人，请先登记告知书的送达回证", code: "case.notice_not_served")
        }
        guard date >= served, date <= clock.today else {
            throw SunlightError.invalid("on", "日期应在告知书送达（\(served.iso)）之后、今天以前", rule: .rec14)
        }
        if kind != .statementReceived {
            guard notice.terms.hearingOffered else {
                throw CaseRules.refuse(.rec13, "事先告知书未告知听证权利（不属于行政处罚法第六十三条的情形）", code: "case.no_hearing_right")
            }
            guard theCase.stage == "notice" else {
                throw CaseRules.refuse(.rec13, "事先告知环节已经完成，不能再登记听证要求", code: "case.response_stage")
            }
            guard !snapshot.has(.hearingRequested) && !snapshot.has(.hearingWaived) else {
                throw CaseRules.refuse(.rec13, "已经登记过当事人是否要求听证", code: "case.response_twice")
            }
        }
        if kind == .hearingRequested, case let window = try CaseRules.responseWindow(of: notice, servedOn: served, calendar: try await calendars.current()),
           date > window {
            throw CaseRules.refuse(.rec13, "当事人应在告知书送达后 5 个工作日内（至 \(window.iso)）提出听证要求，\(date.iso) 已逾期（行政处罚法第六十四条）",
                                   code: "case.hearing_late")
        }
        return try await transition(theCase, in: organisation, kind: kind, on: date, note: note?.trimmed.nilIfEmpty, by: actor,
                                    summary: "登记当事人\(kind.chineseName)") { _ in }
    }

    /// How a fine was paid.
    public enum PaymentMethod: String, Sendable, CaseIterable {
        case bank, electronic, onSite = "onsite"

        public var chineseName: String {
            switch self {
            case .bank: "指定银行缴纳"
            case .electronic: "电子支付"
            case .onSite: "当场收缴"
            }
        }
    }

    /// 应缴金额 — the decided fine and the late surcharge owed if paid on `paidOn`: what
    /// ``recordPayment(case:amount:paidOn:method:receipt:by:)`` accepts (REC-13; 行政处罚法 第六十七、七十二条).
    public func paymentDue(case caseID: EnforcementCase.ID, paidOn: CivilDate, by actor: Actor) async throws -> (fine: Int, surcharge: Int) {
        let (theCase, _) = try await readableCase(caseID, by: actor)
        return try await owed(try await snapshot(of: theCase, in: store), paidOn: paidOn)
    }

    /// The fine and surcharge owed on a day: within 15 days of delivery the fine, later with 3% a day, capped at the fine.
    private func owed(_ snapshot: CaseSnapshot, paidOn: CivilDate) async throws -> (fine: Int, surcharge: Int) {
        guard let fine = CaseRules.decidedFine(snapshot), fine > 0 else {
            throw CaseRules.refuse(.rec13, "本案没有已出具的罚款决定", code: "case.no_fine")
        }
        guard !snapshot.enforcementCase.simple else { return (fine, 0) }
        guard let delivered = snapshot.decision.flatMap(snapshot.servedOn) else {
            throw CaseRules.refuse(.rec14, "处罚决定书尚未送达：缴款期限自决定书送达之日起计算（行政处罚法第六十七条）", code: "case.not_delivered")
        }
        // Paid within 15 calendar days is on time whatever the calendar says (a rest day only
        // moves the last day later), so only a later payment needs the calendar (CAL-1).
        guard paidOn.dayNumber > delivered.dayNumber + 15 else { return (fine, 0) }
        let due = try (try await calendars.current()).dueDate(from: delivered, .calendarDays(15))
        return (fine, CaseClocks.lateSurcharge(fine: fine, due: due, paidOn: paidOn))
    }

    /// 缴纳罚款 — records payment of the decided fine (REC-13): within 15 days of delivery, or
    /// with the late surcharge of 3% a day, capped at the fine (行政处罚法 第六十七、七十二条);
    /// collected on the spot only up to 100 yuan (第六十八条).
    public func recordPayment(case caseID: EnforcementCase.ID, amount: Int, paidOn: CivilDate, method: PaymentMethod, receipt: String?,
                              by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .payment, by: actor)
        let snapshot = try await snapshot(of: theCase, in: store)
        guard !snapshot.has(.paid) else { throw CaseRules.refuse(.rec13, "罚款已经缴纳", code: "case.paid_twice") }
        guard paidOn <= clock.today else { throw SunlightError.invalid("paidOn", "缴纳日期不能晚于今天", rule: .rec13) }
        if method == .onSite { try CaseRules.checkOnSiteCollection(amount: amount) }
        let (fine, surcharge) = try await owed(snapshot, paidOn: paidOn)
        guard amount == fine + surcharge else {
            throw SunlightError(.ruleViolation, code: "case.payment_amount", surcharge > 0
                ? "应缴 \(fine + surcharge) 元：罚款 \(fine) 元，逾期加处罚款 \(surcharge) 元（每日 3%，不超过罚款数额，行政处罚法第七十二条）"
                : "应缴罚款 \(fine) 元，登记的是 \(amount) 元", rule: .rec13, field: "amount")
        }
        return try await transition(theCase, in: organisation, kind: .paid, on: paidOn, note: receipt?.trimmed.nilIfEmpty,
                                    data: ["amount": String(amount), "fine": String(fine), "surcharge": String(surcharge), "method": method.rawValue],
                                    by: actor, summary: "登记缴纳罚款 \(amount) 元") { _ in }
    }

    /// 申请免于音像记录 — an officer records why the current stage has no audio/video record;
    /// it counts once a head other than the officer approves it (REC-3).
    public func requestAudioVideoExemption(case caseID: EnforcementCase.ID, reason: String, by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .requestExemption, by: actor)
        let reason = reason.trimmed
        guard (4...500).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明不能音像记录的理由（4–500 字）", rule: .rec3) }
        guard let stage = theCase.currentStage else { throw CaseRules.refuse(.rec1, "案件已办结，没有待完成的环节", code: "case.no_stage") }
        return try await transition(theCase, in: organisation, kind: .audioVideoExemptionRequested, note: reason, by: actor,
                                    summary: "申请“\(stage.name)”免于音像记录") { _ in }
    }

    /// 批准免于音像记录 — a head approves the pending request of the current stage (REC-3).
    public func approveAudioVideoExemption(case caseID: EnforcementCase.ID, by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .approveExemption, by: actor)
        let events = try await store.cases.events(of: caseID)
        guard let request = events.last(where: { $0.kind == .audioVideoExemptionRequested && $0.stage == theCase.stage }) else {
            throw SunlightError.notFound("本环节待批准的免于音像记录申请")
        }
        return try await transition(theCase, in: organisation, kind: .audioVideoExemptionApproved, note: request.note,
                                    data: ["request": request.id.uuidString.lowercased()], by: actor, summary: "批准免于音像记录") { _ in }
    }
}
