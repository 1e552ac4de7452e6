import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Steps the training tests share: a trainer adds a course and an event through the pages.
extension ServerTestCase {
    /// Adds a course as the trainer; returns its id.
    func addCourse(
        _ trainer: Browser, title: String = "Safeguarding and Child Protection Multi-agency course"
    ) async throws -> UUID {
        let res = try await trainer.post(
            .trainingCourses,
            [
                ("title", title), ("level", "level-3"), ("description", "A full day."),
                ("audience", "Practitioners"), ("outcomes", "Make a clear referral\nKnow the plan"),
            ])
        XCTAssertEqual(res.status, .seeOther, res.text)
        let location = try XCTUnwrap(res.location)
        return try XCTUnwrap(UUID(uuidString: String(location.split(separator: SiteURL.home.path)[2].prefix(36))))
    }

    /// Adds a face-to-face event on `day` from 09:30 to 12:30; returns its id.
    func addEvent(_ trainer: Browser, course: UUID, on day: SimpleDate, capacity: Int) async throws -> UUID {
        let res = try await trainer.post(
            .trainingCourseEvents(course),
            [
                ("delivery", "face-to-face"), ("date-day", String(day.day)), ("date-month", String(day.month)),
                ("date-year", String(day.year)),
                ("start", "09:30"), ("end", "12:30"), ("venue", "County Hall"), ("capacity", String(capacity)),
                ("trainer", "Fiona Gallagher"),
            ])
        XCTAssertEqual(res.status, .seeOther, res.text)
        let location = try XCTUnwrap(res.location)
        return try XCTUnwrap(UUID(uuidString: String(location.split(separator: SiteURL.home.path)[2].prefix(36))))
    }

    func booking(of user: UUID, on event: UUID) async throws -> TrainingBookingRecord? {
        try await TrainingBookingRecord.query(on: app.db).filter(\.$user.$id == user).filter(\.$event.$id == event)
            .first()
    }

    func notices(for user: UUID) async throws -> [UserNotification] {
        try await UserNotification.query(on: app.db).filter(\.$user.$id == user).sort(\.$createdAt).all()
    }

    /// Moves the clock on by whole days; sessions expire, so sign in again afterwards.
    func advance(days: Int, hours: Double = 0) {
        clock.advance(minutes: Double(days) * 24 * 60 + hours * 60)
    }
}
