import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Two trainers change one event's details from forms opened at the same time: the second save does not silently
/// undo the first (``OpenedAs``, as for a person's details and a briefing), and nobody booked is told of a change
/// that was not made.
final class TrainingEventEditMeanwhileTests: ServerTestCase {
    private func details(_ day: SimpleDate, start: String, venue: String, openedAs: String?) -> [(String, String)] {
        [
            ("date-day", String(day.day)), ("date-month", String(day.month)), ("date-year", String(day.year)),
            ("start", start), ("end", "12:30"), ("venue", venue), ("trainer", "Fiona Gallagher"),
        ]
            + (openedAs.map { [("opened-as", $0)] } ?? [])
    }

    func testAChangeOverAColleaguesChangeIsHeldBackWithTheTypedDetailsKept() async throws {
        let first = try await signedIn(fx[.trainer])
        let second = try await signedIn(fx[.trainer])
        let course = try await addCourse(first)
        let day = SimpleDate(clock.now).adding(days: 10)
        let event = try await addEvent(first, course: course, on: day, capacity: 5)
        let sw = try await signedIn(fx[.socialWorker])
        assertEqual(try await sw.post(.trainingEventBook(event), []).status, .seeOther)
        let path = SiteURL.trainingEvent(event).path
        let formOfFirst = try await first.get(.trainingEventEdit(event)).text
        let formOfSecond = try await second.get(.trainingEventEdit(event)).text
        let openedByFirst = try XCTUnwrap(Browser.hiddenValue("opened-as", in: formOfFirst))
        let openedBySecond = try XCTUnwrap(Browser.hiddenValue("opened-as", in: formOfSecond))

        let moved = try await first.post(
            path, details(day, start: "09:30", venue: "Calder Vale Library", openedAs: openedByFirst))
        XCTAssertEqual(moved.status, .seeOther, moved.text)
        let toldBefore = try await notices(for: fx[.socialWorker].id).count

        let held = try await second.post(
            path, details(day, start: "10:00", venue: "County Hall", openedAs: openedBySecond))
        XCTAssertEqual(held.status, .conflict)
        XCTAssertTrue(
            held.text.contains("Someone else saved changes to this event after you opened this form"), held.text)
        XCTAssertTrue(held.text.contains("value=\"10:00\""), "what was typed is kept")
        XCTAssertTrue(held.text.contains(">Calder Vale Library<"), "what is saved now is shown")
        XCTAssertTrue(held.text.contains("sg-table__cell\">Venue<"), held.text)
        XCTAssertTrue(held.text.contains("sg-table__cell\">Start time<"), held.text)
        XCTAssertFalse(held.text.contains("sg-table__cell\">Date<"), "a detail both agree on is not listed")
        let unchanged = try await TrainingEventRecord.find(event, on: app.db)
        XCTAssertEqual(unchanged?.venue, "Calder Vale Library", "nothing saved over the colleague's change")
        XCTAssertEqual(unchanged?.startTime, "09:30")
        assertEqual(
            try await notices(for: fx[.socialWorker].id).count, toldBefore, "nobody is told of a change not made")

        let next = try XCTUnwrap(Browser.hiddenValue("opened-as", in: held.text))
        let again = try await second.post(
            path, details(day, start: "10:00", venue: "Calder Vale Library", openedAs: next))
        XCTAssertEqual(again.status, .seeOther, again.text)
        let now = try await TrainingEventRecord.find(event, on: app.db)
        XCTAssertEqual(now?.startTime, "10:00")
        XCTAssertEqual(now?.venue, "Calder Vale Library")
        assertEqual(
            try await notices(for: fx[.socialWorker].id).count, toldBefore + 1, "the booker is told of the new time")
    }

    func testAFormWithoutItsStampIsHeldBackNotSaved() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let day = SimpleDate(clock.now).adding(days: 10)
        let event = try await addEvent(trainer, course: course, on: day, capacity: 5)
        let held = try await trainer.post(
            .trainingEvent(event), details(day, start: "11:00", venue: "County Hall", openedAs: nil))
        XCTAssertEqual(held.status, .conflict)
        assertEqual(try await TrainingEventRecord.find(event, on: app.db)?.startTime, "09:30")
        XCTAssertNotNil(Browser.hiddenValue("opened-as", in: held.text), "the next press can save")
    }
}
