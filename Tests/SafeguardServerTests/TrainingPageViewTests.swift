import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the training pages rendered from plain values, with no database and no request.
final class TrainingPageViewTests: XCTestCase {
    private let viewerID = UUID()
    private let march3 = SimpleDate(year: 2030, month: 3, day: 3)!
    /// Long before any event here starts.
    private let before = Date(timeIntervalSince1970: 0)
    /// Long after any event here has started.
    private let after = Date(timeIntervalSince1970: 4_000_000_000)

    private func course(_ title: String = "Neglect <b>today</b>") -> TrainingCourse {
        TrainingCourse(
            title: title, description: "What neglect looks like", level: .level2,
            audience: "Practitioners who visit homes", learningOutcomes: ["Spot the signs", "Record <i>why</i>"])
    }

    private func faceToFace(capacity: Int = 2) -> TrainingEvent {
        TrainingEvent(
            courseID: UUID(), delivery: .faceToFace, date: march3, startTime: ClockTime(hour: 9, minute: 30),
            endTime: ClockTime(hour: 12, minute: 30), venue: "Room <3>, Town Hall", capacity: capacity)
    }

    private func eventPage(
        _ event: TrainingEvent, bookings: [TrainingBooking] = [], now: Date, mayManage: Bool = false,
        calledOffOn: String? = nil, materials: [TrainingPages.Material] = []
    ) -> String {
        TrainingEventView(
            viewerID: viewerID, mayManage: mayManage, course: course(),
            event: .init(
                id: event.id, when: "3 March 2030, 9:30am to 12:30pm", trainerName: "Ann Lee",
                calledOffOn: calledOffOn, calledOffReason: "The trainer is unwell"),
            places: TrainingEventPlaces(event: event, bookings: bookings), materials: materials, now: now,
            banner: nil, errors: FormErrors(), fields: [:]
        ).body(csrf: "token-1").render()
    }

    private func booking(
        _ event: TrainingEvent, _ person: UUID, _ status: TrainingBookingStatus, evaluated: Bool = false
    ) -> TrainingBooking {
        TrainingBooking(
            eventID: event.id, personID: person, status: status, firstBookedAt: before,
            evaluatedAt: evaluated ? before : nil)
    }

