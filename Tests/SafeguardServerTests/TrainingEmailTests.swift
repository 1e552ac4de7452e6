import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// With an SMTP server configured, each booking message is also e-mailed; a mail server that
/// refuses does not stop the booking, and the failure is recorded on the message.
final class TrainingEmailTests: ServerTestCase {
    var mail: TestMailServer!

    func startWithMail(rejecting: Set<String> = []) async throws {
        var configuration = TestMailServer.Configuration()
        configuration.rejectedRecipients = rejecting
        mail = TestMailServer(configuration: configuration)
        try await mail.start()
        try await startApp(
            publicURL: "https://safeguard.example.org",
            smtp: SMTPSettings(
                host: "127.0.0.1", port: mail.port, security: .none, from: "training@safeguard.example.org",
                timeoutSeconds: 5))
    }

    /// Several runs asked for at once send each message once (an actor alone let two runs read
    /// the same pending rows and sent a waiting-list message twice).
    func testParallelRunsSendEachMessageOnce() async throws {
        try await startWithMail()
        for i in 0..<3 {
            try await UserNotification(
                userID: fx[.socialWorker].id, subject: "Message \(i)", body: "Body \(i)", link: SiteURL.training.path,
                at: clock.now, emailConfigured: true
            ).create(on: app.db)
        }
        let delivery = app.safeguard.notificationDelivery
        let db = app.db
        let logger = app.logger
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { await delivery.sendPending(on: db, logger: logger) } }
            return await group.reduce(0, +)
        }
        XCTAssertEqual(counts, 3)
        try await Task.sleep(for: .milliseconds(200))
        XCTAssertEqual(
            mail.messages.count, 3, mail.messages.map { $0.decodedHeader("Subject") ?? "" }.joined(separator: ", "))
    }

    override func tearDown() async throws {
        await mail?.shutdown()
        try await super.tearDown()
    }

    func testABookingAndAPromotionAreEmailed() async throws {
        try await startWithMail()
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 7), capacity: 1)
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(.trainingEventBook(event), [])
        let first = try await mail.waitForMessages(1)
        XCTAssertEqual(first[0].recipients, [fx[.socialWorker].email])
        XCTAssertEqual(first[0].sender, "training@safeguard.example.org")
        XCTAssertEqual(
            first[0].decodedHeader("Subject"),
            "Booking confirmed: Safeguarding and Child Protection Multi-agency course")
        XCTAssertTrue(first[0].decodedBody.contains("9 March 2026, 9:30am to 12:30pm"), first[0].decodedBody)
        XCTAssertTrue(
            first[0].decodedBody.contains("https://safeguard.example.org/training/events/\(event)"),
            first[0].decodedBody)

        let police = try await signedIn(fx[.policeOfficer])
        _ = try await police.post(.trainingEventBook(event), [])
        _ = try await sw.post(.trainingEventCancel(event), [])
        let all = try await mail.waitForMessages(4)
        let subjects = all.map { "\($0.recipients[0]): \($0.decodedHeader("Subject") ?? "")" }
        XCTAssertTrue(
            subjects.contains(
                "\(fx[.policeOfficer].email): You now have a place: Safeguarding and Child Protection Multi-agency course"
            ),
            subjects.joined(separator: "\n"))
        XCTAssertTrue(
            subjects.contains(
                "\(fx[.socialWorker].email): Booking cancelled: Safeguarding and Child Protection Multi-agency course"))
        // The mail server has them; the records catch up once the background sender saves its outcome.
        var statuses: Set<String> = []
        for _ in 0..<50 {
            statuses = Set(try await UserNotification.query(on: app.db).all().map(\.emailStatus))
            if !statuses.contains("pending") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertEqual(statuses, ["sent"])
    }

    func testARefusedAddressIsRecordedAndTheBookingStands() async throws {
        try await startWithMail(rejecting: [fx[.socialWorker].email])
        let trainer = try await signedIn(fx[.trainer])
        let course = try await addCourse(trainer)
        let event = try await addEvent(trainer, course: course, on: SimpleDate(clock.now).adding(days: 7), capacity: 3)
        let sw = try await signedIn(fx[.socialWorker])
        assertEqual(
            try await sw.post(.trainingEventBook(event), []).location, SiteURL.trainingEvent(event).done("booked"))
        // Delivery runs in the background: wait for it to record the outcome.
        var notice: UserNotification?
        for _ in 0..<50 {
            notice = try await UserNotification.query(on: app.db).first()
            if notice?.emailStatus != "pending" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertEqual(notice?.emailStatus, "failed")
        XCTAssertTrue(notice?.emailError?.contains("550") ?? false, notice?.emailError ?? "")
        assertEqual(try await booking(of: fx[.socialWorker].id, on: event)?.status.rawValue, "booked")
        assertTrue(try await sw.get(.notifications).text.contains("Booking confirmed"))
    }
}
