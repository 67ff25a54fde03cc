import Foundation

extension CaseUseCases {
    /// Record types any open stage may produce; everything else belongs to its stage.
    static let recordTypes: Set<DocumentType> = [.inquiryRecord, .inspectionRecord, .deliveryReceipt]

    /// The documents the case's current stage may produce, in file order.
    public static func draftableTypes(of theCase: EnforcementCase) -> [DocumentType] {
        guard let stage = theCase.currentStage else { return [] }
        var types = Set(recordTypes).union(stage.documents)
        // The decision is drafted for legal review in 法制审核, and made in 作出决定 (REV-3).
        if stage.code == "decision" || stage.code == "review" { types.formUnion(decisionTypes(of: theCase)) }
        return types.sorted { $0.fileOrder < $1.fileOrder }
    }

    /// The decisions a case may end its decision stage with.
    static func decisionTypes(of theCase: EnforcementCase) -> [DocumentType] {
        switch theCase.category {
        case .penalty: theCase.simple ? [.simpleDecision] : [.penaltyDecision, .noPenaltyDecision]
        case .permit: [.permitDecision]
        default: []
        }
    }

    /// 起草文书 — drafts a document of the case from its template (REC-6), for the current stage.
    public func draftDocument(case caseID: EnforcementCase.ID, type: DocumentType, fields: [String: String],
                              corrects: UUID? = nil, by actor: Actor) async throws -> CaseDocument {
        let (theCase, organisation) = try await workableCase(caseID, .draft, by: actor)
        let stage = theCase.currentStage
        guard Self.draftableTypes(of: theCase).contains(type) else {
            throw CaseRules.refuse(.rec1, "“\(stage?.name ?? theCase.stage)”环节不出具\(type.chineseName)", code: "case.document_stage")
        }
        let values = try Self.validate(fields, for: type)
        let document = CaseDocument(caseID: caseID, type: type, stage: theCase.stage, fields: values, draftedBy: actor.user?.id,
                                    draftedAt: now, corrects: corrects)
        try await checkService(document)
        try await commit(actor, .create, "case_document", id: document.id.uuidString, in: organisation, "起草\(type.chineseName)（\(theCase.number)）") { tx, _ in
            try await tx.caseRecords.insert(document)
            let sealed = try await self.sealPersonalFields(of: document, in: tx)
            return ((), [document.ledgerRecord("case.document_drafted", organisationID: organisation.id, sealed: sealed)])
        }
        return document
    }

    /// Changes a draft (only drafts change; a signed document never does).
    public func reviseDocument(_ id: UUID, fields: [String: String], by actor: Actor) async throws -> CaseDocument {
        let (found, theCase, organisation) = try await workableDocument(id, .revise, by: actor)
        var document = found
        document.fields = try Self.validate(fields, for: document.type)
        try await checkService(document)
        let revised = document
        try await commit(actor, .update, "case_document", id: id.uuidString, in: organisation, "修改\(document.type.chineseName)草稿（\(theCase.number)）") { tx, _ in
            try await tx.caseRecords.update(revised)
            let sealed = try await self.sealPersonalFields(of: revised, in: tx)
            return ((), [revised.ledgerRecord("case.document_revised", organisationID: organisation.id, sealed: sealed)])
        }
        return revised
    }

    /// 送审 — a draft goes to review before signature.
    public func submitDocument(_ id: UUID, by actor: Actor) async throws -> CaseDocument {
        try await moveDocument(id, .submit, to: .review, by: actor, summary: "送审") { _, _, _ in }
    }

    /// 退回 — a document waiting for signature goes back to draft: returned by whoever may sign
    /// it, or withdrawn by its drafter, with the reason in the log (REC-6).
    public func returnDocument(_ id: UUID, reason: String, by actor: Actor) async throws -> CaseDocument {
        let reason = reason.trimmed
        guard (2...500).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明退回理由（2–500 字）", rule: .rec6) }
        return try await moveDocument(id, .returnToDraft, to: .draft, by: actor, summary: "退回（\(reason)）") { _, _, _ in }
    }

    /// 审签 — the head signs an approval, notice or decision; a second officer of the case signs a
    /// record. Decisions are checked here, for making a decision is signing it (REC-13, STD-3, STD-4).
    public func signDocument(_ id: UUID, by actor: Actor) async throws -> CaseDocument {
        let calendar = try await calendars.current()
        return try await moveDocument(id, .sign, to: .signed, by: actor, summary: "签发") { document, theCase, tx in
            let snapshot = try await self.snapshot(of: theCase, in: tx)
            if document.type.isDecision, !theCase.simple, theCase.category == .penalty {
                try CaseRules.checkDecisionTiming(snapshot, today: self.clock.today, calendar: calendar)
            }
            if document.type.isDecision {
                let benchmarks = try await theCase.itemEntryID.asyncMap {
                    try await tx.caseSettings.benchmarks(organisation: theCase.organisationID, item: $0)
                } ?? []
                if try CaseRules.checkDecision(document, in: snapshot, benchmarks: benchmarks) { document.flagExceedsDiscretion() }
                try await self.checkFirstOffence(document, of: theCase, in: tx)
            }
            // A lawful decision (or 查封扣押决定) is then made only on a passed review of exactly this draft (REV-1, REV-10).
            try await self.reviews.checkReviewGate(document, of: theCase, in: tx)
            try CaseRules.checkHearingRight(of: document, in: snapshot, policy: self.settings.hearing)
            try self.checkHearingNotice(document, calendar: calendar)
            document.signedBy = actor.user?.id
            document.signedAt = self.now
        }
    }

