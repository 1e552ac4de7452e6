import Fluent

/// Agencies' summaries of their involvement, asked for by the business unit for a rapid review or a SAR,
/// each written by one named contributor. A summary belongs to exactly one of the two.
struct CreateAgencySummary: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("agency_summaries")
            .id()
            .field("incident_id", .uuid, .references("serious_incidents", "id"))
            .field("sar_id", .uuid, .references("sar_referrals", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("contributor_id", .uuid, .required, .references("users", "id"))
            .field("requested_by", .uuid, .required, .references("users", "id"))
            .field("requested_on", .string, .required)
            .field("due_on", .string, .required)
            .field("ask", .string, .required)
            .field("stage", .string, .required)
            .field("involvement", .string, .required)
            .field("chronology", .string, .required)
            .field("analysis", .string, .required)
            .field("submitted_on", .string)
            .field("return_note", .string, .required)
            // The days it was chased, as a JSON array of ISO days.
            .field("chased_on", .string, .required)
            .field("updated_at", .datetime, .required)
            // One summary per agency per review (a null review id never collides).
            .unique(on: "incident_id", "agency_id")
            .unique(on: "sar_id", "agency_id")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("agency_summaries").delete()
    }
}
