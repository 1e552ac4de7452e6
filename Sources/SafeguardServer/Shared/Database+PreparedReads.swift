import FluentKit
import Logging
import NIOConcurrencyHelpers
import PostgresKit
import SQLKit

extension Database {
    /// A hot, fixed-shape read (the signed-in session, the person page): on PostgreSQL it runs as a named prepared
    /// statement, parsed and planned once on each pooled connection and then only bound and executed. Planning was
    /// most of PostgreSQL's processor time under load, about 0.2 ms for each of the person page's ten queries (see the
    /// README's "Load"). On SQLite, and for any statement whose values PostgreSQL cannot be told the type of (a nil),
    /// it is an ordinary query. Only for statements whose text does not vary with their values: each distinct text
    /// becomes one prepared statement on each connection for the connection's life.
    func preparedRows(_ query: SQLQueryString) async throws -> [any SQLRow] {
        let sql = try self.sql()
        guard let postgres = self as? any PostgresDatabase, let statement = PreparedRead(query, serializedBy: sql)
        else {
            return try await sql.raw(query).all()
        }
        do {
            return try await statement.rows(on: postgres, logger: logger)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == PreparedRead.cachedPlanChanged {
            // A migration by another server changed a table under a statement this connection had prepared (a
            // rolling upgrade): the ordinary query still answers correctly.
            return try await sql.raw(query).all()
        }
    }

    /// The first row of `preparedRows(_:)`.
    func preparedRow(_ query: SQLQueryString) async throws -> (any SQLRow)? {
        try await preparedRows(query).first
    }
}

/// One execution of a read as a PostgreSQL prepared statement. PostgresNIO keeps a statement prepared on each
/// connection by the name its type gives, so the name and text are the type's, supplied for the length of the call by
/// a task-local value: PostgresNIO reads both in the calling task before it sends anything.
struct PreparedRead: PostgresPreparedStatement {
    typealias Row = PostgresRow

    struct Text: Sendable {
        var name: String
        var sql: String
        var types: [PostgresDataType]
    }

    @TaskLocal static var text = Text(name: "", sql: "", types: [])
    static var name: String { text.name }
    static var sql: String { text.sql }
    static var bindingDataTypes: [PostgresDataType] { text.types }

    /// "cached plan must not change result type".
    static let cachedPlanChanged = "0A000"

    let statement: Text
    let bindings: PostgresBindings

    /// Nil when a value has no PostgreSQL type of its own (a nil): such a read goes the ordinary way.
    init?(_ query: SQLQueryString, serializedBy database: any SQLDatabase) {
        var serializer = SQLSerializer(database: database)
        query.serialize(to: &serializer)
        var bindings = PostgresBindings(capacity: serializer.binds.count)
        var types: [PostgresDataType] = []
        for value in serializer.binds {
            guard let typed = value as? any PostgresDynamicTypeEncodable else { return nil }
            types.append(typed.psqlType)
            bindings.append(typed)
        }
        self.statement = Text(name: Self.name(for: serializer.sql), sql: serializer.sql, types: types)
        self.bindings = bindings
    }

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }

    /// Runs in the calling task on a connection borrowed from the pool for the length of the read. (An earlier form
    /// ran each read in a task of its own, `makeFutureWithTask` inside `withConnection`, six at once for a person
    /// page; a server under load crashed once in the Swift runtime completing such a task, so no task is made now.)
    func rows(on postgres: any PostgresDatabase, logger: Logger) async throws -> [any SQLRow] {
        let lease = try await ConnectionLease.borrow(from: postgres)
        defer { lease.giveBack() }
        return try await Self.$text.withValue(statement) {
            var rows: [any SQLRow] = []
            for try await row in try await lease.connection.execute(self, logger: logger) { rows.append(row.sql()) }
            return rows
        }
    }

    /// One name per distinct text, the same on every connection of this process.
    private static let names = NIOLockedValueBox([String: String]())
    static func name(for sql: String) -> String {
        names.withLockedValue { names in
            if let known = names[sql] { return known }
            let name = "safeguard_read_\(names.count + 1)"
            names[sql] = name
            return name
        }
    }
}

/// A pooled PostgreSQL connection held by an async caller until `giveBack()`. The pool's `withConnection` takes a
/// closure returning a future; the closure hands the connection over and returns a future that `giveBack()` completes,
/// which is when the pool has it again.
struct ConnectionLease: Sendable {
    let connection: PostgresConnection
    private let returned: EventLoopPromise<Void>

    static func borrow(from postgres: any PostgresDatabase) async throws -> ConnectionLease {
        let handedOver = postgres.eventLoop.makePromise(of: ConnectionLease.self)
        let returned = postgres.eventLoop.makePromise(of: Void.self)
        postgres.withConnection { connection in
            handedOver.succeed(ConnectionLease(connection: connection, returned: returned))
            return returned.futureResult
        }.whenFailure { error in
            // Only a pool that gave no connection fails here (the closure's own future never fails), so nothing
            // was handed over and the promise is still open.
            handedOver.fail(error)
            returned.succeed(())
        }
        return try await handedOver.futureResult.get()
    }

    func giveBack() { returned.succeed(()) }
}
