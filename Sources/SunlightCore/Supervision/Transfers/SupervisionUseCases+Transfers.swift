import Foundation

extension SupervisionUseCases {
    /// 移送有管辖权的机关 — the head decides a case is outside the organisation's jurisdiction:
    /// it must be sent within 3 working days, or 24 hours if urgent (SUP-2).
    public func decideOrganisationTransfer(case caseID: EnforcementCase.ID, to organisationID: Organisation.ID, reason: String, urgent: Bool,
                                           by actor: Actor) async throws -> CaseTransfer {
        let (theCase, organisation) = try await workableCase(caseID, by: actor, headOnly: true)
        let reason = reason.trimmed
        guard (5...1000).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明移送理由（5–1000 字）", rule: .sup2) }
        guard organisationID != organisation.id, let receiver = try await store.organisations.find(organisationID) else {
            throw SunlightError.invalid("organisation", "请选择有管辖权的其他机关", rule: .sup2)
        }
        var transfer = CaseTransfer(caseID: caseID, fromOrganisation: organisation.id, kind: .organisation, toOrganisation: receiver.id,
                                    recipient: receiver.name, urgent: urgent, reason: reason, createdAt: now, createdOn: clock.today,
                                    reportedBy: [], status: .approved)
        transfer.decidedAt = now
        if urgent { transfer.sendByTime = now.addingTimeInterval(24 * 3600) } else {
            transfer.sendByDate = try await calendars.current().due(from: clock.today, .workingDays(3)).date
        }
        return try await saveTransfer(transfer, new: true, "transfer.decided", "决定将 \(theCase.number) 移送\(receiver.name)", in: organisation, by: actor)
    }

    /// 涉嫌犯罪案件报告 — at least two officers of the case report a suspected crime; the head
    /// must decide within 3 days (国务院令第310号 第五条, SUP-2).
    public func reportSuspectedCrime(case caseID: EnforcementCase.ID, officers: [StaffUser.ID], facts: String, police: String,
                                     by actor: Actor) async throws -> CaseTransfer {
        let (theCase, organisation) = try await workableCase(caseID, by: actor)
        let signers = Set(officers + [actor.user?.id].compactMap { $0 })
        let active = Set(try await store.cases.officers(of: caseID).filter(\.isActive).map(\.userID))
        guard signers.count >= 2, signers.isSubset(of: active) else {
            throw SunlightError.invalid("officers", "涉嫌犯罪案件应由两名以上本案执法人员报告（国务院令第310号第五条）", rule: .sup2)
        }
        let facts = facts.trimmed, police = police.trimmed
        guard (10...4000).contains(facts.count) else { throw SunlightError.invalid("facts", "请写明涉嫌犯罪的事实（10–4000 字）", rule: .sup2) }
        guard (2...100).contains(police.count) else { throw SunlightError.invalid("police", "请填写拟移送的公安机关", rule: .sup2) }
        var transfer = CaseTransfer(caseID: caseID, fromOrganisation: organisation.id, kind: .police, toOrganisation: nil, recipient: police,
                                    urgent: false, reason: facts, createdAt: now, createdOn: clock.today, reportedBy: signers.sorted { $0.uuidString < $1.uuidString },
                                    status: .reported)
        transfer.decideBy = try await calendars.current().due(from: clock.today, .calendarDays(3)).date
        return try await saveTransfer(transfer, new: true, "transfer.reported", "报告 \(theCase.number) 涉嫌犯罪", in: organisation, by: actor)
    }

