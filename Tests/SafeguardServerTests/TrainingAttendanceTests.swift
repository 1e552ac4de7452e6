import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// On the day and after: the register, the evaluation, the certificate, materials and the log.
final class TrainingAttendanceTests: ServerTestCase {
    func testRegisterThenEvaluationReleasesCertificateAndMaterials() async throws {
        var trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 1), capacity: 5)
        let upload = try await uploadMaterial(trainer, course: course)
        XCTAssertEqual(upload.location, SiteURL.trainingCourse(course).done("material-added"))
        let material = try await TrainingMaterialRecord.query(on: app.db).first()!
        var sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(.trainingEventBook(event), [])
        var police = try await signedIn(fx[.policeOfficer])
        _ = try await police.post(.trainingEventBook(event), [])
        assertEqual(
            try await sw.get(.trainingMaterial(material.id!)).status, .forbidden, "materials come after the evaluation")
        let early = try await trainer.post(.trainingEventRegister(event), [])
        XCTAssertEqual(
            early.location, SiteURL.trainingEventRegister(event).done("register-saved"),
            "nothing to mark yet is not an error")

        // The next day, after the start.
        advance(days: 1, hours: 1)
        trainer = try await signedIn(fx[.trainer])
        let swBooking = try await booking(of: fx[.socialWorker].id, on: event)!
        let policeBooking = try await booking(of: fx[.policeOfficer].id, on: event)!
        let due = try await trainer.get(.trainingManage)
        XCTAssertTrue(due.text.contains("Registers to take"), due.text)
        let page = try await trainer.get(.trainingEventRegister(event))
        XCTAssertTrue(page.text.contains("Test Social worker, Northmere Children&#39;s Services"), page.text)
        let saved = try await trainer.post(
            .trainingEventRegister(event),
            [("mark-\(swBooking.id!)", "attended"), ("mark-\(policeBooking.id!)", "no-show")])
        XCTAssertEqual(saved.location, SiteURL.trainingEventRegister(event).done("register-saved"))
        assertEqual(try await booking(of: fx[.socialWorker].id, on: event)?.status.rawValue, "attended")
        assertEqual(try await booking(of: fx[.policeOfficer].id, on: event)?.status.rawValue, "no-show")
        assertFalse(
            try await trainer.get(.trainingManage).text.contains("Registers to take"), "taken registers leave the list")

        sw = try await signedIn(fx[.socialWorker])
        let eventPage = try await sw.get(.trainingEvent(event))
        XCTAssertTrue(eventPage.text.contains("Evaluate the course"))
        XCTAssertFalse(eventPage.text.contains("Print your certificate"))
        let refused = try await sw.get(.trainingCertificate(swBooking.id!))
        XCTAssertEqual(refused.status, .conflict)
        XCTAssertTrue(refused.text.contains("evaluation"), refused.text)

        let missing = try await sw.post(.trainingEvaluation(swBooking.id!), [("overall", "9")])
        XCTAssertEqual(missing.status, .unprocessableEntity)
        for message in [
            "Select a rating from 1 to 5 for ‘How would you rate the course overall?’",
            "Select yes or no for ‘Did the course meet",
        ] {
            XCTAssertTrue(missing.text.contains(message), message)
        }
        let sent = try await sw.post(
            .trainingEvaluation(swBooking.id!),
            [
                ("overall", "5"), ("trainer", "4"), ("met-objectives", "yes"), ("confidence", "4"),
                ("change-practice", "Check the chronology first"),
            ])
        XCTAssertEqual(sent.location, SiteURL.trainingEvent(event).done("evaluated"))
        let stored = try await TrainingEvaluationRecord.query(on: app.db).all()
        XCTAssertEqual(stored.count, 1)
        XCTAssertFalse(stored[0].answers.contains(fx[.socialWorker].id.uuidString), "evaluations are anonymous")
        assertEqual(
            try await sw.post(.trainingEvaluation(swBooking.id!), [("overall", "5")]).status, .unprocessableEntity)

        let certificate = try await sw.get(.trainingCertificate(swBooking.id!))
        XCTAssertEqual(certificate.status, .ok)
        for text in [
            "Certificate of attendance", "Test Social worker", "Safeguarding and Child Protection Multi-agency course",
            "3 March 2026", "3.0 hours",
            "Make a clear referral", "print.css",
        ] {
            XCTAssertTrue(certificate.text.contains(text), text)
        }
        let file = try await sw.get(.trainingMaterial(material.id!))
        XCTAssertEqual(file.status, .ok)
        XCTAssertEqual(file.text, "Slide 1: what to do if you are worried")
        XCTAssertEqual(file.headers.first(name: .contentDisposition), "attachment; filename=\"slides.txt\"")

        let log = try await sw.get(.trainingLog)
        for text in ["3 March 2026", "Level 3: multi-agency working", "3.0", "Certificate"] {
            XCTAssertTrue(log.text.contains(text), text)
        }
        // Someone else's booking is not found, not forbidden: ids reveal nothing.
        police = try await signedIn(fx[.policeOfficer])
        assertEqual(try await police.get(.trainingCertificate(swBooking.id!)).status, .notFound)
        assertEqual(try await police.get(.trainingEvaluation(policeBooking.id!)).status, .ok)
        let noShowEval = try await police.post(
            .trainingEvaluation(policeBooking.id!),
            [
                ("overall", "5"), ("trainer", "4"), ("met-objectives", "yes"), ("confidence", "4"),
            ])
        XCTAssertEqual(noShowEval.status, .conflict, "only attendees evaluate")
        assertEqual(try await TrainingEvaluationRecord.query(on: app.db).count(), 1)
        let results = try await trainer.get(.trainingCourseEvaluations(course))
        XCTAssertTrue(results.text.contains("Check the chronology first"), results.text)
        XCTAssertTrue(results.text.contains("1 evaluation sent from 1 April 2025 to 31 March 2026"), results.text)
        let nextYear = try await trainer.get(
            .trainingCourseEvaluations(course), query: [("from", "2026-04-01"), ("to", "2027-03-31")])
        XCTAssertTrue(nextYear.text.contains("0 evaluations sent"), nextYear.text)
        XCTAssertFalse(nextYear.text.contains("Check the chronology first"))
    }

    func testELearningIsCompletedByThePractitionerAndTheQuestionsAreTheCourses() async throws {
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer, title: "Introduction to safeguarding children")
        let added = try await trainer.post(
            .trainingCourseEvents(course),
            [
                ("delivery", "e-learning"), ("date-day", "1"), ("date-month", "3"), ("date-year", "2026"),
                ("link", "https://learning.example.org/intro"), ("minutes", "90"),
            ])
        let event = try XCTUnwrap(
            UUID(uuidString: String(try XCTUnwrap(added.location).split(separator: SiteURL.home.path)[2].prefix(36))))
        let questions = try await trainer.post(
            .trainingCourseQuestions(course),
            [
                ("rows", "2"), ("q0-key", "overall"), ("q0-text", "Overall, how useful was it?"), ("q0-kind", "rating"),
                ("q0-required", "yes"),
                ("q1-key", "trainer"), ("q1-text", ""), ("q1-kind", "rating"),
            ])
        XCTAssertEqual(questions.location, SiteURL.trainingCourse(course).done("questions-saved"))

        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(.trainingEventBook(event), [])
        let future = try await sw.post(
            .trainingEventComplete(event),
            [("completed-day", "9"), ("completed-month", "3"), ("completed-year", "2026")])
        XCTAssertEqual(future.status, .unprocessableEntity)
        XCTAssertTrue(future.text.contains("cannot be in the future"))
        let done = try await sw.post(
            .trainingEventComplete(event),
            [("completed-day", "2"), ("completed-month", "3"), ("completed-year", "2026")])
        XCTAssertEqual(done.location, SiteURL.trainingEvent(event).done("completed"))
        let row = try await booking(of: fx[.socialWorker].id, on: event)!
        XCTAssertEqual(row.status.rawValue, "completed")
        let completions = try await trainer.get(.trainingEventRegister(event))
        XCTAssertTrue(completions.text.contains("Completed"), completions.text)
        XCTAssertTrue(
            completions.text.contains(
                "Test Social worker</td><td class=\"sg-table__cell\">Northmere Children&#39;s Services</td><td class=\"sg-table__cell\">2 March 2026"
            ),
            completions.text)
        let form = try await sw.get(.trainingEvaluation(row.id!))
        XCTAssertTrue(form.text.contains("Overall, how useful was it?"))
        XCTAssertFalse(form.text.contains("How would you rate the trainer?"), "a removed question is not asked")
        _ = try await sw.post(.trainingEvaluation(row.id!), [("overall", "4")])
        let log = try await sw.get(.trainingLog)
        XCTAssertTrue(log.text.contains("1.5"), log.text)
        XCTAssertTrue(log.text.contains("2 March 2026"))
    }

    func uploadMaterial(_ trainer: Browser, course: UUID) async throws -> XCTHTTPResponse {
        let boundary = "----sg\(UUID().uuidString.prefix(8))"
        let csrf = SessionToken.csrf(for: trainer.cookies[CSRFMiddleware.cookieName]!, secret: app.safeguard.secret)
        let body = """
            --\(boundary)\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n\(csrf)\r\n\
            --\(boundary)\r\nContent-Disposition: form-data; name="material-title"\r\n\r\nSlides\r\n\
            --\(boundary)\r\nContent-Disposition: form-data; name="file"; filename="slides.txt"\r\nContent-Type: text/plain\r\n\r\n\
            Slide 1: what to do if you are worried\r\n--\(boundary)--\r\n
            """
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        h.replaceOrAdd(name: .cookie, value: trainer.cookieHeader)
        return try await app.sendRequest(
            .POST, SiteURL.trainingCourseMaterials(course).path, headers: h, body: ByteBuffer(string: body))
    }
}
