import Fluent
import NIOPosix
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 17, item 4 (in part): a scheduled job runs on one server at a time when several share the database.
final class JobLeaseServerTests: ServerTestCase {
    func testOneServerHoldsAJobUntilItsLeaseExpiresOrIsGivenUp() async throws {
        let now = Date()
        assertTrue(try await JobLeases.take(.overdueReminders, server: "a", now: now, on: app.db))
        assertFalse(
            try await JobLeases.take(.overdueReminders, server: "b", now: now.addingTimeInterval(60), on: app.db))
        assertTrue(
            try await JobLeases.take(.overdueReminders, server: "a", now: now.addingTimeInterval(120), on: app.db),
            "the holder renews it")
        assertFalse(
            try await JobLeases.take(.overdueReminders, server: "b", now: now.addingTimeInterval(29 * 60), on: app.db),
            "renewed at 2 minutes")
        assertTrue(
            try await JobLeases.take(.overdueReminders, server: "b", now: now.addingTimeInterval(33 * 60), on: app.db),
            "a stopped renewing")
        assertFalse(
            try await JobLeases.take(.overdueReminders, server: "a", now: now.addingTimeInterval(34 * 60), on: app.db))
        // Another job's lease is separate; giving one up lets another server take it at once.
        assertTrue(try await JobLeases.take(.emailDelivery, server: "a", now: now, on: app.db))
        try await JobLeases.release(.emailDelivery, server: "b", on: app.db)  // not b's to give up
        assertFalse(try await JobLeases.take(.emailDelivery, server: "b", now: now, on: app.db))
        try await JobLeases.release(.emailDelivery, server: "a", on: app.db)
        assertTrue(try await JobLeases.take(.emailDelivery, server: "b", now: now, on: app.db))
    }

    func testServersRacingForAFreeLeaseLetExactlyOneIn() async throws {
        let db = app.db
        let now = Date()
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask { try await JobLeases.take(.overdueReminders, server: "server-\(i)", now: now, on: db) }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        XCTAssertEqual(wins, 1)
        assertEqual(try await JobLeaseRecord.query(on: app.db).count(), 1)
    }

    func testTheRemindersDoNothingWhileAnotherServerRunsThem() async throws {
        assertTrue(try await JobLeases.take(.overdueReminders, server: "the-other-server", now: Date(), on: app.db))
        assertEqual(
            try await OverdueReminders.run(on: app),
            OverdueReminders.Sent(actions: 0, summaries: 0, runningElsewhere: true))
    }

    /// Stands in for the mail server: records each subject it is handed, and runs `first` while the first message is
    /// being sent (another server taking the e-mail job over, as if this message had outlasted the lease).
    actor RecordingMailer: MailSending {
        private(set) var subjects: [String] = []
        let first: @Sendable () async -> Void
        init(first: @escaping @Sendable () async -> Void = {}) { self.first = first }
        func send(_ message: MailMessage) async throws {
            if subjects.isEmpty { await first() }
            subjects.append(message.subject)
        }
    }

    /// A run renews the e-mail lease before each message: one that finds another server has taken the job over stops,
    /// and that server sends the rest, each once. (Renewed once a run, a backlog longer than the lease was sent by both.)
    func testAnEmailRunThatLosesItsLeaseStopsAndTheNewHolderSendsTheRest() async throws {
        for i in 0..<3 {
            try await UserNotification(
                userID: fx[.socialWorker].id, subject: "Message \(i)", body: "Body \(i)", link: SiteURL.training.path,
                at: clock.now.addingTimeInterval(Double(i)), emailConfigured: true
            ).create(on: app.db)
        }
        let db = app.db
        let lease = JobLease.Job.emailDelivery.leaseSeconds
        let slow = RecordingMailer {
            _ = try? await JobLeases.take(
                .emailDelivery, server: "b", now: Date().addingTimeInterval(lease + 1), on: db)
        }
        let a = NotificationDelivery(mailer: slow, publicURL: nil, audit: app.safeguard.audit, server: "a")
        let sentByA = await a.sendPending(on: db, logger: app.logger)
        XCTAssertEqual(sentByA, 1, "a stops at the next message once b holds the job")
        let stillPending = try await UserNotification.query(on: db)
            .filter(\.$emailStatus == UserNotification.EmailStatus.pending.rawValue).count()
        XCTAssertEqual(stillPending, 2)

        let mailerB = RecordingMailer()
        let b = NotificationDelivery(mailer: mailerB, publicURL: nil, audit: app.safeguard.audit, server: "b")
        let sentByB = await b.sendPending(on: db, logger: app.logger)
        XCTAssertEqual(sentByB, 2)
        let subjectsA = await slow.subjects
        let subjectsB = await mailerB.subjects
        XCTAssertEqual(subjectsA + subjectsB, ["Message 0", "Message 1", "Message 2"], "each message once, in order")
    }

    /// One message's whole SMTP conversation, every reply awaited as long as allowed, ends before the lease it is sent under.
    func testOneMessageFitsInsideTheEmailLease() {
        let settings = SMTPSettings(host: "127.0.0.1", port: 25, security: .none, from: "safeguard@example.org")
        let mailer = SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        XCTAssertLessThan(Double(mailer.longestSendSeconds), JobLease.Job.emailDelivery.leaseSeconds)
    }
}
