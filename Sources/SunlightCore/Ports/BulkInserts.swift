import Foundation

// Many rows in one call, for bulk loads (``Sunlight/bulkLoad(from:batch:progress:)``): a store
// that can write them in one statement does; any other writes them one by one.

extension AccessLogRepository {
    public func append(_ entries: [AccessLogEntry]) async throws {
        for entry in entries { try await append(entry) }
    }
}

extension CaseRepository {
    public func insert(_ cases: [EnforcementCase]) async throws {
        for enforcementCase in cases { try await insert(enforcementCase) }
    }

    public func append(_ events: [CaseEvent]) async throws {
        for event in events { try await append(event) }
    }
}

extension CaseRecordRepository {
    public func insert(_ documents: [CaseDocument]) async throws {
        for document in documents { try await insert(document) }
    }

    public func insert(_ evidence: [CaseEvidence]) async throws {
        for record in evidence { try await insert(record) }
    }
}
