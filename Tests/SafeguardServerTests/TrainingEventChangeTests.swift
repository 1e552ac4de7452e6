import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// The trainer changes an event's details or calls it off; everyone booked or waiting is told.
final class TrainingEventChangeTests: ServerTestCase {
    func testChangingTheVenueTellsEveryoneAndCallingOffCancelsEveryBooking() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 1), capacity: 1)
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(.trainingEventBook(event), [])
        let police = try await signedIn(fx[.policeOfficer])
        _ = try await police.post(.trainingEventBook(event), [])

        let form = try await trainer.get(.trainingEventEdit(event))
        XCTAssertTrue(form.text.contains("value=\"County Hall\""), form.text)
        let bad = try await trainer.post(
            .trainingEvent(event),
            [
                ("date-day", "3"), ("date-month", "3"), ("date-year", "2026"),
                ("start", "25:00"), ("end", "12:30"), ("venue", "Library"),
            ])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.text.contains("24-hour clock"))
        let moved = try await trainer.post(
            .trainingEvent(event),
            [
                ("date-day", "3"), ("date-month", "3"), ("date-year", "2026"),
                ("start", "09:30"), ("end", "12:30"), ("venue", "Calder Vale Library"),
                ("trainer", "Fiona Gallagher"),
                ("opened-as", Browser.hiddenValue("opened-as", in: form.text) ?? ""),
            ])
        XCTAssertEqual(moved.location, SiteURL.trainingEvent(event).done("event-saved"))
        for person in [fx[.socialWorker].id, fx[.policeOfficer].id] {
            let subjects = try await notices(for: person).map(\.subject)
            XCTAssertTrue(
                subjects.contains("Event details changed: Safeguarding and Child Protection Multi-agency course"),
                "\(subjects)")
        }
        assertEqual(
            try await TrainingEventRecord.find(event, on: app.db)?.capacity, 1,
            "places are not changed by the details form")
        assertTrue(try await sw.get(.trainingEvent(event)).text.contains("Calder Vale Library"))

        // Less than 48 hours before: calling off is still never a late cancellation.
        let noReason = try await trainer.post(.trainingEventCallOff(event), [("reason", "")])
        XCTAssertEqual(noReason.status, .unprocessableEntity)
        XCTAssertTrue(noReason.text.contains("Say why the event is cancelled"))
        let off = try await trainer.post(.trainingEventCallOff(event), [("reason", "The trainer is unwell.")])
        XCTAssertEqual(off.location, SiteURL.trainingEventRegister(event).done("event-called-off"))
        assertEqual(try await booking(of: fx[.socialWorker].id, on: event)?.status.rawValue, "cancelled")
        assertEqual(try await booking(of: fx[.policeOfficer].id, on: event)?.status.rawValue, "cancelled")
        let told = try await notices(for: fx[.policeOfficer].id).last
        XCTAssertEqual(told?.subject, "Event cancelled: Safeguarding and Child Protection Multi-agency course")
        XCTAssertTrue(told?.body.contains("The trainer is unwell.") ?? false)

        let again = try await sw.post(.trainingEventBook(event), [])
        XCTAssertEqual(again.status, .conflict)
        XCTAssertTrue(again.text.contains("it has been cancelled"), again.text)
        let dsl = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertFalse(
            try await dsl.get(.training).text.contains("\(SiteURL.trainingEvent(event).path)\""),
            "a cancelled event is not offered")
        assertEqual(
            try await trainer.post(.trainingEventCallOff(event), [("reason", "Twice over")]).status,
            .unprocessableEntity)
        for role in [Role.socialWorker, .learner] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get(.trainingEventEdit(event)).status, .forbidden)
            assertEqual(
                try await b.post(.trainingEventCallOff(event), [("reason", "I would rather not go")]).status, .forbidden
            )
        }
    }
}
