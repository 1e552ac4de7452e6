import XCTVapor
@testable import SafeguardCore
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
        XCTAssertTrue(children.contains { $0.repeatMissing && $0.risk == .moderate }, "the latest of two assessments counts")
        let again = try await DemoLoader.load(app)
        XCTAssertFalse(again.loaded, "a second start keeps what is there")
        for login in outcome.logins.prefix(3) {
            assertEqual(try await browser().signIn(login.email, login.password).status, .seeOther, login.email)
        }
        assertEqual(try await AuditVerification.run(on: app.db).failures, [])
    }
}
