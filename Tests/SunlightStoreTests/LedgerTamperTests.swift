import Foundation
import SQLKit
@testable import SunlightCore
import SunlightDemo
import SunlightLedger
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// A world with history: the demo data set, then renames, role changes, a revoked token and a
/// loaded calendar, so records have several leaves and the log many checkpoints.
func historyWorld<T>(_ body: (DemoWorld) async throws -> T) async throws -> T {
    try await DemoWorld.onDatabase { world in
        let admin = try await world.actor("admin")
        let market = world.seeded.organisation("元谋县市场监督管理局")
        _ = try await world.sunlight.organisations.renameOrganisation(market.id, name: "元谋县市场监管局", shortName: "元市监", by: admin)
        let lina = try await world.user("scj.lina")
        _ = try await world.sunlight.organisations.updateUser(lina.id, StaffUserChanges(roles: [.officer, .publicityClerk]), by: admin)
        let (token, _) = try await world.sunlight.access.issueApiToken(for: lina.id, name: "对接", expiresOn: nil, by: admin)
        try await world.sunlight.access.revokeApiToken(token.id, by: admin)
        _ = try await world.sunlight.calendar.loadHolidayNotice(Data(CalendarUseCaseTests.notice2027.utf8), by: try await world.actor("yn.admin"))
        _ = try await world.sunlight.organisations.users(by: try await world.actor("admin"))
        return try await body(world)
    }
}

extension StoreHost {
    func leafIndex(table: String, id: String) async throws -> UInt64 {
        UInt64(try await strings("SELECT leaf_index FROM ledger_entries WHERE record_table = '\(table)' AND record_id = '\(id)' ORDER BY leaf_index DESC").first!)!
    }

    /// A sealed access-log address; other tables seal personal data too, so the row is chosen by table and field.
    func firstSealedAddress() async throws -> String {
        try await strings("SELECT record_id FROM personal_data WHERE record_table = 'access_log' AND field = 'address' ORDER BY record_id").first!
    }

    func size() async throws -> UInt64 { UInt64(try await strings("SELECT size FROM ledger_head").first!)! }

    /// Sizes of the stored checkpoints, ascending (one per committed transaction).
    func checkpointSizes() async throws -> [UInt64] {
        try await strings("SELECT size FROM ledger_checkpoints ORDER BY size").map { UInt64($0)! }
    }
}

@Suite("防篡改：删改必被发现并定位 REC-5")
struct LedgerTamperTests {
    @Test("REC-5: a log with a history verifies clean, every checkpoint chained to the one before")
    func clean() async throws {
        try await historyWorld { world in
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            let size = try await world.host.size()
            #expect(report.leaves == size && size > 60)
            #expect(report.checkpoints > 30 && report.consistencyProofs == report.checkpoints - 1)
            #expect(report.records["users"] == DemoData.accountCount && report.records["organisations"] == 10)
            let latest = try #require(try await world.sunlight.store.ledger.latestCheckpoint())
            #expect(latest.size == size && latest.root == report.root)
        }
    }

    /// One way an insider could tamper, and where verify must point.
    struct Tampering: Sendable, CustomTestStringConvertible {
        let name: String
        /// Changes the database; returns what the first problem must name.
        let apply: @Sendable (DemoWorld) async throws -> Expected
        var testDescription: String { name }
    }

    struct Expected: Sendable {
        /// `nil`: any table (a swap is reported under whichever table the swapped row claims).
        let table: String?
        var recordID: String? = nil
        var leafIndex: UInt64? = nil
        let fragment: String
    }

    /// A tampering that is one SQL statement, reported first under `table`.
    static func edit(_ name: String, _ table: String, _ statement: String, fragment: String = "被直接修改") -> Tampering {
        Tampering(name: name) { world in
            try await world.host.execute(SQLQueryString(stringLiteral: statement))
            return Expected(table: table, fragment: fragment)
        }
    }

