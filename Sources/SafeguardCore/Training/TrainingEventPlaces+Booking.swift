import Foundation

extension TrainingEventPlaces {
    /// What a cancellation did: whether it was late, and who moved up from the waiting list into
    /// the freed place (the server tells them they now have a place).
    public struct Cancellation: Sendable, Equatable, Codable {
        public var status: TrainingBookingStatus
        public var promoted: [UUID]

        public var isLate: Bool { status == .lateCancellation }
    }

    /// Books `personID` a place if one is free, otherwise puts them at the back of the waiting list;
    /// returns which. Someone who cancelled books again with this too and goes to the back.
    @discardableResult
    public mutating func book(
        _ personID: UUID, at now: Date, bookingID: UUID = UUID()
    ) throws(TrainingBookingRefusal) -> TrainingBookingStatus {
        if hasStarted(at: now) { throw .bookingsClosed }
        let status: TrainingBookingStatus = (freePlaces ?? 1) > 0 ? .booked : .waitingList
        if let i = index(of: personID) {
            var existing = bookings[i]
            switch existing.status {
            case .booked: throw .alreadyBooked
            case .waitingList: throw .alreadyOnWaitingList(position: waitingListPosition(of: personID) ?? 1)
            case .attended, .noShow, .completed: throw .alreadyDone(existing.status)
            case .cancelled, .lateCancellation: break
            }
            // Re-booking goes to the back of the queue: nobody who waited is overtaken.
            existing.status = status
            existing.queuedAt = now
            existing.cancelledAt = nil
            bookings.remove(at: i)
            bookings.append(existing)
        } else {
            bookings.append(
                TrainingBooking(
                    id: bookingID, eventID: event.id, personID: personID,
                    status: status, firstBookedAt: now))
        }
        return status
    }

    /// Cancels the person's booking or waiting-list place. Giving up a place within the notice
    /// period is a late cancellation (leaving the waiting list never is); either way the place goes
    /// to the first person waiting.
    public mutating func cancel(_ personID: UUID, at now: Date) throws(TrainingBookingRefusal) -> Cancellation {
        let attempted = "cancel this booking"
        guard let i = index(of: personID) else { throw .noBooking(attempted: attempted) }
        let current = bookings[i].status
        if current.isCancelled { throw .alreadyCancelled }
        if !current.isActive { throw .notBooked(current, attempted: attempted) }
        if hasStarted(at: now) { throw .eventStarted(attempted: attempted) }
        let status: TrainingBookingStatus =
            current == .booked && isLateCancellation(at: now) ? .lateCancellation : .cancelled
        bookings[i].status = status
        bookings[i].cancelledAt = now
        return Cancellation(status: status, promoted: promoteFromWaitingList())
    }

    /// Changes the number of places before the event starts; returns who moved up from the waiting
    /// list when places were added. Places cannot drop below those already taken: nobody loses a
    /// confirmed place without being told, so the trainer cancels bookings first.
    @discardableResult
    public mutating func changeCapacity(to capacity: Int, at now: Date) throws(TrainingBookingRefusal) -> [UUID] {
        let attempted = "change the number of places"
        guard hasLimit else { throw .noLimitOnELearning }
        if hasStarted(at: now) { throw .eventStarted(attempted: attempted) }
        if capacity < 1 { throw .capacityBelowOne }
        if capacity < placesTaken { throw .capacityBelowPlacesTaken(taken: placesTaken) }
        event.capacity = capacity
        return promoteFromWaitingList()
    }
}