    /// 出具 — issues a signed document: numbered in the organisation's series (元市监罚〔2026〕3号),
    /// dated today. Issuing a decision records the decision; a delivery receipt, the delivery.
    public func issueDocument(_ id: UUID, by actor: Actor) async throws -> CaseDocument {
        let calendar = try await calendars.current()
        return try await moveDocument(id, .issue, to: .issued, by: actor, summary: "出具") { document, theCase, tx in
            let today = self.clock.today
            try self.checkHearingNotice(document, calendar: calendar)
            try await self.checkService(document, in: tx)
            try await self.reviews.checkReviewGate(document, of: theCase, in: tx)
            if document.type == .openingApproval {
                document.number = theCase.number
            } else if let code = document.type.numberCode {
                guard let organisation = try await tx.organisations.find(theCase.organisationID) else { throw SunlightError.notFound("机构") }
                let next = try await tx.caseSettings.nextNumber(organisation: organisation.id, code: code, year: today.year)
                document.number = "\(organisation.shortName)\(code)〔\(today.year)〕\(next)号"
            }
            document.issuedOn = today
        }
    }

    private func moveDocument(_ id: UUID, _ action: DocumentAction, to: CaseDocument.Status, by actor: Actor, summary: String,
                              _ change: @escaping @Sendable (inout CaseDocument, EnforcementCase, any Store) async throws -> Void) async throws -> CaseDocument {
        let (found, theCase, organisation) = try await workableDocument(id, action, by: actor)
        // An issued decision starts its publication clock (PUB-6, CAL-4); read outside the transaction.
        let calendar = try await calendars.current()
        return try await commit(actor, .update, "case_document", id: id.uuidString, in: organisation,
                                "\(summary)\(found.type.chineseName)（\(theCase.number)）") { tx, at in
            var document = found
            try await change(&document, theCase, tx)
            document.status = to
            try await tx.caseRecords.update(document)
            let sealed = try await self.sealPersonalFields(of: document, in: tx)
            var records = [document.ledgerRecord("case.document_\(to.rawValue)", organisationID: organisation.id, sealed: sealed)]
            if to == .issued {
                var events: [CaseEvent] = []
                let today = self.clock.today
                if document.type.isDecision {
                    events.append(CaseEvent(caseID: theCase.id, kind: .decided, stage: theCase.stage, at: at, on: today, by: actor.user?.id,
                                            note: document.number, data: ["document": document.id.uuidString.lowercased(), "fine": document.fields[.fine] ?? ""]))
                }
                if document.type == .deliveryReceipt, let served = document.terms.servedDocument {
                    let service = DocumentService(receiptID: document.id, documentID: served, method: document.terms.serviceMethod ?? .direct,
                                                  recordedOn: document.terms.date ?? today)
                    events.append(CaseEvent(caseID: theCase.id, kind: .delivered, stage: theCase.stage, at: at, on: service.servedOn, by: actor.user?.id,
                                            note: service.method.chineseName,
                                            data: ["document": document.id.uuidString.lowercased(), "served": served.uuidString.lowercased()]))
                }
                records += try await Self.record(events, case: theCase, changed: false, secrets: self.secrets, in: tx)
                records += try await PublicityUseCases.openPublication(of: document, in: theCase, decidedOn: today, at: at, by: actor.user?.id,
                                                          calendar: calendar, in: tx)
                records += try await SupervisionUseCases.routeApproval(of: document, in: theCase, on: today, at: at, by: actor, calendar: calendar, in: tx)
            }
            return (document, records)
        }
    }

    /// A receipt names an issued document of its case that must be served, on a day between that
    /// document's issue and today (REC-14).
    private func checkService(_ receipt: CaseDocument, in store: (any Store)? = nil) async throws {
        guard receipt.type == .deliveryReceipt else { return }
        let documents = try await (store ?? self.store).caseRecords.documents(of: receipt.caseID)
        try CaseRules.checkService(receipt, among: documents, today: clock.today)
    }

    /// A hearing notice reaches the party at least 7 working days before the hearing (REC-13).
    private func checkHearingNotice(_ document: CaseDocument, calendar: WorkingDayCalendar) throws {
        guard document.type == .hearingNotice else { return }
        guard let date = document.terms.date else {
            throw SunlightError.invalid(DocumentField.date.rawValue, "听证日期格式应为 YYYY-MM-DD", rule: .rec13)
        }
        try CaseRules.checkHearingDate(date, noticeIssuedOn: clock.today, calendar: calendar)
    }


    static func validate(_ fields: [String: String], for type: DocumentType) throws -> [String: String] {
        var clean: [String: String] = [:]
        var problems: [FieldProblem] = []
        for field in type.fields {
            switch field.normalise(fields[field.key]) {
            case .success(let value): if !value.isEmpty { clean[field.key] = value }
            case .failure(let problem): problems.append(problem)
            }
        }
        // The values rules read must decode: a fine of “1.5万” would skip the rules on fines.
        problems += DocumentTerms(clean).problems(in: type)
        if let first = problems.first {
            throw SunlightError.invalid(first.key, "\(type.chineseName)：" + problems.map(\.description).joined(separator: "；"), rule: .rec6)
        }
        if type == .seizureDecision, let days = DocumentTerms(clean).seizureDays, days > Seizure.maximumDays {
            throw SunlightError.invalid(DocumentField.term.rawValue, "查封、扣押的期限不得超过 30 日（行政强制法第二十五条）；确需延长的，期满前经负责人批准延长",
                                        rule: .rec16)
        }
        if let mismatch = DocumentTerms(clean).sanctionProblems.first {
            throw SunlightError.invalid(DocumentField.sanctions.rawValue, "\(type.chineseName)：\(mismatch)（行政处罚法第九条）", rule: .rec15)
        }
        return clean
    }
}
