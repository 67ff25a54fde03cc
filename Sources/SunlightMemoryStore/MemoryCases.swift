import Foundation
import SunlightCore

struct MemoryCaseRepository: CaseRepository {
    let context: MemoryContext

    func insert(_ enforcementCase: EnforcementCase) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.cases, \.id, enforcementCase.id, "案件")
            try MemoryTables.unique(t.cases, \.number, enforcementCase.number, "案号")
            t.cases.append(enforcementCase)
        }
    }

    func update(_ enforcementCase: EnforcementCase) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.cases, \.id, enforcementCase.id, missing: SunlightError.notFound("案件"))
            t.cases[i] = enforcementCase
        }
    }

    func find(_ id: EnforcementCase.ID) async throws -> EnforcementCase? {
        context.read { $0.cases.first { $0.id == id } }
    }

    func find(ids: [EnforcementCase.ID]) async throws -> [EnforcementCase] {
        let wanted = Set(ids)
        return Self.oldestFirst(context.read { $0.cases }.filter { wanted.contains($0.id) })
    }

    /// Newest opened first, ties by ID; the text is a substring of the title or the number.
    func list(organisations: [Organisation.ID], filter: CaseFilter, limit: Int, offset: Int) async throws -> [EnforcementCase] {
        let wanted = Set(organisations)
        return Self.newestFirst(context.read { $0.cases }.filter { Self.matches($0, wanted, filter) }).page(offset: offset, limit: limit)
    }

    func assigned(to user: StaffUser.ID) async throws -> [EnforcementCase.ID] {
        context.read { $0.officers }.map(\.value).filter { $0.userID == user && $0.removedAt == nil }.map(\.caseID)
    }

    func chronological(offset: Int, limit: Int) async throws -> [EnforcementCase] {
        Self.oldestFirst(Array(context.read { $0.cases })).page(offset: offset, limit: limit)
    }

    static func oldestFirst(_ cases: [EnforcementCase]) -> [EnforcementCase] {
        cases.sorted { ($0.openedAt, $0.id.uuidString) < ($1.openedAt, $1.id.uuidString) }
    }

    func insert(party: CaseParty) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.parties, \.id, party.id, "当事人")
            t.parties.append(party.asStored)
        }
    }

    func parties(of caseID: EnforcementCase.ID) async throws -> [CaseParty] {
        context.read { $0.parties }.filter { $0.caseID == caseID }.sorted { UUID.ascending($0.id, $1.id) }
    }

    func parties(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseParty] {
        let wanted = Set(ids)
        return context.read { $0.parties }.filter { wanted.contains($0.caseID) }.sorted { UUID.ascending($0.id, $1.id) }
    }

    func parties(offset: Int, limit: Int) async throws -> [CaseParty] {
        context.read { $0.parties }.sorted { UUID.ascending($0.id, $1.id) }.page(offset: offset, limit: limit)
    }

    func append(_ event: CaseEvent) async throws {
        try await context.write { t in
            t.caseEventsByCase.add(event.caseID, at: t.caseEvents.count)
            t.caseEvents.append(event)
        }
    }

    func events(of caseID: EnforcementCase.ID) async throws -> [CaseEvent] {
        context.read { t in t.caseEventsByCase.positions(caseID).map { t.caseEvents[$0] } }
    }

    func events(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseEvent] {
        let wanted = Set(ids)
        return context.read { t in wanted.flatMap { t.caseEventsByCase.positions($0) }.sorted().map { t.caseEvents[$0] } }
    }

    func events(offset: Int, limit: Int) async throws -> [CaseEvent] {
        context.read { $0.caseEvents }.page(offset: offset, limit: limit)
    }

    /// One row per (case, officer): a second save changes only the removal.
    func insert(parties: [CaseParty], lookups: [CaseParty.ID: String]) async throws {
        for party in parties { try await insert(party: party) }
        try await context.write { t in for party in parties { t.partyLookups[party.id] = lookups[party.id] } }
    }

    func insert(officers: [CaseOfficer]) async throws {
        for officer in officers { try await save(officer: officer) }
    }

    func save(officer: CaseOfficer) async throws {
        try await context.write { t in
            if let i = t.officersByCase.positions(officer.caseID).first(where: { t.officers[$0].value.userID == officer.userID }) {
                let stored = t.officers[i].value
                t.officers[i].value = CaseOfficer(caseID: stored.caseID, userID: stored.userID, assignedAt: stored.assignedAt,
                                                  removedAt: officer.removedAt, removalReason: officer.removalReason)
            } else {
                t.officersByCase.add(officer.caseID, at: t.officers.count)
                t.officers.append(Sequenced(seq: t.seq(), value: officer))
            }
        }
    }

    func officers(of caseID: EnforcementCase.ID) async throws -> [CaseOfficer] {
        context.read { t in t.officersByCase.positions(caseID).map { t.officers[$0].value } }.stableSorted { $0.assignedAt < $1.assignedAt }
    }

    /// The SQL store pages by a row ID drawn at random; any fixed order serves a complete walk.
    func officers(offset: Int, limit: Int) async throws -> [CaseOfficer] {
        context.read { $0.officers }.map(\.value).page(offset: offset, limit: limit)
    }
}

