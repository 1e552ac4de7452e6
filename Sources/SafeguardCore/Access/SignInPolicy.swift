import Foundation

/// Five tries in a row that do not succeed lock an email address for 15 minutes; a success
/// clears the count. Tries are counted as they arrive, before the password is checked, so that
/// a burst of parallel guesses gets no more than five checked.
public enum SignInPolicy {
    public static let maximumFailures = 5
    /// Creating a training account: per network address, where a whole office may share one.
    public static let maximumRegistrationTries = 10
    public static let lockDuration: TimeInterval = 15 * 60

    public enum Verdict: Equatable, Sendable {
        /// Check the password (or key): this is try `number` of the allowed ones.
        case check
        /// Refuse unchecked; `lockNow` when this try is the one that goes over the limit.
        case refuse(lockNow: Bool)
    }

    /// What to do with a try already counted.
    public static func verdict(
        attempt number: Int, lockedUntil: Date?, now: Date, maximum: Int = maximumFailures
    ) -> Verdict {
        if isLocked(lockedUntil, now: now) { return .refuse(lockNow: false) }
        return number > maximum ? .refuse(lockNow: true) : .check
    }

    /// After a try that failed: whether it was the last one allowed, so the address locks now.
    public static func locksAfterFailure(attempt number: Int, maximum: Int = maximumFailures) -> Bool {
        number >= maximum
    }

    public static func lockedUntil(now: Date) -> Date { now.addingTimeInterval(lockDuration) }

    public static func isLocked(_ lockedUntil: Date?, now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return lockedUntil > now
    }
}
