import Fluent
import SQLKit
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Adding and changing people through the forms: validation, escaping, and all-or-nothing writes.
final class PersonRecordTests: ServerTestCase {
    func validPerson(_ overrides: [String: String] = [:]) -> [(String, String)] {
        var f: [String: String] = [
            "first-name": "Aaliyah", "middle-names": "", "last-name": "Okafor", "unborn": "no",
            "dob-day": "3", "dob-month": "3", "dob-year": "2015", "gender": "female",
            "ethnicity": "Not known", "nhs-number": "943 476 5919", "language": "English", "disability": "",
            "address-line1": "22 Station Road", "address-line2": "", "address-town": "Calder Vale",
            "address-postcode": "nm4 2ab",
        ]
        for (k, v) in overrides { f[k] = v }
        return f.sorted { $0.key < $1.key }
    }

    func testAPractitionerAddsAPersonAndTheirAgencyBecomesInvolved() async throws {
        let b = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        let res = try await b.post(.people, validPerson())
        XCTAssertEqual(res.status, .seeOther)
        let location = try XCTUnwrap(res.location)
        let page = try await b.get(location)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.text.contains("Record created for Aaliyah Okafor"))
        XCTAssertTrue(page.text.contains("943 476 5919"))
        XCTAssertTrue(page.text.contains("22 Station Road, Calder Vale, NM4 2AB"), "postcode normalised")
        XCTAssertTrue(page.text.contains("Record created by Calder Vale Primary School"), "chronology entry")
        let person = try await Person.query(on: app.db).filter(\.$lastName == "Okafor").first()!
        XCTAssertEqual(person.nhsNumber, "9434765919")
        assertTrue(try await auditEntries().contains { $0.action == "create" && $0.recordID == person.id!.uuidString })
    }

    func testInvalidFieldsAreExplainedAndNothingIsWritten() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.post(
            .people,
            validPerson([
                "nhs-number": "943 476 5918", "address-postcode": "NM4 2CB",
                "dob-day": "31", "dob-month": "2", "last-name": "",
            ]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.text.contains("href=\"#nhs-number\">This is not a valid NHS number"))
        XCTAssertTrue(res.text.contains("href=\"#address-postcode\">Enter a real postcode"))
        XCTAssertTrue(res.text.contains("href=\"#dob-day\">Date of birth must be a real date"))
        XCTAssertTrue(res.text.contains("href=\"#last-name\">Enter the person&#39;s last name"))
        XCTAssertTrue(res.text.contains("value=\"Aaliyah\""), "what was typed is kept")
        assertEqual(try await Person.query(on: app.db).count(), 3)
        assertEqual(try await Address.query(on: app.db).count(), 1)
    }

    func testAFutureDateOfBirthIsRefusedButAnUnbornChildHasAnExpectedDate() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        let future = try await b.post(.people, validPerson(["dob-year": "2027"]))
        XCTAssertTrue(future.text.contains("must be today or in the past"))
        let unborn = try await b.post(
            .people,
            validPerson([
                "unborn": "yes", "first-name": "", "dob-year": "2026", "dob-month": "7",
                "gender": "", "nhs-number": "",
            ]))
        XCTAssertEqual(unborn.status, .seeOther)
        let page = try await b.get(unborn.location!)
        XCTAssertTrue(page.text.contains("Unborn"))
        XCTAssertTrue(page.text.contains("Expected date of birth"))
    }

    func testEveryTextFieldIsShownEscaped() async throws {
        let xss = "<script>alert(1)</script>"
        let attr = "\"><img src=x onerror=alert(2)>"
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.post(
            .people,
            validPerson([
                "first-name": xss, "middle-names": attr, "last-name": "O'Brien & <b>Sons</b>",
                "language": xss, "disability": attr, "address-line1": xss, "address-town": attr,
            ]))
        XCTAssertEqual(res.status, .seeOther)
        let id = try recordID(in: res.location)
        _ = try await b.post(.personOtherNames(id), [("kind", "alias"), ("name", xss)])
        for path in [SiteURL.person(id).path, "search", SiteURL.personEdit(id).path] {
            let page = path == "search" ? try await b.search("alert") : try await b.get(path)
            XCTAssertFalse(page.text.contains("<script>alert"), path)
            XCTAssertFalse(page.text.contains("<img src=x"), path)
            XCTAssertFalse(page.text.contains("<b>Sons"), path)
        }
        let page = try await b.get(.person(id))
        XCTAssertTrue(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(page.text.contains("O&#39;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;"))
        // An invalid form echoes the typed value inside value="", the classic hole.
        let echo = try await b.post(.people, validPerson(["first-name": attr, "last-name": ""]))
        XCTAssertTrue(echo.text.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(2)&gt;\""))
    }

    func testSQLMetacharactersAreStoredVerbatim() async throws {
        let name = "Robert'); DROP TABLE people;--"
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.post(.people, validPerson(["first-name": name, "last-name": "O'Neil \\ % _"]))
        XCTAssertEqual(res.status, .seeOther)
        let stored = try await Person.query(on: app.db).filter(\.$firstName == name).first()
        XCTAssertEqual(stored?.lastName, "O'Neil \\ % _")
        assertEqual(try await Person.query(on: app.db).count(), 4, "the people table is still there")
        let search = try await b.search("Robert');")
        XCTAssertEqual(search.status, .ok)
        XCTAssertTrue(search.text.contains("1 person found"))
    }

    func testEditingChangesTheRecordAndTheChronology() async throws {
        let b = try await signedIn(fx[.socialWorker])
        let form = try await b.get(.personEdit(fx.kayla))
        XCTAssertTrue(form.text.contains("value=\"Kayla\""))
        let opened = try XCTUnwrap(Browser.hiddenValue("opened-as", in: form.text))
        let res = try await b.post(
            .personEdit(fx.kayla),
            validPerson([
                "first-name": "Kayleigh", "last-name": "Smith",
                "dob-day": "14", "dob-month": "6", "dob-year": "2018",
                "opened-as": opened,
            ]))
        XCTAssertEqual(res.location, SiteURL.person(fx.kayla).done("updated"))
        let page = try await b.get(res.location!)
        XCTAssertTrue(page.text.contains("Kayleigh Smith"))
        XCTAssertTrue(page.text.contains("Personal details changed"))
        assertEqual(try await Address.query(on: app.db).count(), 1, "editing does not add addresses")
    }

    func testAddingAnAddressEndsTheCurrentOne() async throws {
        let b = try await signedIn(fx[.socialWorker])
        let res = try await b.post(
            .personAddresses(fx.kayla),
            [
                ("address-line1", "Flat 2, Beech Court"), ("address-line2", ""),
                ("address-town", "Dunstowe"), ("address-postcode", "NM7 1AA"), ("uprn", "100012345678"),
                ("from-day", "1"), ("from-month", "2"), ("from-year", "2026"),
            ])
        XCTAssertEqual(res.location, SiteURL.person(fx.kayla).done("address"))
        let residences = try await Residence.query(on: app.db).filter(\.$person.$id == fx.kayla).sort(\.$fromDate).all()
        XCTAssertEqual(residences.map(\.toDate), ["2026-01-31", nil])
        let page = try await b.get(.person(fx.kayla))
        XCTAssertTrue(page.text.contains("Flat 2, Beech Court, Dunstowe, NM7 1AA"))
    }

    func testRelationshipsCanBeRecordedBetweenHouseholdMembers() async throws {
        let b = try await signedIn(fx[.socialWorker])
        let form = try await b.get(.personRelationships(fx.kayla))
        XCTAssertFalse(form.text.contains("value=\"other-is\" checked"), "which way round is never assumed")
        XCTAssertTrue(form.text.contains("Shannon Smith"), "housemates are offered")
        let res = try await b.post(
            .personRelationships(fx.kayla),
            [("other", fx.dean.uuidString), ("kind", "step-parent"), ("direction", "other-is")])
        XCTAssertEqual(res.status, .unprocessableEntity, "a social worker not involved with Dean cannot link to him")
        let mash = try await signedIn(fx[.mashPractitioner])
        let ok = try await mash.post(
            .personRelationships(fx.kayla),
            [("other", fx.dean.uuidString), ("kind", "step-parent"), ("direction", "other-is")])
        XCTAssertEqual(ok.status, .seeOther)
        let page = try await mash.get(.person(fx.kayla))
        XCTAssertTrue(page.text.contains(">Dean Walker</a> – step-parent"))
    }

    func testSearchFindsByNameNHSNumberDateOfBirthAndPostcode() async throws {
        let p = try await Person.find(fx.kayla, on: app.db)!
        p.nhsNumber = "9434765919"
        try await p.save(on: app.db)
        try await OtherName(personID: fx.kayla, kind: .knownAs, name: "KK Smith").create(on: app.db)
        let b = try await signedIn(fx[.policeOfficer])
        assertTrue(try await b.search("kayla smith").text.contains("1 person found"))
        assertTrue(try await b.search("SMITH").text.contains("2 people found"))
        assertTrue(try await b.search("943 476 5919").text.contains("1 person found"))
        assertTrue(try await b.search("", dob: ("14", "6", "2018")).text.contains("1 person found"))
        assertTrue(try await b.search("", address: "nm42ab").text.contains("3 people found"))
        assertTrue(try await b.search("KK").text.contains("1 person found"), "other names are searched")
        let results = try await b.search("smith")
        XCTAssertTrue(results.text.contains("Not involved: break glass to open"))
        XCTAssertFalse(results.text.contains("NM4 2AB"), "an uninvolved agency sees only the postcode district")
        let bad = try await b.search("", dob: ("31", "2", "2018"))
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.text.contains("Date of birth must be a real date"))
        assertTrue(
            try await auditEntries().contains { $0.action == "search" && $0.recordID.contains("name=kayla smith") })
    }

    func testTheAdultsRecordNamesTheChildFromTheirSide() async throws {
        let b = try await signedIn(fx[.socialWorker])
        let page = try await b.get(.person(fx.shannon))
        XCTAssertTrue(page.text.contains(">Kayla Smith</a></td><td class=\"sg-table__cell\">Child</td>"))
    }

    func testANewAddressTakesTheDistrictOfItsPostcodeDistrict() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        let res = try await b.post(.people, validPerson(["address-postcode": "NM4 9ZZ"]))
        let page = try await b.get(res.location!)
        XCTAssertTrue(page.text.contains("NM4 9ZZ</td><td class=\"sg-table__cell\">Calder Vale</td>"))
    }
}
