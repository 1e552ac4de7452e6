import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// No typed work is lost when a session runs out: the form is kept, the user signs in again and
/// is shown it to send; the page warns before the session ends, and "Stay signed in" works.
final class KeptFormTests: ServerTestCase {
    func testAFormSentAfterTheSessionEndedIsKeptAndSentAfterSigningIn() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        clock.advance(minutes: 31)
        let late = try await sw.post(.personOtherNames(fx.kayla), [("kind", "known-as"), ("name", "Kay Smith-Walker")])
        let location = try XCTUnwrap(late.location)
        XCTAssertTrue(location.hasPrefix(SiteURL.signIn.with(query: [("expired", "1"), ("kept", "")])), location)
        assertEqual(try await OtherName.query(on: app.db).count(), 0, "nothing is saved without a session")
        let kept = try await KeptForm.query(on: app.db).first()!
        XCTAssertEqual(kept.path, SiteURL.personOtherNames(fx.kayla).path)
        XCTAssertEqual(kept.fields.map(\.name), ["kind", "name"], "kept without the CSRF token")

        let signInPage = try await sw.get(location)
        XCTAssertTrue(signInPage.text.contains("What you were sending has been kept"))
        XCTAssertTrue(signInPage.text.contains("name=\"kept\" value=\"\(kept.id!.uuidString)\""))
        let signedIn = try await sw.post(
            .signIn,
            [("email", fx[.socialWorker].email), ("password", Fixtures.password), ("kept", kept.id!.uuidString)])
        XCTAssertEqual(signedIn.location, SiteURL.keptForm(kept.id!).path)
        let page = try await sw.get(.keptForm(kept.id!))
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.text.contains("Kay Smith-Walker"))
        XCTAssertTrue(page.text.contains("Nothing has been saved yet"))

        let send = try await sw.post(.keptFormSend(kept.id!), kept.fields.map { ($0.name, $0.value) })
        XCTAssertEqual(send.status, .temporaryRedirect)
        XCTAssertEqual(send.location, SiteURL.personOtherNames(fx.kayla).path)
        assertEqual(try await KeptForm.query(on: app.db).count(), 0, "sent on, the kept copy is gone")
        // The browser repeats the same post to that page, which saves it as usual.
        let saved = try await sw.post(send.location!, kept.fields.map { ($0.name, $0.value) })
        XCTAssertEqual(saved.status, .seeOther)
        assertEqual(try await OtherName.query(on: app.db).first()?.name, "Kay Smith-Walker")
        let audit = try await auditEntries()
        XCTAssertTrue(audit.contains { $0.recordType == "kept-form" && $0.action == "create" })
        XCTAssertTrue(audit.contains { $0.recordType == "kept-form" && $0.reason.hasPrefix("sent again") })
    }

    func testAKeptFormIsOnlyItsAuthorsAndOnlyForTwoHours() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        clock.advance(minutes: 31)
        _ = try await sw.post(.personOtherNames(fx.kayla), [("kind", "alias"), ("name", "Kayleigh")])
        let kept = try await KeptForm.query(on: app.db).first()!
        let other = try await signedIn(fx[.teamManager])
        assertEqual(try await other.get(.keptForm(kept.id!)).status, .notFound)
        assertEqual(try await other.post(.keptFormSend(kept.id!), []).status, .notFound)
        assertEqual(try await other.post(.keptFormDiscard(kept.id!), []).status, .notFound)
        assertEqual(try await browser().get(.keptForm(kept.id!)).location, SiteURL.signIn.path)
        // Signing in as someone else with the id does not lead to it.
        let stranger = browser()
        let res = try await stranger.post(
            .signIn,
            [("email", fx[.teamManager].email), ("password", Fixtures.password), ("kept", kept.id!.uuidString)])
        XCTAssertEqual(res.location, SiteURL.home.path)
        clock.advance(minutes: 121)
        let late = try await signedIn(fx[.socialWorker])
        assertEqual(try await late.get(.keptForm(kept.id!)).status, .notFound, "kept for two hours only")
        assertEqual(try await KeptForm.query(on: app.db).count(), 0, "and deleted after that, at the next sign-in")
    }

    func testDiscardingDeletesIt() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        clock.advance(minutes: 31)
        _ = try await sw.post(.personOtherNames(fx.kayla), [("kind", "alias"), ("name", "Kayleigh")])
        let kept = try await KeptForm.query(on: app.db).first()!
        _ = try await sw.post(.signIn, [("email", fx[.socialWorker].email), ("password", Fixtures.password)])
        assertEqual(try await sw.post(.keptFormDiscard(kept.id!), [], csrf: false).status, .forbidden)
        assertEqual(try await sw.post(.keptFormDiscard(kept.id!), []).location, SiteURL.home.path)
        assertEqual(try await KeptForm.query(on: app.db).count(), 0)
    }

    func testPagesSayWhenTheSessionEndsAndStayingSignedInWorks() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let page = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(page.text.contains("data-session-seconds=\"1800\""))
        XCTAssertTrue(page.text.contains("data-session-warning=\"1500\""))
        XCTAssertTrue(page.text.contains("id=\"timeout-warning\""))
        XCTAssertTrue(page.text.contains("you will be signed out at"), "said without the script too")
        assertFalse(
            try await browser().get(.signIn).text.contains("timeout-warning"), "no warning for a signed-out page")

        clock.advance(minutes: 25)
        let alive = try await sw.get(.sessionKeepAlive)
        XCTAssertEqual(alive.status, .noContent)
        clock.advance(minutes: 25)
        assertEqual(try await sw.get(.person(fx.kayla)).status, .ok, "50 minutes, but never 30 idle")
        assertEqual(try await browser().get(.sessionKeepAlive).status, .unauthorized)
    }
}
