import Foundation
import Testing

@testable import SafeguardCore

/// Calling an event off cancels every place and waiting-list entry, none of them late.
struct TrainingCallOffTests {
    @Test func everyoneActiveIsCancelledInQueueOrderAndNobodyIsLate() throws {
        var places = TrainingFixture.places(capacity: 1)
        let people = TrainingFixture.people(3)
        for p in people { try places.book(p, at: TrainingFixture.weekBefore) }
        try places.cancel(people[2], at: TrainingFixture.weekBefore)
        let affected = try places.callOff(at: TrainingFixture.minutesBefore(60))
        #expect(affected == [people[0], people[1]])
        #expect(TrainingFixture.statuses(places, people) == [.cancelled, .cancelled, .cancelled])
        #expect(places.bookings.allSatisfy { $0.status != .lateCancellation })
        #expect(places.freePlaces == 1)
        #expect(places.waitingList.isEmpty)
    }

    @Test func anEventThatHasStartedCannotBeCalledOff() throws {
        var places = TrainingFixture.places()
        try places.book(UUID(), at: TrainingFixture.weekBefore)
        #expect(throws: TrainingBookingRefusal.eventStarted(attempted: "cancel the event")) {
            try places.callOff(at: TrainingFixture.start)
        }
        #expect(places.bookings[0].status == .booked)
    }
}
