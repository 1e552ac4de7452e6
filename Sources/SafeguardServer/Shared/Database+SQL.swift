import Fluent
import SQLKit
import Vapor

extension Database {
    /// The same connection spoken to in SQL: for the hot reads that join several tables in one query, and for the
    /// statements Fluent's query builder cannot say. Both drivers Safeguard runs on are SQL databases.
    func sql() throws -> SQLDatabase {
        guard let sql = self as? SQLDatabase else { throw Abort(.internalServerError, reason: "Safeguard needs an SQL database") }
        return sql
    }
}
