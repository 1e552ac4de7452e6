import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Booking through the pages: a full event puts people on the waiting list, a cancellation moves
/// the first of them up and tells them, and a late cancellation is recorded as such.
final class TrainingBookingFlowTests: ServerTestCase {
    func testAFullEventQueuesAndACancellationPromotesTheFirstWaiting() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let tomorrowWeek = SimpleDate(clock.now).adding(days: 7)
        let event = try await addEvent(trainer, course: course, on: tomorrowWeek, capacity: 1)

        let sw = try await signedIn(fx[.socialWorker])
        let booked = try await sw.post(.trainingEventBook(event), [])
        XCTAssertEqual(booked.location, SiteURL.trainingEvent(event).done("booked"))
        assertTrue(try await sw.get(booked.location!).text.contains("Your place is booked"))
        assertEqual(try await booking(of: fx[.socialWorker].id, on: event)?.status.rawValue, "booked")

        let police = try await signedIn(fx[.policeOfficer])
        assertTrue(try await police.get(.trainingEvent(event)).text.contains("Join the waiting list"))
        assertEqual(
            try await police.post(.trainingEventBook(event), []).location,
            SiteURL.trainingEvent(event).done("waiting-list")
        )
        let dsl = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        _ = try await dsl.post(.trainingEventBook(event), [])
        assertTrue(try await dsl.get(.trainingEvent(event)).text.contains("You are number 2 on the waiting list"))
        let again = try await police.post(.trainingEventBook(event), [])
        XCTAssertEqual(again.status, .conflict)
        XCTAssertTrue(again.text.contains("already on the waiting list"), again.text)

        // The social worker cancels a week ahead: not late; the police officer (first waiting) moves up.
        let cancelled = try await sw.post(.trainingEventCancel(event), [])
        XCTAssertEqual(cancelled.location, SiteURL.trainingEvent(event).done("cancelled"))
        assertEqual(try await booking(of: fx[.policeOfficer].id, on: event)?.status.rawValue, "booked")
        assertEqual(
            try await booking(of: fx[.schoolDesignatedSafeguardingLead].id, on: event)?.status.rawValue, "waiting-list")
        let told = try await notices(for: fx[.policeOfficer].id).map(\.subject)
        XCTAssertEqual(
            told,
            [
                "On the waiting list: Safeguarding and Child Protection Multi-agency course",
                "You now have a place: Safeguarding and Child Protection Multi-agency course",
            ])
        let index = try await police.get(.training)
        XCTAssertTrue(index.text.contains("You now have a place"), index.text)
        let messages = try await police.get(.notifications)
        XCTAssertTrue(messages.text.contains("Someone cancelled, so you have moved up"), messages.text)
        assertEqual(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.policeOfficer].id).filter(
                \.$readAt == nil
            ).count(), 0)

        // Re-booking goes to the back of the queue.
        assertEqual(
            try await sw.post(.trainingEventBook(event), []).location, SiteURL.trainingEvent(event).done("waiting-list")
        )
        let rebooked = try await sw.get(.trainingEvent(event))
        XCTAssertTrue(rebooked.text.contains("You are number 2 on the waiting list"), rebooked.text)
        let audit = try await auditEntries().filter { $0.recordType == "training-booking" }
        XCTAssertTrue(audit.contains { $0.reason == "promoted from the waiting list" })
    }

    func testCancellingWithinTwoDaysIsLateAndTheTrainerCanAddPlaces() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 1), capacity: 1)
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(.trainingEventBook(event), [])
        let police = try await signedIn(fx[.policeOfficer])
        _ = try await police.post(.trainingEventBook(event), [])

        // Adding a place promotes the police officer at once.
        let bad = try await trainer.post(.trainingEventCapacity(event), [("capacity", "0")])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.text.contains("places"), bad.text)
        _ = try await trainer.post(.trainingEventCapacity(event), [("capacity", "2")])
        assertEqual(try await booking(of: fx[.policeOfficer].id, on: event)?.status.rawValue, "booked")

        let late = try await sw.post(.trainingEventCancel(event), [])
        XCTAssertEqual(late.location, SiteURL.trainingEvent(event).done("late-cancellation"))
        assertEqual(try await booking(of: fx[.socialWorker].id, on: event)?.status.rawValue, "late-cancellation")
        let register = try await trainer.get(.trainingEventRegister(event))
        XCTAssertTrue(register.text.contains("Late cancellations"), register.text)
        XCTAssertTrue(register.text.contains("The register opens when the event starts"))
    }

    func testThePartnershipSetsItsOwnLateCancellationNotice() async throws {
        var rules = PartnershipRules.standard
        rules.trainingLateCancellationHours = 96
        try await startApp(rules: rules)
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        // Three days ahead: in time under the usual 48 hours, late under this partnership's 96.
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 3), capacity: 3)
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(.trainingEventBook(event), [])
        let told = try await notices(for: fx[.socialWorker].id).first
        XCTAssertTrue(told?.body.contains("Cancelling less than 96 hours before the start") ?? false, told?.body ?? "")
        assertEqual(
            try await sw.post(.trainingEventCancel(event), []).location,
            SiteURL.trainingEvent(event).done("late-cancellation"))
    }

    func testBookingClosesWhenTheEventStartsAndBadEventsAreRefused() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let today = SimpleDate(clock.now)
        // Today 09:30: already started at 10:00.
        let event = try await addEvent(trainer, course: course, on: today, capacity: 5)
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(.trainingEventBook(event), [])
        XCTAssertEqual(res.status, .conflict)
        XCTAssertTrue(res.text.contains("started"), res.text)
        assertEqual(try await TrainingBookingRecord.query(on: app.db).count(), 0)

        let empty = try await trainer.post(
            .trainingCourseEvents(course), [("delivery", "face-to-face"), ("start", "9.30")])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        for message in ["Enter the date", "24-hour clock, like 09:30"] {
            XCTAssertTrue(empty.text.contains(message), message)
        }
        let noVenue = try await trainer.post(
            .trainingCourseEvents(course),
            [
                ("delivery", "face-to-face"), ("date-day", "9"), ("date-month", "3"), ("date-year", "2026"),
                ("start", "13:00"), ("end", "12:00"),
                ("capacity", "12"),
            ])
        for message in ["Enter the venue", "The end time must be after the start time"] {
            XCTAssertTrue(noVenue.text.contains(message), message)
        }
        let eLearning = try await trainer.post(
            .trainingCourseEvents(course),
            [
                ("delivery", "e-learning"), ("date-day", "9"), ("date-month", "3"), ("date-year", "2026"),
                ("link", "learning.example.org"),
            ])
        XCTAssertTrue(eLearning.text.contains("starting with https://"), eLearning.text)
        assertEqual(try await TrainingEventRecord.query(on: app.db).count(), 1)
    }
}
