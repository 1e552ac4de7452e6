import Fluent
import SQLKit
import XCTVapor
@testable import SafeguardCore
@testable import SafeguardServer

final class AuditTrailTests: ServerTestCase {
    func makeTrail() async throws {
        let b = try await signedIn(fx[.socialWorker])
        for _ in 0..<3 { _ = try await b.get("/people/\(fx.kayla)") }
        _ = try await b.search("smith")
    }

    func testEveryViewAndSearchIsRecordedWithWhoWhatAndWhere() async throws {
        try await makeTrail()
        let entries = try await auditEntries()
        let views = entries.filter { $0.action == "view" && $0.recordID == fx.kayla.uuidString }
        XCTAssertEqual(views.count, 3)
        XCTAssertEqual(views.first?.userID, fx[.socialWorker].id.uuidString)
        XCTAssertEqual(views.first?.agencyID, fx.socialCare.uuidString)
        XCTAssertFalse(views.first!.sourceAddress.isEmpty)
        XCTAssertEqual(entries.map(\.sequence), Array(1...Int64(entries.count)))
    }

    func testTheChainVerifies() async throws {
        try await makeTrail()
        let outcome = try await AuditVerification.run(on: app.db, pageSize: 2)
        XCTAssertEqual(outcome.failures, [])
        assertEqual(outcome.checked, Int64(try await auditEntries().count))
    }

    func testAnAlteredEntryIsReportedByNumber() async throws {
        try await makeTrail()
        let sql = app.db as! SQLDatabase
        try await sql.update("audit_entries").set("user_id", to: "someone-else").where("sequence", .equal, 3).run()
        let outcome = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(outcome.failures, [.altered(sequence: 3)])
    }

    func testARemovedEntryIsReported() async throws {
        try await makeTrail()
        let sql = app.db as! SQLDatabase
        try await sql.delete(from: "audit_entries").where("sequence", .equal, 2).run()
        assertEqual(try await AuditVerification.run(on: app.db).failures, [.missing(from: 2, to: 2)])
    }

    func testARemovedTailIsReported() async throws {
        try await makeTrail()
        let count = Int64(try await auditEntries().count)
        let sql = app.db as! SQLDatabase
        try await sql.delete(from: "audit_entries").where("sequence", .equal, count).run()
        assertEqual(try await AuditVerification.run(on: app.db).failures, [.truncated(lastSeen: count - 1, expected: count)])
    }

    func testAFailedWriteLeavesNoAuditEntryAndNoData() async throws {
        let before = try await auditEntries().count
        let trail = app.safeguard.audit
        struct Boom: Error {}
        do {
            try await trail.write(on: app.db) { db -> ((), [AuditEvent]) in
                try await District(name: "Half-written").create(on: db)
                throw Boom()
            }
            XCTFail("expected the write to fail")
        } catch is Boom {}
        assertEqual(try await auditEntries().count, before)
        assertEqual(try await District.query(on: app.db).filter(\.$name == "Half-written").count(), 0)
    }

    func testConcurrentAppendsKeepTheChainWhole() async throws {
        let trail = app.safeguard.audit
        let db = app.db
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await trail.record(AuditEvent(userID: "u\(i)", agencyID: "a", action: .view, recordType: "person",
                                                      recordID: "p\(i)", sourceAddress: "127.0.0.1"), on: db)
                }
            }
            try await group.waitForAll()
        }
        let outcome = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(outcome.failures, [])
        XCTAssertEqual(outcome.checked, 40)
    }

    func testLogsHoldNoPersonalData() async throws {
        // The request logger is given only the method and path; a person's id is a UUID, never a name.
        let b = try await signedIn(fx[.socialWorker])
        let page = try await b.get("/people/\(fx.kayla)")
        XCTAssertEqual(page.status, .ok)
        XCTAssertFalse(ErrorPageMiddleware.words(for: Abort(.notFound)).1.contains("Kayla"))
    }
}
