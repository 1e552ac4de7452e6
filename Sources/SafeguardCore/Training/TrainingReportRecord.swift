import Foundation

/// One booking as the reports see it: flat, so the server can build these straight from a query.
public struct TrainingReportRecord: Sendable, Equatable, Codable {
    public var courseID: UUID
    public var eventID: UUID
    /// The day the training happened: the event's date, or for e-learning the completion date
    /// (falling back to the day it opened while not completed). Reports pick periods by this.
    public var date: SimpleDate
    public var delivery: TrainingDelivery
    public var status: TrainingBookingStatus
    /// The person's agency as recorded on their account; nil or blank when not recorded.
    public var agency: String?

    public init(
        courseID: UUID, eventID: UUID, date: SimpleDate, delivery: TrainingDelivery,
        status: TrainingBookingStatus, agency: String?
    ) {
        self.courseID = courseID
        self.eventID = eventID
        self.date = date
        self.delivery = delivery
        self.status = status
        self.agency = agency
    }

    /// The record for one booking on `event`.
    public init(booking: TrainingBooking, event: TrainingEvent, agency: String?) {
        self.init(
            courseID: event.courseID, eventID: event.id, date: booking.completedOn ?? event.date,
            delivery: event.delivery, status: booking.status, agency: agency)
    }

    /// Every booking on the event, with agencies looked up by person.
    public static func records(for places: TrainingEventPlaces, agencyOf: (UUID) -> String?) -> [TrainingReportRecord] {
        places.bookings.map { TrainingReportRecord(booking: $0, event: places.event, agency: agencyOf($0.personID)) }
    }

    /// The agency name trimmed; nil when blank.
    var agencyName: String? {
        let trimmed = (agency ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
