import XCTest

@testable import SafeguardServer

/// What an operator types for the database: an address or a file, and a clear refusal for anything else.
final class DatabaseLocationTests: XCTestCase {
    func testAPostgresAddressIsPostgreSQLAndAnythingElseWithoutASchemeIsASQLiteFile() throws {
        XCTAssertEqual(
            try Settings.DatabaseLocation.parse("postgres://sg:pw@db/safeguard", setting: "--database"),
            .postgres("postgres://sg:pw@db/safeguard"))
        XCTAssertEqual(
            try Settings.DatabaseLocation.parse("PostgreSQL://db/safeguard", setting: "--database"),
            .postgres("PostgreSQL://db/safeguard"))
        XCTAssertEqual(
            try Settings.DatabaseLocation.parse("data/safeguard.sqlite", setting: "--database"),
            .sqliteFile("data/safeguard.sqlite"))
    }

    func testAnotherKindOfAddressIsRefusedWithoutRepeatingItsPassword() {
        XCTAssertThrowsError(
            try Settings.DatabaseLocation.parse("mysql://sg:secret-pw@db/safeguard", setting: "--database")
        ) { error in
            let message = String(describing: error)
            XCTAssertEqual(
                message,
                "--database: a mysql:// address is not a postgres://user:password@host/database address for PostgreSQL, or a SQLite file name."
            )
            XCTAssertFalse(message.contains("secret-pw"))
        }
        XCTAssertThrowsError(try Settings.DatabaseLocation.parse("  ", setting: "--database"))
    }
}
