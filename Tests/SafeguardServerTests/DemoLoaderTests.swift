import XCTVapor
@testable import SafeguardCore
@testable import SafeguardServer

final class DemoLoaderTests: ServerTestCase {
    func testTheDemoPartnershipLoadsOnceWithAUserForEveryRole() async throws {
        // The fixtures already made agencies; start from an empty schema instead.
        try await app.autoRevert()
        try await app.autoMigrate()
        let outcome = try await DemoLoader.load(app)
        XCTAssertTrue(outcome.loaded)
        assertGreaterThanOrEqual(try await Person.query(on: app.db).count(), 2000)
        assertEqual(try await District.query(on: app.db).count(), 10)
        XCTAssertEqual(Set(outcome.logins.map(\.role)), Set(Role.allCases))
        let again = try await DemoLoader.load(app)
        XCTAssertFalse(again.loaded, "a second start keeps what is there")
        for login in outcome.logins.prefix(3) {
            assertEqual(try await browser().signIn(login.email, login.password).status, .seeOther, login.email)
        }
        assertNil(try await AuditVerification.run(on: app.db).failure)
    }
}
