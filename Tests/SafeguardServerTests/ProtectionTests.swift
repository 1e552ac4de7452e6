import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Child protection plans and their Place of Interest markers.
final class ProtectionTests: ServerTestCase {
    func planFields(
        kind: String = "child-protection-plan", categories: [String] = ["neglect", "emotional-abuse"]
    ) -> [(String, String)] {
        [
            ("kind", kind), ("start-day", "1"), ("start-month", "3"), ("start-year", "2026"),
            ("social-worker", fx[.socialWorker].id.uuidString),
            ("strategy-day", "9"), ("strategy-month", "2"), ("strategy-year", "2026"),
            ("conference-day", "1"), ("conference-month", "3"), ("conference-year", "2026"),
        ] + categories.map { ("categories[]", $0) }
    }

    /// Dean, Kayla's mother's partner, lives elsewhere: his home is marked too.
    func moveDeanOut() async throws {
        let current = try await Residence.query(on: app.db).filter(\.$person.$id == fx.dean).first()!
        current.toDate = "2026-01-31"
        try await current.save(on: app.db)
        let flat = Address(
            line1: "Flat 3, 27 Canal Street", line2: nil, town: "Calder Vale", districtID: fx.district,
            postcode: "NM4 7XY", uprn: nil)
        try await flat.create(on: app.db)
        try await Residence(personID: fx.dean, addressID: flat.id!, from: "2026-02-01", to: nil).create(on: app.db)
    }

    func testAPlanMarksTheChildsHomeAndEveryCarersHome() async throws {
        try await moveDeanOut()
        let sw = try await signedIn(fx[.socialWorker])
        assertEqual(try await sw.get(.personProtectionNew(fx.kayla)).status, .ok)
        let res = try await sw.post(.personProtection(fx.kayla), planFields())
        let location = try XCTUnwrap(res.location)
        let plan = try recordID(in: location)
        XCTAssertEqual(location, SiteURL.protection(plan).path)
        let record = try await ProtectionRecord.query(on: app.db).first()!
        XCTAssertEqual(record.categoryList, [.emotionalAbuse, .neglect])
        let markers = try await PlaceOfInterestMarker.query(on: app.db).with(\.$address).all()
        XCTAssertEqual(Set(markers.map(\.address.line1)), ["14 Mill Lane", "Flat 3, 27 Canal Street"])
        XCTAssertTrue(markers.contains { $0.reason == "home of Dean Walker (mother's partner)" })
        XCTAssertTrue(markers.contains { $0.reason == "Kayla's home" }, "Shannon's home is Kayla's: marked once")

        let page = try await sw.get(location)
        XCTAssertTrue(page.text.contains("Next review due"))
        XCTAssertTrue(page.text.contains("1 June 2026"), "the first review is three months after the conference")
        XCTAssertTrue(
            page.text.contains("conference due by 2 March 2026"), "15 working days after the strategy discussion")
        let kayla = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(kayla.text.contains("Child protection plan"))
        XCTAssertTrue(kayla.text.contains("Child protection plan started 1 March 2026: Emotional abuse, Neglect"))
        assertTrue(
            try await auditEntries().contains {
                $0.action == "create" && $0.recordType == "protection" && $0.reason.contains("2 address(es) marked")
            })

        // The school works with Kayla: it learns that a plan exists and whom to contact, never the
        // plan's details, and may not start or end one.
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertEqual(try await school.get(location).status, .forbidden)
        let schoolView = try await school.get(.person(fx.kayla))
        XCTAssertTrue(schoolView.text.contains("Child protection plan"))
        XCTAssertTrue(schoolView.text.contains("protection-contact"))
        XCTAssertFalse(schoolView.text.contains("href=\"\(location)\""))
        XCTAssertFalse(schoolView.text.contains("Emotional abuse"))
        assertEqual(try await school.post(.personProtection(fx.kayla), planFields()).status, .forbidden)
        let marker = try await PlaceOfInterestMarker.query(on: app.db).first()!
        assertEqual(try await school.post(.protectionMarkers(plan), []).status, .forbidden)
        assertEqual(
            try await school.post(.protectionMarkerEnd(plan, marker.id!), [("reason", "x")]).status, .forbidden)
        assertEqual(try await signedIn(fx[.trainer]).get(location).status, .forbidden, "trainers never see records")
        assertEqual(
            try await school.post(
                .protectionEnd(plan), [("end-day", "2"), ("end-month", "3"), ("end-year", "2026"), ("end-reason", "x")]
            ).status, .forbidden)
    }

