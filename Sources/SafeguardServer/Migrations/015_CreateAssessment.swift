import Fluent
import SQLKit

/// Assessment tool definitions (every version ever used, never changed once stored) and the
/// assessments made with them.
struct CreateAssessment: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("assessment_tools")
            .id()
            .field("key", .string, .required)
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("subject", .string, .required)
            .field("definition", .string, .required)
            .field("digest", .string, .required)
            .field("source", .string, .required)
            .field("added_by", .uuid, .references("users", "id"))
            .field("added_at", .datetime, .required)
            .unique(on: "key", "version")
            .create()
        try await db.schema("assessments")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("tool_id", .uuid, .required, .references("assessment_tools", "id"))
            .field("referral_id", .uuid, .references("referrals", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("status", .string, .required)
            .field("answers", .string, .required)
            .field("override_level", .string)
            .field("override_reason", .string)
            .field("calculated_level", .string)
            .field("final_level", .string)
            .field("score", .double)
            .field("prompts", .string)
            .field("assessed_on", .string)
            .field("reassess_on", .string)
            .field("started_by", .uuid, .required, .references("users", "id"))
            .field("started_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("submitted_by", .uuid, .references("users", "id"))
            .field("submitted_at", .datetime)
            .field("countersigned_by", .uuid, .references("users", "id"))
            .field("countersigned_at", .datetime)
            .field("countersign_note", .string)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "assessments_person").on("assessments").column("person_id").run()
            try await sql.create(index: "assessments_reassess").on("assessments").column("status").column("reassess_on").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("assessments").delete()
        try await db.schema("assessment_tools").delete()
    }
}
