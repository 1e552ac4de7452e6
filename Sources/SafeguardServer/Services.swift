import SafeguardCore
import Vapor

/// What the application shares across requests, made once in `configure`.
package struct SafeguardContext: Sendable {
    package let settings: Settings
    package let audit: AuditTrail
    /// E-mail copies of notifications, when an SMTP server is configured.
    let notificationDelivery: NotificationDelivery
    let secret: [UInt8]
    let passwordPolicy: PasswordPolicy
    /// Checked when no account has the email typed, at the same bcrypt cost as real hashes,
    /// so a miss takes as long as a hit and timing does not reveal who has an account.
    let decoyPasswordHash: String
    /// Working days and hours for every deadline (England and Wales bank holidays).
    package var calendar: WorkingCalendar = .englandAndWales
    var ragTimescales: RAGTimescales = .standard
    var continuum: ContinuumOfNeed = .standard
    let personIndex = PersonIndexHolder()
    let markerIndex = MarkerIndexHolder()
    /// This server among those sharing the database: who holds a job's lease (``JobLeases``).
    var serverID: String { notificationDelivery.server }

    /// A name for this server process, unique among those sharing a database: host, process and a random part.
    static func newServerID() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    /// Working days within which the partnership aims to hold a strategy discussion.
    var strategyDiscussionTarget: Int { settings.rules.strategyDiscussionWithinWorkingDays }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = SafeguardContext }

    package var safeguard: SafeguardContext {
        get {
            guard let s = storage[ServicesKey.self] else { fatalError("configure(_:settings:) has not run") }
            return s
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var safeguard: SafeguardContext { application.safeguard }
    var audit: AuditTrail { application.safeguard.audit }
    var now: Date { application.safeguard.settings.clock.now() }
    var today: SimpleDate { SimpleDate(now) }

    /// The client's address as the socket saw it; logged in the audit trail, never in logs.
    /// The client's address for throttles and the audit trail: `X-Forwarded-For` is read only
    /// when the connection comes from a configured trusted proxy.
    var sourceAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress ?? "unknown", forwardedFor: headers[.xForwardedFor],
            trustedProxies: safeguard.settings.trustedProxies)
    }
}
