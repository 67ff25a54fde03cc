import FluentKit
import Foundation
import SQLKit
import SunlightCore
import SunlightLedger

/// The log in SQL, the same statements on SQLite and PostgreSQL. Tiles are read by their
/// (level, index) keys, so a proof costs O(log n) keyed reads, never a scan.
struct SQLLedgerRepository: LedgerRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }
    /// Rows per INSERT, well under SQLite's limit on bound parameters.
    static let batch = 400

    func lockHead() async throws -> UInt64 {
        let lock = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        guard let row = try await sql.raw("SELECT size FROM ledger_head WHERE id = 1\(unsafeRaw: lock)").first() else {
            throw StoreError(description: "ledger_head 缺少记录")
        }
        return UInt64(try row.decode(column: "size", as: Int64.self))
    }

    func setHead(size: UInt64, root: LedgerHash) async throws {
        try await sql.update("ledger_head").set("size", to: SQLBind(Int64(size))).set("root", to: SQLBind(root.hex))
            .where("id", .equal, SQLBind(1)).run()
    }

    func head() async throws -> (size: UInt64, root: LedgerHash) {
        guard let row = try await sql.select().columns("size", "root").from("ledger_head").where("id", .equal, SQLBind(1)).first(),
              let root = LedgerHash(hex: try row.decode(column: "root", as: String.self)) else {
            throw StoreError(description: "ledger_head 缺少或损坏")
        }
        return (UInt64(try row.decode(column: "size", as: Int64.self)), root)
    }

    func insert(entries: [StoredLedgerEntry]) async throws {
        for chunk in entries.chunked(Self.batch) {
            var insert = sql.insert(into: "ledger_entries").columns("leaf_index", "entry", "content", "record_table", "record_id")
            for e in chunk {
                insert = insert.values(SQLBind(Int64(e.index)), SQLBind(String(decoding: e.entry, as: UTF8.self)),
                                       SQLBind(String(decoding: e.content, as: UTF8.self)), SQLBind(e.table), SQLBind(e.recordID))
            }
            try await insert.run()
        }
    }

    func insert(subtrees: [(SubtreeID, LedgerHash)]) async throws {
        for chunk in subtrees.chunked(Self.batch) {
            var insert = sql.insert(into: "ledger_subtrees").columns("level", "idx", "hash")
            for (id, hash) in chunk { insert = insert.values(SQLBind(id.level), SQLBind(Int64(id.index)), SQLBind(hash.hex)) }
            try await insert.run()
        }
    }

    func hashes(_ subtrees: [SubtreeID]) async throws -> [LedgerHash] {
        guard !subtrees.isEmpty else { return [] }
        var found: [SubtreeID: LedgerHash] = [:]
        for chunk in Array(Set(subtrees)).chunked(Self.batch) {
            let rows = try await sql.select().columns("level", "idx", "hash").from("ledger_subtrees")
                .where { group in
                    for id in chunk {
                        group.orWhere(SQLBinaryExpression(
                            SQLBinaryExpression(SQLColumn("level"), .equal, SQLBind(id.level)), .and,
                            SQLBinaryExpression(SQLColumn("idx"), .equal, SQLBind(Int64(id.index)))))
                    }
                    return group
                }.all()
            for row in rows {
                let id = SubtreeID(level: try row.decode(column: "level", as: Int.self), index: UInt64(try row.decode(column: "idx", as: Int64.self)))
                guard let hash = LedgerHash(hex: try row.decode(column: "hash", as: String.self)) else { throw LedgerError.missingSubtree(id) }
                found[id] = hash
            }
        }
        return try subtrees.map { id in
            guard let hash = found[id] else { throw LedgerError.missingSubtree(id) }
            return hash
        }
    }

    func insert(checkpoint: StoredCheckpoint) async throws {
        try await sql.insert(into: "ledger_checkpoints").columns("size", "root", "note", "created_at")
            .values(SQLBind(Int64(checkpoint.size)), SQLBind(checkpoint.root.hex), SQLBind(checkpoint.note),
                    SQLBind(LedgerTime.text(checkpoint.createdAt))).run()
    }

    func latestCheckpoint() async throws -> StoredCheckpoint? {
        try await sql.select().columns("size", "root", "note", "created_at").from("ledger_checkpoints")
            .orderBy("size", .descending).limit(1).first().map(Self.checkpoint)
    }

    func checkpoints(from size: UInt64, limit: Int) async throws -> [StoredCheckpoint] {
        try await sql.select().columns("size", "root", "note", "created_at").from("ledger_checkpoints")
            .where("size", .greaterThanOrEqual, SQLBind(Int64(size))).orderBy("size").limit(limit).all().map(Self.checkpoint)
    }

    func entries(from index: UInt64, limit: Int) async throws -> [StoredLedgerEntry] {
        try await sql.select().columns("leaf_index", "entry", "content", "record_table", "record_id").from("ledger_entries")
            .where("leaf_index", .greaterThanOrEqual, SQLBind(Int64(index))).orderBy("leaf_index").limit(limit).all().map(Self.entry)
    }

    func entries(table: String, recordIDs: [String]) async throws -> [StoredLedgerEntry] {
        var result: [StoredLedgerEntry] = []
        for chunk in recordIDs.chunked(Self.batch) where !chunk.isEmpty {
            result += try await sql.select().columns("leaf_index", "entry", "content", "record_table", "record_id").from("ledger_entries")
                .where("record_table", .equal, SQLBind(table)).where("record_id", .in, SQLBind.group(chunk))
                .orderBy("leaf_index").all().map(Self.entry)
        }
        return result.sorted { $0.index < $1.index }
    }

    func recordIDs(table: String, after: String?, limit: Int) async throws -> [String] {
        var query = sql.select().distinct().column("record_id").from("ledger_entries").where("record_table", .equal, SQLBind(table))
        if let after { query = query.where("record_id", .greaterThan, SQLBind(after)) }
        return try await query.orderBy("record_id").limit(limit).all().map { try $0.decode(column: "record_id", as: String.self) }
    }

    func subtrees(level: Int, from index: UInt64, limit: Int) async throws -> [(UInt64, LedgerHash)] {
        try await sql.select().columns("idx", "hash").from("ledger_subtrees").where("level", .equal, SQLBind(level))
            .where("idx", .greaterThanOrEqual, SQLBind(Int64(index))).orderBy("idx").limit(limit).all().map { row in
                let index = UInt64(try row.decode(column: "idx", as: Int64.self))
                guard let hash = LedgerHash(hex: try row.decode(column: "hash", as: String.self)) else {
                    throw LedgerError.missingSubtree(SubtreeID(level: level, index: index))
                }
                return (index, hash)
            }
    }

    func subtreeCounts() async throws -> [Int: UInt64] {
        var counts: [Int: UInt64] = [:]
        for row in try await sql.raw("SELECT level, COUNT(*) AS n FROM ledger_subtrees GROUP BY level").all() {
            counts[try row.decode(column: "level", as: Int.self)] = UInt64(try row.decode(column: "n", as: Int64.self))
        }
        return counts
    }

    func sequence(_ entries: [SequencedLedgerEntry]) async throws {
        for chunk in entries.chunked(Self.batch) {
            var insert = sql.insert(into: "ledger_sequence").columns("entry", "content", "record_table", "record_id", "sequenced_at")
            for e in chunk {
                insert = insert.values(SQLBind(String(decoding: e.entry, as: UTF8.self)), SQLBind(String(decoding: e.content, as: UTF8.self)),
                                       SQLBind(e.table), SQLBind(e.recordID), SQLBind(LedgerTime.text(e.sequencedAt)))
            }
            try await insert.run()
        }
    }

    func sequenced(limit: Int) async throws -> [SequencedLedgerEntry] {
        try await sql.select().columns("seq", "entry", "content", "record_table", "record_id", "sequenced_at").from("ledger_sequence")
            .orderBy("seq").limit(limit).all().map { row in
                let seq = try row.decode(column: "seq", as: Int64.self)
                guard let at = LedgerTime.date(try row.decode(column: "sequenced_at", as: String.self)) else {
                    throw StoreError(description: "待整合条目 \(seq) 的时间损坏")
                }
                return SequencedLedgerEntry(sequence: seq, entry: Array(try row.decode(column: "entry", as: String.self).utf8),
                                            content: Array(try row.decode(column: "content", as: String.self).utf8),
                                            table: try row.decode(column: "record_table", as: String.self),
                                            recordID: try row.decode(column: "record_id", as: String.self), sequencedAt: at)
            }
    }

    func removeSequenced(_ sequences: [Int64]) async throws {
        for chunk in sequences.chunked(Self.batch) where !chunk.isEmpty {
            try await sql.delete(from: "ledger_sequence").where("seq", .in, SQLBind.group(chunk)).run()
        }
    }

    func sequencedBacklog() async throws -> SequencedBacklog {
        guard let row = try await sql.raw("SELECT COUNT(*) AS n, MIN(sequenced_at) AS oldest FROM ledger_sequence").first() else {
            return SequencedBacklog(count: 0, oldest: nil)
        }
        return SequencedBacklog(count: Int(try row.decode(column: "n", as: Int64.self)),
                                oldest: try row.decode(column: "oldest", as: String?.self).flatMap(LedgerTime.date))
    }

    static func checkpoint(_ row: any SQLRow) throws -> StoredCheckpoint {
        let size = UInt64(try row.decode(column: "size", as: Int64.self))
        guard let root = LedgerHash(hex: try row.decode(column: "root", as: String.self)),
              let created = LedgerTime.date(try row.decode(column: "created_at", as: String.self)) else {
            throw StoreError(description: "检查点 \(size) 的记录损坏")
        }
        return StoredCheckpoint(size: size, root: root, note: try row.decode(column: "note", as: String.self), createdAt: created)
    }

    static func entry(_ row: any SQLRow) throws -> StoredLedgerEntry {
        StoredLedgerEntry(index: UInt64(try row.decode(column: "leaf_index", as: Int64.self)),
                          entry: Array(try row.decode(column: "entry", as: String.self).utf8),
                          content: Array(try row.decode(column: "content", as: String.self).utf8),
                          table: try row.decode(column: "record_table", as: String.self),
                          recordID: try row.decode(column: "record_id", as: String.self))
    }
}

