import Foundation
import Testing

@testable import SafeguardCore

struct EmailRetryTests {
    let now = Date(timeIntervalSince1970: 1_770_000_000)

    @Test func aTemporaryFailureIsTriedAgainAfterLengtheningWaitsThenGivenUp() {
        var waited: [TimeInterval] = []
        var attempts = 1
        while case .tryAgain(let at) = EmailRetry.after(attempts: attempts, failure: .temporary, at: now) {
            waited.append(at.timeIntervalSince(now))
            attempts += 1
        }
        #expect(waited == [60, 300, 1800, 7200, 21600])
        #expect(attempts == EmailRetry.mostAttempts, "the last attempt's failure gives up")
        #expect(attempts == 6)
        #expect(waited.reduce(0, +) < 9 * 3600, "the last try comes within nine hours of the first")
    }

    @Test func aPermanentRefusalIsNotTriedAgain() {
        #expect(EmailRetry.after(attempts: 1, failure: .permanent, at: now) == .giveUp)
    }

    @Test func nonsenseAttemptCountsGiveUpRatherThanLoopForever() {
        #expect(EmailRetry.after(attempts: 0, failure: .temporary, at: now) == .giveUp)
        #expect(EmailRetry.after(attempts: 99, failure: .temporary, at: now) == .giveUp)
    }
}
