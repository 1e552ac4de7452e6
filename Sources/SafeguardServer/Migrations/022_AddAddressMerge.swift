import Fluent
import SQLKit

/// One address per home: a duplicate address row, once merged, points at the row kept and is never
/// offered or matched again. It stays, so the audit trail's record ids still lead somewhere.
struct AddAddressMerge: AsyncMigration {
    func prepare(on db: Database) async throws {
        // One column a statement: SQLite adds only one column per ALTER TABLE.
        try await db.schema("addresses").field("merged_into_id", .uuid, .references("addresses", "id")).update()
        try await db.schema("addresses").field("merged_at", .datetime).update()
        try await db.schema("addresses").field("merge_reason", .string).update()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "addresses_uprn").on("addresses").column("uprn").run()
        }
    }

    func revert(on db: Database) async throws {
        if let sql = db as? SQLDatabase { try await sql.drop(index: "addresses_uprn").run() }
        for field in ["merge_reason", "merged_at", "merged_into_id"] { try await db.schema("addresses").deleteField(FieldKey(stringLiteral: field)).update() }
    }
}
