import Fluent

/// Merging two records of one person: the merged record points at the one kept, and each merge
/// lists the rows it moved so it can be undone exactly.
struct CreatePersonMerge: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("people")
            .field("merged_into_id", .uuid, .references("people", "id"))
            .update()
        try await db.schema("person_merges")
            .id()
            .field("kept_person_id", .uuid, .required, .references("people", "id"))
            .field("merged_person_id", .uuid, .required, .references("people", "id"))
            .field("reason", .string, .required)
            .field("moves", .string, .required)
            .field("merged_by", .uuid, .required, .references("users", "id"))
            .field("merged_at", .datetime, .required)
            .field("undone_by", .uuid, .references("users", "id"))
            .field("undone_at", .datetime)
            .field("undo_reason", .string)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("person_merges").delete()
        try await db.schema("people").deleteField("merged_into_id").update()
    }
}
