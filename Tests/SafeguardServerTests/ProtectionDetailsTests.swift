import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// A plan's details (categories, conferences, marked addresses) go to the roles that read
/// safeguarding entries; everyone else who may see the child learns that a plan exists and whom
/// to contact, as the health check says.
final class ProtectionDetailsTests: ServerTestCase {
    func startPlan() async throws -> String {
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(
            .personProtection(fx.kayla),
            [
                ("kind", "child-protection-plan"), ("start-day", "1"), ("start-month", "3"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("strategy-day", "9"), ("strategy-month", "2"),
                ("strategy-year", "2026"),
                ("conference-day", "1"), ("conference-month", "3"), ("conference-year", "2026"),
                ("categories[]", "neglect"),
            ])
        return try XCTUnwrap(res.location)
    }

    func involve(_ agency: UUID) async throws {
        try await AgencyInvolvement(personID: fx.kayla, agencyID: agency, startedOn: "2025-09-01").create(on: app.db)
    }

    func testOnlySafeguardingReadersSeeThePlansDetails() async throws {
        let location = try await startPlan()
        try await involve(fx.police)
        try await involve(fx.hospital)
        for role in [Role.policeOfficer, .healthPractitioner, .schoolDesignatedSafeguardingLead] {
            let b = try await signedIn(fx[role])
            let plan = try await b.get(location)
            XCTAssertEqual(plan.status, .forbidden, "\(role)")
            let person = try await b.get(.person(fx.kayla))
            XCTAssertEqual(person.status, .ok, "\(role)")
            XCTAssertTrue(person.text.contains("Child protection plan"), "\(role) learns that a plan exists")
            XCTAssertTrue(person.text.contains("Test Social worker"), "\(role) learns whom to contact")
            XCTAssertFalse(person.text.contains("Neglect"), "\(role) never sees the categories")
            XCTAssertFalse(person.text.contains("href=\"\(location)\""), "\(role) has no link to the plan")
        }
        for role in [Role.socialWorker, .teamManager, .mashPractitioner, .mashManager, .auditor] {
            assertEqual(try await signedIn(fx[role]).get(location).status, .ok, "\(role)")
        }
        // Police public protection reads the details where police are involved, as the chronology allows.
        let ppp = try await signedIn(fx[.policePublicProtection])
        let page = try await ppp.get(location)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.text.contains("Neglect"))
    }

    /// Issue 15 item 12: an open plan is flagged beside the name and in search results, for
    /// everyone who may see the child; an ended one is not.
    func testAnOpenPlanIsFlaggedBesideTheNameAndInSearchResults() async throws {
        let plan = try await recordID(in: startPlan())
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        let results = try await school.search("Kayla")
        XCTAssertTrue(results.text.contains("sg-tag--red\">Child protection plan"), results.text)
        let page = try await school.get(.person(fx.kayla))
        let caption = try XCTUnwrap(page.text.range(of: "<h1")).lowerBound
        XCTAssertTrue(page.text[..<caption].contains("Child protection plan"), "beside the name, before anything else")
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(
            .protectionEnd(plan),
            [("end-day", "2"), ("end-month", "3"), ("end-year", "2026"), ("end-reason", "Stepped down at review")])
        assertFalse(try await school.search("Kayla").text.contains(">Child protection plan"))
    }

    func testPolicePublicProtectionWithoutInvolvementMustBreakTheGlass() async throws {
        let location = try await startPlan()
        let ppp = try await signedIn(fx[.policePublicProtection])
        assertEqual(try await ppp.get(location).location, SiteURL.personBreakGlass(fx.kayla).path)
        assertEqual(try await browser().get(location).location, SiteURL.signIn.path)
    }
}
