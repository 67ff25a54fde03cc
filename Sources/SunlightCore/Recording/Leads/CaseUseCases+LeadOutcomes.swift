import Foundation

extension CaseUseCases {
    /// 申请延长核查期限 — once, by up to 15 working days, before the deadline, with a reason; the
    /// head decides (REC-18, 《市场监督管理行政处罚程序规定》第十八条).
    public func requestLeadExtension(_ id: CaseLead.ID, days: Int, reason: String, by actor: Actor) async throws -> CaseLead {
        let (found, organisation) = try await workableLead(id, .requestExtension, by: actor)
        guard (1...15).contains(days) else { throw SunlightError.invalid("days", "延长的期限为 1–15 个工作日", rule: .rec18) }
        let reason = reason.trimmed
        guard (5...1000).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明延长核查期限的理由（5–1000 字）", rule: .rec18) }
        var lead = stepped(found, .requestExtension, "\(days) 个工作日：\(reason)", by: actor)
        lead.checkExtension = CaseLead.Extension(days: days, reason: reason, requestedBy: actor.user?.id, requestedOn: clock.today, status: .requested)
        return try await saveLead(lead, "lead.extension_requested", "申请延长核查期限", in: organisation, by: actor)
    }

    /// 批准或不批准延长 — the head (not the one who asked), before the deadline; an approval moves
    /// the deadline by the days asked for (REC-18).
    public func decideLeadExtension(_ id: CaseLead.ID, approve: Bool, note: String, by actor: Actor) async throws -> CaseLead {
        let (found, organisation) = try await workableLead(id, .decideExtension, by: actor)
        guard var request = found.checkExtension, let due = found.dueOn else { throw SunlightError.notFound("延期申请") }
        let note = note.trimmed
        if !approve, note.count < 2 { throw SunlightError.invalid("note", "不批准延长的，请写明理由", rule: .rec18) }
        var lead = stepped(found, approve ? .approveExtension : .refuseExtension, note.nilIfEmpty ?? (approve ? "同意延长 \(request.days) 个工作日" : ""), by: actor)
        request.status = approve ? .approved : .refused
        request.decidedBy = actor.user?.id
        request.decidedOn = clock.today
        lead.checkExtension = request
        if approve { lead.dueOn = try await leadDue(from: due, days: request.days) }
        return try await saveLead(lead, approve ? "lead.extension_approved" : "lead.extension_refused", approve ? "批准延长核查期限" : "不批准延长核查期限",
                                  in: organisation, by: actor)
    }

    /// 不予立案 — an officer proposes it with the ground and the written reason, for the head's
    /// approval; the head may also decide it directly (REC-18).
    public func declineLead(_ id: CaseLead.ID, ground: CaseLead.DeclineGround, reason: String, by actor: Actor) async throws -> CaseLead {
        let (_, permissions) = try await leadPermissions(id, by: actor)
        let direct = permissions.allows(.decline)
        let (found, organisation) = try await workableLead(id, direct ? .decline : .proposeDecline, by: actor)
        let reason = reason.trimmed
        guard (5...2000).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明不予立案的理由（5–2000 字）", rule: .rec18) }
        var lead = stepped(found, direct ? .decline : .proposeDecline, "\(ground.chineseName)。\(reason)", by: actor)
        lead.decline = CaseLead.Decline(ground: ground, reason: reason, proposedBy: actor.user?.id, approvedBy: direct ? actor.user?.id : nil)
        if direct {
            lead.status = .declined
            lead.concludedOn = clock.today
        } else {
            lead.status = .declineProposed
        }
        return try await saveLead(lead, direct ? "lead.declined" : "lead.decline_proposed", direct ? "决定不予立案" : "拟不予立案", in: organisation, by: actor)
    }

