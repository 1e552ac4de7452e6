import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// `safeguard import cp-plans` and `safeguard import incidents`: whole files or nothing, and loading
/// the same file twice changes nothing.
final class ImportTests: ServerTestCase {
    let header =
        "external_reference,nhs_number,kind,categories,start_date,social_worker_email,strategy_discussion_date,initial_conference_date,last_review_date,end_date,end_reason\n"

    func giveKaylaAnNHSNumber() async throws {
        let kayla = try await Person.find(fx.kayla, on: app.db)!
        kayla.nhsNumber = "9434765919"
        try await kayla.save(on: app.db)
    }

    func testPlansLoadOnceAndEndWhenTheCaseSystemSaysSo() async throws {
        try await giveKaylaAnNHSNumber()
        let row =
            "LCS-77,943 476 5919,child-protection-plan,neglect;emotional-abuse,2026-02-20,\(fx[.socialWorker].email),2026-02-02,2026-02-20,,,\n"
        var report = try await ProtectionImport.run(csv: header + row, fileName: "plans.csv", on: app)
        XCTAssertEqual(report, .init(started: 1, ended: 0, unchanged: 0, markersPlaced: 1))
        let record = try await ProtectionRecord.query(on: app.db).first()!
        XCTAssertEqual(record.externalReference, "LCS-77")
        XCTAssertEqual(record.categoryList, [.emotionalAbuse, .neglect])
        report = try await ProtectionImport.run(csv: header + row, fileName: "plans.csv", on: app)
        XCTAssertEqual(
            report, .init(started: 0, ended: 0, unchanged: 1, markersPlaced: 0), "the same file twice changes nothing")

        let ended =
            "LCS-77,9434765919,child-protection-plan,neglect,2026-02-20,\(fx[.socialWorker].email),,2026-02-20,,2026-03-01,Stepped down to child in need\n"
        report = try await ProtectionImport.run(csv: header + ended, fileName: "plans-2.csv", on: app)
        XCTAssertEqual(report.ended, 1)
        assertEqual(try await PlaceOfInterestMarker.query(on: app.db).filter(\.$endedAt == nil).count(), 0)
        assertEqual(try await ProtectionRecord.find(record.id, on: app.db)?.endReason, "Stepped down to child in need")
        assertTrue(
            try await auditEntries().contains { $0.userID == "import:plans.csv" && $0.recordType == "protection" })
    }

    func testOneBadRowLoadsNothingAndEveryProblemIsNamed() async throws {
        try await giveKaylaAnNHSNumber()
        let good =
            "LCS-1,9434765919,child-protection-plan,neglect,2026-02-20,\(fx[.socialWorker].email),,2026-02-20,,,\n"
        let bad = "LCS-2,1234567890,child-protection-plan,bruises,20/02/2026,nobody@test.example,,,,,\n"
        do {
            _ = try await ProtectionImport.run(csv: header + good + bad, fileName: "plans.csv", on: app)
            XCTFail("a bad row must stop the file")
        } catch let problem as ImportProblem {
            let text = problem.description
            XCTAssertTrue(text.contains("nothing was loaded"))
            XCTAssertTrue(text.contains("row 3: nhs_number '1234567890' is not a valid NHS number"), text)
            XCTAssertTrue(text.contains("row 3: social_worker_email 'nobody@test.example'"), text)
            XCTAssertTrue(text.contains("'bruises' is not a plan category"), text)
            XCTAssertTrue(text.contains("The start date must be a real date, like 2026-03-27"), text)
            XCTAssertFalse(text.contains("row 2"), "the good row has no problem")
        }
        assertEqual(try await ProtectionRecord.query(on: app.db).count(), 0)
        do {
            _ = try await ProtectionImport.run(
                csv: "external_reference,nhs_number\nx,y\n", fileName: "short.csv", on: app)
            XCTFail("missing columns")
        } catch let problem as CSVTable.Problem {
            XCTAssertTrue(problem.description.contains("no column 'kind'"), problem.description)
        }
    }

