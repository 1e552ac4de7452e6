import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

final class SignInTests: ServerTestCase {
    func testCorrectPasswordSignsInAndLandsOnMyWork() async throws {
        let b = browser()
        let res = try await b.signIn(fx[.mashPractitioner].email, Fixtures.password)
        XCTAssertEqual(res.status, .seeOther)
        XCTAssertEqual(res.location, SiteURL.home.path)
        let home = try await b.get(.home)
        XCTAssertEqual(home.location, SiteURL.myWork.path, "a case worker starts on what is waiting for them")
        let people = try await b.get(.people)
        XCTAssertEqual(people.status, .ok)
        XCTAssertTrue(people.text.contains("Find a person"))
        XCTAssertTrue(people.text.contains("Test MASH practitioner, Northmere Children&#39;s Services"))
    }

    func testWrongPasswordAndUnknownEmailGetTheSameAnswer() async throws {
        let wrong = try await browser().signIn(fx[.socialWorker].email, "Not-The-Password-1")
        let unknown = try await browser().signIn("nobody@test.example", "Not-The-Password-1")
        XCTAssertEqual(wrong.status, .unauthorized)
        XCTAssertEqual(unknown.status, .unauthorized)
        for res in [wrong, unknown] {
            XCTAssertTrue(res.text.contains("Enter a correct email address and password"))
            XCTAssertTrue(res.text.contains("<title>Error: Sign in"))
        }
    }

