import Fluent
import Foundation
import SafeguardCore

/// A message to one user inside the platform ("Your place is confirmed"), and whether it was
/// also e-mailed. The platform copy is the record; e-mail is a courtesy that may fail.
package final class UserNotification: Model, @unchecked Sendable {
    package static let schema = "notifications"
    @ID package var id: UUID?
    @Parent(key: "user_id") package var user: User
    @Field(key: "subject") package var subject: String
    @Field(key: "body") package var body: String
    /// A path inside the site the message is about.
    @Field(key: "link") package var link: String
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "read_at") package var readAt: Date?
    /// An ``EmailStatus`` raw value.
    @Field(key: "email_status") package var emailStatus: String
    /// What the mail server said when sending failed (never shown to the user, kept for the admin).
    @OptionalField(key: "email_error") package var emailError: String?
    /// How many times sending the e-mail copy has been tried (``EmailRetry``).
    @Field(key: "email_attempts") package var emailAttempts: Int
    /// While pending after a failure: when it is next tried. Nil: as soon as a run reaches it.
    @OptionalField(key: "email_retry_at") package var emailRetryAt: Date?

    package enum EmailStatus: String {
        /// No SMTP server is configured: the platform copy is the only one.
        case notConfigured = "not-configured"
        case pending, sent, failed
    }

    package init() {}

    package init(userID: UUID, subject: String, body: String, link: String, at now: Date, emailConfigured: Bool) {
        $user.id = userID
        self.subject = subject
        self.body = body
        self.link = link
        createdAt = now
        emailStatus = (emailConfigured ? EmailStatus.pending : .notConfigured).rawValue
        emailAttempts = 0
    }
}

extension UserNotification {
    /// The same message to each of `users`. Call it inside the audited write of the change it is about, so the
    /// message exists exactly when the change does. Messages must name no child or adult: e-mail copies leave
    /// the platform.
    package static func tell(
        _ users: [UUID], subject: String, body: String, link: SiteURL, at now: Date, emailConfigured: Bool,
        on db: Database
    ) async throws {
        for user in users {
            try await UserNotification(
                userID: user, subject: subject, body: body, link: link.path, at: now, emailConfigured: emailConfigured
            )
            .create(on: db)
        }
    }

    /// The partnership business unit's active officers: told of every need-to-know, referral and summary.
    package static func businessUnit(on db: Database) async throws -> [UUID] {
        try await User.query(on: db).filter(\.$role == Role.businessUnitOfficer.rawValue).filter(\.$active == true)
            .all().compactMap(\.id)
    }
}
