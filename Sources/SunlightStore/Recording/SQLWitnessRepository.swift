import FluentKit
import Foundation
import SQLKit
import SunlightCore
import SunlightLedger

/// Witness state in SQL, the same statements on SQLite and PostgreSQL. ``advance(to:from:)`` is
/// one conditional statement (`INSERT … ON CONFLICT DO NOTHING` or `UPDATE … WHERE size = old`,
/// each `RETURNING` the row it wrote), so the check of the old size and the write are atomic.
struct SQLWitnessRepository: WitnessRepository {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    func witnessed(origin: String) async throws -> WitnessedCheckpoint? {
        guard let row = try await sql.select().columns("origin", "size", "root", "note", "cosigned_at").from("witnessed_checkpoints")
            .where("origin", .equal, SQLBind(origin)).first() else { return nil }
        let size = UInt64(try row.decode(column: "size", as: Int64.self))
        guard let root = LedgerHash(hex: try row.decode(column: "root", as: String.self)),
              let at = LedgerTime.date(try row.decode(column: "cosigned_at", as: String.self)) else {
            throw StoreError(description: "已见证的检查点 \(origin) 的记录损坏")
        }
        return WitnessedCheckpoint(origin: origin, size: size, root: root, note: try row.decode(column: "note", as: String.self), cosignedAt: at)
    }

    func advance(to checkpoint: WitnessedCheckpoint, from previous: UInt64?) async throws -> Bool {
        let size = SQLBind(Int64(checkpoint.size)), root = SQLBind(checkpoint.root.hex), note = SQLBind(checkpoint.note)
        let at = SQLBind(LedgerTime.text(checkpoint.cosignedAt)), origin = SQLBind(checkpoint.origin)
        let rows: [any SQLRow]
        if let previous {
            rows = try await sql.raw("""
                UPDATE witnessed_checkpoints SET size = \(size), root = \(root), note = \(note), cosigned_at = \(at)
                WHERE origin = \(origin) AND size = \(bind: Int64(previous)) RETURNING origin
                """).all()
        } else {
            rows = try await sql.raw("""
                INSERT INTO witnessed_checkpoints (origin, size, root, note, cosigned_at) VALUES (\(origin), \(size), \(root), \(note), \(at))
                ON CONFLICT (origin) DO NOTHING RETURNING origin
                """).all()
        }
        return !rows.isEmpty
    }

    func insert(cosignature: ReceivedCosignature) async throws {
        try await sql.raw("""
            INSERT INTO checkpoint_cosignatures (size, key_id, witness, line, time, received_at)
            VALUES (\(bind: Int64(cosignature.size)), \(bind: cosignature.keyID), \(bind: cosignature.witness), \(bind: cosignature.line),
                    \(bind: Int64(cosignature.time)), \(bind: LedgerTime.text(cosignature.receivedAt)))
            ON CONFLICT (size, key_id) DO NOTHING
            """).run()
    }

    func cosignatures(size: UInt64) async throws -> [ReceivedCosignature] {
        try await sql.select().columns("size", "key_id", "witness", "line", "time", "received_at").from("checkpoint_cosignatures")
            .where("size", .equal, SQLBind(Int64(size))).orderBy("witness").orderBy("key_id").all().map { row in
                guard let at = LedgerTime.date(try row.decode(column: "received_at", as: String.self)) else {
                    throw StoreError(description: "检查点 \(size) 的副署记录损坏")
                }
                return ReceivedCosignature(size: size, witness: try row.decode(column: "witness", as: String.self),
                                           keyID: try row.decode(column: "key_id", as: String.self),
                                           line: try row.decode(column: "line", as: String.self),
                                           time: UInt64(try row.decode(column: "time", as: Int64.self)), receivedAt: at)
            }
    }

    func newestCosignedSize(keyID: String) async throws -> UInt64? {
        try await sql.select().column("size").from("checkpoint_cosignatures").where("key_id", .equal, SQLBind(keyID))
            .orderBy("size", .descending).limit(1).first().map { UInt64(try $0.decode(column: "size", as: Int64.self)) }
    }
}
