import Fluent
import SQLKit
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

final class AuditTrailTests: ServerTestCase {
    func makeTrail() async throws {
        let b = try await signedIn(fx[.socialWorker])
        for _ in 0..<3 { _ = try await b.get(.person(fx.kayla)) }
        _ = try await b.search("smith")
        try await app.safeguard.audit.seal(on: app.db)
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

    /// An action no version writes is never read as another: "view" changed to "viewed" used to read back as a view,
    /// hash as the entry written and verify.
    func testAnEntryWhoseActionWasChangedToOneNoVersionWritesIsReportedAndTheWalkGoesOn() async throws {
        try await makeTrail()
        let entries = try await auditEntries()
        let viewed = try XCTUnwrap(entries.first { $0.action == AuditAction.view.rawValue })
        let sql = app.db as! SQLDatabase
        try await sql.update("audit_entries").set("action", to: "viewed").where("sequence", .equal, viewed.sequence)
            .run()
        let outcome = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(outcome.failures, [.altered(sequence: viewed.sequence)], "only that entry: the rest verify")
        assertEqual(outcome.checked, Int64(entries.count))
    }

    /// The sealer chains only what a version wrote: an unsealed entry whose action is unknown stops it, named.
    func testTheSealerRefusesAnEntryWhoseActionNoVersionWrites() async throws {
        let trail = app.safeguard.audit
        try await trail.record(
            AuditEvent(
                userID: "u", agencyID: "a", action: .view, recordType: "person", recordID: "p",
                sourceAddress: "127.0.0.1"), on: app.db)
        let sql = app.db as! SQLDatabase
        try await sql.update(UnsealedAuditEntry.schema).set("action", to: "viewed").run()
        do {
            try await trail.seal(on: app.db)
            XCTFail("sealed an entry with an unknown action")
        } catch let error as StoredValueError {
            XCTAssertEqual(error.column, "action")
        }
        assertEqual(try await AuditVerification.run(on: app.db).unsealed, 1, "left unsealed, for verify to report")
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
        assertEqual(
            try await AuditVerification.run(on: app.db).failures, [.truncated(lastSeen: count - 1, expected: count)])
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

    func testConcurrentAppendsWhileSealingKeepTheChainWhole() async throws {
        let trail = app.safeguard.audit
        let db = app.db
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await trail.record(
                        AuditEvent(
                            userID: "u\(i)", agencyID: "a", action: .view, recordType: "person",
                            recordID: "p\(i)", sourceAddress: "127.0.0.1"), on: db)
                    if i % 8 == 0 { try await trail.seal(on: db) }
                }
            }
            try await group.waitForAll()
        }
        try await trail.seal(on: db)
        let outcome = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(outcome.failures, [])
        XCTAssertEqual(outcome.checked, 40)
        XCTAssertEqual(outcome.unsealed, 0)
        XCTAssertGreaterThanOrEqual(outcome.seals, 1)
        let ids = try await auditEntries().map(\.recordID)
        XCTAssertEqual(ids.count, 40)
        XCTAssertEqual(Set(ids), Set((0..<40).map { "p\($0)" }), "none lost, none twice")
    }

    func testReadsArrivingTogetherShareAnInsertAndEachIsStoredBeforeItsCallerGoesOn() async throws {
        let trail = app.safeguard.audit
        let db = app.db
        let before = trail.reads.insertsMade
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await trail.record(
                        AuditEvent(
                            userID: "u\(i)", agencyID: "a", action: .view, recordType: "person",
                            recordID: "together-\(i)", sourceAddress: "127.0.0.1"), on: db)
                    let stored =
                        try await UnsealedAuditEntry.query(on: db).filter(\.$recordID == "together-\(i)").count()
                        + AuditEntry.query(on: db).filter(\.$recordID == "together-\(i)").count()
                    XCTAssertEqual(stored, 1, "the entry is in the trail when record returns")
                }
            }
            try await group.waitForAll()
        }
        XCTAssertLessThan(
            trail.reads.insertsMade - before, 40, "reads waiting together go in one insert, on both databases")
        let sealed = try await auditEntries().filter { $0.recordID.hasPrefix("together-") }
        XCTAssertEqual(sealed.count, 40)
    }

    /// On SQLite the sealers chain outside the writer and only one moves the head; on PostgreSQL the advisory
    /// lock picks one. Either way, sealers racing over hundreds of entries seal each exactly once.
    func testSealersRacingSealEachEntryOnceInOrder() async throws {
        let trail = app.safeguard.audit
        let db = app.db
        for i in 0..<300 {
            try await trail.record(
                AuditEvent(
                    userID: "u", agencyID: "a", action: .view, recordType: "person",
                    recordID: "race-\(i)", sourceAddress: "127.0.0.1"), on: db)
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { try await trail.seal(on: db) } }
            var chained = 0
            for try await n in group { chained += n }
            XCTAssertGreaterThanOrEqual(chained, 300)
        }
        let outcome = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(outcome.failures, [])
        XCTAssertEqual(outcome.unsealed, 0)
        let ids = try await auditEntries().map(\.recordID).filter { $0.hasPrefix("race-") }
        XCTAssertEqual(ids, (0..<300).map { "race-\($0)" }, "each once, in the order written")
    }

    func testUnsealedEntriesAreCountedThenChainedInTheOrderWritten() async throws {
        let trail = app.safeguard.audit
        for i in 0..<5 {
            try await trail.record(
                AuditEvent(
                    userID: "u", agencyID: "a", action: .view, recordType: "person", recordID: "p\(i)",
                    sourceAddress: "127.0.0.1"), on: app.db)
        }
        let before = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(before.unsealed, 5)
        XCTAssertEqual(before.checked, 0)
        assertEqual(try await trail.seal(on: app.db), 5)
        assertEqual(try await trail.seal(on: app.db), 0, "nothing is sealed twice")
        let after = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(after.unsealed, 0)
        XCTAssertEqual(after.checked, 5)
        assertEqual(try await auditEntries().map(\.recordID), (0..<5).map { "p\($0)" })
    }

    /// A trail rewritten from an entry onwards, every hash recomputed and the head moved to match, still
    /// differs from what was recorded when the batch was sealed.
    func testARewrittenTrailIsCaughtByItsSeals() async throws {
        try await makeTrail()
        var entries = try await auditEntries()
        let sql = app.db as! SQLDatabase
        var previous = AuditRecord.genesisHash
        for (i, e) in entries.enumerated() {
            var r = try XCTUnwrap(e.record)
            if i == 1 { r.userID = "someone-else" }
            let rewritten = AuditRecord(
                sequence: r.sequence, occurredAtMillis: r.occurredAtMillis, userID: r.userID, agencyID: r.agencyID,
                action: r.action, recordType: r.recordType, recordID: r.recordID, reason: r.reason,
                sourceAddress: r.sourceAddress, previousHash: previous)
            try await sql.update("audit_entries").set("user_id", to: rewritten.userID).set(
                "previous_hash", to: rewritten.previousHash
            )
            .set("hash", to: rewritten.hash).where("sequence", .equal, r.sequence).run()
            previous = rewritten.hash
            entries[i].hash = rewritten.hash
        }
        try await sql.update("audit_head").set("hash", to: previous).run()
        let failures = try await AuditVerification.run(on: app.db).failures
        XCTAssertEqual(failures, [.unlikeSeal(sequence: Int64(entries.count))])
    }

    func testLogsHoldNoPersonalData() async throws {
        // The request logger is given only the method and path; a person's id is a UUID, never a name.
        let b = try await signedIn(fx[.socialWorker])
        let page = try await b.get(.person(fx.kayla))
        XCTAssertEqual(page.status, .ok)
        XCTAssertFalse(ErrorPageMiddleware.words(for: Abort(.notFound)).1.contains("Kayla"))
    }
}
