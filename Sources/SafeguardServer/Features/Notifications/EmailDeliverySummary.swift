import Fluent
import Foundation

/// How e-mail copies of messages are going, for the partnership administrator: a mail server that is down shows here
/// as e-mail waiting to be tried again (``EmailRetry``), with what the server said last, long before anyone notices
/// that confirmations stopped arriving.
struct EmailDeliverySummary: Equatable {
    /// Where mail goes, or that none is sent (``Settings/mailDescription``).
    var mailServer: String
    var configured: Bool
    /// Messages of the last 7 days, by what became of their e-mail copy.
    var sent = 0, waiting = 0, failed = 0
    /// Of the waiting ones, those that have failed at least once and wait for their next try; and the earliest.
    var retrying = 0
    var nextTry: Date?
    /// What the mail server said about the newest message whose e-mail failed (and waits to be tried again, or was given up).
    var lastProblem: String?

    static let window: TimeInterval = 7 * 24 * 3600

    static func load(on db: Database, now: Date, settings: Settings) async throws -> EmailDeliverySummary {
        var summary = EmailDeliverySummary(mailServer: settings.mailDescription, configured: settings.smtp != nil)
        let recent = try await UserNotification.query(on: db).filter(\.$createdAt >= now.addingTimeInterval(-window))
            .field(\.$emailStatus).field(\.$emailAttempts).field(\.$emailRetryAt).field(\.$emailError).field(
                \.$createdAt
            )
            .sort(\.$createdAt, .descending).all()
        for n in recent {
            switch UserNotification.EmailStatus(rawValue: n.emailStatus) {
            case .sent: summary.sent += 1
            case .failed: summary.failed += 1
            case .pending:
                summary.waiting += 1
                if n.emailAttempts > 0 {
                    summary.retrying += 1
                    if let at = n.emailRetryAt, at < (summary.nextTry ?? .distantFuture) { summary.nextTry = at }
                }
            case .notConfigured, nil: break
            }
            if summary.lastProblem == nil, let error = n.emailError { summary.lastProblem = error }
        }
        return summary
    }
}
