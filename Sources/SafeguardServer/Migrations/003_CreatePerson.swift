import Fluent
import SQLKit

/// People and the other names they are known by.
struct CreatePerson: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("people")
            .id()
            .field("first_name", .string, .required)
            .field("middle_names", .string, .required)
            .field("last_name", .string, .required)
            .field("first_name_key", .string, .required)
            .field("last_name_key", .string, .required)
            .field("date_of_birth", .string)
            .field("expected_date_of_birth", .string)
            .field("gender", .string, .required)
            .field("ethnicity", .string, .required)
            .field("nhs_number", .string)
            .field("language", .string, .required)
            .field("disability", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.schema("other_names")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "people_last_name_key").on("people").column("last_name_key").run()
            try await sql.create(index: "people_first_name_key").on("people").column("first_name_key").run()
            try await sql.create(index: "people_nhs_number").on("people").column("nhs_number").run()
            try await sql.create(index: "people_date_of_birth").on("people").column("date_of_birth").run()
            try await sql.create(index: "other_names_name_key").on("other_names").column("name_key").run()
            try await sql.create(index: "other_names_person").on("other_names").column("person_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("other_names").delete()
        try await db.schema("people").delete()
    }
}
