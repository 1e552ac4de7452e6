import Foundation
import Testing

@testable import SafeguardCore

struct JobLeaseTests {
    @Test func takenWhenFreeMineOrExpiredNeverFromALiveHolder() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(JobLease.mayTake(nil, server: "a", at: now))
        let held = JobLease(holder: "a", expiresAt: now.addingTimeInterval(60))
        #expect(JobLease.mayTake(held, server: "a", at: now), "the holder renews it")
        #expect(!JobLease.mayTake(held, server: "b", at: now), "never from a live holder")
        #expect(JobLease.mayTake(held, server: "b", at: now.addingTimeInterval(60)), "taken once it has expired")
        #expect(JobLease.Job.allCases.allSatisfy { $0.leaseSeconds >= 60 })
    }
}