extension CaseParty {
    /// As the SQL store keeps it: a natural person's name, ID, address and phone are sealed elsewhere.
    var asStored: CaseParty {
        guard kind == .person else { return self }
        return CaseParty(id: id, caseID: caseID, kind: kind, name: "", idNumber: nil, address: nil, phone: nil,
                         representative: representative, partyMemberOrOfficial: partyMemberOrOfficial)
    }
}

struct MemoryCaseRecordRepository: CaseRecordRepository {
    let context: MemoryContext

    func insert(_ document: CaseDocument) async throws {
        try await context.write { t in
            if t.documentsByID.contains(document.id) { throw MemoryStoreError(description: "文书 已存在（唯一约束）") }
            if let number = document.number { try MemoryTables.unique(t.documents, \.number, number, "文书编号") }
            t.documentsByID.add(document.id, at: t.documents.count)
            t.documentsByCase.add(document.caseID, at: t.documents.count)
            t.documents.append(document)
        }
    }

    func update(_ document: CaseDocument) async throws {
        try await context.write { t in
            guard let i = t.documentsByID.positions(document.id).first else { throw SunlightError.notFound("文书") }
            if let number = document.number, t.documents.enumerated().contains(where: { $0.offset != i && $0.element.number == number }) {
                throw MemoryStoreError(description: "文书编号 已存在（唯一约束）")
            }
            t.documents[i] = document
        }
    }

    func document(_ id: UUID) async throws -> CaseDocument? {
        context.read { t in t.documentsByID.positions(id).first.map { t.documents[$0] } }
    }

    func documents(of caseID: EnforcementCase.ID) async throws -> [CaseDocument] {
        context.read { t in t.documentsByCase.positions(caseID).map { t.documents[$0] } }.stableSorted { $0.draftedAt < $1.draftedAt }
    }

    func documents(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseDocument] {
        let wanted = Set(ids)
        return context.read { t in wanted.flatMap { t.documentsByCase.positions($0) }.sorted().map { t.documents[$0] } }
            .stableSorted { $0.draftedAt < $1.draftedAt }
    }

    func documents(offset: Int, limit: Int) async throws -> [CaseDocument] {
        context.read { $0.documents }.sorted { UUID.ascending($0.id, $1.id) }.page(offset: offset, limit: limit)
    }

    func insert(_ evidence: CaseEvidence) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.caseEvidence, \.id, evidence.id, "证据")
            t.caseEvidence.append(evidence)
        }
    }

    func evidence(of caseID: EnforcementCase.ID) async throws -> [CaseEvidence] {
        context.read { $0.caseEvidence }.filter { $0.caseID == caseID }.stableSorted { $0.recordedAt < $1.recordedAt }
    }

    func evidence(usingFiles fileIDs: [EvidenceFile.ID]) async throws -> [CaseEvidence] {
        let wanted = Set(fileIDs)
        return context.read { $0.caseEvidence }.filter { $0.fileID.map(wanted.contains) == true }
    }

    func evidence(offset: Int, limit: Int) async throws -> [CaseEvidence] {
        context.read { $0.caseEvidence }.sorted { UUID.ascending($0.id, $1.id) }.page(offset: offset, limit: limit)
    }

    func insert(_ record: InterferenceRecord) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.interference, \.id, record.id, "干预记录")
            t.interference.append(record)
        }
    }

    func interference(of caseID: EnforcementCase.ID) async throws -> [InterferenceRecord] {
        context.read { $0.interference }.filter { $0.caseID == caseID }.stableSorted { $0.recordedAt < $1.recordedAt }
    }

    func interference(offset: Int, limit: Int) async throws -> [InterferenceRecord] {
        context.read { $0.interference }.sorted { UUID.ascending($0.id, $1.id) }.page(offset: offset, limit: limit)
    }
}

struct MemoryCaseSettingsRepository: CaseSettingsRepository {
    let context: MemoryContext

    func nextNumber(organisation: Organisation.ID, code: String, year: Int) async throws -> Int {
        let key = MemoryCounterKey(organisation: organisation, code: code, year: year)
        return try await context.write { t in
            let next = (t.counters[key] ?? 0) + 1
            t.counters[key] = next
            return next
        }
    }

    func benchmarks(organisation: Organisation.ID, item: UUID?) async throws -> [DiscretionBenchmark] {
        context.read { $0.benchmarks }.filter { $0.organisationID == organisation && (item == nil || $0.itemEntryID == item) }
    }

