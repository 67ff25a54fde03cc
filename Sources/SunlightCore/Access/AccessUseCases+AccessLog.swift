import Foundation

extension AccessUseCases {
    /// The access log entries the actor may read, newest first (administrators and
    /// supervisors, for the organisations in their jurisdiction). Reading it is itself logged.
    public func accessLog(_ filter: AccessLogQuery, by actor: Actor) async throws -> [AccessLogEntry] {
        try await guarded(actor, "access_log", id: nil, in: actor.organisation) {
            try DeskPermissions(actor: actor).check(.readAccessLog)
        }
        var query = filter
        query.organisationPaths = [actor.scope.administeredPath, actor.scope.supervisedPath].compactMap { $0 }
        query.includeUnscoped = actor.has(.administrator)
        query.limit = min(max(filter.limit, 1), 5000)
        let entries = try await withAddresses(try await store.accessLog.entries(query))
        try await log(actor, .read, "access_log", id: nil, in: actor.organisation, "查看访问日志（\(entries.count) 条）")
        return entries
    }

    /// Fills in each entry's client address from the personal data it was sealed into.
    public func withAddresses(_ entries: [AccessLogEntry]) async throws -> [AccessLogEntry] {
        let addresses = try await unsealed(table: "access_log", field: "address", ids: entries.map(\.id))
        return entries.map { $0.with(address: $0.address ?? addresses[$0.id.uuidString.lowercased()]) }
    }

    /// The sealed personal values of one field of these records, by record ID; an erased value
    /// reads “（已依法删除）”.
    func unsealed(table: String, field: String, ids: [UUID]) async throws -> [String: String] {
        let values = try await store.personalData.values(table: table, recordIDs: ids.map { $0.uuidString.lowercased() })
        return Dictionary(values.filter { $0.field == field }.map { ($0.recordID, $0.value ?? "（已依法删除）") }, uniquingKeysWith: { $1 })
    }
}
