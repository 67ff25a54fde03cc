import Foundation

extension Sunlight {
    /// 读模型准备 — builds the case-clock summaries (``CaseClockSummary``) when this store has
    /// never built them under the current version: a database from before them, one whose
    /// summaries were computed another way, or one filled by a bulk load. Returns whether it
    /// built them. Servers and command-line tools call it after migrating.
    @discardableResult
    public func prepareReadModels() async throws -> Bool {
        try await CaseClockSummaries.buildIfNeverBuilt(in: kernel.store, calendar: try await kernel.calendars.current())
    }
}
