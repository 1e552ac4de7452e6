import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// People search the way the MASH searches (issue 15, item 5): misspelt names through the matcher with its
/// reasons, references and NHS numbers exactly, addresses, honest paging, and names never in a web address.
final class PeopleSearchTests: ServerTestCase {
    @discardableResult
    func person(_ first: String, _ last: String, _ dob: String) async throws -> UUID {
        let p = Person()
        p.firstName = first
        p.middleNames = ""
        p.lastName = last
        p.firstNameKey = Person.key(first)
        p.lastNameKey = Person.key(last)
        p.dateOfBirth = dob
        p.gender = Gender.male.rawValue
        p.ethnicity = "Not known"
        p.language = "English"
        try await p.create(on: app.db)
        try await app.safeguard.personIndex.refresh([p.id!], on: app.db)
        return p.id!
    }

    func testAMisspeltNameFindsThePersonWithTheMatchersReasons() async throws {
        let thomas = try await person("Thomas", "Michalski", "2012-05-09")
        try await person("Tomasz", "Nowak", "2011-01-01")
        let mash = try await signedIn(fx[.mashPractitioner])
        let res = try await mash.search("Thomas Michalsky")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.text.contains("\(SiteURL.person(thomas).path)\""), "the prefix search alone never found him")
        XCTAssertTrue(res.text.contains("Why it matched"))
        XCTAssertTrue(
            res.text.contains("surname: 1 letter different (Michalsky → Michalski)"), "the matcher's reason is shown")
        XCTAssertFalse(res.text.contains("Tomasz Nowak"))
        // With the date of birth as well he is still first.
        let withDOB = try await mash.search("thomas michalsky", dob: ("9", "5", "2012"))
        let first = withDOB.text.range(of: SiteURL.people.path)!
        XCTAssertTrue(
            withDOB.text[first.lowerBound...].hasPrefix(SiteURL.person(thomas).path)
                || withDOB.text.contains("1 person found"))
    }

    func testReferencesNHSNumbersAndAddressesFindTheirPeople() async throws {
        let kayla = try await Person.find(fx.kayla, on: app.db)!
        kayla.nhsNumber = "9434765919"
        try await kayla.save(on: app.db)
        let mash = try await signedIn(fx[.mashPractitioner])
        assertTrue(try await mash.search("943-476-5919").text.contains("1 person found"))
        let byReference = try await mash.search(SiteURL.person(fx.kayla).path)
        XCTAssertTrue(byReference.text.contains("1 person found") && byReference.text.contains("Kayla Smith"))
        let byAddress = try await mash.search("", address: "14 mill ln")
        XCTAssertTrue(byAddress.text.contains("3 people found"), "everyone at 14 Mill Lane, typed loosely")
        let nameAndAddress = try await mash.search("walker", address: "14 Mill Lane")
        XCTAssertTrue(nameAndAddress.text.contains("Dean Walker"))
        XCTAssertFalse(nameAndAddress.text.contains("Shannon Smith"))
        let nowhere = try await mash.search("", address: "99 Nowhere Street")
        XCTAssertTrue(nowhere.text.contains("No people found"))
    }

    func testResultsSayHowManyAndPageHonestly() async throws {
        for i in 0..<60 { try await person("Alex\(i)", "Brennan", "2000-01-\(String(format: "%02d", i % 28 + 1))") }
        let mash = try await signedIn(fx[.mashPractitioner])
        let first = try await mash.search("brennan")
        XCTAssertTrue(first.text.contains("60 people found"))
        XCTAssertTrue(first.text.contains("Showing 1 to 50 of 60"))
        XCTAssertEqual(first.text.components(separatedBy: "Brennan</a>").count - 1, 50)
        XCTAssertTrue(first.text.contains("Next page") && !first.text.contains("Previous page"))
        XCTAssertTrue(first.text.contains("name=\"q\" value=\"brennan\""), "the next page posts the same search")
        let second = try await mash.search("brennan", page: 2)
        XCTAssertTrue(second.text.contains("Showing 51 to 60 of 60"))
        XCTAssertEqual(second.text.components(separatedBy: "Brennan</a>").count - 1, 10)
        let beyond = try await mash.search("brennan", page: 9)
        XCTAssertTrue(beyond.text.contains("Showing 51 to 60 of 60"), "a page past the end shows the last")
    }

    func testNamesGoInTheBodyFromEveryPageAndNeverInTheAddress() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let page = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(
            page.text.contains(
                "<form class=\"sg-header__search\" method=\"post\" action=\"\(SiteURL.peopleSearch.path)\""),
            "the header's search box posts")
        let viaURL = try await sw.get(.people, query: [("q", "Kayla Smith")])
        XCTAssertFalse(viaURL.text.contains("person found"), "a name in the web address is not searched")
        assertEqual(try await sw.get(.peopleSearch).status, .seeOther)
        let empty = try await sw.search("")
        XCTAssertEqual(empty.status, .unprocessableEntity)
        XCTAssertTrue(empty.text.contains("Enter a name, NHS number or reference"))
        let badDate = try await sw.search("kayla", dob: ("14", "13", "2018"))
        XCTAssertEqual(badDate.status, .unprocessableEntity)
        // Denied without a session, and to roles that never see records.
        assertEqual(try await browser().post(.peopleSearch, [("q", "smith")]).status, .seeOther)
        assertEqual(try await signedIn(fx[.trainer]).search("smith").status, .forbidden)
        assertFalse(
            try await signedIn(fx[.trainer]).get(.training).text.contains("sg-header__search"),
            "no search box for those who may not search")
    }
}
