import Fluent
import PostgresKit
import SQLKit
import Vapor

extension Database {
    /// The same connection spoken to in SQL: for the hot reads that join several tables in one query, and for the
    /// statements Fluent's query builder cannot say. Both drivers Safeguard runs on are SQL databases.
    func sql() throws -> SQLDatabase {
        guard let sql = self as? SQLDatabase else {
            throw Abort(.internalServerError, reason: "Safeguard needs an SQL database")
        }
        return sql
    }
}

extension Database {
    /// After a bulk load (the demo partnership): PostgreSQL otherwise plans from its guesses for empty tables until
    /// autovacuum next looks, up to a minute later, and a hot read's prepared statement may be planned from those
    /// guesses (a scan of every person for one person's relations). ANALYZE also makes PostgreSQL plan prepared
    /// statements afresh. SQLite's planner works without statistics and is left as it is.
    package func refreshPlannerStatistics() async throws {
        guard self is any PostgresDatabase else { return }
        try await sql().raw("ANALYZE").run()
    }
}
