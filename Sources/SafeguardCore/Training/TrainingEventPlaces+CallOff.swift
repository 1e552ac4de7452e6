import Foundation

extension TrainingEventPlaces {
    /// The partnership calls the event off (the trainer is ill, the venue is lost). Everyone with a
    /// place or on the waiting list is cancelled, never as a late cancellation, which would count
    /// against them, and returned in queue order so the server can tell them. Refused once the
    /// event has started: by then the register is the record.
    public mutating func callOff(at now: Date) throws(TrainingBookingRefusal) -> [UUID] {
        if hasStarted(at: now) { throw .eventStarted(attempted: "cancel the event") }
        var affected: [UUID] = []
        for i in bookings.indices where bookings[i].status.isActive {
            bookings[i].status = .cancelled
            bookings[i].cancelledAt = now
            affected.append(bookings[i].personID)
        }
        return affected
    }
}
