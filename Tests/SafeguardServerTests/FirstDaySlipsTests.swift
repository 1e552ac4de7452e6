import Fluent
import XCTVapor
@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 15 item 9: small slips a practitioner meets on the first day.
final class FirstDaySlipsTests: ServerTestCase {
    func testCountsReadAsPeopleWriteThem() {
        XCTAssertEqual(Words.count(1, "thing"), "1 thing")
        XCTAssertEqual(Words.count(2, "thing"), "2 things")
        XCTAssertEqual(Words.count(0, "open referral"), "no open referrals")
        XCTAssertEqual(Words.count(3, "person", "people"), "3 people")
    }

    func testAnEmptyPeriodIsNotPraised() async throws {
        let report = try await signedIn(fx[.mashManager]).get("/mash/strategy-discussions")
        XCTAssertEqual(report.status, .ok)
        XCTAssertTrue(report.text.contains("No strategy discussion was held in this period."))
        XCTAssertFalse(report.text.contains("Every discussion in this period was held within the target."))
    }

    func testReadMessagesStayReachableFromTheHeader() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        assertTrue(try await sw.get("/my-work").text.contains(">Messages</a>"))
        try await UserNotification(userID: fx[.socialWorker].id, subject: "Your place is confirmed", body: "See you there.", link: "/training",
                                   at: clock.now, emailConfigured: false).create(on: app.db)
        let page = try await sw.get("/my-work")
        XCTAssertTrue(page.text.contains("Messages (1)"), page.text)
        XCTAssertTrue(page.text.contains("href=\"/notifications\""))
    }

    func testAnEndedPlanSaysEndedUnderStatus() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let started = try await sw.post("/people/\(fx.kayla)/protection", [
            ("kind", "looked-after"), ("start-day", "1"), ("start-month", "2"), ("start-year", "2026"),
            ("social-worker", fx[.socialWorker].id.uuidString)])
        let location = try XCTUnwrap(started.location, started.text)
        _ = try await sw.post(location + "/end", [("end-day", "20"), ("end-month", "2"), ("end-year", "2026"), ("end-reason", "Returned home to mother")])
        let page = try await sw.get("/people/\(fx.kayla)")
        XCTAssertTrue(page.text.contains(">Status</th>"))
        XCTAssertTrue(page.text.contains("Ended 20 February 2026"))
    }

    func testManageTrainingSaysWhichEventsItShows() async throws {
        let page = try await signedIn(fx[.trainer]).get("/training/manage")
        XCTAssertTrue(page.text.contains("Events from the last 30 days and every event to come"))
    }
}