    /// 批准或不批准移送 — the head's decision on a crime report; a refusal records its reason;
    /// an approval starts the 24-hour clock to send (310号 第五条).
    public func decideCrimeTransfer(_ id: CaseTransfer.ID, approve: Bool, reason: String, by actor: Actor) async throws -> CaseTransfer {
        let (found, organisation) = try await workableTransfer(id, .decide, by: actor)
        var transfer = found
        transfer.decidedAt = now
        if approve {
            transfer.status = .approved
            transfer.sendByTime = now.addingTimeInterval(24 * 3600)
        } else {
            let reason = reason.trimmed
            guard (5...1000).contains(reason.count) else { throw SunlightError.invalid("reason", "不批准移送的，应当记录不予批准的理由", rule: .sup2) }
            transfer.status = .refused
            transfer.refusalReason = reason
        }
        return try await saveTransfer(transfer, new: false, approve ? "transfer.approved" : "transfer.refused",
                                      approve ? "批准涉嫌犯罪案件移送" : "不批准涉嫌犯罪案件移送：\(reason.trimmed)", in: organisation, by: actor)
    }

    /// 移送 — sends it; a police transfer carries all four attachments of 310号 第六条 and copies to
    /// the procuratorate and the justice bureau (seed 001 (四)); the police then have 3 days.
    public func sendTransfer(_ id: CaseTransfer.ID, attachments: Set<CaseTransfer.Attachment>, by actor: Actor) async throws -> CaseTransfer {
        let (found, organisation) = try await workableTransfer(id, .send, by: actor)
        var transfer = found
        if found.kind == .police {
            let missing = CaseTransfer.Attachment.allCases.filter { !attachments.contains($0) }
            guard missing.isEmpty else {
                throw SunlightError(.ruleViolation, code: "transfer.attachments", "移送涉嫌犯罪案件应当附有：" + missing.map(\.chineseName).joined(separator: "、"), rule: .sup2)
            }
            // The justice bureau of the same government supervises the sender (seed 001 (四)).
            let bureau = try await justiceBureau(over: organisation)
            transfer.copiesTo = ["同级人民检察院", bureau?.name ?? "同级司法行政机关"]
            transfer.policeDecideBy = try await calendars.current().due(from: clock.today, .calendarDays(3)).date
        }
        transfer.attachments = CaseTransfer.Attachment.allCases.filter { attachments.contains($0) }
        transfer.status = .sent
        transfer.sentAt = now
        transfer.sentOn = clock.today
        return try await saveTransfer(transfer, new: false, "transfer.sent", "移送\(found.recipient)", in: organisation, by: actor)
    }

    /// 接收与结果 — the receiving organisation acknowledges a transfer (its head or clerk); for the
    /// police, the sender records whether they filed the case; a refusal opens 3 days to object.
    public func recordTransferOutcome(_ id: CaseTransfer.ID, accepted: Bool, outcome: String, on date: CivilDate, by actor: Actor) async throws -> CaseTransfer {
        let (found, permissions) = try await transferPermissions(id, by: actor)
        let organisation = try await requireOrganisation(permissions.answeringOrganisation)
        try await guarded(actor, "case_transfer", id: id.uuidString, in: organisation) { try permissions.check(.recordOutcome) }
        guard date <= clock.today, let sentOn = found.sentOn, date >= sentOn else { throw SunlightError.invalid("on", "日期应在移送之后、今天或以前", rule: .sup2) }
        var transfer = found
        transfer.status = accepted ? .accepted : .declined
        transfer.outcome = outcome.trimmed.nilIfEmpty
        transfer.outcomeOn = date
        if !accepted, found.kind == .police { transfer.objectBy = try await calendars.current().due(from: date, .calendarDays(3)).date }
        return try await saveTransfer(transfer, new: false, accepted ? "transfer.accepted" : "transfer.declined",
                                      "\(found.recipient)\(accepted ? "接收" : "不予立案")", in: organisation, by: actor)
    }

    /// 提请复议 — within 3 days of the police's refusal to file (310号 第九条).
    public func objectToTransferRefusal(_ id: CaseTransfer.ID, objection: String, by actor: Actor) async throws -> CaseTransfer {
        let (found, organisation) = try await workableTransfer(id, .object, by: actor)
        let objection = objection.trimmed
        guard (5...2000).contains(objection.count) else { throw SunlightError.invalid("objection", "请写明复议理由（5–2000 字）", rule: .sup2) }
        var transfer = found
        transfer.status = .objected
        transfer.objection = objection
        return try await saveTransfer(transfer, new: false, "transfer.objected", "对不予立案决定提请复议", in: organisation, by: actor)
    }

