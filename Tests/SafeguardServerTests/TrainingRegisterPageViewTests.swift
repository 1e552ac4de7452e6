import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the trainer's register rendered from plain values, with no database and no request.
final class TrainingRegisterPageViewTests: XCTestCase {
    private let csrf = "token-123"

    private func errors(_ field: String, _ message: String) -> FormErrors {
        var e = FormErrors()
        e.add(field, message)
        return e
    }

    private let march3 = SimpleDate(year: 2030, month: 3, day: 3)!
    private let before = Date(timeIntervalSince1970: 1_800_000_000)

    private func register(
        _ event: TrainingEvent, _ bookings: [(TrainingBooking, RegisterView.Booker)], started: Bool,
        calledOffOn: String? = nil, marks: [UUID: TrainingEventPlaces.RegisterMark] = [:],
        errors: FormErrors = FormErrors()
    ) -> String {
        RegisterView(
            event: .init(
                id: event.id, courseTitle: "Neglect <b>today</b>", when: "3 March 2030, 9:30am to 12:30pm",
                calledOffOn: calledOffOn, calledOffReason: "The trainer is <ill>"),
            places: TrainingEventPlaces(event: event, bookings: bookings.map(\.0)),
            bookers: Dictionary(uniqueKeysWithValues: bookings.map { ($0.0.id, $0.1) }), started: started,
            errors: errors, marks: marks, banner: nil
        ).body(csrf: csrf).render()
    }

    private func faceToFace(capacity: Int = 1) -> TrainingEvent {
        TrainingEvent(
            courseID: UUID(), delivery: .faceToFace, date: march3, startTime: ClockTime(hour: 9, minute: 30),
            endTime: ClockTime(hour: 12, minute: 30), venue: "Town Hall", capacity: capacity)
    }

    private func booking(_ event: TrainingEvent, _ status: TrainingBookingStatus) -> TrainingBooking {
        TrainingBooking(
            eventID: event.id, personID: UUID(), status: status, firstBookedAt: before,
            cancelledAt: status == .lateCancellation ? before : nil)
    }

    func testBeforeTheEventTheRegisterListsPlacesTheQueueInOrderAndTheTrainersForms() {
        let event = faceToFace()
        let booked = booking(event, .booked)
        let first = booking(event, .waitingList)
        let second = booking(event, .waitingList)
        let late = booking(event, .lateCancellation)
        let html = register(
            event,
            [
                (booked, .init(name: "Ann <b>Lee</b>", agency: "Northmere Police")),
                (first, .init(name: "Bob Ray", agency: "Not recorded")),
                (second, .init(name: "Cara Holt", agency: "Calder & Vale Council")),
                (late, .init(name: "Dev Shah", agency: "Mill Lane School")),
            ], started: false)

        XCTAssertTrue(html.contains("Register: Neglect &lt;b&gt;today&lt;/b&gt;"))
        XCTAssertFalse(html.contains("<b>today"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.trainingEvent(event.id).path)\""), "back to the event")
        XCTAssertTrue(html.contains("1 of 1 taken"))
        XCTAssertTrue(html.contains("The register opens when the event starts."))
        XCTAssertTrue(html.contains("Ann &lt;b&gt;Lee&lt;/b&gt;"))
        XCTAssertTrue(html.contains(">\(SimpleDate(before).longText)<"), "when they booked")
        XCTAssertTrue(html.contains("action=\"\(SiteURL.trainingEventCapacity(event.id).path)\""))
        XCTAssertTrue(html.contains("name=\"capacity\" type=\"text\" value=\"1\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.trainingEventEdit(event.id).path)\""))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.trainingEventCallOff(event.id).path)\""))
        XCTAssertFalse(html.contains(SiteURL.trainingEventRegister(event.id).path), "no register before it starts")
        XCTAssertTrue(html.contains("Late cancellations"))
        XCTAssertTrue(html.contains(">Dev Shah<"))
        let bob = html.range(of: "Bob Ray")!.lowerBound
        let cara = html.range(of: "Cara Holt")!.lowerBound
        XCTAssertLessThan(bob, cara, "the waiting list is in the queue's order")
        XCTAssertTrue(html.contains(">Not recorded<"))
        XCTAssertTrue(html.contains(">Calder &amp; Vale Council<"))
    }

    func testOnceStartedTheRegisterMarksEachPersonAndKeepsARefusedMark() {
        let event = faceToFace(capacity: 2)
        let ann = booking(event, .booked)
        var bob = booking(event, .booked)
        bob.status = .attended
        let html = register(
            event,
            [
                (ann, .init(name: "Ann <b>Lee</b>", agency: "Northmere Police")),
                (bob, .init(name: "Bob Ray", agency: "Council")),
            ], started: true, marks: [ann.id: .noShow],
            errors: errors("mark-\(ann.id)", "This booking cannot be marked now"))

        XCTAssertTrue(html.contains("action=\"\(SiteURL.trainingEventRegister(event.id).path)\""))
        XCTAssertTrue(html.contains("Ann &lt;b&gt;Lee&lt;/b&gt;, Northmere Police</legend>"))
        XCTAssertTrue(html.contains("name=\"mark-\(ann.id)\" type=\"radio\" value=\"no-show\" checked"))
        XCTAssertTrue(html.contains("name=\"mark-\(bob.id)\" type=\"radio\" value=\"attended\" checked"))
        XCTAssertTrue(html.contains("This booking cannot be marked now"))
        XCTAssertTrue(html.contains(">Save register<"))
        XCTAssertFalse(html.contains(SiteURL.trainingEventCallOff(event.id).path), "a started event is not called off")

        let empty = register(event, [], started: true)
        XCTAssertTrue(empty.contains("Nobody held a place on this event."))
        XCTAssertFalse(empty.contains("Save register"))
    }

    func testACalledOffEventSaysWhyAndAnELearningCourseListsWhoFinished() {
        let event = faceToFace()
        let off = register(
            event, [(booking(event, .booked), .init(name: "Ann Lee", agency: "Council"))], started: false,
            calledOffOn: "1 March 2030")
        XCTAssertTrue(off.contains("This event was cancelled on 1 March 2030: The trainer is &lt;ill&gt;"))
        XCTAssertFalse(off.contains(SiteURL.trainingEventCapacity(event.id).path))
        XCTAssertFalse(off.contains(SiteURL.trainingEventCallOff(event.id).path))

        let online = TrainingEvent(courseID: UUID(), delivery: .eLearning, date: march3, eLearningMinutes: 45)
        var done = booking(online, .completed)
        done.completedOn = march3
        let html = register(
            online,
            [
                (done, .init(name: "Ann Lee", agency: "Council")),
                (booking(online, .booked), .init(name: "Bob <Ray>", agency: "Police")),
            ], started: true)
        XCTAssertTrue(html.contains("Enrolled, not yet finished"))
        XCTAssertTrue(html.contains(">\(march3.longText)<"), "the day they finished")
        XCTAssertTrue(html.contains(">Bob &lt;Ray&gt;<"))
        XCTAssertFalse(html.contains("Places"), "e-learning has no places")
        XCTAssertFalse(html.contains("Save register"), "e-learning has no register")
    }
}
