import FluentKit
import SQLKit
import SunlightCore

/// 023 — 待办公开 (issue 16 item 2; PUB-6, PUB-7): what the clerk must do next with each
/// publication and by when, as indexed columns, so the publication queue, the clerk's tasks and
/// the supervisor's dashboard read the publications that wait instead of every one ever
/// published. Filled from each row's state, which the log covers; derived data, nothing logged.
struct M023_PendingPublications: AsyncMigration {
    var name: String { "023_pending_publications" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.alter(table: "decision_publications").column("pending_step", type: .text).run()
        try await sql.alter(table: "decision_publications").column("pending_due", type: .text).run()
        try await sql.create(index: "decision_publications_pending").on("decision_publications").column("organisation_id").column("pending_step").run()
        for row in try await DecisionPublicationModel.query(on: database).field(\.$id).field(\.$state).all() {
            let publication = try row.domain()
            guard let step = publication.pendingStep else { continue }
            try await sql.update("decision_publications").set("pending_step", to: step.kind.rawValue).set("pending_due", to: step.due?.iso)
                .where("id", .equal, try row.requireID()).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "decision_publications_pending").run()
        try await sql.alter(table: "decision_publications").dropColumn("pending_due").run()
        try await sql.alter(table: "decision_publications").dropColumn("pending_step").run()
    }
}
