import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Practitioners join with their organisation's key; the account can book training and nothing else.
final class TrainingRegistrationTests: ServerTestCase {
    func issueKey(for agency: UUID) async throws -> RegistrationKeyRecord {
        let admin = try await signedIn(fx[.partnershipAdmin])
        let res = try await admin.post(.adminRegistrationKeys, [("agency", agency.uuidString)])
        XCTAssertEqual(res.location, SiteURL.adminRegistrationKeys.done("key-issued"))
        let keys = try await RegistrationKeyRecord.query(on: app.db).filter(\.$agency.$id == agency).sort(\.$issuedAt)
            .all()
        return try XCTUnwrap(keys.last)
    }

    func register(
        _ b: Browser, key: String, email: String = "jo.reed@school.example",
        password: String = "Lantern-Orchard-Swift-27",
        confirm: String? = nil
    ) async throws -> XCTHTTPResponse {
        try await b.post(
            .register,
            [
                ("key", key), ("name", "Jo Reed"), ("email", email), ("password", password),
                ("confirm-password", confirm ?? password),
            ])
    }

    func testAKeyMakesATrainingOnlyAccountInItsAgency() async throws {
        let key = try await issueKey(for: fx.school)
        XCTAssertTrue(key.code.hasPrefix("CVPS-"), key.code)
        let b = browser()
        assertTrue(try await b.get(.register).text.contains("Registration key"))
        // Typed in lower case with spaces: still the key.
        let typed = key.code.lowercased().replacingOccurrences(of: "-", with: " ")
        let res = try await register(b, key: typed)
        XCTAssertEqual(res.status, .seeOther, res.text)
        XCTAssertEqual(res.location, SiteURL.training.done("registered"))
        let found = try await User.query(on: app.db).filter(\.$email == "jo.reed@school.example").first()
        let user = try XCTUnwrap(found)
        XCTAssertEqual(user.role, Role.learner.rawValue)
        XCTAssertEqual(user.$agency.id, fx.school)
        XCTAssertEqual(user.registrationKeyID, key.id)
        // Signed in straight away, to training; people's records stay closed.
        assertTrue(try await b.get(SiteURL.training.done("registered")).text.contains("Your account is ready"))
        assertEqual(try await b.get(.people).status, .forbidden)
        assertEqual(try await b.get(.home).location, SiteURL.training.path)
        let entries = try await auditEntries()
        XCTAssertTrue(
            entries.contains { $0.recordType == "user" && $0.reason.contains("registered with key \(key.code)") })
        let admin = try await signedIn(fx[.partnershipAdmin])
        assertTrue(try await admin.get(.adminRegistrationKeys).text.contains(">1<"))
    }

    func testBadKeysAndFormsSayWhatToFixAndCreateNothing() async throws {
        let key = try await issueKey(for: fx.school)
        let b = browser()
        let before = try await User.query(on: app.db).count()
        let unknown = try await register(b, key: "NOPE-AAAA-BBBB")
        XCTAssertEqual(unknown.status, .unprocessableEntity)
        XCTAssertTrue(unknown.text.contains("This registration key is not recognised"))
        let mismatch = try await register(b, key: key.code, email: "not-an-email", password: "short", confirm: "other")
        for message in [
            "Enter your work email address", "Password must be 12 characters or more", "The passwords do not match",
        ] {
            XCTAssertTrue(mismatch.text.contains(message), message)
        }
        XCTAssertFalse(mismatch.text.contains("value=\"short\""), "a password is never echoed back")
        let taken = try await register(b, key: key.code, email: fx[.socialWorker].email)
        XCTAssertTrue(taken.text.contains("An account already uses this email address"))

        let admin = try await signedIn(fx[.partnershipAdmin])
        assertEqual(
            try await admin.post(.adminRegistrationKeyRevoke(key.id!), []).location,
            SiteURL.adminRegistrationKeys.done("key-revoked"))
        let revoked = try await register(b, key: key.code)
        XCTAssertTrue(revoked.text.contains("no longer in use"), revoked.text)
        assertEqual(try await User.query(on: app.db).count(), before)
        let none = try await admin.post(.adminRegistrationKeys, [("agency", "")])
        XCTAssertTrue(none.text.contains("Choose the agency the key is for"))
    }

    /// Without a live key, an address with an account and one without get the same answer, and
    /// every try counts toward the lock, empty keys included.
    func testRegistrationDoesNotTellWhoHasAnAccount() async throws {
        let b = browser()
        let existing = try await register(b, key: "", email: fx[.socialWorker].email)
        let fresh = try await register(b, key: "", email: "nobody.here@school.example")
        XCTAssertEqual(existing.status, fresh.status)
        XCTAssertFalse(existing.text.contains("An account already uses this email address"))
        XCTAssertEqual(
            existing.text.replacingOccurrences(of: fx[.socialWorker].email, with: "E"),
            fresh.text.replacingOccurrences(of: "nobody.here@school.example", with: "E"))
        let wrongKey = try await register(b, key: "NOPE-AAAA-BBBB", email: fx[.socialWorker].email)
        XCTAssertFalse(wrongKey.text.contains("An account already uses this email address"))
        for _ in 0..<(SignInPolicy.maximumRegistrationTries - 3) {
            _ = try await register(b, key: "", email: fx[.socialWorker].email)
        }
        assertEqual(try await register(b, key: "", email: fx[.socialWorker].email).status, .tooManyRequests)
    }

    func testGuessingKeysIsThrottled() async throws {
        let key = try await issueKey(for: fx.school)
        let b = browser()
        for n in 0..<SignInPolicy.maximumRegistrationTries {
            assertEqual(try await register(b, key: "GUES-S000-00\(n)").status, .unprocessableEntity)
        }
        let locked = try await register(b, key: key.code)
        XCTAssertEqual(locked.status, .tooManyRequests)
        XCTAssertTrue(locked.text.contains("Wait 15 minutes"), locked.text)
        clock.advance(minutes: 16)
        assertEqual(try await register(b, key: key.code).location, SiteURL.training.done("registered"))
    }

    func testOnlyTheAdministratorManagesKeys() async throws {
        let key = try await issueKey(for: fx.school)
        for role in [Role.trainer, .teamManager, .learner, .agencyManager] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get(.adminRegistrationKeys).status, .forbidden, "\(role)")
            assertEqual(try await b.post(.adminRegistrationKeyRevoke(key.id!), []).status, .forbidden, "\(role)")
        }
        assertEqual(try await browser().get(.adminRegistrationKeys).location, SiteURL.signIn.path)
        assertNil(try await RegistrationKeyRecord.find(key.id, on: app.db)?.revokedAt)
    }
}
