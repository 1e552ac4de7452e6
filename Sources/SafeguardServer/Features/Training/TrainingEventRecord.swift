import Fluent
import Foundation
import SafeguardCore

/// One running of a course as stored; ``event`` is the value the booking rules work on.
package final class TrainingEventRecord: Model, @unchecked Sendable {
    package static let schema = "training_events"
    @ID package var id: UUID?
    @Parent(key: "course_id") package var course: TrainingCourseRecord
    /// A ``TrainingDelivery`` raw value.
    @Field(key: "delivery") package var delivery: TrainingDelivery
    /// ISO date.
    @Field(key: "date") package var date: String
    @OptionalField(key: "start_time") package var startTime: String?
    @OptionalField(key: "end_time") package var endTime: String?
    @OptionalField(key: "venue") package var venue: String?
    @OptionalField(key: "link") package var link: String?
    @OptionalField(key: "capacity") package var capacity: Int?
    @OptionalField(key: "elearning_minutes") package var eLearningMinutes: Int?
    @Field(key: "trainer_name") package var trainerName: String
    /// Set when the partnership called the event off; its bookings are then all cancelled.
    @OptionalField(key: "called_off_at") package var calledOffAt: Date?
    @OptionalField(key: "called_off_reason") package var calledOffReason: String?
    @Field(key: "created_at") package var createdAt: Date
    @Parent(key: "created_by") package var createdBy: User

    package init() {}

    package var event: TrainingEvent {
        TrainingEvent(
            id: id ?? UUID(), courseID: $course.id, delivery: delivery,
            date: SimpleDate(iso: date) ?? SimpleDate(year: 2000, month: 1, day: 1)!,
            startTime: startTime.flatMap(ClockTime.init), endTime: endTime.flatMap(ClockTime.init),
            venue: venue, link: link, capacity: capacity, eLearningMinutes: eLearningMinutes)
    }

    package func apply(_ event: TrainingEvent) {
        $course.id = event.courseID
        delivery = event.delivery
        date = event.date.iso
        startTime = event.startTime?.description
        endTime = event.endTime?.description
        venue = event.venue
        link = event.link
        capacity = event.capacity
        eLearningMinutes = event.eLearningMinutes
    }
}

/// One person's booking on one event. Its status and times are written back from
/// ``TrainingEventPlaces`` after every change, so the rules stay in SafeguardCore.
package final class TrainingBookingRecord: Model, @unchecked Sendable {
    package static let schema = "training_bookings"
    @ID package var id: UUID?
    @Parent(key: "event_id") package var event: TrainingEventRecord
    @Parent(key: "user_id") package var user: User
    /// Where they worked when they booked; nil only for imported history that did not record it.
    @OptionalParent(key: "agency_id") package var agency: Agency?
    @Field(key: "status") package var status: TrainingBookingStatus
    @Field(key: "first_booked_at") package var firstBookedAt: Date
    @Field(key: "queued_at") package var queuedAt: Date
    @OptionalField(key: "cancelled_at") package var cancelledAt: Date?
    @OptionalField(key: "completed_on") package var completedOn: String?
    @OptionalField(key: "evaluated_at") package var evaluatedAt: Date?
    /// When the trainer last marked the register for this person.
    @OptionalField(key: "marked_at") package var markedAt: Date?

    package init() {}

    package var booking: TrainingBooking {
        TrainingBooking(
            id: id ?? UUID(), eventID: $event.id, personID: $user.id, status: status,
            firstBookedAt: firstBookedAt, queuedAt: queuedAt, cancelledAt: cancelledAt,
            completedOn: completedOn.flatMap { SimpleDate(iso: $0) }, evaluatedAt: evaluatedAt)
    }

    /// Copies the rules' result onto the row.
    package func apply(_ booking: TrainingBooking) {
        status = booking.status
        queuedAt = booking.queuedAt
        cancelledAt = booking.cancelledAt
        completedOn = booking.completedOn?.iso
        evaluatedAt = booking.evaluatedAt
    }

    /// Whether the rules changed anything this row stores.
    package func differs(from booking: TrainingBooking) -> Bool {
        status != booking.status || queuedAt != booking.queuedAt || cancelledAt != booking.cancelledAt
            || completedOn != booking.completedOn?.iso || evaluatedAt != booking.evaluatedAt
    }
}

/// An anonymous evaluation: no person, only the course, the event and the day it was sent.
package final class TrainingEvaluationRecord: Model, @unchecked Sendable {
    package static let schema = "training_evaluations"
    @ID package var id: UUID?
    @Parent(key: "course_id") package var course: TrainingCourseRecord
    @Parent(key: "event_id") package var event: TrainingEventRecord
    @Field(key: "submitted_on") package var submittedOn: String
    /// `[question key: EvaluationAnswer]` as JSON.
    @Field(key: "answers") package var answers: String

    package init() {}

    package init(_ response: EvaluationResponse) throws {
        id = response.id
        $course.id = response.courseID
        $event.id = response.eventID
        submittedOn = response.submittedOn.iso
        answers = String(decoding: try JSONEncoder().encode(response.answers), as: UTF8.self)
    }

    package var response: EvaluationResponse? {
        guard let day = SimpleDate(iso: submittedOn),
            let decoded = try? JSONDecoder().decode([String: EvaluationAnswer].self, from: Data(answers.utf8))
        else { return nil }
        return EvaluationResponse(
            id: id ?? UUID(), courseID: $course.id, eventID: $event.id, submittedOn: day, answers: decoded)
    }
}
