import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// The chronology is in event order (issue 15, item 8): a plan started on 20 February is dated by that day,
/// not by when it was typed, with filters by kind and agency, print and CSV.
final class ChronologyTests: ServerTestCase {
    func testAPlanTypedLateIsDatedByItsStartAndSaysWhenItWasRecorded() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(.personOtherNames(fx.kayla), [("kind", "alias"), ("name", "KK")])
        let plan = try await sw.post(
            .personProtection(fx.kayla),
            [
                ("kind", "child-protection-plan"), ("categories[]", "neglect"), ("start-day", "20"),
                ("start-month", "2"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("conference-day", "20"), ("conference-month", "2"),
                ("conference-year", "2026"),
            ])
        XCTAssertNotNil(plan.location, plan.text)
        _ = try await sw.post(
            .personAddresses(fx.kayla),
            [
                ("address-line1", "3 Canal Street"), ("address-town", "Calder Vale"),
                ("address-postcode", "NM4 7XY"), ("from-day", "25"), ("from-month", "2"), ("from-year", "2026"),
            ])
        let page = try await sw.get(.personChronology(fx.kayla))
        XCTAssertEqual(page.status, .ok)
        let text = page.text
        let moved = try XCTUnwrap(text.range(of: "Moved to a new address on 25 February 2026"))
        let started = try XCTUnwrap(text.range(of: "Child protection plan started 20 February 2026"))
        XCTAssertLessThan(moved.lowerBound, started.lowerBound, "newest first by when it happened, not when typed")
        XCTAssertTrue(
            text.contains("<time datetime=\"2026-02-20\">20 February 2026</time>"), "a day, not the moment it was typed"
        )
        XCTAssertTrue(text.contains("recorded 2 March 2026, 10:00am"))

        // Filters by kind and by agency.
        let onlyPlans = try await sw.get(.personChronology(fx.kayla), query: [("kind[]", "Child protection")])
        XCTAssertTrue(
            onlyPlans.text.contains("Child protection plan started"),
            "\(onlyPlans.status) " + String(onlyPlans.text.suffix(3000)))
        XCTAssertFalse(onlyPlans.text.contains("Moved to a new address"))
        XCTAssertTrue(onlyPlans.text.contains("Showing 1 of"))
        XCTAssertTrue(onlyPlans.text.contains("value=\"Child protection\" checked"), "the chosen filter stays ticked")
        let noAgency = try await sw.get(.personChronology(fx.kayla), query: [("agency[]", "Nobody")])
        XCTAssertTrue(noAgency.text.contains("No entries match these filters"))
        XCTAssertTrue(text.contains("Print this chronology"))

        // CSV, in the same order, for those whose agency works with the child.
        let csv = try await sw.get(.personChronologyCSV(fx.kayla), query: [("kind[]", "Child protection")])
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(csv.headers.contentType?.subType, "csv")
        let lines = csv.text.split(separator: "\n")
        XCTAssertEqual(lines.first, "happened,date_only,kind,agency,summary,recorded_by,recorded_at")
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.contains("Child protection") })
        XCTAssertTrue(lines[1].hasPrefix("2026-02-20,yes,"))
        assertTrue(
            try await auditEntries().contains {
                $0.action == "export" && $0.recordID == fx.kayla.uuidString && $0.reason.contains("chronology CSV")
            })

        // The record's own card is in the same order and links to the whole chronology.
        let record = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(record.text.contains(SiteURL.personChronology(fx.kayla).path))
    }

    func testTheChronologyIsDeniedAsTheRecordIs() async throws {
        let police = try await signedIn(fx[.policeOfficer])
        let page = try await police.get(.personChronology(fx.kayla))
        XCTAssertEqual(page.location, SiteURL.personBreakGlass(fx.kayla).path, "not involved: break the glass first")
        assertEqual(try await police.get(.personChronologyCSV(fx.kayla)).status, .forbidden)
        assertEqual(try await signedIn(fx[.trainer]).get(.personChronology(fx.kayla)).status, .forbidden)
        assertEqual(try await browser().get(.personChronologyCSV(fx.kayla)).status, .seeOther)
    }
}
