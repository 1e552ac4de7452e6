import Foundation

/// One person's booking on one event. A person has at most one booking per event: cancelling and
/// re-booking reuse it (so the database can keep one row per person and event, and the booking's
/// last state is the truth for reports). Change it through ``TrainingEventPlaces``.
public struct TrainingBooking: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var eventID: UUID
    public var personID: UUID
    public var status: TrainingBookingStatus
    /// When the person first booked.
    public var firstBookedAt: Date
    /// When they joined the queue as it stands: first booking or latest re-booking. Load an event's
    /// bookings ordered by this so the waiting list keeps its first-come-first-served order.
    public var queuedAt: Date
    public var cancelledAt: Date?
    /// E-learning: the day it was finished.
    public var completedOn: SimpleDate?
    /// When they submitted the course evaluation; the evaluation itself is stored without their name.
    public var evaluatedAt: Date?

    public init(
        id: UUID = UUID(), eventID: UUID, personID: UUID, status: TrainingBookingStatus,
        firstBookedAt: Date, queuedAt: Date? = nil, cancelledAt: Date? = nil,
        completedOn: SimpleDate? = nil, evaluatedAt: Date? = nil
    ) {
        self.id = id
        self.eventID = eventID
        self.personID = personID
        self.status = status
        self.firstBookedAt = firstBookedAt
        self.queuedAt = queuedAt ?? firstBookedAt
        self.cancelledAt = cancelledAt
        self.completedOn = completedOn
        self.evaluatedAt = evaluatedAt
    }

    /// Attended or completed, and evaluated: the partnership's rule is "evaluate to get your certificate".
    public var isCertificateAvailable: Bool {
        status.isAttendance && evaluatedAt != nil
    }

    /// Materials are released on the same terms as the certificate.
    public var canDownloadMaterials: Bool { isCertificateAvailable }

    /// Attended or completed but not yet evaluated: the log nudges them to do it.
    public var isEvaluationDue: Bool {
        status.isAttendance && evaluatedAt == nil
    }
}
