import FluentKit
import SQLKit

/// 008 — supervision: complaints and reports with their tracking codes and append-only events
/// (SUP-1); supervision notices, opinions and decisions with their rectification (SUP-4); referrals
/// to the discipline inspection organ (SUP-9, append-only).
struct M008_Supervision: AsyncMigration {
    var name: String { "008_supervision" }

    func prepare(on database: any Database) async throws {
        try await database.schema("complaints")
            .id()
            .field("tracking_code", .string, .required)
            .field("received_by", .uuid, .required, .references("organisations", "id"))
            .field("handling_organisation", .uuid, .required, .references("organisations", "id"))
            .field("status", .string, .required)
            .field("received_at", .datetime, .required)
            .field("state", .string, .required)
            .unique(on: "tracking_code")
            .create()
        try await database.schema("complaint_events")
            .field("seq", .int64, .identifier(auto: true))
            .field("event_id", .uuid, .required)
            .field("complaint_id", .uuid, .required, .references("complaints", "id"))
            .field("kind", .string, .required)
            .field("at", .datetime, .required)
            .field("by", .uuid, .references("users", "id"))
            .field("note", .string)
            .field("state", .string, .required)
            .unique(on: "event_id")
            .create()
        try await database.schema("supervision_instruments")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("issued_by", .uuid, .required, .references("organisations", "id"))
            .field("kind", .string, .required)
            .field("issued_on", .string, .required)
            .field("status", .string, .required)
            .field("state", .string, .required)
            .create()
        try await database.schema("discipline_referrals")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("referred_on", .string, .required)
            .field("state", .string, .required)
            .unique(on: "case_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "idx_complaints_received_by").on("complaints").column("received_by").run()
        try await sql.create(index: "idx_complaints_handling").on("complaints").column("handling_organisation").run()
        try await sql.create(index: "idx_complaint_events_complaint").on("complaint_events").column("complaint_id").run()
        try await AppendOnly.protect("complaint_events", on: sql)
        try await AppendOnly.protect("discipline_referrals", on: sql)
    }

    func revert(on database: any Database) async throws {
        for table in ["discipline_referrals", "supervision_instruments", "complaint_events", "complaints"] { try await database.schema(table).delete() }
    }
}