    /// One benchmark per (organisation, item, circumstance): saving again changes the fines and
    /// measures and keeps the first one's ID.
    func save(_ benchmark: DiscretionBenchmark) async throws {
        try await context.write { t in
            if let i = t.benchmarks.firstIndex(where: {
                $0.organisationID == benchmark.organisationID && $0.itemEntryID == benchmark.itemEntryID && $0.circumstance == benchmark.circumstance
            }) {
                let stored = t.benchmarks[i]
                t.benchmarks[i] = DiscretionBenchmark(id: stored.id, organisationID: stored.organisationID, itemEntryID: stored.itemEntryID,
                                                      circumstance: stored.circumstance, minFine: benchmark.minFine, maxFine: benchmark.maxFine,
                                                      measures: benchmark.measures)
            } else {
                try MemoryTables.unique(t.benchmarks, \.id, benchmark.id, "裁量基准")
                t.benchmarks.append(benchmark)
            }
        }
    }

    func benchmarks(offset: Int, limit: Int) async throws -> [DiscretionBenchmark] {
        context.read { $0.benchmarks }.sorted { UUID.ascending($0.id, $1.id) }.page(offset: offset, limit: limit)
    }

    func audioVideoList(organisation: Organisation.ID, category: EnforcementCategory) async throws -> [String: Bool] {
        var result: [String: Bool] = [:]
        for entry in context.read({ $0.audioVideo }) where entry.organisationID == organisation && entry.category == category {
            result[entry.stage] = entry.required
        }
        return result
    }

    func setAudioVideo(organisation: Organisation.ID, category: EnforcementCategory, stage: String, required: Bool) async throws {
        try await context.write { t in
            t.audioVideo.removeAll { $0.organisationID == organisation && $0.category == category && $0.stage == stage }
            t.audioVideo.append(AudioVideoListEntry(organisationID: organisation, category: category, stage: stage, required: required))
        }
    }

    /// Ordered by organisation (as lower-case text), category, stage.
    func audioVideoEntries() async throws -> [AudioVideoListEntry] {
        context.read { $0.audioVideo }.sorted {
            ($0.organisationID.uuidString.lowercased(), $0.category.rawValue, $0.stage) < ($1.organisationID.uuidString.lowercased(), $1.category.rawValue, $1.stage)
        }
    }
}

/// Append-only: records and catalogue versions.
struct MemoryReviewRepository: ReviewRepository {
    let context: MemoryContext

    func insert(_ record: ReviewRecord) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.reviewRecords, \.id, record.id, "审核记录")
            t.reviewRecords.append(record)
        }
    }

    func record(_ id: ReviewRecord.ID) async throws -> ReviewRecord? {
        context.read { $0.reviewRecords.first { $0.id == id } }
    }

    func records(ofCase caseID: EnforcementCase.ID) async throws -> [ReviewRecord] {
        context.read { $0.reviewRecords }.filter { $0.caseID == caseID }
    }

    func records(ofCases ids: [EnforcementCase.ID]) async throws -> [ReviewRecord] {
        let wanted = Set(ids)
        return context.read { $0.reviewRecords }.filter { wanted.contains($0.caseID) }
    }

    func records(organisations: [Organisation.ID]) async throws -> [ReviewRecord] {
        let wanted = Set(organisations)
        return context.read { $0.reviewRecords }.filter { wanted.contains($0.organisationID) }
    }

    func records(runningCasesOf organisations: [Organisation.ID]) async throws -> [ReviewRecord] {
        let wanted = Set(organisations)
        let (records, cases) = context.read { ($0.reviewRecords, $0.cases) }
        let running = Set(cases.filter { wanted.contains($0.organisationID) && ($0.status == .open || $0.status == .suspended) }.map(\.id))
        return records.filter { running.contains($0.caseID) }
    }

    func records(offset: Int, limit: Int) async throws -> [ReviewRecord] {
        context.read { $0.reviewRecords }.page(offset: offset, limit: limit)
    }

    /// Only an organisation's adopted version is stored; the built-in catalogue is not.
    func insert(catalogue: MajorDecisionCatalogue) async throws {
        guard let organisation = catalogue.organisationID, catalogue.adoptedAt != nil else {
            throw MemoryStoreError(description: "内置目录不存入数据库")
        }
        try await context.write { t in
            if t.catalogues.contains(where: { $0.organisationID == organisation && $0.version == catalogue.version }) {
                throw MemoryStoreError(description: "审核目录版本 已存在（唯一约束）")
            }
            t.catalogues.append(catalogue)
        }
    }

    func catalogues(organisation: Organisation.ID) async throws -> [MajorDecisionCatalogue] {
        context.read { $0.catalogues }.filter { $0.organisationID == organisation }.stableSorted { $0.version < $1.version }
    }

    func allCatalogues() async throws -> [MajorDecisionCatalogue] {
        context.read { $0.catalogues }.stableSorted {
            ($0.organisationID?.uuidString ?? "", $0.version) < ($1.organisationID?.uuidString ?? "", $1.version)
        }
    }
}
