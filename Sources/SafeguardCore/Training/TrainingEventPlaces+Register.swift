import Foundation

extension TrainingEventPlaces {
    /// The trainer's mark against a booked person on the day.
    public enum RegisterMark: String, CaseIterable, Codable, Sendable {
        case attended
        case noShow = "no-show"

        public var displayName: String {
            switch self {
            case .attended: "Attended"
            case .noShow: "Did not attend"
            }
        }

        public var status: TrainingBookingStatus { self == .attended ? .attended : .noShow }
    }

    /// Marks a booked person attended or no-show, once the event has started. A mark can be
    /// changed (the trainer may tick the wrong box), but only people who held a place are on the
    /// register: not the waiting list, not cancellations.
    public mutating func markRegister(
        _ personID: UUID, as mark: RegisterMark, at now: Date
    ) throws(TrainingBookingRefusal) {
        let attempted = "mark this person \(mark.displayName.lowercased())"
        guard hasLimit else { throw .noRegisterForELearning }
        guard let i = index(of: personID) else { throw .noBooking(attempted: attempted) }
        guard hasStarted(at: now) else { throw .eventNotStarted(attempted: attempted) }
        let current = bookings[i].status
        guard current == .booked || current == .attended || current == .noShow else {
            throw .notBooked(current, attempted: attempted)
        }
        if current == .attended, mark == .noShow, bookings[i].evaluatedAt != nil {
            // Evaluated means they were there; undoing it would orphan their certificate.
            throw .evaluatedSoAttended
        }
        bookings[i].status = mark.status
    }

    /// E-learning's completion record, in place of a register.
    public mutating func recordCompletion(_ personID: UUID, on day: SimpleDate) throws(TrainingBookingRefusal) {
        let attempted = "record completion"
        guard !hasLimit else { throw .notELearning }
        guard let i = index(of: personID) else { throw .noBooking(attempted: attempted) }
        let current = bookings[i].status
        if current == .completed { throw .alreadyDone(.completed) }
        guard current == .booked else { throw .notBooked(current, attempted: attempted) }
        // Finished before it opened is a mistyped date, not a completion.
        if day < event.date { throw .eventNotStarted(attempted: "record completion before the e-learning opened") }
        bookings[i].status = .completed
        bookings[i].completedOn = day
    }

    /// Records that the person sent their evaluation: only attendees and completers, only once.
    /// Store the ``EvaluationResponse`` itself separately, without the person's name.
    public mutating func recordEvaluation(_ personID: UUID, at now: Date) throws(TrainingBookingRefusal) {
        let attempted = "evaluate this course"
        guard let i = index(of: personID) else { throw .noBooking(attempted: attempted) }
        guard bookings[i].status.isAttendance else { throw .notAttended(attempted: attempted) }
        if bookings[i].evaluatedAt != nil { throw .alreadyEvaluated }
        bookings[i].evaluatedAt = now
    }

    /// Why the person cannot have a certificate (or the course materials) yet; nil when they can.
    public func certificateRefusal(for personID: UUID) -> TrainingBookingRefusal? {
        let attempted = "get the certificate"
        guard let booking = booking(for: personID) else { return .noBooking(attempted: attempted) }
        guard booking.status.isAttendance else { return .notAttended(attempted: attempted) }
        return booking.evaluatedAt == nil ? .evaluationNotSubmitted : nil
    }

    /// The session has started and someone is still only booked: the trainer's register is due.
    public func isRegisterDue(at now: Date) -> Bool {
        hasLimit && hasStarted(at: now) && bookings.contains { $0.status == .booked }
    }
}
