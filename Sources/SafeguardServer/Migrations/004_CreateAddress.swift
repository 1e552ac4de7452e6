import Fluent
import SQLKit

/// Addresses and who lived at them when.
struct CreateAddress: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("addresses")
            .id()
            .field("line1", .string, .required)
            .field("line2", .string)
            .field("town", .string, .required)
            .field("district_id", .uuid, .references("districts", "id"))
            .field("postcode", .string, .required)
            .field("uprn", .int64)
            .create()
        try await db.schema("residences")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("address_id", .uuid, .required, .references("addresses", "id"))
            .field("from_date", .string, .required)
            .field("to_date", .string)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "addresses_postcode").on("addresses").column("postcode").run()
            try await sql.create(index: "residences_person").on("residences").column("person_id").run()
            try await sql.create(index: "residences_address").on("residences").column("address_id").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("residences").delete()
        try await db.schema("addresses").delete()
    }
}
