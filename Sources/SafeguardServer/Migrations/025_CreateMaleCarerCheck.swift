import Fluent
import SQLKit

/// Whether each man in a child's life has been seen, assessed and checked with the police, by whom and when.
struct CreateMaleCarerCheck: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("male_carer_checks")
            .id()
            .field("child_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("man_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("done_on", .string, .required)
            .field("note", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "male_carer_checks_child").on("male_carer_checks").column("child_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("male_carer_checks").delete()
    }
}
