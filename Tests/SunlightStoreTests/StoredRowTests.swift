import Foundation
import SQLKit
import SunlightCore
import SunlightDatabaseTestSupport
@testable import SunlightStore
import SunlightTestSupport
import Testing

/// 行读取 — the hot reads decode rows straight from the driver (issue 16 item 3): each table's
/// one decoder must read every column its table has, and a stored value the domain cannot
/// read is reported as a corrupt record, not guessed.
@Suite("行读取 Stored rows (issue 16 item 3)")
struct StoredRowTests {
    /// The columns of `table` in this run's database.
    private func columns(of table: String, on sql: any SQLDatabase) async throws -> Set<String> {
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT name FROM pragma_table_info(\(bind: table))"
            : "SELECT column_name AS name FROM information_schema.columns WHERE table_name = \(bind: table) AND table_schema = current_schema()"
        return Set(try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
    }

    @Test("issue 16 item 3, REC-5: the decoders of cases, case events, documents and legal-review records read every column but the append order (seq), so a column a migration adds cannot be dropped silently",
          arguments: StoreKind.databases)
    func decodersReadEveryColumn(_ kind: StoreKind) async throws {
        try await TestDatabase.withHost(TestDatabase.Scratch(kind)) { host, _ in
            let sql = host.database as! any SQLDatabase
            let decoders: [(String, [String])] = [(CaseRow.table, CaseRow.columns), (CaseEventRow.table, CaseEventRow.columns),
                                                  (CaseDocumentRow.table, CaseDocumentRow.columns), (ReviewRecordRow.table, ReviewRecordRow.columns)]
            for (table, read) in decoders {
                var stored = try await columns(of: table, on: sql)
                stored.remove("seq")
                #expect(Set(read) == stored, "\(table)")
                #expect(read.count == Set(read).count, "\(table) reads each column once")
            }
        }
    }

    @Test("issue 16 item 3, REC-5: a case whose stored status is not one the domain knows is reported as a corrupt record, by list and by ID",
          arguments: StoreKind.databases)
    func corruptRowIsReported(_ kind: StoreKind) async throws {
        try await TestDatabase.withHost(TestDatabase.Scratch(kind)) { host, _ in
            let store = host.store
            let w = try await Conformance.world(store)
            let theCase = Conformance.enforcementCase("元市监立〔2026〕9号", in: w.market)
            try await store.cases.insert(theCase)
            #expect(try await store.cases.find(theCase.id) == theCase)
            let sql = host.database as! any SQLDatabase
            try await sql.raw("UPDATE cases SET status = 'lost' WHERE number = \(bind: theCase.number)").run()
            await #expect(throws: StoreError.self) { try await store.cases.find(theCase.id) }
            await #expect(throws: StoreError.self) { try await store.cases.list(organisations: [w.market.id], filter: .all, limit: 10) }
        }
    }
}
