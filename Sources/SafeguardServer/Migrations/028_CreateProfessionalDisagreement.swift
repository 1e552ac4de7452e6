import Fluent
import SQLKit

/// Professional disagreements between agencies about a case, and each stage of their escalation.
struct CreateProfessionalDisagreement: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("professional_disagreements")
            .id()
            .field("reference", .string, .required)
            .field("raised_by", .uuid, .required, .references("users", "id"))
            .field("raised_agency_id", .uuid, .required, .references("agencies", "id"))
            .field("other_agency_id", .uuid, .required, .references("agencies", "id"))
            .field("case_reference", .string, .required)
            .field("theme", .string, .required)
            .field("summary", .string, .required)
            .field("resolution", .string, .required)
            .field("status", .string, .required)
            // Every stage reached, as JSON (``DisagreementStep``): the history is read whole, never queried by part.
            .field("steps", .string, .required)
            .field("raised_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "reference")
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "disagreements_raised_agency").on("professional_disagreements").column("raised_agency_id").run()
            try await sql.create(index: "disagreements_other_agency").on("professional_disagreements").column("other_agency_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("professional_disagreements").delete()
    }
}
