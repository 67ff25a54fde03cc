import Foundation

/// What is needed to open a case (立案).
public struct NewCase: Sendable, Codable {
    public struct Party: Sendable, Codable {
        public var kind: CaseParty.Kind
        public var name: String
        public var idNumber: String?
        public var address: String?
        public var phone: String?
        public var representative: String?
        public var partyMemberOrOfficial: Bool?

        public init(kind: CaseParty.Kind, name: String, idNumber: String? = nil, address: String? = nil, phone: String? = nil,
                    representative: String? = nil, partyMemberOrOfficial: Bool? = nil) {
            self.kind = kind
            self.name = name
            self.idNumber = idNumber
            self.address = address
            self.phone = phone
            self.representative = representative
            self.partyMemberOrOfficial = partyMemberOrOfficial
        }
    }

    public var title: String
    public var category: EnforcementCategory
    public var simple: Bool
    public var itemEntryID: UUID?
    public var source: EnforcementCase.Source
    public var violationOn: CivilDate?
    public var endangersSafety: Bool
    public var decisionDays: Int?
    public var classification: EnforcementCase.Classification
    public var parties: [Party]
    /// Officers besides the one opening the case.
    public var officers: [StaffUser.ID]
    /// 案件线索 the case is opened from, if any (REC-18): the lead closes as 立案 and the case records it.
    public var leadID: UUID?

    public init(title: String, category: EnforcementCategory, simple: Bool = false, itemEntryID: UUID? = nil, source: EnforcementCase.Source,
                violationOn: CivilDate? = nil, endangersSafety: Bool = false, decisionDays: Int? = nil,
                classification: EnforcementCase.Classification = .normal, parties: [Party], officers: [StaffUser.ID], leadID: UUID? = nil) {
        self.title = title
        self.category = category
        self.simple = simple
        self.itemEntryID = itemEntryID
        self.source = source
        self.violationOn = violationOn
        self.endangersSafety = endangersSafety
        self.decisionDays = decisionDays
        self.classification = classification
        self.parties = parties
        self.officers = officers
        self.leadID = leadID
    }
}

extension CaseUseCases {
    /// The number series a case of this kind is numbered in: 元市监立〔2026〕5号.
    static func caseCode(_ category: EnforcementCategory, simple: Bool) -> String {
        if simple { return "简" }
        switch category {
        case .penalty: return "立"
        case .permit: return "许申"
        case .inspection: return "检"
        case .coercion: return "强立"
        case .levy: return "征"
        case .fee: return "费"
        default: return "案"
        }
    }

