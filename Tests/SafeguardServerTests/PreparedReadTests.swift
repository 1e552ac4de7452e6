import Fluent
import PostgresKit
import SQLKit
import XCTVapor

@testable import SafeguardServer

/// The hot reads' prepared statements: the same answers as the ordinary query, on every pooled connection, however
/// the statements interleave; and a table changed under a prepared statement still answers.
final class PreparedReadTests: ServerTestCase {
    private func createProbeTable() async throws {
        let sql = try app.db.sql()
        try await sql.raw("CREATE TABLE prepared_probe (id INTEGER, name TEXT, kind TEXT)").run()
        for (id, name, kind) in [
            (1, "Aaliyah", "child"), (2, "Brandon", "adult"), (3, "Chloe", "child"), (4, "Dev", "adult"),
        ] {
            try await sql.raw(
                "INSERT INTO prepared_probe (id, name, kind) VALUES (\(bind: id), \(bind: name), \(bind: kind))"
            ).run()
        }
    }

    private static func names(_ rows: [any SQLRow]) throws -> [String] {
        try rows.map { try $0.decode(column: "name", as: String.self) }
    }

    func testInterleavedStatementsGiveTheOrdinaryQuerysAnswersOnEveryConnection() async throws {
        try await createProbeTable()
        let db = app.db
        // More reads at once than the pool has connections, two statements and differing values, so each connection
        // prepares both and reuses them with other values.
        let answers = try await withThrowingTaskGroup(of: (Int, [String], [String]).self) { group in
            for n in 0..<60 {
                group.addTask {
                    let id = n % 4 + 1
                    let byID = try await db.preparedRows("SELECT name FROM prepared_probe WHERE id = \(bind: id)")
                    let kind = n % 2 == 0 ? "child" : "adult"
                    let byKind = try await db.preparedRows(
                        "SELECT name FROM prepared_probe WHERE kind = \(bind: kind) ORDER BY id")
                    return (n, try Self.names(byID), try Self.names(byKind))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(answers.count, 60)
        for (n, byID, byKind) in answers {
            XCTAssertEqual(byID, [["Aaliyah", "Brandon", "Chloe", "Dev"][n % 4]])
            XCTAssertEqual(byKind, n % 2 == 0 ? ["Aaliyah", "Chloe"] : ["Brandon", "Dev"])
        }
        let first = try await db.preparedRow("SELECT name FROM prepared_probe WHERE id = \(bind: 3)")
        XCTAssertEqual(try first?.decode(column: "name", as: String.self), "Chloe")
        let none = try await db.preparedRow("SELECT name FROM prepared_probe WHERE id = \(bind: 99)")
        XCTAssertNil(none)
    }

    func testAValuePostgreSQLCannotBeToldTheTypeOfGoesTheOrdinaryWay() async throws {
        try await createProbeTable()
        let missing: String? = nil
        let rows = try await app.db.preparedRows(
            "SELECT name FROM prepared_probe WHERE kind = \(bind: missing) OR id = \(bind: 2)")
        XCTAssertEqual(try Self.names(rows), ["Brandon"])
    }

    func testOnPostgreSQLTheStatementIsPreparedOnceOnTheConnection() async throws {
        guard Self.postgresURL != nil else {
            throw XCTSkip("prepared statements are PostgreSQL's; SQLite runs the ordinary query")
        }
        try await createProbeTable()
        // One transaction is one connection, so its own prepared statements can be listed.
        let prepared = try await app.db.transaction { tx in
            for id in 1...3 { _ = try await tx.preparedRows("SELECT name FROM prepared_probe WHERE id = \(bind: id)") }
            return try await tx.sql().raw("SELECT name, statement FROM pg_prepared_statements").all()
        }
        let ours = try prepared.filter {
            try $0.decode(column: "statement", as: String.self).contains("prepared_probe")
        }
        XCTAssertEqual(ours.count, 1, "three reads, one statement")
        XCTAssertTrue(try ours[0].decode(column: "name", as: String.self).hasPrefix("safeguard_read_"))
    }

    func testATableChangedUnderAPreparedStatementStillAnswers() async throws {
        guard Self.postgresURL != nil else {
            throw XCTSkip("prepared statements are PostgreSQL's; SQLite runs the ordinary query")
        }
        try await createProbeTable()
        let db = app.db
        // Every pooled connection prepares the statement: more reads at once than connections.
        func readAll() async throws -> [[String]] {
            try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try Self.names(try await db.preparedRows("SELECT * FROM prepared_probe WHERE id = \(bind: 1)"))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        let before = try await readAll()
        XCTAssertEqual(Set(before), [["Aaliyah"]])
        // What a migration run by another server does during a rolling upgrade.
        try await db.sql().raw("ALTER TABLE prepared_probe ADD COLUMN note TEXT").run()
        let after = try await readAll()
        XCTAssertEqual(Set(after), [["Aaliyah"]])
    }
}