    /// 批准或退回不予立案 — the head (not the one who proposed it): approval closes the lead;
    /// sending it back reopens the check (REC-18).
    public func decideLeadDecline(_ id: CaseLead.ID, approve: Bool, note: String, by actor: Actor) async throws -> CaseLead {
        let (found, organisation) = try await workableLead(id, .decideDecline, by: actor)
        let note = note.trimmed
        if !approve, note.count < 2 { throw SunlightError.invalid("note", "退回继续核查的，请写明理由", rule: .rec18) }
        var lead = stepped(found, approve ? .approveDecline : .rejectDecline, note.nilIfEmpty ?? "同意不予立案", by: actor)
        if approve {
            lead.decline?.approvedBy = actor.user?.id
            lead.status = .declined
            lead.concludedOn = clock.today
        } else {
            lead.decline = nil
            lead.status = .open
        }
        return try await saveLead(lead, approve ? "lead.declined" : "lead.decline_rejected", approve ? "批准不予立案" : "退回继续核查", in: organisation, by: actor)
    }

    /// 移送 — the head finds the matter outside the organisation's jurisdiction and sends the lead
    /// to the organisation that has it: inside the system a lead is registered there at once
    /// (source 其他机关移送), outside it the recipient is named (REC-18, SUP-2).
    public func transferLead(_ id: CaseLead.ID, to receiverID: Organisation.ID?, recipient: String?, reason: String, by actor: Actor) async throws -> CaseLead {
        let (found, organisation) = try await workableLead(id, .transfer, by: actor)
        let reason = reason.trimmed
        guard (5...1000).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明移送理由（5–1000 字）", rule: .rec18) }
        var receiver: Organisation?
        if let receiverID {
            guard receiverID != organisation.id, let target = try await store.organisations.find(receiverID) else {
                throw SunlightError.invalid("organisation", "请选择有管辖权的其他机关", rule: .rec18)
            }
            receiver = target
        }
        let name = receiver?.name ?? recipient?.trimmed.nilIfEmpty
        guard let name, name.count <= 100 else { throw SunlightError.invalid("recipient", "请选择或填写接收线索的机关", rule: .rec18) }
        var lead = stepped(found, .transfer, "移送\(name)：\(reason)", by: actor)
        lead.status = .transferred
        lead.transferredTo = receiver?.id
        lead.transferredToName = name
        lead.concludedOn = clock.today
        guard let receiver else { return try await saveLead(lead, "lead.transferred", "移送案件线索", in: organisation, by: actor) }
        // The receiver's lead: a new record in its register, its clock from today.
        let sealed = try await store.personalData.values(table: CaseLead.table, recordIDs: [id.uuidString.lowercased()]).first { $0.field == "party" }?.value
        let due = try await leadDue(from: clock.today, days: settings.leadCheckWorkingDays)
        let receivedID = newID()
        let seal = sealed.map { PersonalValue.seal($0, table: CaseLead.table, recordID: receivedID.uuidString.lowercased(), field: "party", secrets: secrets) }
        let today = clock.today, at = now, by = actor.user?.id, sender = organisation.name
        lead.transferredLeadID = receivedID
        let sent = lead
        return try await commit(actor, .update, CaseLead.table, id: id.uuidString, in: organisation, "移送案件线索：\(lead.number) → \(receiver.name)") { tx, _ in
            let number = try await tx.caseSettings.nextNumber(organisation: receiver.id, code: "线索", year: today.year)
            var received = CaseLead(id: receivedID, number: "\(receiver.shortName)线索〔\(today.year)〕\(number)号", organisationID: receiver.id,
                                    source: .transferIn, receivedOn: today, summary: sent.summary, partyKind: sent.partyKind, partySeal: seal?.commitment.hex,
                                    createdAt: at, registeredBy: by, dueOn: due, fromLeadID: sent.id)
            received.steps = [CaseLead.Step(action: .register, at: at, on: today, by: by, text: "\(sender)移送：\(reason)")]
            let summarySeal = PersonalValue.seal(sent.summary, table: CaseLead.table, recordID: receivedID.uuidString.lowercased(),
                                                 field: CaseLead.summaryField, secrets: self.secrets)
            received.summarySeal = summarySeal.commitment.hex
            try await tx.records(CaseLead.self).update(sent)
            try await tx.records(CaseLead.self).insert(received)
            try await tx.personalData.insert([summarySeal] + (seal.map { [$0] } ?? []))
            return (sent, [try sent.ledgerRecord("lead.transferred"), try received.ledgerRecord("lead.registered")])
        }
    }

