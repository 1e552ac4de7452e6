import Fluent
import SQLKit

/// The learning from reviews: the partnership's own themes (the shipped ones live in SafeguardCore), reviews
/// coded with themes, 7-minute briefings and who has read them.
struct CreateLearning: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("review_themes")
            .id()
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("theme_group", .string, .required)
            .field("added_by", .uuid, .references("users", "id"))
            .field("added_at", .datetime, .required)
            .unique(on: "key")
            .create()
        try await db.schema("coded_reviews")
            .id()
            .field("reference", .string, .required)
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("completed_on", .string, .required)
            // Theme keys separated by spaces: keys never hold one.
            .field("themes", .string, .required)
            .field("source", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "reference")
            .create()
        try await db.schema("briefings")
            .id()
            .field("title", .string, .required)
            // The seven sections as a JSON object keyed by section.
            .field("sections", .string, .required)
            .field("review_reference", .string)
            .field("theme_key", .string)
            .field("course_id", .uuid, .references("training_courses", "id"))
            .field("status", .string, .required)
            .field("published_on", .string)
            .field("withdrawn_reason", .string)
            .field("created_by", .uuid, .references("users", "id"))
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("briefing_reads")
            .id()
            .field("briefing_id", .uuid, .required, .references("briefings", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("read_at", .datetime, .required)
            .unique(on: "briefing_id", "user_id")
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "briefing_reads_user").on("briefing_reads").column("user_id").run()
        }
    }

    func revert(on db: Database) async throws {
        for table in ["briefing_reads", "briefings", "coded_reviews", "review_themes"] { try await db.schema(table).delete() }
    }
}
