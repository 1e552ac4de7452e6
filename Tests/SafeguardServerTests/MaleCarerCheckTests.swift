import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// The "Men in …" card (issue 15, item 12): for each man caring for a child, whether he has been seen,
/// assessed and checked with the police, by whom and when.
final class MaleCarerCheckTests: ServerTestCase {
    func testEachManShowsWhatIsMissingUntilItIsRecorded() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let before = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(before.text.contains("Men in Kayla&#39;s life"))
        XCTAssertEqual(
            before.text.components(separatedBy: "Not recorded").count - 1, 3,
            "Dean: not seen, not assessed, not checked")
        XCTAssertTrue(before.text.contains(SiteURL.personMaleCarer(fx.kayla, fx.dean).path))

        let form = try await sw.get(.personMaleCarer(fx.kayla, fx.dean))
        XCTAssertEqual(form.status, .ok)
        XCTAssertFalse(form.text.contains("\" checked"), "nothing is chosen for the user")
        let empty = try await sw.post(.personMaleCarer(fx.kayla, fx.dean), [])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        XCTAssertTrue(empty.text.contains("Select what was done") && empty.text.contains("Enter the date it was done"))
        let future = try await sw.post(
            .personMaleCarer(fx.kayla, fx.dean),
            [("kind", "seen"), ("done-day", "3"), ("done-month", "3"), ("done-year", "2026")])
        XCTAssertTrue(future.text.contains("The date must be today or in the past"))
        let seen = try await sw.post(
            .personMaleCarer(fx.kayla, fx.dean),
            [
                ("kind", "seen"), ("done-day", "27"), ("done-month", "2"), ("done-year", "2026"),
                ("note", "Seen at home holding the baby"),
            ])
        XCTAssertEqual(seen.location, SiteURL.person(fx.kayla).done("man-check") + "#men-in-kayla-s-life")
        let after = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(
            after.text.contains(
                "27 February 2026, Northmere Children&#39;s Services (Test Social worker): Seen at home holding the baby"
            ))
        XCTAssertEqual(after.text.components(separatedBy: "Not recorded").count - 1, 2)
        assertTrue(
            try await sw.get(.personChronology(fx.kayla)).text.contains(
                "Dean Walker: seen by Northmere Children&#39;s Services"))
        assertTrue(
            try await auditEntries().contains {
                $0.recordID == fx.kayla.uuidString && $0.reason.hasPrefix("seen recorded")
            })
    }

    func testOnlyAnAgencyWorkingWithTheChildRecordsAndOnlyForHerCarers() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        assertEqual(
            try await sw.get(.personMaleCarer(fx.kayla, fx.shannon)).status, .notFound,
            "Shannon is not a man caring for Kayla")
        assertEqual(
            try await sw.get(.personMaleCarer(fx.shannon, fx.dean)).status, .notFound, "Dean does not care for Shannon")
        let police = try await signedIn(fx[.policeOfficer])
        assertEqual(
            try await police.post(
                .personMaleCarer(fx.kayla, fx.dean),
                [
                    ("kind", "police-checked"), ("done-day", "1"),
                    ("done-month", "3"), ("done-year", "2026"),
                ]
            ).status, .forbidden)
        assertEqual(try await signedIn(fx[.trainer]).get(.personMaleCarer(fx.kayla, fx.dean)).status, .forbidden)
        assertEqual(try await browser().get(.personMaleCarer(fx.kayla, fx.dean)).status, .seeOther)
        assertEqual(try await MaleCarerCheckRecord.query(on: app.db).count(), 0)
    }
}