    /// 投诉举报反映违法行为 — the complaint's handling organisation records that it alleges a
    /// violation: it becomes a new lead, or joins an open lead about the same matter (REC-18, SUP-1).
    public func leadFromComplaint(_ complaintID: Complaint.ID, joining leadID: CaseLead.ID? = nil, summary: String? = nil,
                                  by actor: Actor) async throws -> CaseLead {
        guard let complaint = try await store.complaints.find(complaintID) else { throw SunlightError.notFound("投诉举报") }
        let handling = try await requireOrganisation(complaint.handlingOrganisation)
        let existing = try await store.records(CaseLead.self).list(organisations: [handling.id])
        let already = existing.first { $0.organisationID == handling.id && $0.complaintIDs.contains(complaintID) }
        try await guarded(actor, CaseLead.table, id: nil, in: handling) {
            guard CaseLeadStart.allowed(for: actor).contains(.register) else { throw SunlightError.missingRole([.officer, .head]) }
            guard actor.organisation?.id == handling.id else { throw SunlightError.outsideScope }
        }
        if let already { throw SunlightError(.conflict, code: "lead.complaint_registered", "该投诉举报已登记为线索 \(already.number)", rule: .rec18) }
        guard let leadID else {
            let text = summary?.trimmed.nilIfEmpty ?? "\(complaint.subject)：\(complaint.description)"
            return try await createLead(in: handling, source: .complaint, receivedOn: complaint.receivedOn, summary: String(text.prefix(2000)),
                                        partyKind: nil, partyName: nil, complaintIDs: [complaintID], transferID: nil, fromLead: nil,
                                        firstStep: "投诉举报 \(complaint.trackingCode) 反映违法行为", by: actor)
        }
        guard let target = existing.first(where: { $0.id == leadID }), target.organisationID == handling.id, target.status.isOpen else {
            throw SunlightError.invalid("lead", "只能并入本机关正在核查的线索", rule: .rec18)
        }
        var lead = stepped(target, .joinComplaint, "投诉举报 \(complaint.trackingCode) 反映同一违法行为", by: actor)
        lead.complaintIDs.append(complaintID)
        return try await saveLead(lead, "lead.complaint_joined", "投诉举报并入线索", in: handling, by: actor)
    }

    /// The leads a complaint became, newest first — for its page and its tracking page.
    public func leads(ofComplaint complaint: Complaint) async throws -> [CaseLead] {
        try await store.records(CaseLead.self).list(organisations: [complaint.handlingOrganisation, complaint.receivedBy])
            .filter { $0.complaintIDs.contains(complaint.id) }
    }

    /// 立案 from a lead: the lead the case starts from, if the actor may open a case from it now (REC-18).
    func leadToOpen(_ id: CaseLead.ID?, by actor: Actor) async throws -> CaseLead? {
        guard let id else { return nil }
        return try await workableLead(id, .openCase, by: actor).0
    }

    /// The lead once its case is opened: concluded as 立案, linked to the case.
    func leadOpened(_ lead: CaseLead, case theCase: EnforcementCase, by actor: Actor) -> CaseLead {
        var opened = stepped(lead, .openCase, "立案：\(theCase.number)", by: actor)
        opened.status = .opened
        opened.caseID = theCase.id
        opened.concludedOn = theCase.openedOn
        return opened
    }
}
