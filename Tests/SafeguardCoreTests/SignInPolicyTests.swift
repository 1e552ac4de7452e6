import Foundation
import Testing

@testable import SafeguardCore

/// Tries are counted before they are checked: the first five are checked, the one after is
/// refused and locks the address, and everything while locked is refused unchecked.
struct SignInPolicyTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test(
        arguments: [
            (1, nil, SignInPolicy.Verdict.check), (5, nil, .check), (6, nil, .refuse(lockNow: true)),
            (40, nil, .refuse(lockNow: true)),
            (2, 60.0, .refuse(lockNow: false)), (7, 60.0, .refuse(lockNow: false)), (3, -1.0, .check),
        ] as [(Int, Double?, SignInPolicy.Verdict)])
    func verdicts(attempt: Int, lockedFor: Double?, expected: SignInPolicy.Verdict) {
        #expect(
            SignInPolicy.verdict(attempt: attempt, lockedUntil: lockedFor.map { now.addingTimeInterval($0) }, now: now)
                == expected)
    }

    @Test func theFifthFailureLocksAndRegistrationAllowsTen() {
        #expect(!SignInPolicy.locksAfterFailure(attempt: 4))
        #expect(SignInPolicy.locksAfterFailure(attempt: 5))
        #expect(!SignInPolicy.locksAfterFailure(attempt: 9, maximum: SignInPolicy.maximumRegistrationTries))
        #expect(
            SignInPolicy.verdict(
                attempt: 10, lockedUntil: nil, now: now, maximum: SignInPolicy.maximumRegistrationTries) == .check)
        #expect(SignInPolicy.lockedUntil(now: now).timeIntervalSince(now) == 15 * 60)
    }
}
