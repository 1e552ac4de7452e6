import Fluent
import SQLKit

/// Indexes a name search can use. The search finds people whose first or last name starts with each word typed
/// (`first_name_key LIKE 'smi%'`), and neither database could use migration 003's plain indexes for that: both
/// read every person for every search, which at a county's million people is the slowest thing in the product.
/// PostgreSQL uses a `text_pattern_ops` index for a prefix `LIKE` whatever the database's collation; SQLite uses an
/// index in its `NOCASE` collation, because its `LIKE` ignores case.
struct AddNamePrefixIndexes: AsyncMigration {
    static let indexes = [("people_first_name_key_prefix", "people", "first_name_key"),
                          ("people_last_name_key_prefix", "people", "last_name_key")]

    func prepare(on db: Database) async throws {
        let sql = try db.sql()
        let postgres = sql.dialect.name == "postgresql"
        for (name, table, column) in Self.indexes {
            let how: SQLQueryString = postgres ? "\(ident: column) text_pattern_ops" : "\(ident: column) COLLATE NOCASE"
            try await sql.raw("CREATE INDEX \(ident: name) ON \(ident: table) (\(how))").run()
        }
    }

    func revert(on db: Database) async throws {
        let sql = try db.sql()
        for (name, _, _) in Self.indexes { try await sql.raw("DROP INDEX \(ident: name)").run() }
    }
}
