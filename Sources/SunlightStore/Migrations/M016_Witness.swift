import FluentKit
import SQLKit

/// 016 — outside witnesses (REC-19): the newest checkpoint this installation cosigned per log
/// it witnesses (one row per origin, advanced only from the size it holds), and the
/// cosignatures outside witnesses returned on this log's checkpoints (append-only).
struct M016_Witness: AsyncMigration {
    var name: String { "016_witness" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "witnessed_checkpoints")
            .column("origin", type: .text, .primaryKey(autoIncrement: false))
            .column("size", type: .bigint, .notNull)
            .column("root", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("cosigned_at", type: .text, .notNull)
            .run()
        try await sql.create(table: "checkpoint_cosignatures")
            .column("size", type: .bigint, .notNull)
            .column("key_id", type: .text, .notNull)
            .column("witness", type: .text, .notNull)
            .column("line", type: .text, .notNull)
            .column("time", type: .bigint, .notNull)
            .column("received_at", type: .text, .notNull)
            .primaryKey(["size", "key_id"])
            .run()
        try await AppendOnly.protect("checkpoint_cosignatures", on: sql)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(table: "checkpoint_cosignatures").run()
        try await sql.drop(table: "witnessed_checkpoints").run()
    }
}
