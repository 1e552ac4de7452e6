import Fluent
import SQLKit

/// A chronology is in the order things happened, not the order they were typed: each entry keeps when it
/// was recorded beside when it happened, and whether it happened on a day rather than at a time (a plan
/// started on 20 November). Entries already written were recorded when they say they happened.
struct AddChronologyRecordedAt: AsyncMigration {
    func prepare(on db: Database) async throws {
        // One column a statement: SQLite adds only one column per ALTER TABLE.
        try await db.schema("chronology_entries").field("recorded_at", .datetime).update()
        try await db.schema("chronology_entries").field("date_only", .bool, .required, .sql(.default(false))).update()
        if let sql = db as? SQLDatabase {
            try await sql.update("chronology_entries").set(SQLIdentifier("recorded_at"), to: SQLIdentifier("occurred_at")).run()
            try await sql.create(index: "chronology_person_occurred").on("chronology_entries").column("person_id").column("occurred_at").run()
        }
    }

    func revert(on db: Database) async throws {
        if let sql = db as? SQLDatabase { try await sql.drop(index: "chronology_person_occurred").run() }
        try await db.schema("chronology_entries").deleteField("date_only").update()
        try await db.schema("chronology_entries").deleteField("recorded_at").update()
    }
}
