import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardDemo
@testable import SafeguardServer

final class DemoLoaderTests: ServerTestCase {
    func testTheDemoPartnershipLoadsOnceWithAUserForEveryRole() async throws {
        // The fixtures already made agencies; start from an empty schema instead.
        try await app.autoRevert()
        try await app.autoMigrate()
        try await AssessmentToolCatalogue.registerShipped(on: app.db, now: clock.now)
        let outcome = try await DemoLoader.load(app)
        XCTAssertTrue(outcome.loaded)
        assertGreaterThanOrEqual(try await Person.query(on: app.db).count(), 2000)
        assertEqual(try await District.query(on: app.db).count(), 10)
        XCTAssertEqual(Set(outcome.logins.map(\.role)), Set(Role.allCases))
        // The exploitation work has something to show: repeat missing, a trend, the panel.
        assertGreaterThanOrEqual(try await MissingEpisodeRecord.query(on: app.db).count(), 8)
        assertEqual(try await Assessment.query(on: app.db).count(), 4)
        assertEqual(try await PanelCaseRecord.query(on: app.db).count(), 2)
        let children = try await VulnerabilityDashboardController.children(on: app.db, today: SimpleDate(clock.now))
        XCTAssertEqual(children.filter(\.repeatMissing).count, 2)
        XCTAssertTrue(
            children.contains { $0.repeatMissing && $0.risk == .moderate }, "the latest of two assessments counts")
        // Live front-line work for each role's first screen (issue 15, item 15).
        let referrals = try await Referral.query(on: app.db).all()
        XCTAssertEqual(
            Set(referrals.map(\.status)), [.submitted, .gathering, .awaitingSignOff, .closed], "every MASH state")
        let gathering = try XCTUnwrap(referrals.first { $0.status == .gathering })
        assertEqual(
            try await InformationRequest.query(on: app.db).filter(\.$referral.$id == gathering.id!).all()
                .filter { $0.isOverdue(at: clock.now) }.count, 1, "one partner overdue")
        assertGreaterThanOrEqual(
            try await PlaceOfInterestMarker.query(on: app.db).filter(\.$endedAt == nil).count(), 1,
            "a plan with markers")
        assertEqual(
            try await PoliceIncident.query(on: app.db).filter(\.$reviewStatus == .waiting).count(), 1,
            "an incident waiting for the information management team")
        assertEqual(
            try await ProtectionStatusCheck.query(on: app.db).filter(\.$seenAt == nil).count(), 1,
            "a health look-up not yet seen")
        // A rapid review in progress with one agency late (issue 16).
        let summaries = try await AgencySummaryRecord.query(on: app.db).all().map(\.summary)
        XCTAssertEqual(summaries.filter { $0.stage == .submitted }.count, 2)
        XCTAssertEqual(
            summaries.filter {
                if case .overdue = $0.standing(today: SimpleDate(clock.now), calendar: .englandAndWales) {
                    true
                } else {
                    false
                }
            }.count, 1,
            "one agency late")
        let logins = Dictionary(outcome.logins.map { ($0.role, $0) }, uniquingKeysWith: { a, _ in a })
        for role in [
            Role.mashManager, .mashPractitioner, .socialWorker, .informationManagementOfficer, .healthPractitioner,
            .policeOfficer,
        ] {
            let login = try XCTUnwrap(logins[role])
            let b = browser()
            _ = try await b.signIn(login.email, login.password)
            let work = try await b.get(.myWork)
            XCTAssertFalse(work.text.contains("Nothing is waiting for you"), "\(role)'s first screen shows real work")
        }
        // The example import files in Examples/ load cleanly into the demo.
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Examples")
        let plans = try String(contentsOf: examples.appendingPathComponent("cp-plans.csv"), encoding: .utf8)
        let planReport = try await ProtectionImport.run(csv: plans, fileName: "cp-plans.csv", on: app)
        XCTAssertEqual(planReport.started, 2)
        XCTAssertGreaterThanOrEqual(planReport.markersPlaced, 1)
        let incidents = try String(contentsOf: examples.appendingPathComponent("incidents.csv"), encoding: .utf8)
        _ = try await IncidentImport.run(
            csv: incidents, fileName: "incidents.csv", force: "Northmere Constabulary", on: app)
        let matched = try await PoliceIncident.query(on: app.db).filter(\.$reference == "NP-2026-51001").first()
        XCTAssertEqual(matched?.reviewStatus, .waiting, "the messy address matches Erin's marked home")
        let elsewhere = try await PoliceIncident.query(on: app.db).filter(\.$reference == "NP-2026-51002").first()
        XCTAssertEqual(elsewhere?.reviewStatus, .unmatched)
        let again = try await DemoLoader.load(app)
        XCTAssertFalse(again.loaded, "a second start keeps what is there")
        for login in outcome.logins.prefix(3) {
            assertEqual(try await browser().signIn(login.email, login.password).status, .seeOther, login.email)
        }
        try await app.safeguard.audit.seal(on: app.db)
        let verified = try await AuditVerification.run(on: app.db)
        XCTAssertEqual(verified.failures, [])
        XCTAssertEqual(verified.unsealed, 0)
        XCTAssertGreaterThan(verified.checked, 0, "the demo's own writes are in the trail")
    }
}
