import Foundation

/// Whether an e-mail copy that could not be sent is tried again, and when. The platform copy of a message is the record
/// and is already there; the e-mail tells someone away from Safeguard that it is. A mail server that is down, busy or
/// misconfigured for an hour should delay that e-mail, not lose it, so a temporary failure is tried again after
/// waits that lengthen (a minute, then 5, 30, 120 and 360: the last try a little under nine hours after the first).
/// A refusal that will not change on a retry (no such mailbox, an address the server will never take) ends it at once,
/// as does the last try failing; either way the message stays in Safeguard and the reason is kept for the administrator.
public enum EmailRetry {
    /// What kind of failure the mail server's answer (or silence) was.
    public enum Failure: Sendable, Equatable {
        /// It may well work later: no connection, a timeout, a 4xx "try again later" reply, a TLS or sign-in problem an
        /// administrator can put right.
        case temporary
        /// It will not work however often it is tried: the address is malformed, or the server refused it for good
        /// (a 5xx reply to the sender, the recipient or the message).
        case permanent
    }

    /// What happens to the e-mail after a failed attempt.
    public enum Next: Sendable, Equatable {
        case tryAgain(at: Date)
        case giveUp
    }

    /// The waits after the first, second, … failed attempt. Their count is the number of retries.
    public static let waits: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600]

    /// How many attempts are made at most, the first included.
    public static var mostAttempts: Int { waits.count + 1 }

    /// `attempts`: how many have now been made, this failed one included (1 after the first).
    public static func after(attempts: Int, failure: Failure, at now: Date) -> Next {
        guard failure == .temporary, attempts >= 1, attempts <= waits.count else { return .giveUp }
        return .tryAgain(at: now.addingTimeInterval(waits[attempts - 1]))
    }
}