    /// Transfers from or to the actor's organisation; supervisors see all below them.
    public func transfers(by actor: Actor) async throws -> [CaseTransfer] {
        try await guarded(actor, "case_transfer", id: nil, in: actor.organisation) { try actor.require(anyOf: .head, .officer, .publicityClerk, .supervisor) }
        let organisations = try await organisationsInView(of: actor).map(\.id)
        return try await store.transfers.list(organisations: organisations)
    }

    /// 案件移送台账 as the desk shows it: every transfer in view with its case number and the
    /// steps the reader may take now, and what the reader may start (SUP-2).
    public func transferDesk(by actor: Actor) async throws -> TransferDesk {
        let transfers = try await transfers(by: actor)
        let numbers = try await caseNumbers(transfers.map(\.caseID))
        let senders = Dictionary(try await store.organisations.find(ids: transfers.map(\.fromOrganisation)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let assigned = Set(try await actor.user.asyncMap { try await store.cases.assigned(to: $0.id) } ?? [])
        let today = clock.today
        let items = transfers.compactMap { transfer -> TransferListItem? in
            guard let sender = senders[transfer.fromOrganisation] else { return nil }
            let permissions = TransferPermissions(actor: actor, transfer: transfer, sender: sender, assignedToCase: assigned.contains(transfer.caseID), today: today)
            return TransferListItem(transfer: transfer, caseNumber: numbers[transfer.caseID] ?? "", actions: permissions.allowed)
        }
        let start = TransferStart.allowed(for: actor)
        guard !start.isEmpty, let home = actor.organisation else {
            return TransferDesk(items: items, start: start, openCases: [], colleagues: [], receivers: [])
        }
        let open = try await store.cases.list(organisations: [home.id], filter: CaseFilter(statuses: [.open]), limit: 500)
        let colleagues = try await store.users.list(in: [home.id]).filter { $0.isActive && $0.has(.officer) && $0.id != actor.user?.id }
        let receivers = try await organisations.publicOrganisationTree().nodes.map(\.organisation).filter { $0.id != home.id }
        return TransferDesk(items: items, start: start, openCases: open, colleagues: colleagues.map { PersonName(id: $0.id, name: $0.displayName) },
                            receivers: receivers)
    }

    // MARK: - Helpers

    /// A transfer and what the actor may do to it (``TransferPermissions``).
    private func transferPermissions(_ id: CaseTransfer.ID, by actor: Actor) async throws -> (CaseTransfer, TransferPermissions) {
        guard let transfer = try await store.transfers.find(id) else { throw SunlightError.notFound("案件移送") }
        let sender = try await requireOrganisation(transfer.fromOrganisation)
        let assigned = try await store.cases.officers(of: transfer.caseID).contains { $0.isActive && $0.userID == actor.user?.id }
        return (transfer, TransferPermissions(actor: actor, transfer: transfer, sender: sender, assignedToCase: assigned, today: clock.today))
    }

    /// A transfer the actor may take `action` on now; a refusal for lack of role or scope is logged.
    private func workableTransfer(_ id: CaseTransfer.ID, _ action: TransferAction, by actor: Actor) async throws -> (CaseTransfer, Organisation) {
        let (transfer, permissions) = try await transferPermissions(id, by: actor)
        try await guarded(actor, "case", id: transfer.caseID.uuidString, in: permissions.sender) { try permissions.check(action) }
        return (transfer, permissions.sender)
    }

    private func saveTransfer(_ transfer: CaseTransfer, new: Bool, _ type: String, _ summary: String, in organisation: Organisation,
                              by actor: Actor) async throws -> CaseTransfer {
        try await commit(actor, new ? .create : .update, "case_transfer", id: transfer.id.uuidString, in: organisation, summary) { tx, _ in
            if new { try await tx.transfers.insert(transfer) } else { try await tx.transfers.update(transfer) }
            return (transfer, [try transfer.ledgerRecord(type)])
        }
    }
}
