import Fluent
import SQLKit

/// The hash-chained audit trail, its head, and break-glass grants awaiting review.
struct CreateAudit: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("audit_entries")
            .id()
            .field("sequence", .int64, .required)
            .field("occurred_at_ms", .int64, .required)
            .field("user_id", .string, .required)
            .field("agency_id", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .string, .required)
            .field("reason", .string, .required)
            .field("source_address", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
        try await db.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("sequence", .int64, .required)
            .field("hash", .string, .required)
            .create()
        try await db.schema("break_glass_grants")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("granted_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("reviewed_by", .uuid, .references("users", "id"))
            .field("reviewed_at", .datetime)
            .field("review_note", .string)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "audit_entries_record").on("audit_entries").column("record_type").column("record_id").run()
            try await sql.create(index: "break_glass_user_person").on("break_glass_grants").column("user_id").column("person_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("break_glass_grants").delete()
        try await db.schema("audit_head").delete()
        try await db.schema("audit_entries").delete()
    }
}
