import Foundation
import Testing

@testable import SafeguardCore

/// Revising what a trainer set up: question keys that keep earlier answers, which event changes
/// are worth telling people about, and an e-learning completion dated before it opened.
struct TrainingRevisionTests {
    @Test func keysAreKeptOrMadeFromTheTextAndNeverRepeat() {
        var used = Set<String>()
        #expect(
            EvaluationQuestion.key(for: "Overall, how useful was it?", existing: "overall", used: &used) == "overall")
        #expect(
            EvaluationQuestion.key(for: "How would you rate the trainer?", existing: "", used: &used)
                == "how-would-you-rate-the-trainer")
        #expect(
            EvaluationQuestion.key(for: "How would you rate the trainer?", existing: "", used: &used)
                == "how-would-you-rate-the-trainer-2")
        #expect(EvaluationQuestion.key(for: "?!", existing: "", used: &used) == "question")
        #expect(
            EvaluationQuestion.key(for: String(repeating: "word ", count: 20), existing: "", used: &used).count == 40)
    }

    @Test func onlyWhenWhereAndHowToJoinAreWorthTelling() {
        let before = TrainingFixture.faceToFace()
        var renamedOnly = before
        renamedOnly.capacity = 30
        #expect(!renamedOnly.changesAttendance(from: before))
        var moved = before
        moved.venue = "Library"
        #expect(moved.changesAttendance(from: before))
        var later = before
        later.startTime = TrainingFixture.time("10:00")
        #expect(later.changesAttendance(from: before))
    }

    @Test func eLearningCannotBeFinishedBeforeItOpened() throws {
        var places = TrainingEventPlaces(event: TrainingFixture.eLearning())
        let person = UUID()
        try places.book(person, at: TrainingFixture.weekBefore)
        #expect(
            throws: TrainingBookingRefusal.eventNotStarted(attempted: "record completion before the e-learning opened")
        ) {
            try places.recordCompletion(person, on: TrainingFixture.day("2026-01-04"))
        }
        try places.recordCompletion(person, on: TrainingFixture.day("2026-01-05"))
        #expect(places.booking(for: person)?.status == .completed)
    }

    @Test func aRegisterIsDueOnceStartedWhileAnyoneIsOnlyBooked() throws {
        var places = TrainingFixture.places()
        let person = UUID()
        try places.book(person, at: TrainingFixture.weekBefore)
        #expect(!places.isRegisterDue(at: TrainingFixture.minutesBefore(1)))
        #expect(places.isRegisterDue(at: TrainingFixture.start))
        try places.markRegister(person, as: .attended, at: TrainingFixture.start)
        #expect(!places.isRegisterDue(at: TrainingFixture.start))
        #expect(!TrainingEventPlaces(event: TrainingFixture.eLearning()).isRegisterDue(at: TrainingFixture.start))
    }
}
