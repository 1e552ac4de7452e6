import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// The person page reads only the sections that have something in them (`PersonRecordReads.Sections`, counted in the
/// same query as the person): a section skipped must be one that is truly empty, on SQLite and on PostgreSQL.
final class PersonRecordSectionsTests: ServerTestCase {
    func testARecordWithOnlyAPastHomeShowsItAndNoHousehold() async throws {
        let p = Person()
        p.firstName = "Jordan"
        p.middleNames = ""
        p.lastName = "Blake"
        p.firstNameKey = Person.key("Jordan")
        p.lastNameKey = Person.key("Blake")
        p.dateOfBirth = "2009-04-11"
        p.gender = Gender.male.rawValue
        p.ethnicity = "Not known"
        p.language = "English"
        try await p.create(on: app.db)
        let id = try p.requireID()
        let mash = try await signedIn(fx[.mashPractitioner])

        var page = try await mash.get(.person(id))
        XCTAssertEqual(page.status, .ok)
        for empty in [
            "No address recorded.", "No relationships recorded.", "No agency has recorded involvement.",
            "No assessment recorded.",
        ] {
            XCTAssertTrue(page.text.contains(empty), "shows: \(empty)")
        }

        // A home he has left, at the address where Kayla's family live now: shown, but they are not his household.
        try await Residence(personID: id, addressID: fx.address, from: "2015-01-01", to: "2020-06-30").create(
            on: app.db)
        page = try await mash.get(.person(id))
        XCTAssertTrue(page.text.contains("14 Mill Lane"), "the past home is listed")
        XCTAssertFalse(page.text.contains("No address recorded."))
        XCTAssertFalse(page.text.contains("id=\"household\""), "no one lives with him now")

        // Kayla has every common section: each is read and shown.
        page = try await mash.get(.person(fx.kayla))
        XCTAssertTrue(page.text.contains("id=\"household\""), "her household")
        XCTAssertTrue(page.text.contains("Shannon Smith") && page.text.contains("Dean Walker"))
        XCTAssertTrue(page.text.contains("Calder Vale Primary School"), "the agencies working with her")
        XCTAssertFalse(page.text.contains("No relationships recorded."))
        XCTAssertFalse(page.text.contains("No agency has recorded involvement."))
    }
}