    func testAPoliceBatchIsMatchedOnceAndABadBatchLoadsNothing() async throws {
        try await giveKaylaAnNHSNumber()
        _ = try await ProtectionImport.run(
            csv: header
                + "LCS-9,9434765919,child-protection-plan,neglect,2026-02-20,\(fx[.socialWorker].email),,2026-02-20,,,\n",
            fileName: "plans.csv", on: app)
        let batch = """
            reference,occurred_at,type,address,postcode,summary
            NM-1,2026-03-01T22:10:00Z,Domestic,"14 mill lane, calder vale",,Argument reported by a neighbour
            NM-2,2026-03-01T23:40:00Z,Theft,"3 Canal St, Calder Vale",NM4 7XY,Bicycle stolen from a yard

            """
        var report = try await IncidentImport.run(
            csv: batch, fileName: "incidents.csv", force: "Northmere Constabulary", on: app)
        XCTAssertEqual(report, .init(received: 2, alreadyKnown: 0, markerMatches: 1, possibleMatches: 0))
        report = try await IncidentImport.run(
            csv: batch, fileName: "incidents.csv", force: "Northmere Constabulary", on: app)
        XCTAssertEqual(report, .init(received: 0, alreadyKnown: 2, markerMatches: 0, possibleMatches: 0))
        let waiting = try await PoliceIncident.query(on: app.db).filter(\.$reviewStatus == .waiting).all()
        XCTAssertEqual(
            waiting.map(\.reference), ["NM-1"], "only the marked address reaches the information management team")

        let bad =
            "reference,occurred_at,type,address,postcode,summary\nNM-3,2026-03-02T01:00:00Z,Domestic,14 Mill Lane,,Fine\nNM-4,last night,,x,,\n"
        do {
            _ = try await IncidentImport.run(csv: bad, fileName: "bad.csv", force: "Northmere Constabulary", on: app)
            XCTFail("a bad row must stop the batch")
        } catch let problem as ImportProblem {
            XCTAssertTrue(problem.description.contains("row 3, occurredAt"), problem.description)
        }
        assertEqual(try await PoliceIncident.query(on: app.db).count(), 2, "NM-3 was not loaded either")
        do {
            _ = try await IncidentImport.run(
                csv: batch, fileName: "incidents.csv", force: "Calder Vale Primary School", on: app)
            XCTFail("only a police force")
        } catch let problem as ImportProblem {
            XCTAssertTrue(problem.description.contains("no active police force has that name"))
        }
    }

    /// Issue 17, item 7: a batch larger than one commit loads in several, each with its audit entries; a reference
    /// twice in one file is received once; a plan started after an incident was matched moves the next one's
    /// match at once (the marker index is told of the save, not rebuilt per incident).
    func testABigBatchCommitsInParts() async throws {
        var rows = ["reference,occurred_at,type,address,postcode,summary"]
        for n in 0..<(IncidentImport.batchSize * 2 + 5) {
            rows.append(
                "BIG-\(n),2026-03-01T22:10:00Z,Domestic,\"\(n % 200 + 1) Station Road, Calder Vale\",NM4 2AB,Shouting reported"
            )
        }
        rows.append(
            "BIG-7,2026-03-01T22:10:00Z,Domestic,\"8 Station Road, Calder Vale\",NM4 2AB,The same incident sent twice")
        let report = try await IncidentImport.run(
            csv: rows.joined(separator: "\n"), fileName: "big.csv", force: "Northmere Constabulary", on: app)
        XCTAssertEqual(report.received, IncidentImport.batchSize * 2 + 5)
        XCTAssertEqual(report.alreadyKnown, 1)
        assertEqual(try await PoliceIncident.query(on: app.db).count(), IncidentImport.batchSize * 2 + 5)
        let logged = try await auditEntries().filter {
            $0.recordType == "police-incident" && $0.userID == "import:big.csv"
        }
        XCTAssertEqual(logged.count, IncidentImport.batchSize * 2 + 5, "one audit entry per incident")
        assertEqual(try await AuditVerification.run(on: app.db).failures, [])

        let kaylasHome =
            "reference,occurred_at,type,address,postcode,summary\n%@,2026-03-01T23:10:00Z,Domestic,\"14 mill lane, calder vale\",,Argument\n"
        var before = try await IncidentImport.run(
            csv: String(format: kaylasHome, "HOME-1"), fileName: "a.csv", force: "Northmere Constabulary", on: app)
        XCTAssertEqual(before.markerMatches, 0, "no plan yet")
        try await giveKaylaAnNHSNumber()
        _ = try await ProtectionImport.run(
            csv: header
                + "LCS-9,9434765919,child-protection-plan,neglect,2026-02-20,\(fx[.socialWorker].email),,2026-02-20,,,\n",
            fileName: "plans.csv", on: app)
        before = try await IncidentImport.run(
            csv: String(format: kaylasHome, "HOME-2"), fileName: "b.csv", force: "Northmere Constabulary", on: app)
        XCTAssertEqual(before.markerMatches, 1, "the new plan's marker is matched at once")
    }
}