    /// A direct change to the first published decision's row, outside its logged state.
    static func publication(_ name: String, set assignment: String) -> Tampering {
        Tampering(name: name) { world in
            let first = "(SELECT id FROM decision_publications WHERE status = 'published' ORDER BY id LIMIT 1)"
            let id = try await world.host.strings("SELECT id FROM decision_publications WHERE id = \(first)").first!
            try await world.host.execute(SQLQueryString(stringLiteral: "UPDATE decision_publications SET \(assignment) WHERE id = \(first)"))
            return Expected(table: "decision_publications", recordID: id.lowercased(), fragment: "被直接修改")
        }
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "edit a field of a record") { world in
            let user = try await world.user("scj.zhangwei")
            try await world.host.execute("UPDATE users SET display_name = '张三' WHERE username = 'scj.zhangwei'")
            return Expected(table: "users", recordID: user.id.uuidString.lowercased(), fragment: "被直接修改")
        },
        Tampering(name: "grant a role behind the system's back") { world in
            let user = try await world.user("scj.zhangwei")
            try await world.host.execute("INSERT INTO user_roles (id, user_id, role) VALUES (\(bind: UUID()), \(bind: user.id), 'administrator')")
            return Expected(table: "users", recordID: user.id.uuidString.lowercased(), fragment: "被直接修改")
        },
        Tampering(name: "set a password hash directly") { world in
            let user = try await world.user("jiandu")
            try await world.host.execute("UPDATE users SET password_hash = 'x' WHERE id = \(bind: user.id)")
            return Expected(table: "users", recordID: user.id.uuidString.lowercased(), fragment: "被直接修改")
        },
        Tampering(name: "insert a row") { world in
            let id = UUID()
            let parent = world.seeded.organisation("元谋县人民政府")
            try await world.host.execute("""
                INSERT INTO organisations (id, parent_id, name, short_name, kind, level, path, created_at)
                VALUES (\(bind: id), \(bind: parent.id), '影子局', '影', 'department', 'county', \(bind: parent.path + id.uuidString.lowercased() + "/"), \(bind: Date()))
                """)
            return Expected(table: "organisations", recordID: id.uuidString.lowercased(), fragment: "被直接插入")
        },
        Tampering(name: "delete a row") { world in
            let id = try await world.host.strings("SELECT id FROM certificates WHERE number = '53232800103'").first!
            try await world.host.execute("DELETE FROM certificates WHERE number = '53232800103'")
            return Expected(table: "certificates", recordID: id.lowercased(), fragment: "被删除")
        },
        Tampering(name: "edit the content stored with a leaf") { world in
            let user = try await world.user("scj.zhangwei")
            let index = try await world.host.leafIndex(table: "users", id: user.id.uuidString.lowercased())
            try await world.host.execute("UPDATE ledger_entries SET content = replace(content, '张伟', '张三') WHERE leaf_index = \(bind: Int64(index))")
            return Expected(table: "users", recordID: user.id.uuidString.lowercased(), leafIndex: index, fragment: "内容被篡改")
        },
        Tampering(name: "edit a leaf's entry") { world in
            try await world.host.execute("UPDATE ledger_entries SET entry = replace(entry, 'organisation.created', 'organisation.renamed') WHERE leaf_index = 0")
            return Expected(table: "ledger_subtrees", leafIndex: 0, fragment: "重算的值不符")
        },
        Tampering(name: "delete a leaf") { world in
            try await world.host.execute("DELETE FROM ledger_entries WHERE leaf_index = 20")
            return Expected(table: "ledger_entries", leafIndex: 20, fragment: "日志条目被删除")
        },
        Tampering(name: "swap two leaves") { world in
            let rows = try await world.host.strings("SELECT entry FROM ledger_entries WHERE leaf_index IN (5, 9) ORDER BY leaf_index")
            let contents = try await world.host.strings("SELECT content FROM ledger_entries WHERE leaf_index IN (5, 9) ORDER BY leaf_index")
            try await world.host.execute("UPDATE ledger_entries SET entry = \(bind: rows[1]), content = \(bind: contents[1]) WHERE leaf_index = 5")
            try await world.host.execute("UPDATE ledger_entries SET entry = \(bind: rows[0]), content = \(bind: contents[0]) WHERE leaf_index = 9")
            return Expected(table: nil, leafIndex: 5, fragment: "被篡改")
        },
        Tampering(name: "append a leaf with consistent tiles but no signature") { world in
            let size = try await world.host.size()
            var tree = MemoryTree()
            for entry in try await world.host.strings("SELECT entry FROM ledger_entries ORDER BY leaf_index") {
                tree.append(leafHash: RFC6962.leafHash(Array(entry.utf8)))
            }
            let forged = LedgerRecord(type: "organisation.created", table: "organisations", id: "forged", organisationID: nil, content: .object([:]))
            let entry = forged.entry(at: Date(timeIntervalSince1970: 1_800_000_000))
            try await world.host.execute("""
                INSERT INTO ledger_entries (leaf_index, entry, content, record_table, record_id)
                VALUES (\(bind: Int64(size)), \(bind: entry.canonical.text), '{}', 'organisations', 'forged')
                """)
            for (id, hash) in tree.append(leafHash: RFC6962.leafHash(entry.bytes)) {
                try await world.host.execute("INSERT INTO ledger_subtrees (level, idx, hash) VALUES (\(bind: id.level), \(bind: Int64(id.index)), \(bind: hash.hex))")
            }
            try await world.host.execute("UPDATE ledger_head SET size = \(bind: Int64(size + 1)), root = \(bind: try tree.root().hex)")
            return Expected(table: "ledger_entries", leafIndex: size, fragment: "没有签名检查点：日志被插入")
        },
        Tampering(name: "truncate the log") { world in
            let size = try await world.host.size()
            let cut = try await world.host.checkpointSizes().first { $0 > size - 5 }!
            try await world.host.execute("DELETE FROM ledger_entries WHERE leaf_index >= \(bind: Int64(size - 5))")
            return Expected(table: "ledger_checkpoints", leafIndex: cut - 1, fragment: "日志被截断")
        },
        Tampering(name: "edit a stored leaf hash") { world in
            try await world.host.execute("UPDATE ledger_subtrees SET hash = \(bind: RFC6962.emptyRoot.hex) WHERE level = 0 AND idx = 12")
            return Expected(table: "ledger_subtrees", leafIndex: 12, fragment: "重算的值不符")
        },
        Tampering(name: "edit a stored interior hash") { world in
            try await world.host.execute("UPDATE ledger_subtrees SET hash = \(bind: RFC6962.emptyRoot.hex) WHERE level = 3 AND idx = 2")
            return Expected(table: "ledger_subtrees", leafIndex: 16, fragment: "子树哈希 (3, 2)")
        },
        Tampering(name: "delete a stored hash") { world in
            try await world.host.execute("DELETE FROM ledger_subtrees WHERE level = 1 AND idx = 4")
            return Expected(table: "ledger_subtrees", fragment: "缺少子树哈希 (1, 4)")
        },
        Tampering(name: "replace a checkpoint with another one") { world in
            let sizes = try await world.host.checkpointSizes()
            let other = try await world.host.strings("SELECT note FROM ledger_checkpoints WHERE size = \(sizes[4])").first!
            try await world.host.execute("UPDATE ledger_checkpoints SET note = \(bind: other) WHERE size = \(bind: Int64(sizes[9]))")
            return Expected(table: "ledger_checkpoints", leafIndex: sizes[9] - 1, fragment: "签名内容与存储的大小或根哈希不符")
        },
        Tampering(name: "re-sign a checkpoint with another key") { world in
            let size = try await world.host.checkpointSizes()[9]
            let root = try await world.host.strings("SELECT root FROM ledger_checkpoints WHERE size = \(size)").first!
            let forged = try Checkpoint(origin: world.sunlight.ledger.origin, size: size, root: LedgerHash(hex: root)!)
                .signed(by: try NoteSigner.generate(name: world.sunlight.ledger.signer.name))
            try await world.host.execute("UPDATE ledger_checkpoints SET note = \(bind: forged) WHERE size = \(bind: Int64(size))")
            return Expected(table: "ledger_checkpoints", leafIndex: size - 1, fragment: "签名校验失败")
        },
        Tampering(name: "edit a checkpoint's root") { world in
            let size = try await world.host.checkpointSizes()[12]
            try await world.host.execute("UPDATE ledger_checkpoints SET root = \(bind: RFC6962.emptyRoot.hex) WHERE size = \(bind: Int64(size))")
            return Expected(table: "ledger_checkpoints", leafIndex: size - 1, fragment: "签名内容与存储的大小或根哈希不符")
        },
        Tampering(name: "edit a sealed personal value") { world in
            let id = try await world.host.firstSealedAddress()
            try await world.host.execute("UPDATE personal_data SET value = '10.66.6.6' WHERE record_id = \(bind: id)")
            return Expected(table: "personal_data", recordID: "access_log/\(id)", fragment: "被篡改")
        },
        Tampering(name: "edit a personal-data commitment") { world in
            let id = try await world.host.firstSealedAddress()
            try await world.host.execute("UPDATE personal_data SET commitment = \(bind: RFC6962.emptyRoot.hex) WHERE record_id = \(bind: id)")
            return Expected(table: "access_log", recordID: id, fragment: "被直接修改")
        },
        Tampering(name: "edit an access-log line") { world in
            let id = try await world.host.strings("SELECT entry_id FROM access_log WHERE action = 'read' ORDER BY seq").first!
            try await world.host.execute("UPDATE access_log SET summary = '无事发生' WHERE entry_id = \(bind: UUID(uuidString: id)!)")
            return Expected(table: "access_log", recordID: id.lowercased(), fragment: "被直接修改")
        },
        Tampering(name: "delete an access-log line") { world in
            let id = try await world.host.strings("SELECT entry_id FROM access_log WHERE action = 'read' ORDER BY seq").first!
            try await world.host.execute("DELETE FROM access_log WHERE entry_id = \(bind: UUID(uuidString: id)!)")
            return Expected(table: "access_log", recordID: id.lowercased(), fragment: "被删除")
        },
        Tampering(name: "edit the head row") { world in
            try await world.host.execute("UPDATE ledger_head SET size = size - 1")
            return Expected(table: "ledger_head", fragment: "不符")
        },
        // What the public and the upper-level platform see (issue 15 item 9).
        publication("hide a published decision from the portal", set: "status = 'due'"),
        publication("make a forged word findable in a published decision", set: "search_text = search_text || ' 伪造的词'"),
        publication("put a published decision in the clerk's queue as if to be withdrawn", set: "pending_step = 'withdraw', pending_due = '2026-01-01'"),
        Tampering(name: "edit the portal's search index") { world in
            let id = try await world.host.strings("SELECT doc_id FROM search_documents ORDER BY doc_id").first!
            try await world.host.execute("UPDATE search_documents SET body = body || ' 伪造的词' WHERE doc_id = \(bind: id)")
            return Expected(table: "search_documents", recordID: id, fragment: "被直接修改")
        },
        // The bigram index (issue 16 item 5): deleting grams would hide a document from search.
        Tampering(name: "hide a published decision from search by deleting its grams") { world in
            let first = "(SELECT id FROM decision_publications WHERE status = 'published' ORDER BY id LIMIT 1)"
            let id = try await world.host.strings("SELECT id FROM decision_publications WHERE id = \(first)").first!
            try await world.host.execute(SQLQueryString(stringLiteral: "DELETE FROM decision_grams WHERE publication_id = \(first)"))
            return Expected(table: "decision_publications", recordID: id.lowercased(), fragment: "被直接修改")
        },
        Tampering(name: "hide a search document by deleting its grams") { world in
            let id = try await world.host.strings("SELECT doc_id FROM search_documents ORDER BY doc_id").first!
            try await world.host.execute("DELETE FROM search_grams WHERE doc_id = \(bind: id)")
            return Expected(table: "search_documents", recordID: id, fragment: "被直接修改")
        },
        Tampering(name: "edit a search document's folded text") { world in
            let id = try await world.host.strings("SELECT doc_id FROM search_documents ORDER BY doc_id").first!
            try await world.host.execute("UPDATE search_documents SET search_text = search_text || ' 伪造的词' WHERE doc_id = \(bind: id)")
            return Expected(table: "search_documents", recordID: id, fragment: "被直接修改")
        },
        Tampering(name: "insert a document into the portal's search index") { world in
            let organisation = world.market.id.uuidString.lowercased()
            try await world.host.execute("""
                INSERT INTO search_documents (doc_id, organisation_id, kind, title, body, link, updated_at)
                VALUES ('entry:00000000-0000-0000-0000-000000000001', \(bind: organisation), '执法事项清单', '伪造的事项', '伪造', '/', '2026-11-23T01:00:00.000Z')
                """)
            return Expected(table: "search_documents", recordID: "entry:00000000-0000-0000-0000-000000000001", fragment: "被直接插入")
        },
        // The records of cases, lists, officers, reviews and settings, changed or deleted directly.
        edit("retitle a case", "cases", "UPDATE cases SET title = title || '（改）' WHERE id = (SELECT id FROM cases ORDER BY id LIMIT 1)"),
        edit("renumber an issued document", "case_documents",
             "UPDATE case_documents SET number = number || '之一' WHERE id = (SELECT id FROM case_documents WHERE number IS NOT NULL ORDER BY id LIMIT 1)"),
        edit("delete a case event", "case_events", "DELETE FROM case_events WHERE seq = (SELECT max(seq) FROM case_events)", fragment: "被删除"),
        edit("take an officer off a case", "case_officers", "DELETE FROM case_officers WHERE id = (SELECT id FROM case_officers ORDER BY id LIMIT 1)",
             fragment: "被删除"),
        edit("delete a piece of evidence", "case_evidence", "DELETE FROM case_evidence WHERE id = (SELECT id FROM case_evidence ORDER BY id LIMIT 1)",
             fragment: "被删除"),
        edit("change a party", "case_parties", "UPDATE case_parties SET kind = 'organisation' WHERE id = (SELECT id FROM case_parties WHERE kind <> 'organisation' ORDER BY id LIMIT 1)"),
        edit("backdate a list entry", "list_entries", "UPDATE list_entries SET effective_from = '2000-01-01' WHERE id = (SELECT id FROM list_entries ORDER BY id LIMIT 1)"),
        edit("un-revoke an API token", "api_tokens", "UPDATE api_tokens SET revoked_at = NULL, revoked_by = NULL"),
        edit("extend a certificate", "certificates", "UPDATE certificates SET valid_until = '2030-12-31' WHERE number = '53232800103'"),
        edit("move a holiday", "holiday_notices", "UPDATE holiday_notices SET notice_json = replace(notice_json, '2027-01-03', '2027-01-05')"),
        edit("renumber a review round", "review_records", "UPDATE review_records SET round = round + 1"),
        edit("delete a publication event", "publication_events", "DELETE FROM publication_events WHERE seq = (SELECT max(seq) FROM publication_events)",
             fragment: "被删除"),
        edit("rewrite a published decision's text", "decision_publications", #"UPDATE decision_publications SET state = replace(state, '"number":"', '"number":"X')"#),
        Tampering(name: "edit a message queued for the upper-level platform") { world in
            let id = try await world.host.strings("SELECT delivery_id FROM outbox WHERE signature IS NOT NULL ORDER BY seq").first!
            try await world.host.execute("UPDATE outbox SET body = replace(body, '\"kind\"', '\"kind\" ') WHERE seq = (SELECT min(seq) FROM outbox WHERE signature IS NOT NULL)")
            return Expected(table: "outbox", recordID: id.lowercased(), fragment: "被直接修改")
        },
    ] + readModelTamperings

