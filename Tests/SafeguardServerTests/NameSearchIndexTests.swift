import Fluent
import SQLKit
import XCTVapor

@testable import SafeguardServer

/// A name search starts from the name indexes (migration 036), not from every person: at a county's million people
/// the difference is the whole of a search's time.
final class NameSearchIndexTests: ServerTestCase {
    /// The search's own shape (`PersonSearch`): each word a prefix of the first or the last name.
    static let search: SQLQueryString = """
        SELECT id FROM people WHERE merged_into_id IS NULL
          AND (first_name_key LIKE \(bind: "smi%") OR last_name_key LIKE \(bind: "smi%"))
        ORDER BY last_name_key, first_name_key LIMIT 51
        """

    func testANameSearchReadsTheNameIndexesNotEveryPerson() async throws {
        let sql = try app.db.sql()
        if sql.dialect.name == "postgresql" {
            // A table of three people is read whole whatever the indexes; told not to, PostgreSQL shows it can use them.
            let plan = try await app.db.transaction { tx in
                let sql = try tx.sql()
                try await sql.raw("SET LOCAL enable_seqscan = off").run()
                return try await sql.raw("EXPLAIN \(Self.search)").all().map {
                    try $0.decode(column: "QUERY PLAN", as: String.self)
                }
            }.joined(separator: "\n")
            XCTAssertFalse(plan.contains("Seq Scan on people"), plan)
            XCTAssertTrue(
                plan.contains("people_first_name_key_prefix") && plan.contains("people_last_name_key_prefix"), plan)
        } else {
            let plan = try await sql.raw("EXPLAIN QUERY PLAN \(Self.search)").all().map {
                try $0.decode(column: "detail", as: String.self)
            }
            .joined(separator: "\n")
            XCTAssertFalse(plan.contains("SCAN people"), plan)
            XCTAssertTrue(
                plan.contains("people_first_name_key_prefix") && plan.contains("people_last_name_key_prefix"), plan)
        }
        // And the search still finds by either name.
        let found = try await PersonSearch(text: "smi").run(on: app.db).map(\.lastName)
        XCTAssertFalse(found.isEmpty)
        XCTAssertTrue(found.allSatisfy { $0.lowercased().hasPrefix("smi") }, "\(found)")
    }
}
