import Foundation
import Testing

@testable import SafeguardCore

struct TrainingRegisterTests {
    typealias F = TrainingFixture

    /// Three places: p0, p1, p2 booked (p1 and p2 moved up from the waiting list when p3 cancelled
    /// and p4 cancelled late); p5 on the waiting list.
    static func eventDay() throws -> (TrainingEventPlaces, [UUID]) {
        var places = F.places(capacity: 3)
        let p = F.people(6)
        for i in [0, 3, 4, 1, 2] { try places.book(p[i], at: F.weekBefore) }
        _ = try places.cancel(p[3], at: F.weekBefore)
        _ = try places.cancel(p[4], at: F.minutesBefore(60))
        try places.book(p[5], at: F.minutesBefore(30))
        return (places, p)
    }

    @Test func theFixtureIsAsDescribed() throws {
        let (places, p) = try Self.eventDay()
        #expect(F.statuses(places, p) == [.booked, .booked, .booked, .cancelled, .lateCancellation, .waitingList])
    }

    @Test func theTrainerMarksAttendedAndNoShow() throws {
        var (places, p) = try Self.eventDay()
        let during = F.start.addingTimeInterval(600)
        try places.markRegister(p[0], as: .attended, at: during)
        try places.markRegister(p[1], as: .noShow, at: during)
        try places.markRegister(p[2], as: .noShow, at: during)
        // A wrong tick can be put right.
        try places.markRegister(p[2], as: .attended, at: during)
        #expect(F.statuses(places, p).prefix(3) == [.attended, .noShow, .attended])
    }

    @Test(arguments: [
        (3, TrainingBookingRefusal.notBooked(.cancelled, attempted: "mark this person attended")),
        (4, .notBooked(.lateCancellation, attempted: "mark this person attended")),
        (5, .notBooked(.waitingList, attempted: "mark this person attended")),
    ])
    func onlyBookedPeopleAreOnTheRegister(index: Int, refusal: TrainingBookingRefusal) throws {
        var (places, p) = try Self.eventDay()
        #expect(throws: refusal) { try places.markRegister(p[index], as: .attended, at: F.start) }
    }

    @Test func registerRefusalMessages() {
        #expect(
            TrainingBookingRefusal.notBooked(.waitingList, attempted: "mark this person attended").message
                == "You cannot mark this person attended because their booking is on the waiting list")
        #expect(
            TrainingBookingRefusal.eventNotStarted(attempted: "mark this person did not attend").message
                == "You cannot mark this person did not attend because the event has not started yet")
    }

    @Test func theRegisterOpensAtTheStart() throws {
        var (places, p) = try Self.eventDay()
        #expect(throws: TrainingBookingRefusal.eventNotStarted(attempted: "mark this person attended")) {
            try places.markRegister(p[0], as: .attended, at: F.minutesBefore(1))
        }
        try places.markRegister(p[0], as: .attended, at: F.start)
        #expect(throws: TrainingBookingRefusal.noBooking(attempted: "mark this person did not attend")) {
            try places.markRegister(UUID(), as: .noShow, at: F.start)
        }
    }

    @Test func eLearningHasACompletionRecordNotARegister() throws {
        var places = TrainingEventPlaces(event: F.eLearning())
        let p = F.people(2)
        try places.book(p[0], at: F.weekBefore)
        #expect(throws: TrainingBookingRefusal.noRegisterForELearning) {
            try places.markRegister(p[0], as: .attended, at: F.start)
        }
        try places.recordCompletion(p[0], on: F.day("2026-02-14"))
        #expect(places.booking(for: p[0])?.status == .completed)
        #expect(places.booking(for: p[0])?.completedOn == F.day("2026-02-14"))
        #expect(throws: TrainingBookingRefusal.alreadyDone(.completed)) {
            try places.recordCompletion(p[0], on: F.day("2026-02-15"))
        }
        #expect(throws: TrainingBookingRefusal.alreadyDone(.completed)) { try places.book(p[0], at: F.start) }
        #expect(throws: TrainingBookingRefusal.noBooking(attempted: "record completion")) {
            try places.recordCompletion(p[1], on: F.day("2026-02-14"))
        }
        var faceToFace = F.places()
        try faceToFace.book(p[0], at: F.weekBefore)
        #expect(throws: TrainingBookingRefusal.notELearning) {
            try faceToFace.recordCompletion(p[0], on: F.day("2026-03-10"))
        }
    }

    @Test func onlyAttendeesEvaluateAndOnlyOnce() throws {
        var (places, p) = try Self.eventDay()
        try places.markRegister(p[0], as: .attended, at: F.start)
        try places.markRegister(p[1], as: .noShow, at: F.start)
        let after = F.start.addingTimeInterval(8 * 3600)
        try places.recordEvaluation(p[0], at: after)
        #expect(places.booking(for: p[0])?.evaluatedAt == after)
        #expect(throws: TrainingBookingRefusal.alreadyEvaluated) { try places.recordEvaluation(p[0], at: after) }
        for i in [1, 2, 3, 5] {
            #expect(throws: TrainingBookingRefusal.notAttended(attempted: "evaluate this course")) {
                try places.recordEvaluation(p[i], at: after)
            }
        }
        #expect(
            TrainingBookingRefusal.alreadyEvaluated.message
                == "You cannot evaluate this course again because you have already sent your evaluation")
        // Having evaluated, they were there: the register cannot now say they were not.
        #expect(throws: TrainingBookingRefusal.evaluatedSoAttended) {
            try places.markRegister(p[0], as: .noShow, at: after)
        }
    }

    @Test func theCertificateNeedsAttendanceAndAnEvaluation() throws {
        var (places, p) = try Self.eventDay()
        try places.markRegister(p[0], as: .attended, at: F.start)
        try places.markRegister(p[1], as: .noShow, at: F.start)
        #expect(places.certificateRefusal(for: p[0]) == .evaluationNotSubmitted)
        #expect(places.booking(for: p[0])?.isEvaluationDue == true)
        #expect(places.booking(for: p[0])?.isCertificateAvailable == false)
        #expect(places.certificateRefusal(for: p[1]) == .notAttended(attempted: "get the certificate"))
        #expect(places.certificateRefusal(for: p[2]) == .notAttended(attempted: "get the certificate"))
        #expect(places.certificateRefusal(for: UUID()) == .noBooking(attempted: "get the certificate"))
        try places.recordEvaluation(p[0], at: F.start.addingTimeInterval(86_400))
        #expect(places.certificateRefusal(for: p[0]) == nil)
        let booking = try #require(places.booking(for: p[0]))
        #expect(booking.isCertificateAvailable && booking.canDownloadMaterials && !booking.isEvaluationDue)
        #expect(
            TrainingBookingRefusal.evaluationNotSubmitted.message
                == "You cannot get the certificate yet because you have not completed the evaluation")
    }

    @Test func eLearningCertificateAfterCompletionAndEvaluation() throws {
        var places = TrainingEventPlaces(event: F.eLearning())
        let p = F.people(1)
        try places.book(p[0], at: F.weekBefore)
        #expect(throws: TrainingBookingRefusal.notAttended(attempted: "evaluate this course")) {
            try places.recordEvaluation(p[0], at: F.weekBefore)
        }
        try places.recordCompletion(p[0], on: F.day("2026-03-03"))
        try places.recordEvaluation(p[0], at: F.weekBefore)
        #expect(places.certificateRefusal(for: p[0]) == nil)
    }
}
