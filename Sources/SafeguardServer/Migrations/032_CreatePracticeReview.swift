import Fluent

/// Practice reviews (LCSPR and SAR) from commissioning to publication.
struct CreatePracticeReview: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("practice_reviews")
            .id()
            .field("reference", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("incident_id", .uuid, .references("serious_incidents", "id"))
            .field("sar_id", .uuid, .references("sar_referrals", "id"))
            .field("decided_on", .string, .required)
            .field("publication_due", .string, .required)
            .field("terms", .string, .required)
            .field("reviewer", .string, .required)
            .field("family", .string, .required)
            // Milestones and drafts as JSON: read and written whole with the review.
            .field("milestones", .string, .required)
            .field("drafts", .string, .required)
            .field("board_response", .string, .required)
            .field("board_response_on", .string)
            .field("published_on", .string)
            .field("late_reason", .string, .required)
            .field("not_publishing_reason", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "reference")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("practice_reviews").delete()
    }
}
