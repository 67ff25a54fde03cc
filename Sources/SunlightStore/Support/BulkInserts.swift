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

extension BulkInsert {
    /// Rows bound by SQLKit directly into `columns` (the model's own): a bulk load's tens of
    /// thousands of rows skip building a model and reflecting over its fields per row.
    static func rows(into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.corrupt(table, nil) }
        for chunk in rows.chunked(rowsPerStatement) {
            let insert = sql.insert(into: table).columns(columns)
            for row in chunk { insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
        }
    }
}

extension FluentAccessLogRepository {
    func append(_ entries: [AccessLogEntry]) async throws {
        try await BulkInsert.rows(into: AccessLogModel.schema, columns: ["entry_id", "at", "actor_user_id", "actor_name", "channel", "action",
                                                                          "resource_type", "resource_id", "organisation_id", "organisation_path",
                                                                          "address", "summary"], entries.map { e in
            [e.id, e.at, e.actorUserID, e.actorName, e.channel.rawValue, e.action.rawValue, e.resourceType, e.resourceID, e.organisationID,
             e.organisationPath, e.address, e.summary]
        }, on: database)
    }
}

extension FluentCaseRepository {
    func insert(_ cases: [EnforcementCase]) async throws {
        try await BulkInsert.create(cases.map(CaseModel.init), on: database)
    }

    func append(_ events: [CaseEvent]) async throws {
        try await BulkInsert.rows(into: CaseEventModel.schema, columns: ["event_id", "case_id", "kind", "stage", "at", "on_date", "by_user", "note", "data"],
                                  events.map { e in [e.id, e.caseID, e.kind.rawValue, e.stage, e.at, e.on.iso, e.by, e.note, StringMap.encode(e.data)] },
                                  on: database)
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
