import Foundation
import Testing

@testable import SafeguardCore

/// Shared fixtures for the training tests.
enum TrainingFixture {
    static func day(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }
    static func time(_ text: String) -> ClockTime { ClockTime(text)! }

    static let course = TrainingCourse(title: "Safeguarding and Child Protection Multi-agency course", level: .level3)

    /// A face-to-face day, 09:30–16:30 on Tuesday 10 March 2026 (GMT, well clear of the clocks changing).
    static func faceToFace(
        capacity: Int = 2, on date: String = "2026-03-10", from: String = "09:30",
        to: String = "16:30", courseID: UUID = course.id
    ) -> TrainingEvent {
        TrainingEvent(
            courseID: courseID, delivery: .faceToFace, date: day(date), startTime: time(from),
            endTime: time(to), venue: "Council Chamber, County Hall", capacity: capacity)
    }

    static func eLearning(minutes: Int = 90, courseID: UUID = course.id) -> TrainingEvent {
        TrainingEvent(
            courseID: courseID, delivery: .eLearning, date: day("2026-01-05"),
            link: "https://learning.example/level-1", eLearningMinutes: minutes)
    }

    static func places(capacity: Int = 2) -> TrainingEventPlaces {
        TrainingEventPlaces(event: faceToFace(capacity: capacity))
    }

    static var start: Date { faceToFace().startsAt()! }
    /// A week before the standard event: comfortably in time to book and cancel.
    static var weekBefore: Date { start.addingTimeInterval(-7 * 86_400) }
    static func minutesBefore(_ minutes: Int) -> Date { start.addingTimeInterval(Double(-minutes * 60)) }

    static func people(_ count: Int) -> [UUID] { (0..<count).map { _ in UUID() } }

    static func statuses(_ places: TrainingEventPlaces, _ people: [UUID]) -> [TrainingBookingStatus?] {
        people.map { places.booking(for: $0)?.status }
    }
}

struct TrainingBookingTests {
    typealias F = TrainingFixture

    @Test func placesGoFirstThenTheWaitingListInOrder() throws {
        var places = F.places(capacity: 2)
        let p = F.people(4)
        var results: [TrainingBookingStatus] = []
        for (i, person) in p.enumerated() {
            results.append(try places.book(person, at: F.weekBefore.addingTimeInterval(Double(i))))
        }
        #expect(results == [.booked, .booked, .waitingList, .waitingList])
        #expect(places.freePlaces == 0)
        #expect(places.waitingList.map(\.personID) == [p[2], p[3]])
        #expect(places.waitingListPosition(of: p[3]) == 2)
        #expect(places.waitingListPosition(of: p[0]) == nil)
        #expect(places.bookings.allSatisfy { $0.eventID == places.event.id })
    }

    @Test func cancellingPromotesTheWaitingListFirstComeFirstServed() throws {
        var places = F.places(capacity: 2)
        let p = F.people(5)
        for person in p { try places.book(person, at: F.weekBefore) }
        let first = try places.cancel(p[0], at: F.weekBefore)
        #expect(first == .init(status: .cancelled, promoted: [p[2]]))
        #expect(!first.isLate)
        let second = try places.cancel(p[1], at: F.weekBefore)
        #expect(second.promoted == [p[3]])
        #expect(F.statuses(places, p) == [.cancelled, .cancelled, .booked, .booked, .waitingList])
        #expect(places.waitingListPosition(of: p[4]) == 1)
    }

    @Test func leavingTheWaitingListPromotesNobody() throws {
        var places = F.places(capacity: 1)
        let p = F.people(3)
        for person in p { try places.book(person, at: F.weekBefore) }
        let left = try places.cancel(p[1], at: F.minutesBefore(60))
        // Someone waiting never held a place, so leaving the list late is not a late cancellation.
        #expect(left == .init(status: .cancelled, promoted: []))
        #expect(places.waitingList.map(\.personID) == [p[2]])
    }

