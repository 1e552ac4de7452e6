import Foundation

/// Five failures in a row lock an email address for 15 minutes; a success clears the count.
enum SignInPolicy {
    static let maximumFailures = 5
    static let lockDuration: TimeInterval = 15 * 60

    /// The count and lock after one more failure.
    static func afterFailure(failures: Int, now: Date) -> (failures: Int, lockedUntil: Date?) {
        let count = failures + 1
        return count >= maximumFailures ? (0, now.addingTimeInterval(lockDuration)) : (count, nil)
    }

    static func isLocked(_ lockedUntil: Date?, now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return lockedUntil > now
    }
}
