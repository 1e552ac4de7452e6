import Fluent
import XCTVapor
@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 17, item 4 (in part): a scheduled job runs on one server at a time when several share the database.
final class JobLeaseServerTests: ServerTestCase {
    func testOneServerHoldsAJobUntilItsLeaseExpiresOrIsGivenUp() async throws {
        let now = Date()
        assertTrue(try await JobLeases.take(.overdueReminders, server: "a", now: now, on: app.db))
        assertFalse(try await JobLeases.take(.overdueReminders, server: "b", now: now.addingTimeInterval(60), on: app.db))
        assertTrue(try await JobLeases.take(.overdueReminders, server: "a", now: now.addingTimeInterval(120), on: app.db), "the holder renews it")
        assertFalse(try await JobLeases.take(.overdueReminders, server: "b", now: now.addingTimeInterval(29 * 60), on: app.db), "renewed at 2 minutes")
        assertTrue(try await JobLeases.take(.overdueReminders, server: "b", now: now.addingTimeInterval(33 * 60), on: app.db), "a stopped renewing")
        assertFalse(try await JobLeases.take(.overdueReminders, server: "a", now: now.addingTimeInterval(34 * 60), on: app.db))
        // Another job's lease is separate; giving one up lets another server take it at once.
        assertTrue(try await JobLeases.take(.emailDelivery, server: "a", now: now, on: app.db))
        try await JobLeases.release(.emailDelivery, server: "b", on: app.db)  // not b's to give up
        assertFalse(try await JobLeases.take(.emailDelivery, server: "b", now: now, on: app.db))
        try await JobLeases.release(.emailDelivery, server: "a", on: app.db)
        assertTrue(try await JobLeases.take(.emailDelivery, server: "b", now: now, on: app.db))
    }

    func testServersRacingForAFreeLeaseLetExactlyOneIn() async throws {
        let db = app.db, now = Date()
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<8 { group.addTask { try await JobLeases.take(.overdueReminders, server: "server-\(i)", now: now, on: db) } }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        XCTAssertEqual(wins, 1)
        assertEqual(try await JobLeaseRecord.query(on: app.db).count(), 1)
    }

    func testTheRemindersDoNothingWhileAnotherServerRunsThem() async throws {
        assertTrue(try await JobLeases.take(.overdueReminders, server: "the-other-server", now: Date(), on: app.db))
        assertEqual(try await OverdueReminders.run(on: app), OverdueReminders.Sent(actions: 0, summaries: 0, runningElsewhere: true))
    }
}
