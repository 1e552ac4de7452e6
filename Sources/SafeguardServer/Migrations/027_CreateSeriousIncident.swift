import Fluent
import SQLKit

/// Serious incident notifications, and the review groups a user sits on (besides their one role).
struct CreateSeriousIncident: AsyncMigration {
    func prepare(on db: Database) async throws {
        // Optional, so rows that exist need no default; an absent value means no groups.
        try await db.schema("users").field("review_groups", .string).update()
        try await db.schema("serious_incidents")
            .id()
            .field("reference", .string, .required)
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("raised_by", .uuid, .required, .references("users", "id"))
            .field("raised_agency_id", .uuid, .required, .references("agencies", "id"))
            .field("raised_at", .datetime, .required)
            .field("reason", .string, .required)
            .field("incident_on", .string, .required)
            .field("what_happened", .string, .required)
            // What the platform held about the child when it was raised, as JSON (``PersonSnapshot``).
            .field("child", .string, .required)
            .field("place", .string, .required)
            .field("police_investigation", .string)
            .field("police_details", .string, .required)
            .field("linked_cases", .string, .required)
            .field("aware_on", .string)
            .field("status", .string, .required)
            .field("notified_on", .string)
            .field("notified_by", .uuid, .references("users", "id"))
            .field("late_reason", .string, .required)
            .field("not_notifiable_reason", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "reference")
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "serious_incidents_person").on("serious_incidents").column("person_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("serious_incidents").delete()
        try await db.schema("users").deleteField("review_groups").update()
    }
}
