import FluentKit
import SQLKit
import Foundation
import SunlightCore

/// Multi-row inserts for bulk loads: the models' own column lists, several hundred rows per
/// statement (well under SQLite's and PostgreSQL's limits on bound values).
enum BulkInsert {
    static let rowsPerStatement = 300

    static func create<M: FluentKit.Model>(_ models: [M], on database: any Database) async throws {
        var start = 0
        while start < models.count {
            let end = Swift.min(models.count, start + rowsPerStatement)
            try await Array(models[start..<end]).create(on: database)
            start = end
        }
    }
}

extension FluentAccessLogRepository {
    /// The columns ``AccessLogModel`` writes, bound by SQLKit directly: a bulk load's tens of
    /// thousands of lines skip building a model and reflecting over its fields per row.
    func append(_ entries: [AccessLogEntry]) async throws {
        guard let sql = database as? any SQLDatabase else { return try await BulkInsert.create(entries.map(AccessLogModel.init), on: database) }
        var start = 0
        while start < entries.count {
            let end = Swift.min(entries.count, start + BulkInsert.rowsPerStatement)
            let insert = sql.insert(into: AccessLogModel.schema).columns("entry_id", "at", "actor_user_id", "actor_name", "channel", "action",
                                                                          "resource_type", "resource_id", "organisation_id", "organisation_path",
                                                                          "address", "summary")
            for e in entries[start..<end] {
                insert.values(SQLBind(e.id), SQLBind(e.at), SQLBind(e.actorUserID), SQLBind(e.actorName), SQLBind(e.channel.rawValue),
                              SQLBind(e.action.rawValue), SQLBind(e.resourceType), SQLBind(e.resourceID), SQLBind(e.organisationID),
                              SQLBind(e.organisationPath), SQLBind(e.address), SQLBind(e.summary))
            }
            try await insert.run()
            start = end
        }
    }
}

extension FluentCaseRepository {
    func insert(_ cases: [EnforcementCase]) async throws {
        try await BulkInsert.create(cases.map(CaseModel.init), on: database)
    }

    func append(_ events: [CaseEvent]) async throws {
        try await BulkInsert.create(events.map(CaseEventModel.init), on: database)
    }

    func insert(parties: [CaseParty], lookups: [CaseParty.ID: String]) async throws {
        try await BulkInsert.create(parties.map { party in
            let model = CasePartyModel(party)
            model.lookupDigest = lookups[party.id]
            return model
        }, on: database)
    }

    func insert(officers: [CaseOfficer]) async throws {
        try await BulkInsert.create(officers.map { officer in
            let model = CaseOfficerModel()
            model.id = UUID()
            model.caseID = officer.caseID
            model.userID = officer.userID
            model.assignedAt = officer.assignedAt
            model.removedAt = officer.removedAt
            model.removalReason = officer.removalReason
            return model
        }, on: database)
    }
}

extension FluentCaseRecordRepository {
    func insert(_ documents: [CaseDocument]) async throws {
        try await BulkInsert.create(documents.map(CaseDocumentModel.init), on: database)
    }

    func insert(_ evidence: [CaseEvidence]) async throws {
        try await BulkInsert.create(evidence.map(CaseEvidenceModel.init), on: database)
    }
}
