import Foundation

/// A piece of evidence as an officer records it (REC-8).
public struct NewCaseEvidence: Sendable, Codable {
    public var kind: CaseEvidence.Kind
    public var description: String
    public var source: String
    public var original: Bool
    public var copyVerified: Bool
    public var confirmedBy: String
    public var confirmedOn: CivilDate
    /// An evidence file already recorded in the organisation's file store.
    public var fileID: EvidenceFile.ID?

    public init(kind: CaseEvidence.Kind, description: String, source: String, original: Bool, copyVerified: Bool = false,
                confirmedBy: String, confirmedOn: CivilDate, fileID: EvidenceFile.ID? = nil) {
        self.kind = kind
        self.description = description
        self.source = source
        self.original = original
        self.copyVerified = copyVerified
        self.confirmedBy = confirmedBy
        self.confirmedOn = confirmedOn
        self.fileID = fileID
    }
}

extension CaseUseCases {
    /// An officer who may be assigned to a case of the organisation: one of its own, with a
    /// valid certificate of the category (REC-7).
    @discardableResult
    func checkCaseOfficer(_ officerID: StaffUser.ID, category: EnforcementCategory, organisation: Organisation,
                          by actor: Actor) async throws -> OfficerQualification {
        guard let user = try await store.users.find(officerID) else { throw SunlightError.notFound("执法人员") }
        guard user.organisationID == organisation.id else {
            throw CaseRules.refuse(.rec7, "\(user.displayName)不是本机构的执法人员，不能承办本机构的案件", code: "case.officer_organisation")
        }
        return try await standards.checkAssignment(officer: officerID, category: category, by: actor)
    }

    /// 指派执法人员 — the head adds an officer to a case; the officer must belong to the
    /// organisation and hold a valid certificate of the case's category (REC-7).
    public func assignOfficer(case caseID: EnforcementCase.ID, officer officerID: StaffUser.ID, by actor: Actor) async throws {
        let (theCase, organisation) = try await workableCase(caseID, .assign, by: actor)
        let qualification = try await checkCaseOfficer(officerID, category: theCase.category, organisation: organisation, by: actor)
        let current = try await store.cases.officers(of: caseID)
        guard !current.contains(where: { $0.userID == officerID }) else {
            throw CaseRules.refuse(.rec7, "\(qualification.user.displayName)已经办理过本案（回避后不得再指派）", code: "case.officer_twice")
        }
        let today = clock.today
        try await commit(actor, .update, "case", id: caseID.uuidString, in: organisation,
                         "指派\(qualification.user.displayName)承办（\(theCase.number)）") { tx, at in
            let assignment = CaseOfficer(caseID: caseID, userID: officerID, assignedAt: at)
            try await tx.cases.save(officer: assignment)
            let event = CaseEvent(caseID: caseID, kind: .officerAssigned, stage: theCase.stage, at: at, on: today, by: actor.user?.id,
                                  note: qualification.user.displayName, data: ["officer": officerID.uuidString.lowercased()])
            return ((), [assignment.ledgerRecord("case.officer_assigned", organisationID: organisation.id)]
                        + (try await Self.record([event], case: theCase, changed: false, secrets: self.secrets, in: tx)))
        }
    }

    /// 回避 — removes an officer from a case with the reason recorded; a case never drops
    /// below two officers, so another must be assigned first (REC-7).
    public func recuseOfficer(case caseID: EnforcementCase.ID, officer officerID: StaffUser.ID, reason: String, by actor: Actor) async throws {
        let (theCase, organisation) = try await workableCase(caseID, .recuse, by: actor)
        let reason = reason.trimmed
        guard (4...500).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明回避理由（4–500 字）", rule: .rec7) }
        let officers = try await store.cases.officers(of: caseID)
        guard let found = officers.first(where: { $0.userID == officerID && $0.isActive }) else {
            throw SunlightError.notFound("本案的该名执法人员")
        }
        let active = officers.filter(\.isActive).count
        guard active - 1 >= 2 else {
            throw CaseRules.refuse(.rec7, "回避后本案只剩 \(active - 1) 名执法人员；请先指派其他执法人员，案件不得少于两名执法人员",
                                   code: "case.officers")
        }
        let name = try await store.users.find(officerID)?.displayName ?? officerID.uuidString
        let today = clock.today
        try await commit(actor, .update, "case", id: caseID.uuidString, in: organisation, "\(name)回避（\(theCase.number)）：\(reason)") { tx, at in
            var assignment = found
            assignment.removedAt = at
            assignment.removalReason = reason
            try await tx.cases.save(officer: assignment)
            let event = CaseEvent(caseID: caseID, kind: .officerRecused, stage: theCase.stage, at: at, on: today, by: actor.user?.id,
                                  note: reason, data: ["officer": officerID.uuidString.lowercased()])
            return ((), [assignment.ledgerRecord("case.officer_recused", organisationID: organisation.id)]
                        + (try await Self.record([event], case: theCase, changed: false, secrets: self.secrets, in: tx)))
        }
    }

    /// 证据登记 — records a piece of evidence in the current stage with its kind, source,
    /// original or verified copy, and the party's confirmation (REC-8). A file may be a
    /// recorded evidence file of the organisation, or one uploaded with it (`upload`): then the
    /// file's record (REC-4) and the evidence commit together, or neither.
    public func recordCaseEvidence(case caseID: EnforcementCase.ID, _ input: NewCaseEvidence, upload: (NewEvidence, BlobReceipt)? = nil,
                                   by actor: Actor) async throws -> CaseEvidence {
        do {
            return try await recordCaseEvidenceChecked(caseID, input, upload: upload, by: actor)
        } catch {
            if let blob = upload?.1, blob.isNew { try? blobs.remove(blob.sha256) }
            throw error
        }
    }

