import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 17, item 4 (e-mail retries): an e-mail copy that failed for a reason that may pass is tried again after a wait,
/// on whichever server holds the e-mail job; one refused for good, or failing its last try, is marked failed.
final class EmailRetryServerTests: ServerTestCase {
    /// Stands in for the mail server: answers each send with the next of `answers` (nil: accepted), then accepts.
    actor ScriptedMailer: MailSending {
        private var answers: [SMTPError?]
        private(set) var tried: [String] = []
        init(_ answers: [SMTPError?]) { self.answers = answers }
        func send(_ message: MailMessage) async throws {
            tried.append(message.subject)
            if !answers.isEmpty, let error = answers.removeFirst() { throw error }
        }
    }

    static let down = SMTPError.connectionFailed(server: "mail.example.org:25", reason: "Connection refused")

    private func queue(_ subjects: [String]) async throws -> [UUID] {
        var ids: [UUID] = []
        for (i, subject) in subjects.enumerated() {
            let n = UserNotification(
                userID: fx[.socialWorker].id, subject: subject, body: "Body", link: SiteURL.training.path,
                at: clock.now.addingTimeInterval(Double(i)), emailConfigured: true)
            try await n.create(on: app.db)
            ids.append(try n.requireID())
        }
        return ids
    }

    private func delivery(_ mailer: ScriptedMailer) -> NotificationDelivery {
        NotificationDelivery(
            mailer: mailer, publicURL: nil, audit: app.safeguard.audit, server: "a",
            clock: app.safeguard.settings.clock,
            metrics: app.metrics)
    }

    private func notice(_ id: UUID) async throws -> UserNotification {
        let found = try await UserNotification.find(id, on: app.db)
        return try XCTUnwrap(found)
    }

