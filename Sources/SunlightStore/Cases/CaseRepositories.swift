import FluentKit
import Foundation
import SQLKit
import SunlightCore

struct FluentCaseRepository: CaseRepository {
    let database: any Database

    func insert(_ enforcementCase: EnforcementCase) async throws { try await CaseModel(enforcementCase).create(on: database) }

    func update(_ enforcementCase: EnforcementCase) async throws {
        guard let model = try await CaseModel.find(enforcementCase.id, on: database) else { throw SunlightError.notFound("案件") }
        model.apply(enforcementCase)
        try await model.update(on: database)
    }

    func find(_ id: EnforcementCase.ID) async throws -> EnforcementCase? {
        try await CaseRow.first(CaseRow.select + " WHERE \(ident: "id") = \(bind: id)", on: database)
    }

    func find(ids: [EnforcementCase.ID]) async throws -> [EnforcementCase] {
        let cases = try await CaseRow.all(where: "id", in: Array(Set(ids)), on: database)
        // The ID's text only breaks ties: building it for every comparison cost more than reading the rows.
        return cases.sorted { $0.openedAt != $1.openedAt ? $0.openedAt < $1.openedAt : $0.id.uuidString < $1.id.uuidString }
    }

    func list(organisations: [Organisation.ID], filter: CaseFilter, limit: Int, offset: Int) async throws -> [EnforcementCase] {
        guard !organisations.isEmpty else { return [] }
        return try await CaseRow.all(CaseRow.select + " WHERE " + CaseFilterSQL.conditions(filter, organisations: organisations, on: database)
                                     + CaseFilterSQL.newestFirst + " LIMIT \(bind: limit) OFFSET \(bind: offset)", on: database)
    }

    func assigned(to user: StaffUser.ID) async throws -> [EnforcementCase.ID] {
        try await CaseOfficerModel.query(on: database).filter(\.$userID == user).filter(\.$removedAt == nil).all().map(\.caseID)
    }

    func chronological(offset: Int, limit: Int) async throws -> [EnforcementCase] {
        try await CaseRow.all(CaseRow.select + " ORDER BY \(ident: "opened_at"), \(ident: "id") LIMIT \(bind: limit) OFFSET \(bind: offset)", on: database)
    }

    func insert(party: CaseParty) async throws { try await CasePartyModel(party).create(on: database) }

    func parties(of caseID: EnforcementCase.ID) async throws -> [CaseParty] {
        try await CasePartyModel.query(on: database).filter(\.$caseID == caseID).sort(\.$id).all().map { try $0.domain() }
    }

    func parties(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseParty] {
        var parties: [CaseParty] = []
        for chunk in ids.chunked(500) {
            parties += try await CasePartyModel.query(on: database).filter(\.$caseID ~~ chunk).sort(\.$id).all().map { try $0.domain() }
        }
        return parties
    }

    func parties(offset: Int, limit: Int) async throws -> [CaseParty] {
        try await CasePartyModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func append(_ event: CaseEvent) async throws { try await CaseEventModel(event).create(on: database) }

    func events(of caseID: EnforcementCase.ID) async throws -> [CaseEvent] {
        try await CaseEventRow.all(CaseEventRow.select + " WHERE \(ident: "case_id") = \(bind: caseID) ORDER BY \(ident: "seq")", on: database)
    }

    func events(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseEvent] {
        try await CaseEventRow.all(where: "case_id", in: ids, order: "\(ident: "seq")", on: database)
    }

    func events(offset: Int, limit: Int) async throws -> [CaseEvent] {
        try await CaseEventRow.all(CaseEventRow.select + " ORDER BY \(ident: "seq") LIMIT \(bind: limit) OFFSET \(bind: offset)", on: database)
    }

    func save(officer: CaseOfficer) async throws {
        if let model = try await CaseOfficerModel.query(on: database).filter(\.$caseID == officer.caseID).filter(\.$userID == officer.userID).first() {
            model.removedAt = officer.removedAt
            model.removalReason = officer.removalReason
            try await model.update(on: database)
        } else {
            try await insert(officers: [officer])
        }
    }

    func officers(of caseID: EnforcementCase.ID) async throws -> [CaseOfficer] {
        try await CaseOfficerModel.query(on: database).filter(\.$caseID == caseID).sort(\.$assignedAt).all().map { $0.domain() }
    }

    func officers(offset: Int, limit: Int) async throws -> [CaseOfficer] {
        try await CaseOfficerModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { $0.domain() }
    }
}

struct FluentCaseRecordRepository: CaseRecordRepository {
    let database: any Database

    func insert(_ document: CaseDocument) async throws { try await CaseDocumentModel(document).create(on: database) }

    func update(_ document: CaseDocument) async throws {
        guard let model = try await CaseDocumentModel.find(document.id, on: database) else { throw SunlightError.notFound("文书") }
        model.apply(document)
        try await model.update(on: database)
    }

    func document(_ id: UUID) async throws -> CaseDocument? {
        try await CaseDocumentRow.first(CaseDocumentRow.select + " WHERE \(ident: "id") = \(bind: id)", on: database)
    }

    func documents(of caseID: EnforcementCase.ID) async throws -> [CaseDocument] {
        try await CaseDocumentRow.all(CaseDocumentRow.select + " WHERE \(ident: "case_id") = \(bind: caseID) ORDER BY \(ident: "drafted_at")", on: database)
    }