struct SQLPersonalDataRepository: PersonalDataRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func insert(_ values: [PersonalValue]) async throws {
        for chunk in values.chunked(SQLLedgerRepository.batch) where !chunk.isEmpty {
            var insert = sql.insert(into: "personal_data").columns("record_table", "record_id", "field", "commitment", "value", "salt", "erased_at")
            for v in chunk {
                insert = insert.values(SQLBind(v.table), SQLBind(v.recordID), SQLBind(v.field), SQLBind(v.commitment.hex),
                                       SQLBind(v.value), SQLBind(v.salt.map(Hex.encode)), SQLBind(v.erasedAt.map(LedgerTime.text)))
            }
            try await insert.run()
        }
    }

    func replace(_ values: [PersonalValue]) async throws {
        for v in values {
            try await sql.delete(from: "personal_data").where("record_table", .equal, SQLBind(v.table))
                .where("record_id", .equal, SQLBind(v.recordID)).where("field", .equal, SQLBind(v.field)).run()
        }
        try await insert(values)
    }

    func values(table: String, recordIDs: [String]) async throws -> [PersonalValue] {
        var result: [PersonalValue] = []
        for chunk in recordIDs.chunked(SQLLedgerRepository.batch) where !chunk.isEmpty {
            result += try await sql.select().columns("record_table", "record_id", "field", "commitment", "value", "salt", "erased_at")
                .from("personal_data").where("record_table", .equal, SQLBind(table)).where("record_id", .in, SQLBind.group(chunk))
                .all().map { row in
                    let id = try row.decode(column: "record_id", as: String.self)
                    guard let commitment = LedgerHash(hex: try row.decode(column: "commitment", as: String.self)) else {
                        throw StoreError(description: "personal_data \(table)/\(id) 的承诺值损坏")
                    }
                    return PersonalValue(table: table, recordID: id, field: try row.decode(column: "field", as: String.self),
                                         commitment: commitment, value: try row.decode(column: "value", as: String?.self),
                                         salt: try row.decode(column: "salt", as: String?.self).flatMap(Hex.decode),
                                         erasedAt: try row.decode(column: "erased_at", as: String?.self).flatMap(LedgerTime.date))
                }
        }
        return result
    }

    func erase(table: String, recordID: String, field: String, at: Date) async throws {
        try await sql.update("personal_data").set("value", to: SQLLiteral.null).set("salt", to: SQLLiteral.null)
            .set("erased_at", to: SQLBind(LedgerTime.text(at)))
            .where("record_table", .equal, SQLBind(table)).where("record_id", .equal, SQLBind(recordID))
            .where("field", .equal, SQLBind(field)).run()
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