    func testEmptyFieldsAreNamedInTheErrorSummary() async throws {
        let res = try await browser().signIn("", "")
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.text.contains("href=\"#email\">Enter your email address"))
        XCTAssertTrue(res.text.contains("href=\"#password\">Enter your password"))
    }

    func testFiveFailuresLockTheAccountForFifteenMinutes() async throws {
        let email = fx[.socialWorker].email
        for _ in 1...5 { _ = try await browser().signIn(email, "Wrong-Password-123") }
        let locked = try await browser().signIn(email, Fixtures.password)
        XCTAssertEqual(locked.status, .tooManyRequests, "the right password must not open a locked account")
        XCTAssertTrue(locked.text.contains("too many failed attempts"))
        clock.advance(minutes: 14)
        let stillLocked = try await browser().signIn(email, Fixtures.password)
        XCTAssertEqual(stillLocked.status, .tooManyRequests)
        clock.advance(minutes: 1.5)
        let open = try await browser().signIn(email, Fixtures.password)
        XCTAssertEqual(open.status, .seeOther)
    }

    func testFourFailuresThenSuccessResetsTheCount() async throws {
        let email = fx[.socialWorker].email
        for _ in 1...4 { _ = try await browser().signIn(email, "Wrong-Password-123") }
        assertEqual(try await browser().signIn(email, Fixtures.password).status, .seeOther)
        for _ in 1...4 { _ = try await browser().signIn(email, "Wrong-Password-123") }
        assertEqual(try await browser().signIn(email, Fixtures.password).status, .seeOther)
    }

    func testUnknownEmailsLockTooSoLockingRevealsNothing() async throws {
        for _ in 1...5 { _ = try await browser().signIn("ghost@test.example", "Wrong-Password-123") }
        let res = try await browser().signIn("ghost@test.example", "Wrong-Password-123")
        XCTAssertEqual(res.status, .tooManyRequests)
    }

    func testAnAdministratorCanUnlockAnAccount() async throws {
        let email = fx[.socialWorker].email
        for _ in 1...5 { _ = try await browser().signIn(email, "Wrong-Password-123") }
        let admin = try await signedIn(fx[.partnershipAdmin])
        let page = try await admin.get(.adminUser(fx[.socialWorker].id))
        XCTAssertTrue(page.text.contains("Unlock account"))
        let res = try await admin.post(.adminUserUnlock(fx[.socialWorker].id), [])
        XCTAssertEqual(res.status, .seeOther)
        assertEqual(try await browser().signIn(email, Fixtures.password).status, .seeOther)
    }

    func testSessionsExpireAfterThirtyMinutesIdle() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        clock.advance(minutes: 29)
        assertEqual(try await b.get(.people).status, .ok, "activity within 30 minutes keeps the session")
        clock.advance(minutes: 29)
        assertEqual(try await b.get(.people).status, .ok, "the timer restarts on each request")
        clock.advance(minutes: 31)
        let res = try await b.get(.people)
        XCTAssertEqual(res.location, SiteURL.signIn.path)
        let page = try await b.get(.signIn)
        XCTAssertEqual(page.status, .ok)
    }

    func testTimedOutSessionExplainsWhy() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        clock.advance(minutes: 31)
        let page = try await b.get(.signIn)
        XCTAssertTrue(page.text.contains("had not done anything for 30 minutes"))
    }

    func testSignOutEndsTheSession() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        let oldCookies = b.cookies
        let res = try await b.post(.signOut, [])
        XCTAssertEqual(res.location, SiteURL.signIn.with(query: [("signed-out", "1")]))
        // Replaying the old session cookie must not work.
        let replay = browser()
        replay.cookies = oldCookies
        assertEqual(try await replay.get(.people).location, SiteURL.signIn.path)
    }

    func testCookiesAreHttpOnlyAndSameSite() async throws {
        let b = browser()
        let res = try await b.signIn(fx[.mashPractitioner].email, Fixtures.password)
        let session = res.headers[.setCookie].first { $0.hasPrefix(SessionMiddleware.cookieName + "=") } ?? ""
        XCTAssertTrue(session.contains("HttpOnly"))
        XCTAssertTrue(session.contains("SameSite=Strict"))
        XCTAssertFalse(session.contains("Secure"), "plain http in tests: Secure would stop the browser sending it")
        XCTAssertFalse(session.contains(Fixtures.password))
    }

    func testCookiesAreSecureBehindHTTPS() async throws {
        try await startApp(publicURL: "https://safeguard.example.org")
        let res = try await browser().signIn(fx[.mashPractitioner].email, Fixtures.password)
        let session = res.headers[.setCookie].first { $0.hasPrefix(SessionMiddleware.cookieName + "=") } ?? ""
        XCTAssertTrue(session.contains("Secure"))
        XCTAssertNotNil(res.headers.first(name: "Strict-Transport-Security"))
    }

    func testFormsWithoutTheCSRFTokenAreRefused() async throws {
        let b = browser()
        _ = try await b.get(.signIn)
        let res = try await b.post(
            .signIn, [("email", fx[.mashPractitioner].email), ("password", Fixtures.password)], csrf: false)
        XCTAssertEqual(res.status, .forbidden)
        XCTAssertTrue(res.text.contains("This form has expired"))
        let signedIn = try await signedIn(fx[.mashPractitioner])
        let create = try await signedIn.post(.people, [("first-name", "A"), ("last-name", "B")], csrf: false)
        XCTAssertEqual(create.status, .forbidden)
        assertEqual(try await Person.query(on: app.db).count(), 3)
    }

    func testATokenFromAnotherBrowserIsRefused() async throws {
        let attacker = browser()
        _ = try await attacker.get(.signIn)
        let victim = try await signedIn(fx[.mashPractitioner])
        let stolenToken = SessionToken.csrf(
            for: attacker.cookies[CSRFMiddleware.cookieName]!, secret: app.safeguard.secret)
        let res = try await victim.post(
            .people, [("first-name", "A"), ("last-name", "B"), ("_csrf", stolenToken)], csrf: false)
        XCTAssertEqual(res.status, .forbidden)
    }

    func testDisabledUsersCannotSignIn() async throws {
        let user = try await User.find(fx[.socialWorker].id, on: app.db)!
        user.active = false
        try await user.save(on: app.db)
        let res = try await browser().signIn(fx[.socialWorker].email, Fixtures.password)
        XCTAssertEqual(res.status, .unauthorized)
    }

    func testPasswordsAreStoredWithBcrypt() async throws {
        let user = try await User.find(fx[.socialWorker].id, on: app.db)!
        XCTAssertTrue(user.passwordHash.hasPrefix("$2"), "bcrypt hashes start $2a$/$2b$")
        XCTAssertFalse(user.passwordHash.contains(Fixtures.password))
    }
}