    @Test func theSamePersonCannotBookTwice() throws {
        var places = F.places(capacity: 1)
        let p = F.people(3)
        for person in p { try places.book(person, at: F.weekBefore) }
        #expect(throws: TrainingBookingRefusal.alreadyBooked) { try places.book(p[0], at: F.weekBefore) }
        #expect(throws: TrainingBookingRefusal.alreadyOnWaitingList(position: 2)) {
            try places.book(p[2], at: F.weekBefore)
        }
        #expect(
            TrainingBookingRefusal.alreadyBooked.message
                == "You cannot book this event because you already have a place on it")
        #expect(
            TrainingBookingRefusal.alreadyOnWaitingList(position: 2).message
                == "You cannot book this event because you are already on the waiting list (number 2)")
        #expect(places.bookings.count == 3)
    }

    @Test func cancelThenRebookGoesToTheBackOfTheQueue() throws {
        var places = F.places(capacity: 1)
        let p = F.people(3)
        for person in p { try places.book(person, at: F.weekBefore) }
        // p1 leaves the waiting list and comes back: now behind p2.
        _ = try places.cancel(p[1], at: F.weekBefore)
        let later = F.weekBefore.addingTimeInterval(3600)
        #expect(try places.book(p[1], at: later) == .waitingList)
        #expect(places.waitingList.map(\.personID) == [p[2], p[1]])
        let rebooked = try #require(places.booking(for: p[1]))
        #expect(rebooked.queuedAt == later && rebooked.firstBookedAt == F.weekBefore && rebooked.cancelledAt == nil)
        #expect(places.bookings.count == 3, "re-booking reuses the booking")
        // The booked person cancels: p2, who waited longer, gets the place.
        #expect(try places.cancel(p[0], at: later).promoted == [p[2]])
        // p0 re-books straight away: no free place, so the back of the queue.
        #expect(try places.book(p[0], at: later) == .waitingList)
        #expect(places.waitingList.map(\.personID) == [p[1], p[0]])
    }

    @Test func rebookingTakesAFreePlace() throws {
        var places = F.places(capacity: 2)
        let p = F.people(1)
        try places.book(p[0], at: F.weekBefore)
        _ = try places.cancel(p[0], at: F.weekBefore)
        #expect(try places.book(p[0], at: F.weekBefore) == .booked)
        #expect(places.freePlaces == 1)
    }

    @Test(arguments: [
        (60 * 48 + 60, TrainingBookingStatus.cancelled),
        (60 * 48, .cancelled),
        (60 * 47 + 59, .lateCancellation),
        (60, .lateCancellation),
        (1, .lateCancellation),
    ])
    func lateCancellationIsWithinFortyEightHours(minutesBefore: Int, expected: TrainingBookingStatus) throws {
        var places = F.places(capacity: 1)
        let p = F.people(2)
        for person in p { try places.book(person, at: F.weekBefore) }
        let result = try places.cancel(p[0], at: F.minutesBefore(minutesBefore))
        #expect(result.status == expected)
        // Late or not, the place is freed for the next person.
        #expect(result.promoted == [p[1]])
    }

    @Test func theNoticePeriodIsConfigurable() throws {
        var places = TrainingEventPlaces(event: F.faceToFace(), lateCancellationHours: 72)
        let p = F.people(1)
        try places.book(p[0], at: F.weekBefore)
        #expect(try places.cancel(p[0], at: F.minutesBefore(60 * 60)).status == .lateCancellation)
        #expect(TrainingEventPlaces.defaultLateCancellationHours == 48)
    }

    @Test func theNoticeIsRealHoursAcrossTheClocksGoingForward() throws {
        // The clocks went forward on 29 March 2026, so a 09:00 start is 08:00 UTC; the notice is
        // counted in real hours back from that instant.
        let event = F.faceToFace(on: "2026-03-31", from: "09:00", to: "12:00")
        let start = try #require(event.startsAt())
        #expect(ISO8601DateFormatter().string(from: start) == "2026-03-31T08:00:00Z")
        let places = TrainingEventPlaces(event: event)
        #expect(!places.isLateCancellation(at: start.addingTimeInterval(-48 * 3600)))
        #expect(places.isLateCancellation(at: start.addingTimeInterval(-48 * 3600 + 1)))
    }

    @Test func bookingAndCancellingCloseWhenTheEventStarts() throws {
        var places = F.places(capacity: 2)
        let p = F.people(2)
        try places.book(p[0], at: F.weekBefore)
        #expect(throws: TrainingBookingRefusal.bookingsClosed) { try places.book(p[1], at: F.start) }
        #expect(throws: TrainingBookingRefusal.eventStarted(attempted: "cancel this booking")) {
            _ = try places.cancel(p[0], at: F.start.addingTimeInterval(60))
        }
        #expect(
            TrainingBookingRefusal.bookingsClosed.message == "You cannot book this event because it has already started"
        )
        // One minute before the start is still open.
        #expect(try places.book(p[1], at: F.minutesBefore(1)) == .booked)
    }

    @Test func cancelRefusals() throws {
        var places = F.places(capacity: 2)
        let p = F.people(2)
        try places.book(p[0], at: F.weekBefore)
        _ = try places.cancel(p[0], at: F.weekBefore)
        #expect(throws: TrainingBookingRefusal.alreadyCancelled) { _ = try places.cancel(p[0], at: F.weekBefore) }
        #expect(throws: TrainingBookingRefusal.noBooking(attempted: "cancel this booking")) {
            _ = try places.cancel(p[1], at: F.weekBefore)
        }
        #expect(
            TrainingBookingRefusal.noBooking(attempted: "cancel this booking").message
                == "You cannot cancel this booking because there is no booking for this person on this event")
    }

    @Test func raisingCapacityPromotesInOrder() throws {
        var places = F.places(capacity: 1)
        let p = F.people(4)
        for person in p { try places.book(person, at: F.weekBefore) }
        #expect(try places.changeCapacity(to: 3, at: F.weekBefore) == [p[1], p[2]])
        #expect(places.event.capacity == 3)
        #expect(F.statuses(places, p) == [.booked, .booked, .booked, .waitingList])
        #expect(try places.changeCapacity(to: 3, at: F.weekBefore) == [])
    }

    @Test func reducingCapacityKeepsConfirmedPlaces() throws {
        var places = F.places(capacity: 4)
        let p = F.people(2)
        for person in p { try places.book(person, at: F.weekBefore) }
        #expect(try places.changeCapacity(to: 2, at: F.weekBefore) == [])
        #expect(places.freePlaces == 0)
        #expect(throws: TrainingBookingRefusal.capacityBelowPlacesTaken(taken: 2)) {
            try places.changeCapacity(to: 1, at: F.weekBefore)
        }
        #expect(throws: TrainingBookingRefusal.capacityBelowOne) { try places.changeCapacity(to: 0, at: F.weekBefore) }
        #expect(throws: TrainingBookingRefusal.eventStarted(attempted: "change the number of places")) {
            try places.changeCapacity(to: 5, at: F.start)
        }
        #expect(
            TrainingBookingRefusal.capacityBelowPlacesTaken(taken: 2).message
                == "You cannot reduce the number of places below 2 because 2 people have a place. Cancel bookings first"
        )
        #expect(places.event.capacity == 2, "a refused change leaves the value as it was")
    }

    @Test func eLearningAlwaysHasAPlace() throws {
        var places = TrainingEventPlaces(event: F.eLearning())
        let p = F.people(50)
        for person in p { #expect(try places.book(person, at: F.weekBefore) == .booked) }
        #expect(places.freePlaces == nil)
        #expect(places.waitingList.isEmpty)
        #expect(!places.hasStarted(at: F.start.addingTimeInterval(86_400 * 365)))
        #expect(throws: TrainingBookingRefusal.noLimitOnELearning) {
            try places.changeCapacity(to: 10, at: F.weekBefore)
        }
        // Cancelling e-learning is never late: there is no start.
        #expect(try places.cancel(p[0], at: F.start).status == .cancelled)
    }

    @Test func eventDetailsAreChecked() {
        #expect(F.faceToFace().problems == [])
        #expect(F.eLearning().problems == [])
        let bad = TrainingEvent(
            courseID: UUID(), delivery: .faceToFace, date: F.day("2026-03-10"),
            startTime: F.time("12:00"), endTime: F.time("12:00"), capacity: 0)
        #expect(bad.problems == [.venueMissing, .endNotAfterStart, .capacityBelowOne])
        let virtual = TrainingEvent(courseID: UUID(), delivery: .virtual, date: F.day("2026-03-10"))
        #expect(virtual.problems == [.linkMissing, .timesMissing, .capacityMissing])
        #expect(
            TrainingEvent(courseID: UUID(), delivery: .eLearning, date: F.day("2026-03-10"), link: "x").problems
                == [.eLearningMinutesMissing])
        #expect(F.faceToFace(from: "09:30", to: "12:45").durationMinutes == 195)
        #expect(F.eLearning(minutes: 40).durationMinutes == 40)
        #expect(F.eLearning().startsAt() == nil)
    }

    @Test func enumsHaveKebabCaseRawValuesAndNames() {
        #expect(
            TrainingBookingStatus.allCases.map(\.rawValue)
                == ["booked", "waiting-list", "cancelled", "late-cancellation", "attended", "no-show", "completed"])
        #expect(TrainingDelivery.allCases.map(\.rawValue) == ["face-to-face", "virtual", "e-learning"])
        #expect(TrainingLevel.allCases.map(\.rawValue) == ["level-1", "level-2", "level-3", "level-4"])
        #expect(TrainingLevel.level3.displayName == "Level 3: multi-agency working")
        #expect(TrainingLevel.level1 < .level4)
        #expect(TrainingBookingStatus.allCases.allSatisfy { !$0.displayName.isEmpty })
    }

    @Test func placesRoundTripThroughJSON() throws {
        var places = F.places(capacity: 1)
        for person in F.people(2) { try places.book(person, at: F.weekBefore) }
        let data = try JSONEncoder().encode(places)
        #expect(try JSONDecoder().decode(TrainingEventPlaces.self, from: data) == places)
        #expect(String(decoding: data, as: UTF8.self).contains("\"waiting-list\""))
    }
}
