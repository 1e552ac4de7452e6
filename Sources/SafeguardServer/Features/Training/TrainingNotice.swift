import Foundation
import SafeguardCore

/// The messages a booking sends, in the platform and by e-mail: what happened, the event's details
/// and what to do next. Plain text, so the e-mail and the platform copy say the same thing.
struct TrainingNotice: Sendable {
    var userID: UUID
    var subject: String
    var body: String
    var link: SiteURL

    enum Kind {
        case booked
        case waitingList(position: Int)
        case promoted, cancelled, lateCancellation, leftWaitingList, completed
        case detailsChanged
        case calledOff(reason: String)
    }

    /// `lateHours` is the partnership's notice for a late cancellation, quoted in the messages.
    init(
        _ kind: Kind, userID: UUID, course: TrainingCourseRecord, event: TrainingEventRecord,
        lateHours: Int = TrainingEventPlaces.defaultLateCancellationHours
    ) {
        self.userID = userID
        let eventID = event.id ?? UUID()
        link = .trainingEvent(eventID)
        let details = "\(course.title)\n\(event.whenText)\n\(event.whereText)"
        switch kind {
        case .booked:
            subject = "Booking confirmed: \(course.title)"
            body =
                "Your place is confirmed.\n\n\(details)\n\nIf you cannot attend, cancel your place in Safeguard as soon as you can so that someone on the waiting list can have it. Cancelling less than \(lateHours) hours before the start counts as a late cancellation."
        case .waitingList(let position):
            subject = "On the waiting list: \(course.title)"
            body =
                "The event is full, so you are on the waiting list (number \(position)).\n\n\(details)\n\nIf a place comes free you will be given it automatically and told straight away."
        case .promoted:
            subject = "You now have a place: \(course.title)"
            body =
                "Someone cancelled, so you have moved up from the waiting list and your place is confirmed.\n\n\(details)\n\nIf you can no longer attend, cancel your place in Safeguard so the next person can have it."
        case .cancelled:
            subject = "Booking cancelled: \(course.title)"
            body =
                "Your place has been cancelled.\n\n\(details)\n\nYou can book this or another event again at any time."
        case .lateCancellation:
            subject = "Late cancellation recorded: \(course.title)"
            body =
                "Your place has been cancelled. Because it was less than \(lateHours) hours before the start, it is recorded as a late cancellation.\n\n\(details)"
        case .leftWaitingList:
            subject = "Removed from the waiting list: \(course.title)"
            body = "You are no longer on the waiting list.\n\n\(details)"
        case .detailsChanged:
            subject = "Event details changed: \(course.title)"
            body =
                "The details of an event you are booked on, or waiting for, have changed. Here they are now:\n\n\(details)\n\nIf you can no longer attend, cancel your place in Safeguard."
        case .calledOff(let reason):
            subject = "Event cancelled: \(course.title)"
            body =
                "We are sorry: this event has been cancelled. \(reason)\n\n\(details)\n\nYour booking is cancelled and does not count against you. Please book another date."
        case .completed:
            subject = "E-learning completed: \(course.title)"
            body =
                "Your completion is recorded in your training log.\n\nComplete the short evaluation to print your certificate and download the course materials."
        }
    }

    func record(at now: Date, emailConfigured: Bool) -> UserNotification {
        UserNotification(
            userID: userID, subject: subject, body: body, link: link.path, at: now, emailConfigured: emailConfigured)
    }
}