    @Test("REC-5: each tampering is detected, and the first problem names table, record and leaf", arguments: tamperings)
    func detected(tampering: Tampering) async throws {
        try await historyWorld { world in
            #expect(try await world.sunlight.cases.verify().isClean)
            try await world.host.dropAppendOnlyTriggers()
            let expected = try await tampering.apply(world)
            let report = try await world.sunlight.cases.verify()
            let first = try #require(report.firstProblem, "\(tampering.name) went unnoticed")
            if let table = expected.table { #expect(first.table == table, "\(first)") }
            if let id = expected.recordID { #expect(first.recordID == id, "\(first)") }
            if let leaf = expected.leafIndex { #expect(first.leafIndex == leaf, "\(first)") }
            #expect(first.message.contains(expected.fragment), "\(first)")
        }
    }

    @Test("REC-5: rolling the whole database back to an earlier state is caught by a kept checkpoint")
    func rollback() async throws {
        try await historyWorld { world in
            let size = try await world.host.size()
            let witness = try #require(try await world.sunlight.store.ledger.latestCheckpoint()).note
            let keep = try await world.host.checkpointSizes().last { $0 <= size - 8 }!
            try await world.host.dropAppendOnlyTriggers()
            // A consistent older state: the last leaves, their subtrees and checkpoints gone, the head put back.
            let root = try await world.host.strings("SELECT root FROM ledger_checkpoints WHERE size = \(keep)").first!
            try await world.host.execute("DELETE FROM ledger_entries WHERE leaf_index >= \(bind: Int64(keep))")
            try await world.host.execute("DELETE FROM ledger_checkpoints WHERE size > \(bind: Int64(keep))")
            for level in 0..<8 {
                try await world.host.execute("DELETE FROM ledger_subtrees WHERE level = \(bind: level) AND idx >= \(bind: Int64(keep >> UInt64(level)))")
            }
            try await world.host.execute("UPDATE ledger_head SET size = \(bind: Int64(keep)), root = \(bind: root)")
            try await world.host.execute("DELETE FROM access_log WHERE seq > (SELECT MAX(seq) - 4 FROM access_log)")
            let withoutWitness = try await world.sunlight.cases.verify().problems.filter { $0.table.hasPrefix("ledger") }
            #expect(withoutWitness.isEmpty, "the rolled-back log is consistent in itself")
            let report = try await world.sunlight.cases.verify(witnesses: [witness])
            #expect(report.problems.contains { $0.message.contains("日志被回滚或截断") && $0.leafIndex == keep })
        }
    }

    @Test("REC-5: erasing personal data as the law requires keeps the log verifying")
    func erasure() async throws {
        try await historyWorld { (world: DemoWorld) async throws -> Void in
            let id = try await world.host.firstSealedAddress()
            try await world.sunlight.cases.erasePersonalData(table: "access_log", recordID: id, field: "address",
                                                       reason: "个人信息保护法第四十七条", by: .console("root"))
            #expect(try await world.host.strings("SELECT value FROM personal_data WHERE record_id = '\(id)' AND field = 'address'") == [""])
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            await #expect { try await world.sunlight.cases.erasePersonalData(table: "access_log", recordID: id, field: "address",
                                                                        reason: "再删一次", by: try await world.actor("admin")) }
                throws: { "erase.console_only" ~= $0 }
        }
    }

    @Test("REC-5: the log tables refuse UPDATE and DELETE while their triggers stand")
    func triggers() async throws {
        try await historyWorld { (world: DemoWorld) async throws -> Void in
            for statement in ["UPDATE ledger_entries SET content = '{}' WHERE leaf_index = 0", "DELETE FROM ledger_subtrees",
                              "DELETE FROM ledger_checkpoints", "UPDATE access_log SET summary = 'x'"] {
                await #expect(throws: (any Error).self, "\(statement)") { try await world.host.execute(statement) }
            }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }
}
