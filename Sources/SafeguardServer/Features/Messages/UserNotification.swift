import Fluent
import Foundation

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
    }
}
