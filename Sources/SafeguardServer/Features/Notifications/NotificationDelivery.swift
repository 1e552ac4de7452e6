import Fluent
import SafeguardCore
import Vapor

/// Sends the e-mail copy of notifications once their transaction has committed. One run at a time:
/// an actor alone does not give that (another call gets in at every `await`, and two runs read the
/// same pending rows, which once sent one message twice), so a call made during a run asks that
/// run to look again when it finishes. A failure is recorded on the notification (the platform
/// copy is already there) and logged without the recipient or the text; one that may pass is tried
/// again later (``EmailRetry``).
actor NotificationDelivery {
    let mailer: (any MailSending)?
    let publicURL: String?
    /// Its lock keeps these updates in line with every other write.
    let audit: AuditTrail

    /// This server, for the e-mail job's lease: with several servers on one database, one sends at a time.
    let server: String
    /// The time that messages are created at, for when a retry is due.
    let clock: Clock
    /// Counts each attempt's outcome for `/metrics`, so an operator sees e-mail failing before anyone misses one.
    let metrics: RequestMetrics?

    init(
        mailer: (any MailSending)?, publicURL: String?, audit: AuditTrail, server: String, clock: Clock = .system,
        metrics: RequestMetrics? = nil
    ) {
        self.mailer = mailer
        self.publicURL = publicURL
        self.audit = audit
        self.server = server
        self.clock = clock
        self.metrics = metrics
    }

    private var running = false
    private var lookAgain = false

    nonisolated var isConfigured: Bool { mailer != nil }

    /// Sends every pending e-mail; returns how many this call sent (none when a run already under
    /// way takes them: that run looks again before it finishes).
    @discardableResult
    func sendPending(on db: Database, logger: Logger) async -> Int {
        guard mailer != nil else { return 0 }
        if running {
            lookAgain = true
            return 0
        }
        running = true
        defer { running = false }
        var sent = 0
        repeat {
            lookAgain = false
            sent += await sendOnce(on: db, logger: logger)
        } while lookAgain
        return sent
    }

    private func sendOnce(on db: Database, logger: Logger) async -> Int {
        guard let mailer else { return 0 }
        let pending: [UserNotification]
        do {
            // Another server sending now would read the same pending rows and send each twice; its next sweep (or
            // this server's, once the lease is free) sends what this call leaves.
            guard try await JobLeases.take(.emailDelivery, server: server, now: Date(), on: db) else { return 0 }
            let now = clock.now()
            pending = try await UserNotification.query(on: db).filter(
                \.$emailStatus == UserNotification.EmailStatus.pending.rawValue
            )
            .group(.or) { $0.filter(\.$emailRetryAt == nil).filter(\.$emailRetryAt <= now) }
            .with(\.$user).sort(\.$createdAt).all()
        } catch {
            logger.error("Could not read pending e-mails: \(String(describing: error))")
            return 0
        }
        var sent = 0
        for (index, notice) in pending.enumerated() {
            // The lease is renewed before every message, not once a run: a backlog can take longer than one lease, and a
            // server that took the job over when it expired reads the same pending rows. Lost, this run stops; the
            // holder sends the rest. One message's conversation fits well inside a lease (``SMTPMailer/longestSendSeconds``).
            if index > 0 {
                let held = (try? await JobLeases.take(.emailDelivery, server: server, now: Date(), on: db)) ?? false
                guard held else {
                    logger.notice(
                        "Another server took the e-mail job over; it sends the \(pending.count - index) e-mail(s) left")
                    break
                }
            }
            let link = (publicURL ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/")) + notice.link
            let body =
                notice.body
                + "\n\nOpen it in Safeguard: \(link)\n\nThis message was sent by Safeguard. Please do not reply to it."
            notice.emailAttempts += 1
            var serverDown = false
            do {
                let message = MailMessage(
                    to: notice.user.email, toName: notice.user.displayName, subject: notice.subject, body: body)
                try await mailer.send(message)
                notice.emailStatus = UserNotification.EmailStatus.sent.rawValue
                notice.emailError = nil
                notice.emailRetryAt = nil
                metrics?.observeEmail("sent")
                sent += 1
            } catch {
                let failure = (error as? SMTPError)?.failure ?? .temporary
                // The mail server's answer names the recipient, so it goes on the record, not in the log.
                notice.emailError = String(String(describing: error).prefix(500))
                switch EmailRetry.after(attempts: notice.emailAttempts, failure: failure, at: clock.now()) {
                case .tryAgain(let at):
                    notice.emailRetryAt = at
                    metrics?.observeEmail("retrying")
                    logger.warning(
                        "E-mail for notification \(notice.id?.uuidString ?? "") failed (attempt \(notice.emailAttempts)); tried again from \(at)"
                    )
                case .giveUp:
                    notice.emailStatus = UserNotification.EmailStatus.failed.rawValue
                    notice.emailRetryAt = nil
                    metrics?.observeEmail("failed")
                    logger.warning(
                        "E-mail for notification \(notice.id?.uuidString ?? "") failed after \(notice.emailAttempts) attempt(s); the reason is on the notification"
                    )
                }
                serverDown = (error as? SMTPError)?.concernsTheServer ?? false
            }
            try? await audit.plainWrite(on: db) { db in try await notice.update(on: db) }
            // With the mail server unreachable every other message would fail the same way, each after its own timeout:
            // they wait, untried, for the next sweep.
            if serverDown {
                if index + 1 < pending.count {
                    logger.notice(
                        "The mail server failed; \(pending.count - index - 1) e-mail(s) wait for the next sweep")
                }
                break
            }
        }
        return sent
    }
}

extension Request {
    var notifications: NotificationOutbox { application.safeguardNotifications }
}

extension Application {
    var safeguardNotifications: NotificationOutbox { NotificationOutbox(delivery: safeguard.notificationDelivery) }
}

/// What a route uses: whether e-mail is on, and a way to send what is pending without waiting.
struct NotificationOutbox {
    let delivery: NotificationDelivery

    var isConfigured: Bool { delivery.isConfigured }

    /// Sends in the background: the user's page does not wait for the mail server.
    func sendPending(app: Application) {
        guard isConfigured else { return }
        let delivery = delivery
        let db = app.db
        let logger = app.logger
        Task { await delivery.sendPending(on: db, logger: logger) }
    }
}
