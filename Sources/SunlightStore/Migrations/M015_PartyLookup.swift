import FluentKit
import SQLKit

/// 015 — the parties' 比对摘要 (keyed digest of 身份证号 / 统一社会信用代码, never logged) and its
/// index, so 首违不罚 finds the party's earlier penalties in the organisation (REC-15).
struct M015_PartyLookup: AsyncMigration {
    var name: String { "015_party_lookup" }

    static let index = "idx_case_parties_lookup_digest"

    func prepare(on database: any Database) async throws {
        try await database.schema("case_parties").field("lookup_digest", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: Self.index).on("case_parties").column("lookup_digest").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: Self.index).run() }
        try await database.schema("case_parties").deleteField("lookup_digest").update()
    }
}