    /// 立案 — opens a case in the actor's organisation (REC-1): limitation checked (art. 36),
    /// the opening officer and the named officers assigned (each must be eligible, REC-7),
    /// parties recorded with personal data sealed, numbered in the organisation's series.
    public func openCase(_ input: NewCase, by actor: Actor) async throws -> EnforcementCase {
        guard let organisation = actor.organisation, let opener = actor.user else { throw SunlightError.outsideScope }
        try await guarded(actor, "case", id: nil, in: organisation) { try DeskPermissions(actor: actor).check(.openCase) }
        let title = input.title.trimmed
        guard (2...100).contains(title.count) else { throw SunlightError.invalid("title", "请填写案由（2–100 字）", rule: .rec1) }
        guard EnforcementCategory.enforcement.contains(input.category) else {
            throw SunlightError.invalid("category", "案件类别应为六类执法行为之一", rule: .rec1)
        }
        guard !input.simple || input.category == .penalty else { throw SunlightError.invalid("simple", "简易程序只适用于行政处罚", rule: .std4) }
        guard !input.parties.isEmpty else { throw SunlightError.invalid("parties", "请至少登记一名当事人", rule: .rec1) }
        for party in input.parties where party.name.trimmed.isEmpty { throw SunlightError.invalid("parties", "当事人姓名或名称不能为空", rule: .rec1) }
        let today = clock.today
        if input.category == .penalty {
            // 追责时效 is always checked: the violation's date is required (行政处罚法 第三十六条).
            guard let violationOn = input.violationOn else {
                throw SunlightError.invalid("violationOn", "请填写违法行为发生日期：二年（涉及公民生命健康安全、金融安全的五年）追责时效自该日起计算（行政处罚法第三十六条）",
                                            rule: .rec15)
            }
            try CaseRules.checkLimitation(violationOn: violationOn, endangersSafety: input.endangersSafety, openingOn: today)
        }
        var itemDays: Int?
        var simpleByOfficers = false
        if let item = input.itemEntryID {
            guard let entry = try await publicity.publishedList(.item, organisationID: organisation.id).first(where: { $0.version.entryID == item }) else {
                throw SunlightError.invalid("itemEntryID", "所选执法事项不在本机构现行的执法事项清单中（依据国办发〔2018〕118号）", rule: .pub3)
            }
            let terms = entry.version.terms
            if terms.malformed.contains(.enforcementCategory) || terms.enforcementCategory.map({ $0 != input.category }) == true {
                throw SunlightError.invalid("itemEntryID", "所选执法事项“\(entry.version.title)”属于\(terms.enforcementCategory?.chineseName ?? "未知类别")，"
                                            + "与案件类别“\(input.category.chineseName)”不符", rule: .rec1)
            }
            itemDays = terms.timeLimitCalendarDays
            simpleByOfficers = terms.simpleProcedure
        }
        // 简易程序 is opened by a head, or by an officer for an item the list marks for on-the-spot decisions (REC-15, art. 51).
        if input.simple, !simpleByOfficers, !actor.has(.head) {
            throw CaseRules.refuse(.rec15, "简易程序案件须由负责人立案，或所选执法事项在执法事项清单中标明“可由执法人员当场适用简易程序”（行政处罚法第五十一条）",
                                   code: "case.simple_opener")
        }
        // The decision period comes from the item's 办理时限 or the law, never from the opener (REC-17, art. 60).
        let days = itemDays ?? 90
        if let asked = input.decisionDays, asked != days {
            throw CaseRules.refuse(.rec17, "办案期限由执法事项清单的办理时限或法律规定（立案之日起 90 日）确定，本案为 \(days) 日，立案时不能另行设定；"
                                   + "确需延长的，依法申请延长（行政处罚法第六十条）", code: "case.decision_days")
        }
        var officers = [opener.id]
        for officer in input.officers where !officers.contains(officer) { officers.append(officer) }
        guard officers.count >= 2 else {
            throw CaseRules.refuse(.rec7, "案件须由两名以上执法人员承办，请再指派至少一名执法人员（行政处罚法第四十二条）", code: "case.officers")
        }
        for officer in officers { try await checkCaseOfficer(officer, category: input.category, organisation: organisation, by: actor) }
        let lead = try await leadToOpen(input.leadID, by: actor)
        let stages = Procedures.stages(for: input.category, simple: input.simple)
        let secrets = self.secrets
        let lookupKey = ledger.partyLookupKey
        let assigned = officers
        return try await commit(actor, .create, "case", id: nil, in: organisation, "立案（\(input.category.chineseName)）") { tx, at in
            let number = try await tx.caseSettings.nextNumber(organisation: organisation.id, code: Self.caseCode(input.category, simple: input.simple),
                                                              year: today.year)
            let theCase = EnforcementCase(
                organisationID: organisation.id, number: "\(organisation.shortName)\(Self.caseCode(input.category, simple: input.simple))〔\(today.year)〕\(number)号",
                title: title, category: input.category, simple: input.simple, itemEntryID: input.itemEntryID, source: input.source,
                violationOn: input.violationOn, endangersSafety: input.endangersSafety, openedOn: today, openedAt: at, openedBy: opener.id,
                decisionDays: days, classification: input.classification, stage: stages[0].code, status: .open, leadID: lead?.id)
            try await tx.cases.insert(theCase)
            var records = [theCase.ledgerRecord("case.opened", title: try await Self.titleSeal(of: theCase, in: tx, secrets: secrets))]
            if let lead {
                let opened = self.leadOpened(lead, case: theCase, by: actor)
                try await tx.records(CaseLead.self).update(opened)
                records.append(try opened.ledgerRecord("lead.case_opened"))
            }
            for input in input.parties {
                let party = CaseParty(caseID: theCase.id, kind: input.kind, name: input.name.trimmed, idNumber: input.idNumber?.trimmed.nilIfEmpty,
                                      address: input.address?.trimmed.nilIfEmpty, phone: input.phone?.trimmed.nilIfEmpty,
                                      representative: input.representative?.trimmed.nilIfEmpty, partyMemberOrOfficial: input.partyMemberOrOfficial ?? false)
                var sealed: [String: PersonalValue] = [:]
                for (field, value) in party.sealedFields {
                    guard let value else { continue }
                    sealed[field] = PersonalValue.seal(value, table: "case_parties", recordID: party.id.uuidString.lowercased(), field: field, secrets: secrets)
                }
                try await tx.cases.insert(party: party)
                if let digest = PartyLookup.digest(party.idNumber, key: lookupKey) { try await tx.cases.setLookup(digest, party: party.id) }
                try await tx.personalData.insert(Array(sealed.values))
                records.append(party.ledgerRecord(organisationID: organisation.id, sealed: sealed))
            }
            for officer in assigned {
                let assignment = CaseOfficer(caseID: theCase.id, userID: officer, assignedAt: at)
                try await tx.cases.save(officer: assignment)
                records.append(assignment.ledgerRecord("case.officer_assigned", organisationID: organisation.id))
            }
            let event = CaseEvent(caseID: theCase.id, kind: .opened, stage: stages[0].code, at: at, on: today, by: opener.id,
                                  note: input.source.chineseName)
            try await tx.cases.append(event)
            records.append(event.ledgerRecord(organisationID: organisation.id))
            return (theCase, records)
        }
    }
}
