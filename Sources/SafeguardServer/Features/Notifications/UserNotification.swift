import Fluent
import Foundation
import SafeguardCore

/// A message to one user inside the platform ("Your place is confirmed"), and whether it was
/// also e-mailed. The platform copy is the record; e-mail is a courtesy that may fail.
final class UserNotification: Model, @unchecked Sendable {
    static let schema = "notifications"
    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    /// A path inside the site the message is about.
    @Field(key: "link") var link: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    /// An ``EmailStatus`` raw value.
    @Field(key: "email_status") var emailStatus: String
    /// What the mail server said when sending failed (never shown to the user, kept for the admin).
    @OptionalField(key: "email_error") var emailError: String?
    /// How many times sending the e-mail copy has been tried (``EmailRetry``).
    @Field(key: "email_attempts") var emailAttempts: Int
    /// While pending after a failure: when it is next tried. Nil: as soon as a run reaches it.
    @OptionalField(key: "email_retry_at") var emailRetryAt: Date?

    enum EmailStatus: String {
        /// No SMTP server is configured: the platform copy is the only one.
        case notConfigured = "not-configured"
        case pending, sent, failed
    }

    init() {}

    init(userID: UUID, subject: String, body: String, link: String, at now: Date, emailConfigured: Bool) {
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
    static func tell(
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
    static func businessUnit(on db: Database) async throws -> [UUID] {
        try await User.query(on: db).filter(\.$role == Role.businessUnitOfficer.rawValue).filter(\.$active == true)
            .all().compactMap(\.id)
    }
}
