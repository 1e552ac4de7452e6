/// Why a booking, cancellation, register mark or evaluation was refused, with the GOV.UK-style
/// message ("You cannot … because …") the page shows.
public enum TrainingBookingRefusal: Error, Sendable, Equatable {
    case alreadyBooked
    case alreadyOnWaitingList(position: Int)
    case alreadyDone(TrainingBookingStatus)
    case bookingsClosed
    /// The partnership called the event off.
    case eventCalledOff
    case noBooking(attempted: String)
    case alreadyCancelled
    case eventStarted(attempted: String)
    case eventNotStarted(attempted: String)
    case noLimitOnELearning
    case capacityBelowOne
    case capacityBelowPlacesTaken(taken: Int)
    case noRegisterForELearning
    case notELearning
    case notBooked(TrainingBookingStatus, attempted: String)
    case notAttended(attempted: String)
    case alreadyEvaluated
    case evaluatedSoAttended
    case evaluationNotSubmitted

    public var message: String {
        switch self {
        case .alreadyBooked:
            "You cannot book this event because you already have a place on it"
        case .alreadyOnWaitingList(let position):
            "You cannot book this event because you are already on the waiting list (number \(position))"
        case .alreadyDone(let status):
            "You cannot book this event because you have already \(status == .completed ? "completed" : "been recorded at") it"
        case .bookingsClosed:
            "You cannot book this event because it has already started"
        case .eventCalledOff:
            "You cannot book this event because it has been cancelled. Choose another date"
        case .noBooking(let attempted):
            "You cannot \(attempted) because there is no booking for this person on this event"
        case .alreadyCancelled:
            "You cannot cancel this booking because it has already been cancelled"
        case .eventStarted(let attempted):
            "You cannot \(attempted) because the event has already started"
        case .eventNotStarted(let attempted):
            "You cannot \(attempted) because the event has not started yet"
        case .noLimitOnELearning:
            "You cannot set the number of places on e-learning because anyone may take it"
        case .capacityBelowOne:
            "You cannot set the number of places below 1. Cancel the event instead"
        case .capacityBelowPlacesTaken(let taken):
            "You cannot reduce the number of places below \(taken) because \(taken) \(taken == 1 ? "person has" : "people have") a place. Cancel bookings first"
        case .noRegisterForELearning:
            "You cannot take a register for e-learning because it has no session. Record completion instead"
        case .notELearning:
            "You cannot record completion for this event because it is not e-learning. Take the register instead"
        case .notBooked(let status, let attempted):
            "You cannot \(attempted) because their booking is \(status.displayName.lowercased())"
        case .notAttended(let attempted):
            "You cannot \(attempted) because attendance or completion has not been recorded"
        case .alreadyEvaluated:
            "You cannot evaluate this course again because you have already sent your evaluation"
        case .evaluatedSoAttended:
            "You cannot mark this person did not attend because they have already evaluated the event"
        case .evaluationNotSubmitted:
            "You cannot get the certificate yet because you have not completed the evaluation"
        }
    }
}
