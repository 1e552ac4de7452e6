import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the training lists (the index, the manage page, a course, the forms and the results) rendered
/// from plain values, with no database and no request. The event pages are in `TrainingPageViewTests`.
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
