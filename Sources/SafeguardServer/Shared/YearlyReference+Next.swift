import Fluent
import SQLKit
import SafeguardCore

extension YearlyReference {
    /// The next reference of `year` for a model whose `reference` column holds these: one more than this year's
    /// count. Call it inside the audited write that saves the record, so counting and saving are one transaction.
    /// On PostgreSQL two servers could count at once and both take the same number, so the count waits for an
    /// advisory lock on this kind and year, held until the transaction that saves the record ends. (SQLite has
    /// one writer, which serialises the same way.)
    func next<M: Model>(
        _ model: M.Type, _ reference: KeyPath<M, FieldProperty<M, String>>, year: Int, on db: Database
    ) async throws -> String {
        let pattern = likePattern(year: year)
        if let sql = db as? SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "safeguard reference " + pattern)))").run()
        }
        let count = try await M.query(on: db).filter(reference, .custom("LIKE"), pattern).count()
        return make(year: year, number: count + 1)
    }
}
