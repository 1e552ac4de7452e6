import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// After breaking the glass a worker asks; a manager decides; only then is the agency involved.
final class InvolvementRequestTests: ServerTestCase {
    func policeAsk(
        _ reason: String = "Allocated to our child abuse investigation team today"
    ) async throws -> (Browser, XCTHTTPResponse) {
        let b = try await signedIn(fx[.policeOfficer])
        _ = try await b.post(.personBreakGlass(fx.kayla), [("reason", "Officer in the case for a new investigation")])
        assertEqual(try await b.get(.personInvolvementRequest(fx.kayla)).status, .ok)
        return (b, try await b.post(.personInvolvementRequest(fx.kayla), [("reason", reason)]))
    }

    func theRequest() async throws -> InvolvementRequest { try await InvolvementRequest.query(on: app.db).first()! }

    func testAWorkerAsksAndAMASHManagerApproves() async throws {
        let (police, short) = try await policeAsk("because")
        XCTAssertEqual(short.status, .unprocessableEntity)
        XCTAssertTrue(short.text.contains("Explain why your agency now works with this person"))
        let (_, asked) = try await policeAsk()
        XCTAssertEqual(asked.location, SiteURL.person(fx.kayla).done("involvement-asked"))
        let again = try await police.post(
            .personInvolvementRequest(fx.kayla), [("reason", "Asking a second time by mistake")])
        XCTAssertEqual(again.status, .conflict)
        assertTrue(try await police.get(.person(fx.kayla)).text.contains("is waiting for a manager"))
        assertEqual(try await InvolvementRequest.query(on: app.db).count(), 1)
        assertEqual(try await police.get(.personEdit(fx.kayla)).status, .forbidden, "still read-only while waiting")

        let manager = try await signedIn(fx[.mashManager])
        let request = try await theRequest()
        assertTrue(
            try await manager.get(.myWork).text.contains("Decide: Northmere Constabulary to work with Kayla Smith"))
        let page = try await manager.get(.involvementRequest(request.id!))
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(
            page.text.contains("Officer in the case for a new investigation"), "the break-glass reason is shown")
        XCTAssertFalse(page.text.contains("checked"), "no decision is pre-selected")
        let none = try await manager.post(.involvementRequest(request.id!), [("note", "")])
        XCTAssertEqual(none.status, .unprocessableEntity)
        XCTAssertTrue(none.text.contains("Choose whether to approve or decline the request"))
        let bareDecline = try await manager.post(
            .involvementRequest(request.id!), [("decision", "decline"), ("note", "")])
        XCTAssertTrue(bareDecline.text.contains("Say why you are declining"))
        let approved = try await manager.post(
            .involvementRequest(request.id!), [("decision", "approve"), ("note", "")])
        XCTAssertEqual(approved.location, SiteURL.involvementRequests.done("approved"))

        assertEqual(
            try await AgencyInvolvement.query(on: app.db).filter(\.$agency.$id == fx.police).filter(
                \.$person.$id == fx.kayla
            ).count(), 1)
        assertEqual(try await police.get(.personEdit(fx.kayla)).status, .ok)
        let told = try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.policeOfficer].id).all()
        XCTAssertTrue(told.contains { $0.subject == "Involvement with Kayla Smith approved" })
        let twice = try await manager.post(
            .involvementRequest(request.id!), [("decision", "decline"), ("note", "Changed my mind")])
        XCTAssertEqual(twice.status, .unprocessableEntity, "a decided request stays decided")
        assertTrue(
            try await auditEntries().contains {
                $0.recordType == "person" && $0.reason == "agency involvement recorded on approval"
            })
    }

    func testADeclineTellsTheWorkerWhyAndGivesNothing() async throws {
        _ = try await policeAsk()
        let request = try await theRequest()
        let manager = try await signedIn(fx[.mashManager])
        let declined = try await manager.post(
            .involvementRequest(request.id!), [("decision", "decline"), ("note", "Refer through the MASH instead")])
        XCTAssertEqual(declined.location, SiteURL.involvementRequests.done("declined"))
        assertEqual(try await AgencyInvolvement.query(on: app.db).filter(\.$agency.$id == fx.police).count(), 0)
        let told = try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.policeOfficer].id).first()
        XCTAssertEqual(told?.body, "Test MASH manager declined: Refer through the MASH instead.")
    }

    func testATeamManagerDecidesOnlyForTheirOwnAgencyAndNeverTheirOwnRequest() async throws {
        _ = try await policeAsk()
        let request = try await theRequest()
        // Children's social care's team manager does not answer for the police, nor learn of the request.
        let tm = try await signedIn(fx[.teamManager])
        assertEqual(try await tm.get(.involvementRequest(request.id!)).status, .notFound)
        assertFalse(try await tm.get(.involvementRequests).text.contains("Kayla"))
        assertEqual(try await tm.post(.involvementRequest(request.id!), [("decision", "approve")]).status, .notFound)

        // The team manager asks about Dean, whom social care does not work with: another manager must decide.
        _ = try await tm.post(.personBreakGlass(fx.dean), [("reason", "Dean named in a new referral")])
        _ = try await tm.post(
            .personInvolvementRequest(fx.dean), [("reason", "Assessment of Dean as a carer has started")])
        let own = try await InvolvementRequest.query(on: app.db).filter(\.$person.$id == fx.dean).first()!
        assertTrue(try await tm.get(.involvementRequest(own.id!)).text.contains("another manager must decide it"))
        let refused = try await tm.post(.involvementRequest(own.id!), [("decision", "approve")])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        assertEqual(try await AgencyInvolvement.query(on: app.db).filter(\.$person.$id == fx.dean).count(), 0)
    }

    func testDenials() async throws {
        _ = try await policeAsk()
        let request = try await theRequest()
        for path in [
            SiteURL.involvementRequests.path, SiteURL.involvementRequest(request.id!).path,
            SiteURL.personInvolvementRequest(fx.kayla).path,
        ] {
            assertEqual(try await browser().get(path).location, SiteURL.signIn.path, path)
        }
        let anonymous = browser()
        assertEqual(
            try await anonymous.post(.personInvolvementRequest(fx.kayla), [("reason", "Anonymous attempt at asking")])
                .location, SiteURL.signIn.path)
        assertEqual(
            try await anonymous.post(.involvementRequest(request.id!), [("decision", "approve")]).location,
            SiteURL.signIn.path)
        let sw = try await signedIn(fx[.socialWorker])
        assertEqual(try await sw.get(.involvementRequests).status, .forbidden)
        assertEqual(try await sw.post(.involvementRequest(request.id!), [("decision", "approve")]).status, .forbidden)
        assertEqual(
            try await signedIn(fx[.auditor]).post(.involvementRequest(request.id!), [("decision", "approve")]).status,
            .forbidden)
        assertEqual(try await signedIn(fx[.trainer]).get(.personInvolvementRequest(fx.kayla)).status, .forbidden)
        // Without breaking the glass, asking is offered only through break-glass.
        assertEqual(
            try await signedIn(fx[.healthPractitioner]).get(.personInvolvementRequest(fx.kayla)).location,
            SiteURL.personBreakGlass(fx.kayla).path)
        let manager = try await signedIn(fx[.mashManager])
        assertEqual(
            try await manager.post(.involvementRequest(request.id!), [("decision", "approve")], csrf: false).status,
            .forbidden)
        assertEqual(try await InvolvementRequest.query(on: app.db).first()!.status.rawValue, "pending")
    }

    func testTheAuditReviewShowsWhatWasDoneUnderBreakGlass() async throws {
        let (police, _) = try await policeAsk()
        _ = try await police.get(.person(fx.kayla))
        let review = try await signedIn(fx[.auditor]).get(.auditReview)
        XCTAssertTrue(review.text.contains("Done while open"))
        XCTAssertTrue(
            review.text.contains("Created involvement-request") || review.text.contains("Created"), review.text)
        XCTAssertTrue(review.text.contains("Viewed"))
    }
}