    func testAMailServerThatIsDownDelaysTheEmailsAndTheyAreSentWhenItIsBack() async throws {
        let ids = try await queue(["First", "Second"])
        let mailer = ScriptedMailer([Self.down])
        let sender = delivery(mailer)

        let firstRun = await sender.sendPending(on: app.db, logger: app.logger)
        XCTAssertEqual(firstRun, 0)
        let first = try await notice(ids[0])
        let second = try await notice(ids[1])
        XCTAssertEqual(first.emailStatus, "pending", "not given up: the server may be back")
        XCTAssertEqual(first.emailAttempts, 1)
        XCTAssertEqual(first.emailRetryAt, clock.now.addingTimeInterval(60))
        XCTAssertTrue(first.emailError?.contains("Connection refused") ?? false, first.emailError ?? "")
        XCTAssertEqual(
            second.emailAttempts, 0, "with the server down the rest wait untried, not each after its own timeout")
        var tried = await mailer.tried
        XCTAssertEqual(tried, ["First"])

        // Before the first's wait is over only the untried one goes.
        let secondRun = await sender.sendPending(on: app.db, logger: app.logger)
        XCTAssertEqual(secondRun, 1)
        assertEqual(try await notice(ids[1]).emailStatus, "sent")
        assertEqual(try await notice(ids[0]).emailStatus, "pending")

        clock.advance(minutes: 1.1)
        let thirdRun = await sender.sendPending(on: app.db, logger: app.logger)
        XCTAssertEqual(thirdRun, 1)
        let sentLate = try await notice(ids[0])
        XCTAssertEqual(sentLate.emailStatus, "sent")
        XCTAssertEqual(sentLate.emailAttempts, 2)
        XCTAssertNil(sentLate.emailRetryAt)
        XCTAssertNil(sentLate.emailError)
        tried = await mailer.tried
        XCTAssertEqual(tried, ["First", "Second", "First"], "each e-mail sent once")
        var emitted: [UInt8] = []
        app.metrics.registry.emit(into: &emitted)
        let metrics = String(decoding: emitted, as: UTF8.self)
        XCTAssertTrue(metrics.contains(#"safeguard_email_attempts_total{outcome="retrying"} 1"#), metrics)
        XCTAssertTrue(metrics.contains(#"safeguard_email_attempts_total{outcome="sent"} 2"#), metrics)
    }

    func testARecipientRefusedForGoodIsNotTriedAgainAndTheNextIsStillSent() async throws {
        let ids = try await queue(["Refused", "Fine"])
        let refused = SMTPError.recipientRefused(
            address: "nobody@example.org", reply: SMTPReply(code: 550, lines: ["No such user"]))
        let mailer = ScriptedMailer([refused])
        let sent = await delivery(mailer).sendPending(on: app.db, logger: app.logger)
        XCTAssertEqual(sent, 1, "a refused recipient does not hold up the next message")
        let gone = try await notice(ids[0])
        XCTAssertEqual(gone.emailStatus, "failed")
        XCTAssertEqual(gone.emailAttempts, 1)
        XCTAssertNil(gone.emailRetryAt)
        assertEqual(try await notice(ids[1]).emailStatus, "sent")
        clock.advance(minutes: 24 * 60)
        let later = await delivery(mailer).sendPending(on: app.db, logger: app.logger)
        XCTAssertEqual(later, 0)
        let tried = await mailer.tried
        XCTAssertEqual(tried, ["Refused", "Fine"])
    }

    func testABusyMailboxIsTriedAgainButAnEmailIsGivenUpAfterItsLastTry() async throws {
        let ids = try await queue(["Busy"])
        let busy = SMTPError.recipientRefused(
            address: "sw@example.org", reply: SMTPReply(code: 451, lines: ["Try again later"]))
        let mailer = ScriptedMailer(Array(repeating: busy, count: 10))
        let sender = delivery(mailer)
        for wait in EmailRetry.waits {
            _ = await sender.sendPending(on: app.db, logger: app.logger)
            assertEqual(try await notice(ids[0]).emailStatus, "pending")
            _ = await sender.sendPending(on: app.db, logger: app.logger)  // not due yet: not tried
            clock.advance(minutes: wait / 60 + 0.1)
        }
        _ = await sender.sendPending(on: app.db, logger: app.logger)
        let last = try await notice(ids[0])
        XCTAssertEqual(last.emailStatus, "failed")
        XCTAssertEqual(last.emailAttempts, EmailRetry.mostAttempts)
        let tried = await mailer.tried
        XCTAssertEqual(tried.count, EmailRetry.mostAttempts, "tried once per wait, never while waiting")
        clock.advance(minutes: 24 * 60)
        _ = await sender.sendPending(on: app.db, logger: app.logger)
        let after = await mailer.tried
        XCTAssertEqual(after.count, EmailRetry.mostAttempts, "given up means given up")
    }
}

/// The administrator sees how e-mail is going: a mail server that is down shows as e-mail waiting to be tried again.
final class EmailDeliverySummaryTests: ServerTestCase {
    func testTheAdministratorSeesEmailWaitingToBeTriedAgainAndWhatTheServerSaid() async throws {
        let before = try await signedIn(fx[.partnershipAdmin]).get(.admin).text
        XCTAssertTrue(before.contains("E-mail is not set up"), before)

        try await startApp(
            smtp: SMTPSettings(
                host: "127.0.0.1", port: 1, security: .none, from: "safeguard@example.org", timeoutSeconds: 1))
        func message(
            _ status: UserNotification.EmailStatus, attempts: Int = 0, retryAt: Date? = nil, error: String? = nil,
            daysAgo: Double = 0
        ) async throws {
            let n = UserNotification(
                userID: fx[.socialWorker].id, subject: "S", body: "B", link: SiteURL.training.path,
                at: clock.now.addingTimeInterval(-daysAgo * 86400), emailConfigured: true)
            n.emailStatus = status.rawValue
            n.emailAttempts = attempts
            n.emailRetryAt = retryAt
            n.emailError = error
            try await n.create(on: app.db)
        }
        try await message(.sent, attempts: 1)
        try await message(.sent, attempts: 1)
        try await message(.failed, attempts: 1, error: "550 No such user", daysAgo: 2)
        try await message(
            .pending, attempts: 2, retryAt: clock.now.addingTimeInterval(300),
            error: "Connection refused by 127.0.0.1:1")
        try await message(.sent, attempts: 1, daysAgo: 8)  // outside the 7 days

        let page = try await signedIn(fx[.partnershipAdmin]).get(.admin)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.text.contains("2 sent, 1 waiting, 1 failed"), page.text)
        XCTAssertTrue(page.text.contains("1 after a failure, the next try at"), page.text)
        XCTAssertTrue(page.text.contains("Connection refused by 127.0.0.1:1"), "the most recent failure's reason")
        XCTAssertTrue(page.text.contains("waiting to be tried again"), page.text)
        assertEqual(try await signedIn(fx[.socialWorker]).get(.admin).status, .forbidden)
    }
}