    func documents(ofCases ids: [EnforcementCase.ID]) async throws -> [CaseDocument] {
        try await CaseDocumentRow.all(where: "case_id", in: ids, order: "\(ident: "drafted_at")", on: database)
    }

    func documents(offset: Int, limit: Int) async throws -> [CaseDocument] {
        try await CaseDocumentRow.all(CaseDocumentRow.select + " ORDER BY \(ident: "id") LIMIT \(bind: limit) OFFSET \(bind: offset)", on: database)
    }

    func insert(_ evidence: CaseEvidence) async throws { try await CaseEvidenceModel(evidence).create(on: database) }

    func evidence(of caseID: EnforcementCase.ID) async throws -> [CaseEvidence] {
        try await CaseEvidenceModel.query(on: database).filter(\.$caseID == caseID).sort(\.$recordedAt).all().map { try $0.domain() }
    }

    func evidence(usingFiles fileIDs: [EvidenceFile.ID]) async throws -> [CaseEvidence] {
        guard !fileIDs.isEmpty else { return [] }
        return try await CaseEvidenceModel.query(on: database).filter(\.$fileID ~~ fileIDs).all().map { try $0.domain() }
    }

    func evidence(offset: Int, limit: Int) async throws -> [CaseEvidence] {
        try await CaseEvidenceModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func insert(_ record: InterferenceRecord) async throws { try await InterferenceModel(record).create(on: database) }

    func interference(of caseID: EnforcementCase.ID) async throws -> [InterferenceRecord] {
        try await InterferenceModel.query(on: database).filter(\.$caseID == caseID).sort(\.$recordedAt).all().map { try $0.domain() }
    }

    func interference(offset: Int, limit: Int) async throws -> [InterferenceRecord] {
        try await InterferenceModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }
}

struct SQLCaseSettingsRepository: CaseSettingsRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func nextNumber(organisation: Organisation.ID, code: String, year: Int) async throws -> Int {
        let key = organisation.uuidString.lowercased()
        let updated = try await sql.raw("""
            UPDATE document_counters SET last = last + 1 WHERE organisation_id = \(bind: key) AND code = \(bind: code) AND year = \(bind: year) RETURNING last
            """).first()
        if let row = updated { return try row.decode(column: "last", as: Int.self) }
        try await sql.insert(into: "document_counters").columns("organisation_id", "code", "year", "last")
            .values(SQLBind(key), SQLBind(code), SQLBind(year), SQLBind(1)).run()
        return 1
    }

    func benchmarks(organisation: Organisation.ID, item: UUID?) async throws -> [DiscretionBenchmark] {
        let query = BenchmarkModel.query(on: database).filter(\.$organisationID == organisation)
        if let item { query.filter(\.$itemEntryID == item) }
        return try await query.all().map { try $0.domain() }
    }

    func save(_ benchmark: DiscretionBenchmark) async throws {
        let model = try await BenchmarkModel.query(on: database).filter(\.$organisationID == benchmark.organisationID)
            .filter(\.$itemEntryID == benchmark.itemEntryID).filter(\.$circumstance == benchmark.circumstance.rawValue).first() ?? BenchmarkModel()
        if model.id == nil {
            model.id = benchmark.id
            model.organisationID = benchmark.organisationID
            model.itemEntryID = benchmark.itemEntryID
            model.circumstance = benchmark.circumstance.rawValue
        }
        model.minFine = benchmark.minFine
        model.maxFine = benchmark.maxFine
        model.measures = benchmark.measures
        try await model.save(on: database)
    }

    func benchmarks(offset: Int, limit: Int) async throws -> [DiscretionBenchmark] {
        try await BenchmarkModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    func audioVideoList(organisation: Organisation.ID, category: EnforcementCategory) async throws -> [String: Bool] {
        var result: [String: Bool] = [:]
        for row in try await sql.select().columns("stage", "required").from("audio_video_list")
            .where("organisation_id", .equal, SQLBind(organisation.uuidString.lowercased())).where("category", .equal, SQLBind(category.rawValue)).all() {
            result[try row.decode(column: "stage", as: String.self)] = try row.decode(column: "required", as: Int.self) != 0
        }
        return result
    }

    func audioVideoEntries() async throws -> [AudioVideoListEntry] {
        try await sql.select().columns("organisation_id", "category", "stage", "required").from("audio_video_list")
            .orderBy("organisation_id").orderBy("category").orderBy("stage").all().map { row in
                let organisation = try row.decode(column: "organisation_id", as: String.self)
                let category = try row.decode(column: "category", as: String.self)
                guard let id = UUID(uuidString: organisation), let parsed = EnforcementCategory(rawValue: category) else {
                    throw StoreError.corrupt("audio_video_list", UUID(uuidString: organisation))
                }
                return AudioVideoListEntry(organisationID: id, category: parsed, stage: try row.decode(column: "stage", as: String.self),
                                           required: try row.decode(column: "required", as: Int.self) != 0)
            }
    }

    func setAudioVideo(organisation: Organisation.ID, category: EnforcementCategory, stage: String, required: Bool) async throws {
        let key = organisation.uuidString.lowercased()
        try await sql.delete(from: "audio_video_list").where("organisation_id", .equal, SQLBind(key))
            .where("category", .equal, SQLBind(category.rawValue)).where("stage", .equal, SQLBind(stage)).run()
        try await sql.insert(into: "audio_video_list").columns("organisation_id", "category", "stage", "required")
            .values(SQLBind(key), SQLBind(category.rawValue), SQLBind(stage), SQLBind(required ? 1 : 0)).run()
    }
}
