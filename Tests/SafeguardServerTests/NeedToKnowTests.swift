import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Who sees a person's record: the agencies involved, MASH by role, others only by breaking
/// the glass with a reason.
final class NeedToKnowTests: ServerTestCase {
    func testAnInvolvedAgencySeesTheRecord() async throws {
        let b = try await signedIn(fx[.socialWorker])
        let res = try await b.get(.person(fx.kayla))
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.text.contains("<h1 class=\"sg-heading-xl\">Kayla Smith</h1>"))
        XCTAssertFalse(res.text.contains("breaking the glass"))
    }

    func testMASHSeesEveryoneByRole() async throws {
        let b = try await signedIn(fx[.mashPractitioner])
        assertEqual(try await b.get(.person(fx.dean)).status, .ok)
    }

    func testAnUninvolvedAgencyMustBreakTheGlass() async throws {
        let b = try await signedIn(fx[.policeOfficer])
        let res = try await b.get(.person(fx.kayla))
        XCTAssertEqual(res.location, SiteURL.personBreakGlass(fx.kayla).path)
        let form = try await b.get(.personBreakGlass(fx.kayla))
        XCTAssertTrue(form.text.contains("Northmere Constabulary is not recorded as working with Kayla Smith"))
        XCTAssertFalse(form.text.contains("14 Mill Lane"), "the break-glass page shows nothing of the record")
    }

    func testBreakingTheGlassNeedsAReason() async throws {
        let b = try await signedIn(fx[.policeOfficer])
        let res = try await b.post(.personBreakGlass(fx.kayla), [("reason", "need it")])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.text.contains("href=\"#reason\">Explain why you need to see this record"))
        assertEqual(try await BreakGlassGrant.query(on: app.db).count(), 0)
    }

    func testBreakingTheGlassOpensTheRecordRecordsTheReasonAndFlagsItForReview() async throws {
        let b = try await signedIn(fx[.policeOfficer])
        let reason = "Attending a domestic incident at the address tonight"
        let res = try await b.post(.personBreakGlass(fx.kayla), [("reason", reason)])
        XCTAssertEqual(res.location, SiteURL.person(fx.kayla).path)
        let page = try await b.get(.person(fx.kayla))
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.text.contains("You opened this record by breaking the glass"))

        let entries = try await auditEntries()
        XCTAssertTrue(
            entries.contains { $0.action == "break-glass" && $0.reason == reason && $0.recordID == fx.kayla.uuidString }
        )
        XCTAssertTrue(entries.contains { $0.action == "view" && $0.reason == "break-glass: " + reason })

        let auditor = try await signedIn(fx[.auditor])
        let review = try await auditor.get(.auditReview)
        XCTAssertTrue(review.text.contains("Break-glass openings to review (1)"))
        XCTAssertTrue(review.text.contains(reason))
        let grant = try await BreakGlassGrant.query(on: app.db).first()!
        _ = try await auditor.post(.auditReviewGrant(grant.id!), [("note", "Checked with the duty inspector")])
        assertTrue(try await auditor.get(.auditReview).text.contains("Break-glass openings to review (0)"))
    }

    func testABrokenGlassExpires() async throws {
        let b = try await signedIn(fx[.policeOfficer])
        _ = try await b.post(.personBreakGlass(fx.kayla), [("reason", "Attending an incident at the address")])
        clock.advance(minutes: 25)
        assertEqual(try await b.get(.person(fx.kayla)).status, .ok)
        // Keep the session alive while the four-hour grant runs out.
        for _ in 0..<10 {
            clock.advance(minutes: 25)
            _ = try await b.get(.people)
        }
        assertEqual(try await b.get(.person(fx.kayla)).location, SiteURL.personBreakGlass(fx.kayla).path)
    }

    func testAfterBreakingTheGlassAWorkerCanReadButNotChange() async throws {
        let b = try await signedIn(fx[.policeOfficer])
        _ = try await b.post(.personBreakGlass(fx.kayla), [("reason", "Attending an incident at the address")])
        assertEqual(try await b.get(.personEdit(fx.kayla)).status, .forbidden)
        let post = try await b.post(.personOtherNames(fx.kayla), [("kind", "alias"), ("name", "KK")])
        XCTAssertEqual(post.status, .forbidden)
        assertEqual(try await OtherName.query(on: app.db).count(), 0)
    }

    func testBreakGlassNeverBecomesLastingAccessWithoutAManager() async throws {
        let b = try await signedIn(fx[.policeOfficer])
        assertEqual(
            try await b.post(.personInvolvements(fx.kayla), []).status, .forbidden, "needs the glass broken first")
        _ = try await b.post(.personBreakGlass(fx.kayla), [("reason", "Officer in the case for a new investigation")])
        let refused = try await b.post(.personInvolvements(fx.kayla), [])
        XCTAssertEqual(refused.status, .forbidden)
        XCTAssertTrue(refused.text.contains("Break-glass access is read-only"), refused.text)
        assertEqual(try await AgencyInvolvement.query(on: app.db).filter(\.$agency.$id == fx.police).count(), 0)
        let page = try await b.get(.person(fx.kayla))
        XCTAssertFalse(page.text.contains("Record that my agency is working with"))
        XCTAssertTrue(page.text.contains("Ask a manager to record that my agency is working with Kayla"))
        assertEqual(try await b.get(.personEdit(fx.kayla)).status, .forbidden)
    }

    func testRolesWithoutCaseworkSeeNoPeopleAndCannotBreakGlass() async throws {
        for role in [Role.trainer, .boardMember, .partnershipAdmin] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get(.people).status, .forbidden, "\(role)")
            assertEqual(try await b.get(.person(fx.kayla)).status, .forbidden, "\(role)")
            assertEqual(try await b.get(.personBreakGlass(fx.kayla)).status, .forbidden, "\(role)")
            assertEqual(
                try await b.post(.personBreakGlass(fx.kayla), [("reason", "I would like to look please")]).status,
                .forbidden)
        }
    }

    func testTheAuditorReadsButCannotWrite() async throws {
        let b = try await signedIn(fx[.auditor])
        assertEqual(try await b.get(.person(fx.kayla)).status, .ok)
        assertEqual(try await b.get(.personNew).status, .forbidden)
        assertEqual(try await b.post(.personEdit(fx.kayla), [("first-name", "X")]).status, .forbidden)
    }

    func testEveryPersonalDataRouteNeedsASession() async throws {
        let b = browser()
        let id = fx.kayla
        for path in [
            SiteURL.people.path, SiteURL.personNew.path, SiteURL.person(id).path, SiteURL.personEdit(id).path,
            SiteURL.personBreakGlass(id).path,
            SiteURL.personAccessLog(id).path, SiteURL.personOtherNames(id).path, SiteURL.personAddresses(id).path,
            SiteURL.personRelationships(id).path, SiteURL.admin.path, SiteURL.adminUsers.path,
            SiteURL.adminAgencies.path, SiteURL.adminDistricts.path,
            SiteURL.adminTeams.path, SiteURL.adminTokens.path, SiteURL.auditReview.path, SiteURL.referrals.path,
            SiteURL.referralNew.path, SiteURL.mash.path,
            SiteURL.referral(id).path, SiteURL.referralStep(id, .people).path, SiteURL.referralCheck(id).path,
            SiteURL.referralOutcome(id).path,
            SiteURL.informationRequests.path, SiteURL.informationRequest(id).path,
        ] {
            assertEqual(try await b.get(path).location, SiteURL.signIn.path, path)
        }
        for path in [
            SiteURL.people.path, SiteURL.personEdit(id).path, SiteURL.personBreakGlass(id).path,
            SiteURL.personInvolvements(id).path,
            SiteURL.personOtherNames(id).path, SiteURL.personAddresses(id).path, SiteURL.personRelationships(id).path,
            SiteURL.adminUsers.path, SiteURL.adminAgencies.path, SiteURL.adminTokens.path, SiteURL.referralNew.path,
            SiteURL.referralStep(id, .people).path,
            SiteURL.referralSubmit(id).path, SiteURL.referralTriage(id).path, SiteURL.referralDecision(id).path,
            SiteURL.referralSignOff(id).path,
            SiteURL.informationRequest(id).path, SiteURL.informationRequestChase(id).path,
        ] {
            assertEqual(try await b.post(path, [("x", "y")]).location, SiteURL.signIn.path, "POST " + path)
        }
    }

    func testWhoHasLookedIsForManagers() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.get(.person(fx.kayla))
        assertEqual(try await sw.get(.personAccessLog(fx.kayla)).status, .forbidden)

        let manager = try await signedIn(fx[.teamManager])
        let page = try await manager.get(.person(fx.kayla))
        XCTAssertTrue(page.text.contains("See who has looked at this record"))
        let log = try await manager.get(.personAccessLog(fx.kayla))
        XCTAssertEqual(log.status, .ok)
        XCTAssertTrue(log.text.contains("Test Social worker"))
        XCTAssertTrue(log.text.contains("Viewed"))
    }

    func testTheChildsPageShowsTheMenInTheirLife() async throws {
        let b = try await signedIn(fx[.socialWorker])
        let page = try await b.get(.person(fx.kayla))
        XCTAssertTrue(page.text.contains("Men in Kayla&#39;s life"))
        XCTAssertTrue(page.text.contains(">Dean Walker</a> – mother&#39;s partner"))
        XCTAssertTrue(page.text.contains("14 Mill Lane, Calder Vale, NM4 2AB"))
    }

    func testAChildWithNoMaleCarerRecordedPromptsTheQuestion() async throws {
        try await PersonRelationship.query(on: app.db).filter(\.$kind == "mothers-partner").delete()
        let b = try await signedIn(fx[.socialWorker])
        let page = try await b.get(.person(fx.kayla))
        XCTAssertTrue(
            page.text.contains("No father, step-father, mother&#39;s partner or other male carer is recorded"))
    }
}
