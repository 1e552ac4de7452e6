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
        let report = try await signedIn(fx[.mashManager]).get(.strategyDiscussionReport)
        XCTAssertEqual(report.status, .ok)
        XCTAssertTrue(report.text.contains("No strategy discussion was held in this period."))
        XCTAssertFalse(report.text.contains("Every discussion in this period was held within the target."))
    }

    func testReadMessagesStayReachableFromTheHeader() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        assertTrue(try await sw.get(.myWork).text.contains(">Messages</a>"))
        try await UserNotification(
            userID: fx[.socialWorker].id, subject: "Your place is confirmed", body: "See you there.",
            link: SiteURL.training.path,
            at: clock.now, emailConfigured: false
        ).create(on: app.db)
        let page = try await sw.get(.myWork)
        XCTAssertTrue(page.text.contains("Messages (1)"), page.text)
        XCTAssertTrue(page.text.contains("href=\"\(SiteURL.notifications.path)\""))
    }

    func testAnEndedPlanSaysEndedUnderStatus() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let started = try await sw.post(
            .personProtection(fx.kayla),
            [
                ("kind", "looked-after"), ("start-day", "1"), ("start-month", "2"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString),
            ])
        let plan = try recordID(in: XCTUnwrap(started.location, started.text))
        _ = try await sw.post(
            .protectionEnd(plan),
            [("end-day", "20"), ("end-month", "2"), ("end-year", "2026"), ("end-reason", "Returned home to mother")])
        let page = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(page.text.contains(">Status</th>"))
        XCTAssertTrue(page.text.contains("Ended 20 February 2026"))
    }

    func testManageTrainingSaysWhichEventsItShows() async throws {
        let page = try await signedIn(fx[.trainer]).get(.trainingManage)
        XCTAssertTrue(page.text.contains("Events from the last 30 days and every event to come"))
    }

    func testTheAuditPageNamesRecordsInFull() async throws {
        let (_, id) = try await refer()
        _ = try await signedIn(fx[.mashManager]).get(.referral(id))
        let audit = try await signedIn(fx[.auditor]).get(.auditReview)
        XCTAssertTrue(
            audit.text.contains("Referral MASH-2026-000001"), "a referral by its reference, not 8 characters of an id")
        XCTAssertFalse(audit.text.contains("referral \(id.uuidString.prefix(8))<"))
    }

    func testReportPeriodsAreThreeFieldDatesNotTheBrowsersPicker() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let page = try await trainer.get(.trainingReports)
        XCTAssertTrue(page.text.contains("id=\"from-day\"") && page.text.contains("id=\"to-year\""))
        XCTAssertFalse(page.text.contains("type=\"date\""), "no US-order date picker")
        let chosen = try await trainer.get(
            .trainingReports,
            query: [
                ("from-day", "1"), ("from-month", "4"), ("from-year", "2025"), ("to-day", "31"), ("to-month", "3"),
                ("to-year", "2026"),
            ])
        XCTAssertTrue(chosen.text.contains("value=\"2025\""))
        let bad = try await trainer.get(
            .trainingReports, query: [("from-day", "31"), ("from-month", "2"), ("from-year", "2026")])
        XCTAssertTrue(bad.text.contains("Enter the start of the period as a real date"))
        assertEqual(try await trainer.get(.person(fx.kayla)).status, .forbidden)
    }

    func testTimesReadTheGOVUKWay() {
        XCTAssertEqual(SiteFormat.dateTime(Date(timeIntervalSince1970: 1_772_445_600)), "2 March 2026, 10:00am")
    }

    func testTablesReflowOnAPhoneAndTheNavigationFoldsBehindMenu() async throws {
        _ = try await refer()
        let mash = try await signedIn(fx[.mashPractitioner])
        let work = try await mash.get(.mash)
        XCTAssertTrue(work.text.contains("<table class=\"sg-table sg-table--reflow\">"))
        XCTAssertTrue(
            work.html.contains("data-label=\"Allocated to\""), "each cell names its column when the row becomes a card")
        XCTAssertTrue(work.text.contains("aria-controls=\"navigation-list\" aria-expanded=\"false\">Menu</button>"))
        let nav = try XCTUnwrap(
            work.text.components(separatedBy: "id=\"navigation-list\"").last?.components(separatedBy: "</nav>").first)
        let primary = nav.components(separatedBy: "sg-service-navigation__more").first ?? ""
        XCTAssertEqual(
            primary.components(separatedBy: "class=\"sg-service-navigation__link\"").count - 1,
            Layout.primaryNavigationItems,
            "the first items fit one row; the rest are under More")
        XCTAssertTrue(nav.contains("<summary class=\"sg-service-navigation__link\">More"))
    }
}
