import FluentKit

/// 018 — 入队签名: each queued message keeps its body's signature, so a body changed in the
/// database is never pushed and `sunlight verify` names it (issue 15 item 9; REC-5, PUB-10).
/// Messages queued before have none and are not checked.
struct M018_OutboxSignatures: AsyncMigration {
    var name: String { "018_outbox_signatures" }

    func prepare(on database: any Database) async throws {
        try await database.schema("outbox").field("signature", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").deleteField("signature").update()
    }
}
