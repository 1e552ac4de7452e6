import Fluent
import SQLKit

/// Chronology entries say who may read them (``ChronologyVisibility``). Entries written before
/// this by the MASH features become safeguarding entries; the rest stay part of the record.
struct AddChronologyVisibility: AsyncMigration {
    static let mashCategories = ["Referral", "MASH information", "MASH decision", "Strategy discussion"]

    func prepare(on db: Database) async throws {
        try await db.schema("chronology_entries")
            .field("visibility", .string, .required, .sql(.default("record")))
            .update()
        // Plain SQL, not the model: a migration must keep working as the model changes.
        guard let sql = db as? SQLDatabase else { return }
        try await sql.update("chronology_entries").set("visibility", to: SQLBind("safeguarding"))
            .where("category", .in, Self.mashCategories).run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("chronology_entries").deleteField("visibility").update()
    }
}
