import Foundation
import NIOConcurrencyHelpers

@testable import SafeguardServer

/// A clock the test moves by hand, for idle timeouts, lockouts and break-glass expiry.
final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_772_445_600)) {  // 2 March 2026, 10:00 UTC
        current = NIOLockedValueBox(start)
    }

    func advance(minutes: Double) { current.withLockedValue { $0 = $0.addingTimeInterval(minutes * 60) } }
    var now: Date { current.withLockedValue { $0 } }
    var clock: Clock { Clock { [self] in self.now } }
}
