import Foundation

extension SupervisionUseCases {
    /// 监督线索 — every clue in the organisations the supervisor oversees, newest first (SUP-4).
    /// Computed from the records each time: nothing to keep in step, nothing to forget.
    public func supervisionClues(by actor: Actor) async throws -> [SupervisionClue] {
        try await guarded(actor, "supervision_clue", id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor) }
        let organisations = try await readableOrganisations(of: actor)
        let names = Dictionary(organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Each kind of clue asks the database for its own rows; then only the cases they name are loaded.
        // Overdue clocks come from the case-clock summaries: only cases that are late are loaded.
        let late = try await self.cases.lateClocks(organisations: Array(names.keys), dueSoon: false)
        let exemptions = try await store.cases.events(organisations: Array(names.keys), cases: .all, kinds: [.audioVideoExemptionApproved], dates: nil)
        let flagged = try await store.caseRecords.issuedDocuments(organisations: Array(names.keys), field: DocumentField.discretionFlag.rawValue, value: YesNo.yes)
        let reviewFlags = try await reviews.reviewFlags(in: organisations)
        let transfers = try await store.transfers.list(organisations: Array(names.keys))
        let named = Set(exemptions.map(\.caseID) + flagged.map(\.caseID) + reviewFlags.map(\.caseID) + transfers.map(\.caseID))
            .subtracting(late.map(\.enforcementCase.id))
        let cases = late.map(\.enforcementCase) + (try await store.cases.find(ids: Array(named))).filter { names[$0.organisationID] != nil }
        let byID = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let today = clock.today
        var clues: [SupervisionClue] = []
        func clue(_ kind: SupervisionClue.Kind, _ rule: RuleID, _ organisation: Organisation.ID, _ reference: String, _ detail: String,
                  _ on: CivilDate, _ link: RecordRef) {
            clues.append(SupervisionClue(kind: kind, rule: rule, organisationID: organisation, organisationName: names[organisation] ?? "",
                                         reference: reference, detail: detail, on: on, link: link))
        }
        for (theCase, clocks) in late {
            for overdue in clocks {
                clue(.overdue, overdue.rule, theCase.organisationID, theCase.number, "\(overdue.title)已超过期限 \(overdue.due?.iso ?? "")",
                     overdue.due ?? today, RecordRef.case(theCase.id))
            }
        }
        for event in exemptions {
            guard let theCase = byID[event.caseID] else { continue }
            clue(.missingAudioVideo, .rec3, theCase.organisationID, theCase.number, "“\(theCase.stages.first { $0.code == event.stage }?.name ?? event.stage ?? "")”环节经批准免于音像记录" + (event.note.map { "：\($0)" } ?? ""),
                 event.on, RecordRef.case(theCase.id))
        }
        for document in flagged where document.terms.exceedsDiscretion {
            guard let theCase = byID[document.caseID] else { continue }
            clue(.outsideBenchmark, .std3, theCase.organisationID, document.number ?? theCase.number,
                 "罚款 \(document.fields[.fine] ?? "") 元超出裁量基准；理由：\(document.fields[.deviationReason] ?? "未说明")",
                 document.issuedOn ?? today, RecordRef.document(document.id))
        }
        for flag in reviewFlags {
            guard let theCase = byID[flag.caseID] else { continue }
            clue(flag.kind == .missingReview ? .skippedReview : .ignoredOpinion, .rev9, theCase.organisationID, flag.caseNumber, flag.detail, flag.on,
                 RecordRef.document(flag.documentID))
        }
        let publications = try await store.publications.list(organisations: Array(names.keys), statuses: [])
        let misses = try await redactionMisses(publications)
        for publication in publications {
            let link = RecordRef.publication(publication.id)
            if publication.publishedLate, let due = publication.dueOn, let on = publication.publishedOn {
                clue(.latePublication, .pub6, publication.organisationID, publication.number, "应于 \(due.iso) 前公开，\(on.iso) 才公开", on, link)
            } else if publication.status == .due, let due = publication.dueOn, due < today {
                clue(.missingPublication, .pub6, publication.organisationID, publication.number, "应于 \(due.iso) 前公开，至今未公开", due, link)
            }
            if let missed = misses[publication.id] {
                clue(.unredacted, .pub8, publication.organisationID, publication.number,
                     missed.map { "\($0.kind.chineseName)“\($0.original)”" }.joined(separator: "、"), publication.publishedOn ?? today,
                     RecordRef.publicDecision(publication.id))
            }
        }
        for obligation in try await referralObligations(in: organisations) {
            guard let due = obligation.dueOn, (obligation.referral?.referredOn ?? today) > due, obligation.referral != nil || due < today else { continue }
            let theCase = obligation.enforcementCase
            clue(.referralOverdue, .sup9, theCase.organisationID, theCase.number,
                 "\(obligation.closedOn.iso) 结案，应于 \(due.iso) 前移送纪检监察机关" + (obligation.referral.map { "，\($0.referredOn.iso) 才移送" } ?? "，至今未移送"),
                 due, RecordRef.case(theCase.id))
        }
        for transfer in transfers {
            guard let theCase = byID[transfer.caseID] else { continue }
            let link = RecordRef.case(theCase.id)
            if let problem = transfer.overdue(now: now, today: today) {
                clue(.transferOverdue, .sup2, transfer.fromOrganisation, theCase.number, "\(transfer.kind.chineseName)：\(problem)", transfer.createdOn, link)
            }
            // 应当移送而不移送 (310号 第十四条): a refused crime report, or a case closed before it was sent.
            if transfer.status == .refused {
                clue(.notTransferred, .sup2, transfer.fromOrganisation, theCase.number, "负责人不批准移送公安机关：\(transfer.refusalReason ?? "")",
                     transfer.createdOn, link)
            } else if [.reported, .approved].contains(transfer.status), theCase.status != .open {
                clue(.notTransferred, .sup2, transfer.fromOrganisation, theCase.number, "案件已\(theCase.status.chineseName)，\(transfer.kind.chineseName)仍未移送",
                     transfer.createdOn, link)
            }
        }
        for matter in try await store.records(CoordinationMatter.self).list(organisations: Array(names.keys)) where matter.isOverdue(today: today) {
            let awaited = matter.awaitedOrganisation ?? matter.organisationID
            clue(.coordinationOverdue, matter.kind.rule, awaited, matter.subject,
                 "\(matter.kind.chineseName)“\(matter.status.chineseName)”，应于 \(matter.dueOn?.iso ?? "") 前办理", matter.dueOn ?? today,
                 RecordRef.coordination(matter.id))
        }
        for lead in try await self.cases.overdueLeads(in: Array(names.keys)) {
            clue(.leadOverdue, .rec18, lead.organisationID, lead.number,
                 "\(lead.source.chineseName)线索应于 \(lead.dueOn?.iso ?? "") 前核查完毕，至今仍“\(lead.status.chineseName)”", lead.dueOn ?? today, RecordRef.lead(lead.id))
        }
        try await log(actor, .read, "supervision_clue", id: nil, in: actor.organisation, "查看监督线索（\(clues.count) 条）")
        return clues.sorted { ($0.on, $0.reference) > ($1.on, $1.reference) }
    }
}
