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

final class TrainingListPageViewTests: XCTestCase {
    private func row(
        _ title: String, capacity: Int?, taken: Int, waiting: Int, calledOff: Bool = false
    ) -> TrainingPages.EventRow {
        TrainingPages.EventRow(
            id: UUID(), courseTitle: title, date: "2030-03-03", when: "3 March 2030, 9:30am to 12:30pm",
            delivery: capacity == nil ? .eLearning : .faceToFace, capacity: capacity, taken: taken, waiting: waiting,
            calledOff: calledOff)
    }

    func testTheTrainingIndexShowsPlacesLeftFullOrOpen() {
        let open = row("Online <safety>", capacity: nil, taken: 4, waiting: 0)
        let html = TrainingIndexView(
            events: [
                row("Neglect", capacity: 20, taken: 17, waiting: 0), open,
                row("Exploitation", capacity: 10, taken: 10, waiting: 2),
            ],
            mine: [], notices: [], level: .level2, delivery: nil, banner: .booked
        ).body.render()
        XCTAssertTrue(html.contains("3 of 20 left"))
        XCTAssertTrue(html.contains("Open to all"))
        XCTAssertTrue(html.contains("Full</strong> 2 waiting"))
        XCTAssertTrue(html.contains("Online &lt;safety&gt;"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.trainingEvent(open.id).path)\""))
        XCTAssertTrue(html.contains("value=\"level-2\" selected"))
        XCTAssertTrue(html.contains(TrainingFlash.booked.message))
        XCTAssertFalse(html.contains("Your bookings"))
        XCTAssertFalse(html.contains("New messages"))
    }

    func testTheTrainingIndexListsTheViewersBookingsAndMessagesOrSaysNothingMatches() {
        let eventID = UUID()
        let html = TrainingIndexView(
            events: [],
            mine: [
                .init(eventID: eventID, courseTitle: "Neglect", date: "2030-03-03", when: "3 March", status: .booked)
            ],
            notices: [.init(subject: "Your <place>", link: "/training/events/x")], level: nil, delivery: nil,
            banner: nil
        ).body.render()
        XCTAssertTrue(html.contains("No events match."))
        XCTAssertTrue(html.contains("Your bookings"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.trainingEvent(eventID).path)\""))
        XCTAssertTrue(html.contains("<a href=\"/training/events/x\" class=\"sg-link\">Your &lt;place&gt;</a>"))
    }

    func testTheManagePageFlagsRegistersCancelledEventsAndWithdrawnCourses() {
        let due = row("Neglect", capacity: 20, taken: 5, waiting: 0)
        let off = row("Exploitation", capacity: 10, taken: 0, waiting: 0, calledOff: true)
        let course = TrainingManageView.CourseRow(id: UUID(), title: "Old <course>", level: .level1, withdrawn: true)
        let html = TrainingManageView(
            courses: [course], events: [due, off, row("E-safety", capacity: nil, taken: 3, waiting: 0)],
            registersDue: [due]
        ).body.render()
        XCTAssertTrue(html.contains("Registers to take"))
        XCTAssertTrue(html.contains("Neglect, 3 March 2030, 9:30am to 12:30pm"))
        XCTAssertTrue(html.contains("Old &lt;course&gt;"))
        XCTAssertTrue(html.contains(">Withdrawn<"))
        XCTAssertFalse(html.contains(">Running<"))
        XCTAssertTrue(html.contains(">Cancelled<"))
        XCTAssertTrue(html.contains("5 of 20"))
        XCTAssertTrue(html.contains(">Completions<"), "e-learning has completions, not a register")
        XCTAssertTrue(html.contains(" for Neglect on 2030-03-03"))
        let none = TrainingManageView(courses: [], events: [], registersDue: []).body.render()
        XCTAssertFalse(none.contains("Registers"))
    }

    func testTheCoursePageListsEventsMaterialsAndTheSavedDetails() {
        let course = TrainingCourse(title: "Neglect", level: .level3)
        let event = row("Neglect", capacity: 12, taken: 3, waiting: 1)
        let material = TrainingPages.Material(id: UUID(), title: "Slides <v2>", filename: "s.pdf", size: 2048)
        let html = CourseView(
            course: course, events: [event], materials: [material], evaluations: 1, errors: FormErrors(),
            fields: ["title": "Neglect <b>", "level": "level-3", "withdrawn": "yes"], banner: .courseSaved
        ).body(csrf: "t").render()
        XCTAssertTrue(html.contains("3 of 12"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.trainingEvent(event.id).path)\""))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.trainingMaterialRemove(material.id).path)\""))
        XCTAssertTrue(html.contains("Slides &lt;v2&gt;"))
        XCTAssertTrue(html.contains("\(course.evaluationQuestions.count) questions."))
        XCTAssertTrue(html.contains("Results (1 evaluation)"))
        XCTAssertTrue(html.contains("name=\"title\" type=\"text\" value=\"Neglect &lt;b&gt;\""))
        XCTAssertTrue(html.contains("name=\"withdrawn-box[]\" type=\"checkbox\" value=\"yes\" checked"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.trainingCourse(course.id).path)\""))
    }

    func testTheQuestionsFormKeepsEachRowAndAddsThreeBlankOnes() {
        let id = UUID()
        let html = QuestionsFormView(
            courseID: id, courseTitle: "Neglect",
            rows: [.init(key: "useful", text: "Was it <useful>?", kind: "yes-no", required: false)],
            errors: FormErrors()
        ).body(csrf: "t").render()
        XCTAssertTrue(html.contains("name=\"rows\" value=\"4\""))
        XCTAssertTrue(html.contains("name=\"q0-key\" value=\"useful\""))
        XCTAssertTrue(html.contains("name=\"q0-text\" type=\"text\" value=\"Was it &lt;useful&gt;?\""))
        XCTAssertFalse(html.contains("name=\"q0-required\" type=\"checkbox\" value=\"yes\" checked"))
        XCTAssertTrue(html.contains("name=\"q1-required\" type=\"checkbox\" value=\"yes\" checked"))
        XCTAssertEqual(html.components(separatedBy: ">New question<").count - 1, 3)
        XCTAssertTrue(html.contains("action=\"\(SiteURL.trainingCourseQuestions(id).path)\""))
    }

    func testTheEventFormAsksHowItIsDeliveredOnlyWhenAdding() {
        let courseID = UUID()
        let adding = EventFormView(courseID: courseID, courseTitle: "Neglect", fields: [:], errors: FormErrors())
            .body(csrf: "t").render()
        XCTAssertTrue(adding.contains("name=\"delivery\""))
        XCTAssertTrue(adding.contains("name=\"capacity\""))
        XCTAssertTrue(adding.contains("action=\"\(SiteURL.trainingCourseEvents(courseID).path)\""))

        let event = TrainingEvent(
            courseID: courseID, delivery: .faceToFace, date: SimpleDate(year: 2030, month: 3, day: 3)!, venue: "Hall")
        let editing = EventFormView(
            courseID: courseID, courseTitle: "Neglect", fields: ["venue": "Hall <2>"], errors: FormErrors(),
            editing: event
        ).body(csrf: "t").render()
        XCTAssertFalse(editing.contains("name=\"delivery\""))
        XCTAssertFalse(editing.contains("name=\"capacity\""))
        XCTAssertFalse(editing.contains("name=\"link\""), "face to face has no link")
        XCTAssertTrue(editing.contains("value=\"Hall &lt;2&gt;\""))
        XCTAssertTrue(editing.contains("action=\"\(SiteURL.trainingEvent(event.id).path)\""))
        XCTAssertTrue(editing.contains("href=\"\(SiteURL.trainingEventRegister(event.id).path)\""))
    }

    func testEvaluationResultsGoBackToWhereTheReaderCameFrom() {
        let id = UUID()
        let question = EvaluationQuestion(key: "comments", text: "Anything <else>?", kind: .freeText)
        let period = SimpleDate(year: 2026, month: 4, day: 1)!...SimpleDate(year: 2027, month: 3, day: 31)!
        func page(mayManage: Bool) -> String {
            EvaluationResultsView(
                courseID: id, courseTitle: "Neglect", summary: EvaluationSummary(questions: [question], responses: []),
                period: period, errors: FormErrors(), mayManage: mayManage
            ).body.render()
        }
        let trainer = page(mayManage: true)
        XCTAssertTrue(trainer.contains("href=\"\(SiteURL.trainingCourse(id).path)\""))
        XCTAssertTrue(trainer.contains("Anything &lt;else&gt;?"))
        XCTAssertTrue(trainer.contains("No comments."))
        XCTAssertTrue(trainer.contains("0 evaluations sent from 1 April 2026 to 31 March 2027."))
        XCTAssertTrue(page(mayManage: false).contains("href=\"\(SiteURL.trainingReports.path)\""))
    }
}
