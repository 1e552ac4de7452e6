import Fluent
import SQLKit
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// The change feed (`AuditFeed.changes`) walks the sealed trail along its sequence, from where a server last looked,
/// never through every entry of a record type: every server asks it every 200 ms, and the trail holds every view of
/// every person.
final class AuditFeedPlanTests: ServerTestCase {
    func testTheChangeFeedReadsAlongTheSequenceNotEveryEntryOfAType() async throws {
        let query = AuditFeed.changesQuery(after: 10, upTo: 20, recordTypes: IndexChanges.recordTypes, limit: 5_000)
        let sql = try app.db.sql()
        if sql.dialect.name == "postgresql" {
            let plan = try await sql.raw("EXPLAIN \(query)").all().map {
                try $0.decode(column: "QUERY PLAN", as: String.self)
            }
            .joined(separator: "\n")
            XCTAssertFalse(plan.contains("audit_entries_record"), plan)
        } else {
            let plan = try await sql.raw("EXPLAIN QUERY PLAN \(query)").all().map {
                try $0.decode(column: "detail", as: String.self)
            }
            .joined(separator: "\n")
            XCTAssertFalse(plan.contains("audit_entries_record"), "not every entry of the type: \(plan)")
            XCTAssertFalse(plan.contains("TEMP B-TREE"), "already in sequence order: \(plan)")
        }

        // And it still finds a person's change among views, in order.
        let mash = try await signedIn(fx[.mashPractitioner])
        _ = try await mash.get(.person(fx.kayla))
        try await app.safeguard.audit.seal(on: app.db)
        let before = try await AuditFeed.head(on: app.db)
        _ = try await mash.get(.person(fx.kayla))
        let sw = try await signedIn(fx[.socialWorker])
        let opened = Browser.hiddenValue("opened-as", in: try await sw.get(.personEdit(fx.kayla)).text) ?? ""
        let edited = try await sw.post(
            .personEdit(fx.kayla),
            [
                ("opened-as", opened),
                ("first-name", "Kayla"), ("middle-names", "Marie"), ("last-name", "Smith"), ("unborn", "no"),
                ("dob-day", "14"), ("dob-month", "6"),
                ("dob-year", "2018"), ("gender", "female"), ("ethnicity", "Not known"), ("nhs-number", ""),
                ("language", "English"), ("disability", ""),
                ("address-line1", "14 Mill Lane"), ("address-line2", ""), ("address-town", "Calder Vale"),
                ("address-postcode", "NM4 2AB"),
            ])
        XCTAssertEqual(edited.status, .seeOther, edited.text)
        try await app.safeguard.audit.seal(on: app.db)
        let head = try await AuditFeed.head(on: app.db)
        let changes = try await AuditFeed.changes(
            after: before, upTo: head, recordTypes: IndexChanges.recordTypes, limit: 100, on: app.db)
        let seen = changes.map { "\($0.action) \($0.recordType)" }
        XCTAssertTrue(
            changes.contains { $0.recordID == fx.kayla.uuidString && $0.action == "change" }, "the edit: \(seen)")
        XCTAssertFalse(changes.contains { $0.action == "view" }, "not the views: \(seen)")
        XCTAssertEqual(changes.map(\.sequence), changes.map(\.sequence).sorted(), "in order")
    }
}
