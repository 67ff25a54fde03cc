import FluentKit
import Foundation
import SQLKit
import SunlightCore

extension SQLCaseSettingsRepository {
    /// `document_counters`: the series' row set to `last` when it is lower, created when missing.
    func raiseNumber(organisation: Organisation.ID, code: String, year: Int, to last: Int) async throws {
        let key = organisation.uuidString.lowercased()
        let updated = try await sql.raw("""
            UPDATE document_counters SET last = \(bind: last) WHERE organisation_id = \(bind: key) AND code = \(bind: code) AND year = \(bind: year) AND last < \(bind: last) RETURNING last
            """).all()
        guard updated.isEmpty else { return }
        let existing = try await sql.raw("""
            SELECT last FROM document_counters WHERE organisation_id = \(bind: key) AND code = \(bind: code) AND year = \(bind: year)
            """).first()
        guard existing == nil else { return }
        try await sql.insert(into: "document_counters").columns("organisation_id", "code", "year", "last")
            .values(SQLBind(key), SQLBind(code), SQLBind(year), SQLBind(last)).run()
    }
}
