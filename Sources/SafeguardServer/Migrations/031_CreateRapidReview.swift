import Fluent

/// A rapid review for each notified serious incident: its sections, decision, the statutory partners'
/// agreement, submission and the national panel's response.
struct CreateRapidReview: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("rapid_reviews")
            .id()
            .field("incident_id", .uuid, .required, .references("serious_incidents", "id"))
            // Sections and agreements as JSON: read and written whole with the review.
            .field("sections", .string, .required)
            .field("decision", .string)
            .field("rationale", .string, .required)
            .field("agreements", .string, .required)
            .field("submitted_on", .string)
            .field("late_reason", .string, .required)
            .field("panel_response", .string)
            .field("panel_response_on", .string)
            .field("panel_comment", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "incident_id")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("rapid_reviews").delete()
    }
}