    func testTheEventPageOffersAPlaceAndEscapesWhatTheTrainerTyped() {
        let event = faceToFace()
        let html = eventPage(event, now: before)
        XCTAssertTrue(html.contains("Neglect &lt;b&gt;today&lt;/b&gt;"))
        XCTAssertTrue(html.contains("Room &lt;3&gt;, Town Hall"))
        XCTAssertTrue(html.contains("<li>Record &lt;i&gt;why&lt;/i&gt;</li>"))
        XCTAssertTrue(html.contains("2 of 2 left"))
        XCTAssertTrue(html.contains("You have not booked this event."))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.trainingEventBook(event.id).path)\""))
        XCTAssertTrue(html.contains("name=\"_csrf\" value=\"token-1\""))
        XCTAssertTrue(html.contains(">Book a place<"))
        XCTAssertFalse(html.contains("For trainers"), "only trainers get the register link")
    }

    func testAFullEventOffersTheWaitingListAndTrainersGetTheirLinks() {
        let event = faceToFace(capacity: 1)
        let html = eventPage(
            event, bookings: [booking(event, UUID(), .booked), booking(event, UUID(), .waitingList)], now: before,
            mayManage: true)
        XCTAssertTrue(html.contains("Full</strong> 1 on the waiting list"))
        XCTAssertTrue(html.contains(">Join the waiting list<"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.trainingEventRegister(event.id).path)\""))
        XCTAssertTrue(html.contains(">Bookings and register<"))
    }

    func testTheViewersOwnPlaceDecidesWhatTheyCanDo() {
        let event = faceToFace()
        let waiting = eventPage(event, bookings: [booking(event, viewerID, .waitingList)], now: before)
        XCTAssertTrue(waiting.contains("You are number 1 on the waiting list."))
        XCTAssertTrue(waiting.contains(">Leave the waiting list<"))
        XCTAssertTrue(waiting.contains("action=\"\(SiteURL.trainingEventCancel(event.id).path)\""))

        let attended = booking(event, viewerID, .attended)
        let due = eventPage(event, bookings: [attended], now: after)
        XCTAssertTrue(due.contains("href=\"\(SiteURL.trainingEvaluation(attended.id).path)\""))
        XCTAssertFalse(due.contains("Print your certificate"))
        XCTAssertFalse(due.contains("Cancel my place"), "the event has started")

        let material = TrainingPages.Material(id: UUID(), title: "Slides", filename: "slides.pdf", size: 2048)
        let done = eventPage(
            event, bookings: [booking(event, viewerID, .attended, evaluated: true)], now: after,
            materials: [material])
        XCTAssertTrue(done.contains("Print your certificate"))
        XCTAssertTrue(done.contains("href=\"\(SiteURL.trainingMaterial(material.id).path)\""))
        XCTAssertTrue(done.contains("Slides (slides.pdf)"))
    }

    func testACalledOffEventSaysWhyAndOffersNoPlace() {
        let html = eventPage(faceToFace(), now: before, calledOffOn: "1 March 2030")
        XCTAssertTrue(html.contains("This event was cancelled on 1 March 2030. The trainer is unwell"))
        XCTAssertFalse(html.contains("Book a place"))
    }

    func testTheCertificateNamesThePersonAndLeavesOutAnUnnamedTrainer() {
        let id = UUID()
        let certificate = CertificateView.Certificate(
            bookingID: id, completed: true, course: course(), delivery: .eLearning, day: march3, minutes: 90,
            trainerName: "")
        let html = CertificateView(name: "Jo <Bloggs>", agency: "Northmere Council", certificate: certificate).body
            .render()
        XCTAssertTrue(html.contains("Jo &lt;Bloggs&gt;"))
        XCTAssertTrue(html.contains("<p class=\"sg-certificate__lead\">completed</p>"))
        XCTAssertTrue(html.contains("3 March 2030"))
        XCTAssertTrue(html.contains("1.5 hours"))
        XCTAssertFalse(html.contains(">Trainer<"))
        XCTAssertTrue(html.contains("Certificate reference \(id.uuidString.prefix(8).uppercased())"))

        var attended = certificate
        attended.completed = false
        attended.trainerName = "Ann Lee"
        let other = CertificateView(name: "Jo", agency: "X", certificate: attended).body.render()
        XCTAssertTrue(other.contains("<p class=\"sg-certificate__lead\">attended</p>"))
        XCTAssertTrue(other.contains(">Trainer<") && other.contains("Ann Lee"))
    }

    func testTheEvaluationFormAsksTheCoursesQuestionsAndKeepsTheAnswers() {
        var c = course()
        c.evaluationQuestions = [
            EvaluationQuestion(key: "useful", text: "How useful was it?", kind: .rating),
            EvaluationQuestion(key: "comments", text: "Anything else?", kind: .freeText, isRequired: false),
        ]
        let booking = EvaluationFormView.Booking(id: UUID(), eventID: UUID(), course: c)
        var errors = FormErrors()
        errors.add("useful", "Choose a rating")
        let html = EvaluationFormView(
            booking: booking, answers: ["useful": "4", "comments": "<script>"], errors: errors
        ).body(csrf: "t").render()
        XCTAssertTrue(html.contains("action=\"\(SiteURL.trainingEvaluation(booking.id).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.trainingEvent(booking.eventID).path)\""))
        XCTAssertTrue(html.contains("name=\"useful\" type=\"radio\" value=\"4\" checked"))
        XCTAssertTrue(html.contains("Anything else? (optional)"))
        XCTAssertTrue(html.contains("&lt;script&gt;"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("<a href=\"#useful\">Choose a rating</a>"))
    }

    func testTheTrainingLogSaysWhenNothingIsDoneAndListsWhatIsBooked() {
        let eventID = UUID()
        let html = TrainingLogView(
            name: "Jo <Bloggs>", log: TrainingLog(bookings: [], events: [], courses: []),
            upcoming: [
                .init(
                    eventID: eventID, courseTitle: "Neglect", date: "2030-03-03", when: "3 March 2030",
                    status: .waitingList)
            ]
        ).body.render()
        XCTAssertTrue(html.contains("Jo &lt;Bloggs&gt;"))
        XCTAssertTrue(html.contains("Nothing attended or completed yet."))
        XCTAssertTrue(html.contains("Booked and waiting"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.trainingEvent(eventID).path)\""))
        XCTAssertTrue(html.contains(TrainingBookingStatus.waitingList.displayName))
        XCTAssertFalse(
            TrainingLogView(name: "Jo", log: TrainingLog(bookings: [], events: [], courses: []), upcoming: []).body
                .render().contains("Booked and waiting"))
    }
}
