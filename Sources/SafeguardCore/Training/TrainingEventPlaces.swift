import Foundation

/// One event with its bookings in queue order: the value every booking rule works on.
///
/// The server loads the event and its bookings (ordered by ``TrainingBooking/queuedAt``), calls one
/// of the operations (``book(_:at:bookingID:)``, ``cancel(_:at:)``, ``changeCapacity(to:at:)``,
/// ``markRegister(_:as:at:)``, ``recordCompletion(_:on:)``, ``recordEvaluation(_:at:)``) and saves
/// the event and bookings back. An operation that throws leaves the value unchanged.
///
/// Invariant: nobody waits while a place is free, because every operation that frees or adds a
/// place promotes from the front of the waiting list at once.
public struct TrainingEventPlaces: Sendable, Equatable, Codable {
    public internal(set) var event: TrainingEvent
    /// Every booking, in the order people joined the queue (re-booking moves to the back).
    public internal(set) var bookings: [TrainingBooking]
    /// A cancellation this many hours or fewer before the start is a late cancellation.
    public var lateCancellationHours: Int

    /// The partnership's usual notice: 48 hours.
    public static let defaultLateCancellationHours = 48

    public init(
        event: TrainingEvent, bookings: [TrainingBooking] = [],
        lateCancellationHours: Int = TrainingEventPlaces.defaultLateCancellationHours
    ) {
        self.event = event
        self.bookings = bookings
        self.lateCancellationHours = lateCancellationHours
    }

    public func booking(for personID: UUID) -> TrainingBooking? {
        bookings.first { $0.personID == personID }
    }

    /// Bookings holding a place (booked, or already marked on the register).
    public var placesTaken: Int {
        bookings.count(where: \.status.holdsPlace)
    }

    /// Places left; nil means no limit (e-learning).
    public var freePlaces: Int? {
        event.capacity.map { max(0, $0 - placesTaken) }
    }

    /// The waiting list, first in line first.
    public var waitingList: [TrainingBooking] {
        bookings.filter { $0.status == .waitingList }
    }

    /// 1 for the front of the waiting list; nil when the person is not waiting.
    public func waitingListPosition(of personID: UUID) -> Int? {
        waitingList.firstIndex { $0.personID == personID }.map { $0 + 1 }
    }

    /// E-learning never starts: it stays open for booking and completion.
    public func hasStarted(at now: Date) -> Bool {
        guard let start = event.startsAt() else { return false }
        return now >= start
    }

    /// Whether cancelling at `now` would be late: strictly less than ``lateCancellationHours``
    /// before the start. Exactly 48 hours before is still in time.
    public func isLateCancellation(at now: Date) -> Bool {
        guard let start = event.startsAt() else { return false }
        return start.timeIntervalSince(now) < Double(lateCancellationHours) * 3600
    }

    var hasLimit: Bool { event.delivery.isScheduled }

    func index(of personID: UUID) -> Int? {
        bookings.firstIndex { $0.personID == personID }
    }

    /// Moves people from the front of the waiting list into free places; returns who moved up so
    /// the server can tell them.
    mutating func promoteFromWaitingList() -> [UUID] {
        var promoted: [UUID] = []
        while (freePlaces ?? 1) > 0, let next = bookings.firstIndex(where: { $0.status == .waitingList }) {
            bookings[next].status = .booked
            promoted.append(bookings[next].personID)
        }
        return promoted
    }
}