    private func recordCaseEvidenceChecked(_ caseID: EnforcementCase.ID, _ input: NewCaseEvidence, upload: (NewEvidence, BlobReceipt)?,
                                           by actor: Actor) async throws -> CaseEvidence {
        let (theCase, organisation) = try await workableCase(caseID, .evidence, by: actor)
        guard let stage = theCase.currentStage else {
            throw CaseRules.refuse(.rec1, "案件处于“\(theCase.status.chineseName)”状态，不能再登记证据", code: "case.not_open")
        }
        let description = input.description.trimmed, source = input.source.trimmed, confirmedBy = input.confirmedBy.trimmed
        guard (2...1000).contains(description.count) else { throw SunlightError.invalid("description", "请填写证据名称及内容（2–1000 字）", rule: .rec8) }
        guard (2...200).contains(source.count) else { throw SunlightError.invalid("source", "请填写证据来源（2–200 字）", rule: .rec8) }
        guard input.original || input.copyVerified else {
            throw SunlightError.invalid("copyVerified", "复制件须经核对与原件无误，并注明“经核对与原件无误”", rule: .rec8)
        }
        guard (2...100).contains(confirmedBy.count) else {
            throw SunlightError.invalid("confirmedBy", "请填写确认证据的当事人（拒绝确认的，写明情况及见证人）", rule: .rec8)
        }
        guard input.confirmedOn >= theCase.openedOn, input.confirmedOn <= clock.today else {
            throw SunlightError.invalid("confirmedOn", "确认日期应在立案之后、今天以前", rule: .rec8)
        }
        var newFile: (EvidenceFile, PersonalValue?)?
        var fileID = input.fileID
        if let (metadata, blob) = upload {
            let (file, sealed, _) = try await checkedEvidenceFile(metadata, blob: blob, by: actor)
            newFile = (file, sealed)
            fileID = file.id
        } else if let id = input.fileID {
            guard let file = try await store.evidence.find(id), file.organisationID == organisation.id else {
                throw SunlightError.notFound("本机构的文件记录")
            }
        }
        let evidence = CaseEvidence(caseID: caseID, stage: stage.code, kind: input.kind, description: description, source: source,
                                    original: input.original, copyVerified: !input.original && input.copyVerified, confirmedBy: confirmedBy,
                                    confirmedOn: input.confirmedOn, fileID: fileID, recordedBy: actor.user?.id, recordedAt: now)
        let attached = newFile
        try await commit(actor, .create, "case_evidence", id: evidence.id.uuidString, in: organisation,
                         "登记证据“\(description.prefix(30))”（\(theCase.number)，\(stage.name)）") { tx, _ in
            var records: [LedgerRecord] = []
            if let (file, sealed) = attached { records += try await Self.insert(file, sealed: sealed, in: tx) }
            // Who confirmed is sealed apart; the row holds none (REC-5).
            let sealed = evidence.confirmedBy.map { PersonalValue.seal($0, table: CaseEvidence.personalTable, recordID: evidence.id.uuidString.lowercased(),
                                                                       field: CaseEvidence.confirmedByField, secrets: self.secrets) }
            let stored = evidence.with(confirmedBy: sealed == nil ? evidence.confirmedBy : nil)
            try await tx.caseRecords.insert(stored)
            if let sealed { try await tx.personalData.insert([sealed]) }
            return ((), records + [stored.ledgerRecord(organisationID: organisation.id, confirmedBy: sealed)])
        }
        return evidence
    }

    /// 干预记录 — records in full an attempt by a unit or person to interfere in the case
    /// (REC-9). It is kept and cannot be changed; the case's heads and supervisors see it.
    public func recordInterference(case caseID: EnforcementCase.ID, occurredOn: CivilDate, source: String, means: String, content: String,
                                   by actor: Actor) async throws -> InterferenceRecord {
        let (theCase, organisation) = try await workableCase(caseID, .interference, by: actor)
        let source = source.trimmed, means = means.trimmed, content = content.trimmed
        guard (2...200).contains(source.count) else { throw SunlightError.invalid("source", "请填写干预的单位或个人（2–200 字）", rule: .rec9) }
        guard (2...100).contains(means.count) else { throw SunlightError.invalid("means", "请填写干预方式（2–100 字）", rule: .rec9) }
        guard (4...4000).contains(content.count) else { throw SunlightError.invalid("content", "请如实完整记录干预内容（4–4000 字）", rule: .rec9) }
        guard occurredOn <= clock.today else { throw SunlightError.invalid("occurredOn", "发生日期不能晚于今天", rule: .rec9) }
        let record = InterferenceRecord(caseID: caseID, occurredOn: occurredOn, source: source, means: means, content: content,
                                        recordedBy: actor.user?.id, recordedAt: now)
        try await commit(actor, .create, "case_interference", id: record.id.uuidString, in: organisation, "记录干预（\(theCase.number)）") { tx, _ in
            try await tx.caseRecords.insert(record)
            return ((), [record.ledgerRecord(organisationID: organisation.id)])
        }
        return record
    }
}
