import Fluent
import SQLKit

/// Children's missing episodes, with the return and the return home interview.
struct CreateMissingEpisode: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("missing_episodes")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("kind", .string, .required)
            .field("started_at", .datetime, .required)
            .field("returned_at", .datetime)
            .field("where_found", .string)
            .field("where_found_detail", .string)
            .field("police_reference", .string)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .field("interview_offered_at", .datetime)
            .field("interview_completed_at", .datetime)
            .field("interview_declined", .bool, .required)
            .field("interview_notes", .string)
            .field("interview_by", .uuid, .references("users", "id"))
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "missing_person").on("missing_episodes").column("person_id").run()
            try await sql.create(index: "missing_started").on("missing_episodes").column("started_at").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("missing_episodes").delete()
    }
}