    func testEndingThePlanEndsTheMarkersAndKeepsThemAsHistory() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let started = try await sw.post(.personProtection(fx.kayla), planFields())
        let location = try XCTUnwrap(started.location)
        let plan = try recordID(in: location)
        // The plan's page only links to ending it; the ending page says which addresses stop being marked.
        let planPage = try await sw.get(location)
        XCTAssertTrue(planPage.text.contains("href=\"\(SiteURL.protectionEnd(plan).path)\""))
        XCTAssertFalse(
            planPage.text.contains("action=\"\(SiteURL.protectionEnd(plan).path)\""),
            "no one-click ending on the plan's page")
        let confirm = try await sw.get(.protectionEnd(plan))
        XCTAssertEqual(confirm.status, .ok)
        XCTAssertTrue(confirm.text.contains("Police attending them will no longer be told"))
        XCTAssertTrue(confirm.text.contains("14 Mill Lane"))
        let short = try await sw.post(
            .protectionEnd(plan), [("end-day", "2"), ("end-month", "3"), ("end-year", "2026"), ("end-reason", "")])
        XCTAssertEqual(short.status, .unprocessableEntity)
        XCTAssertTrue(short.text.contains("Say why, for example"))
        XCTAssertTrue(short.text.contains("14 Mill Lane"), "the error page still says what will happen")
        let early = try await sw.post(
            .protectionEnd(plan),
            [("end-day", "1"), ("end-month", "2"), ("end-year", "2026"), ("end-reason", "Stepped down")])
        XCTAssertTrue(early.text.contains("The end date cannot be before the start"))
        let ended = try await sw.post(
            .protectionEnd(plan),
            [
                ("end-day", "2"), ("end-month", "3"), ("end-year", "2026"),
                ("end-reason", "Plan ended at review conference"),
            ])
        XCTAssertEqual(ended.location, location)
        let markers = try await PlaceOfInterestMarker.query(on: app.db).all()
        XCTAssertEqual(markers.count, 1)
        XCTAssertNotNil(markers[0].endedAt)
        XCTAssertEqual(markers[0].endReason, "Child protection plan ended: Plan ended at review conference")
        let page = try await sw.get(location)
        XCTAssertTrue(page.text.contains("Ended"))
        XCTAssertFalse(page.text.contains("End and remove markers"))
        // A new plan can start once the old one has ended.
        let again = try await sw.post(.personProtection(fx.kayla), planFields())
        XCTAssertNotNil(again.location)
    }

    func testBadPlansAreExplainedAndNothingIsSaved() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let none = try await sw.post(.personProtection(fx.kayla), planFields(categories: []) + [("social-worker", "")])
        XCTAssertEqual(none.status, .unprocessableEntity)
        XCTAssertTrue(
            none.text.contains("Select the plan&#39;s category") || none.text.contains("Select the plan's category"))
        var future = planFields()
        future[3] = ("start-year", "2027")
        assertTrue(
            try await sw.post(.personProtection(fx.kayla), future).text.contains(
                "The start date cannot be in the future"))
        var noWorker = planFields()
        noWorker[4] = ("social-worker", fx[.policeOfficer].id.uuidString)
        assertTrue(
            try await sw.post(.personProtection(fx.kayla), noWorker).text.contains("Select the allocated social worker")
        )
        assertEqual(try await ProtectionRecord.query(on: app.db).count(), 0)
        assertEqual(try await PlaceOfInterestMarker.query(on: app.db).count(), 0)

        _ = try await sw.post(.personProtection(fx.kayla), planFields())
        let twice = try await sw.post(.personProtection(fx.kayla), planFields())
        XCTAssertTrue(twice.text.contains("already has an open child protection plan"))
        // Looked-after status needs no category or conference, and can run beside a plan.
        let lac = try await sw.post(
            .personProtection(fx.kayla),
            [
                ("kind", "looked-after"), ("start-day", "1"), ("start-month", "3"),
                ("start-year", "2026"), ("social-worker", fx[.socialWorker].id.uuidString),
            ])
        XCTAssertNotNil(lac.location, lac.text)
    }

    func testAMarkerEndsWhenItsAddressStopsBeingRelevantAndReviewAddsNewOnes() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let started = try await sw.post(.personProtection(fx.kayla), planFields())
        let location = try XCTUnwrap(started.location)
        let plan = try recordID(in: location)
        try await moveDeanOut()
        _ = try await sw.post(.protectionMarkers(plan), [])
        var markers = try await PlaceOfInterestMarker.query(on: app.db).with(\.$address).all()
        XCTAssertEqual(markers.count, 2, "reviewing the addresses marks Dean's new flat")
        let flat = markers.first { $0.address.line1.hasPrefix("Flat 3") }!
        let planPage = try await sw.get(location)
        XCTAssertFalse(planPage.text.contains("No longer relevant"), "no one-click ending with a reason filled in")
        let confirm = try await sw.get(.protectionMarkerEnd(plan, flat.id!))
        XCTAssertTrue(confirm.text.contains("Stop marking Flat 3, 27 Canal Street"))
        XCTAssertTrue(confirm.text.contains("will no longer be told"))
        let blank = try await sw.post(.protectionMarkerEnd(plan, flat.id!), [("reason", "")])
        XCTAssertEqual(blank.status, .unprocessableEntity)
        assertEqual(try await PlaceOfInterestMarker.find(flat.id, on: app.db)?.endedAt, nil)
        let res = try await sw.post(.protectionMarkerEnd(plan, flat.id!), [("reason", "Dean has left the family")])
        XCTAssertEqual(res.location, location)
        markers = try await PlaceOfInterestMarker.query(on: app.db).filter(\.$endedAt == nil).all()
        XCTAssertEqual(markers.count, 1)
        assertEqual(try await PlaceOfInterestMarker.find(flat.id, on: app.db)?.endReason, "Dean has left the family")
        assertEqual(
            try await sw.get(.protectionMarkerEnd(plan, flat.id!)).status, .notFound,
            "an ended marker cannot be ended again")
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).get(.protectionMarkerEnd(plan, markers[0].id!))
                .status, .forbidden)
        assertEqual(try await browser().get(.protectionEnd(plan)).location, SiteURL.signIn.path)
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).get(.protectionEnd(plan)).status, .forbidden)
    }
}
