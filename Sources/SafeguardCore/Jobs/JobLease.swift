import Foundation

/// Which server runs a job that must run once across a partnership's servers (the hourly reminders, e-mail
/// delivery): whichever holds the job's lease. A lease lasts a set time; its holder renews it on every run; another
/// server takes it only once it has expired, because its holder stopped or hung. So a job never runs on two servers
/// at once, and never stops for longer than one lease when a server dies.
public struct JobLease: Sendable, Equatable {
    public var holder: String
    public var expiresAt: Date

    public init(holder: String, expiresAt: Date) {
        self.holder = holder
        self.expiresAt = expiresAt
    }

    /// Whether `server` may take (or renew) the lease at `now`: nobody holds it, it is already theirs, or it expired.
    public static func mayTake(_ current: JobLease?, server: String, at now: Date) -> Bool {
        guard let current else { return true }
        return current.holder == server || current.expiresAt <= now
    }

    /// The jobs that hold leases, by the name their lease is stored under.
    public enum Job: String, CaseIterable, Sendable {
        case overdueReminders = "overdue-reminders"
        case emailDelivery = "email-delivery"

        /// How long one run may hold the job before another server may take it over.
        public var leaseSeconds: TimeInterval {
            switch self {
            case .overdueReminders: 30 * 60
            // Renewed before each message, so this need only outlast one message's SMTP conversation (7 minutes at the
            // very worst: 14 replies awaited 30 seconds each); a server's death holds e-mail up this long at most.
            case .emailDelivery: 10 * 60
            }
        }
    }
}
