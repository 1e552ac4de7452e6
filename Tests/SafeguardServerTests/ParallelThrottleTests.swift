import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Parallel requests cannot get round the sign-in lockout or the registration throttle, and
/// never cause a server error: each try is counted by one atomic statement before it is checked.
final class ParallelThrottleTests: ServerTestCase {
    /// Posts the same form `count` times at once from one browser's cookie; returns the statuses.
    func burst(
        _ path: String, count: Int, fields: @escaping @Sendable (Int) -> [(String, String)]
    ) async throws -> [UInt] {
        let b = browser()
        try await b.get(.signIn)
        let cookie = b.cookieHeader
        let token = SessionToken.csrf(for: b.cookies[CSRFMiddleware.cookieName]!, secret: app.safeguard.secret)
        let app = self.app!
        return try await withThrowingTaskGroup(of: UInt.self) { group in
            for i in 0..<count {
                group.addTask {
                    var h = HTTPHeaders()
                    h.contentType = .urlEncodedForm
                    h.replaceOrAdd(name: .cookie, value: cookie)
                    let body = Browser.encode(fields(i) + [(CSRFMiddleware.fieldName, token)])
                    return try await app.sendRequest(.POST, path, headers: h, body: ByteBuffer(string: body)).status
                        .code
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    func testFortyParallelGuessesGetAtMostFiveChecked() async throws {
        let email = fx[.socialWorker].email
        let statuses = try await burst(SiteURL.signIn.path, count: 40) { i in
            [("email", email), ("password", i == 39 ? Fixtures.password : "wrong-guess-\(i)")]
        }
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0, "\(statuses)")
        let checked = statuses.filter { $0 == 401 || $0 == 303 }.count
        XCTAssertLessThanOrEqual(checked, SignInPolicy.maximumFailures, "\(statuses)")
        XCTAssertGreaterThanOrEqual(statuses.filter { $0 == 429 }.count, 40 - SignInPolicy.maximumFailures)
        // The address is locked now, even for the right password.
        let after = try await browser().signIn(email, Fixtures.password)
        XCTAssertEqual(after.status, .tooManyRequests)
    }

    func testTenBurstsOfTwentyCheckNoMoreThanFiveGuesses() async throws {
        let email = fx[.teamManager].email
        var checked = 0
        for burstNumber in 0..<10 {
            let statuses = try await burst(SiteURL.signIn.path, count: 20) { i in
                [("email", email), ("password", "guess-\(burstNumber)-\(i)")]
            }
            XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0)
            checked += statuses.filter { $0 == 401 }.count
        }
        XCTAssertEqual(checked, SignInPolicy.maximumFailures)
    }

    func testParallelRegistrationsOfOneAddressMakeOneAccountAndNoErrors() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        _ = try await admin.post(.adminRegistrationKeys, [("agency", fx.school.uuidString)])
        let key = try await RegistrationKeyRecord.query(on: app.db).first()!.code
        let statuses = try await burst(SiteURL.register.path, count: 10) { _ in
            [
                ("key", key), ("name", "Jo Reed"), ("email", "jo.reed@school.example"),
                ("password", "Lantern-Orchard-Swift-27"),
                ("confirm-password", "Lantern-Orchard-Swift-27"),
            ]
        }
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == 303 }.count, 1, "\(statuses)")
        assertEqual(try await User.query(on: app.db).filter(\.$email == "jo.reed@school.example").count(), 1)
    }

    func testWrongKeysInParallelLockRegistration() async throws {
        let statuses = try await burst(SiteURL.register.path, count: 30) { i in
            [
                ("key", "GUES-S000-\(1000 + i)"), ("name", "Jo Reed"), ("email", "x\(i)@school.example"),
                ("password", "Lantern-Orchard-Swift-27"),
                ("confirm-password", "Lantern-Orchard-Swift-27"),
            ]
        }
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0)
        XCTAssertEqual(statuses.filter { $0 == 422 }.count, SignInPolicy.maximumRegistrationTries, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == 429 }.count, 30 - SignInPolicy.maximumRegistrationTries)
    }
}
