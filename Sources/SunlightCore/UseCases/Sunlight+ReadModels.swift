import Foundation

extension Sunlight {
    /// 读模型准备 — builds the case-clock summaries (``CaseClockSummary``) when this store has
    /// never built them under the current version: a database from before them, one whose
    /// summaries were computed another way, or one filled by a bulk load. Returns whether it
    /// built them. Servers and command-line tools call it after migrating.
    @discardableResult
    public func prepareReadModels() async throws -> Bool {
        let store = kernel.store
        guard try await store.caseClocks.builtVersion() != CaseClockSummary.version else { return false }
        let calendar = try await kernel.calendars.current()
        try await store.transaction { try await CaseClockSummaries.rebuild(in: $0, calendar: calendar) }
        return true
    }
}
