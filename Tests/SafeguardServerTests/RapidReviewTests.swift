import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 16, item 2 (the decision part): the rapid review of a notified serious incident — sections, the decision,
/// the three statutory partners' agreement, submission on the 15-working-day clock and the national panel's response.
final class RapidReviewTests: ServerTestCase {
    func lead(_ role: Role) async throws -> Browser {
        let user = try await User.find(fx[role].id, on: app.db)!
        user.reviewGroups = ReviewGroup.text([.caseReviewSubGroup, .statutoryPartnerLead])
        try await user.save(on: app.db)
        return try await signedIn(fx[role])
    }

    func testFromSectionsToTheNationalPanelsResponse() async throws {
        let id = try await notifiedIncident()
        let unit = try await signedIn(fx[.businessUnitOfficer])
        assertTrue(try await unit.get(.myWork).text.contains("Rapid review: SIN-2026-0001 (Kayla Smith)"))
        let page = try await unit.get(.rapidReview(id))
        XCTAssertTrue(page.text.contains("Due by 23 March 2026 (15 working days left)"), page.text)
        let early = try await unit.post(
            .rapidReviewStep(id, "decision"), [("decision", "local-review"), ("rationale", "Because")])
        XCTAssertTrue(early.text.contains("before the decision"))
        _ = try await unit.post(
            .rapidReviewStep(id, "sections"),
            RapidReviewSection.allCases.map { ($0.rawValue, "Written from the agencies' summaries") })
        let rationale = "Practice episodes show agencies did not share what they knew about the men in the home"
        assertEqual(
            try await unit.post(
                .rapidReviewStep(id, "decision"), [("decision", "local-review"), ("rationale", rationale)]
            ).location,
            SiteURL.rapidReview(id).done("decided"))
        // Submitting before the partners agree is refused.
        let notYet = try await unit.post(
            .rapidReviewStep(id, "submit"),
            [("submitted-day", "10"), ("submitted-month", "3"), ("submitted-year", "2026")])
        XCTAssertTrue(notYet.text.contains("All three statutory partners must agree"))

        // The local authority's and the police's leads agree; a member who is not a lead cannot answer.
        let sub = try await signedIn(fx[.mashManager])
        let user = try await User.find(fx[.mashManager].id, on: app.db)!
        user.reviewGroups = ReviewGroup.text([.caseReviewSubGroup])
        try await user.save(on: app.db)
        assertEqual(
            try await sub.post(.rapidReviewStep(id, "agreement"), [("agreed", "yes")]).status, .unprocessableEntity)
        let la = try await lead(.teamManager)
        let police = try await lead(.policePublicProtection)
        assertTrue(try await la.get(.myWork).text.contains("Agree the rapid review decision: SIN-2026-0001"))
        assertEqual(
            try await la.post(.rapidReviewStep(id, "agreement"), [("agreed", "yes")]).location,
            SiteURL.rapidReview(id).done("answered"))
        assertEqual(
            try await police.post(.rapidReviewStep(id, "agreement"), [("agreed", "no")]).status, .unprocessableEntity,
            "a no needs a reason")
        _ = try await police.post(.rapidReviewStep(id, "agreement"), [("agreed", "yes")])
        // The ICB's lead: a health practitioner in the ICB.
        let icb = Agency(name: "NHS Northmere ICB", kind: .integratedCareBoard, districtID: nil)
        try await icb.create(on: app.db)
        let nurse = User(
            email: "designated.nurse@test.example", displayName: "Designated Nurse", role: .healthPractitioner,
            agencyID: icb.id!,
            passwordHash: try Bcrypt.hash(Fixtures.password, cost: 4))
        nurse.reviewGroups = ReviewGroup.text([.statutoryPartnerLead])
        try await nurse.create(on: app.db)
        let icbLead = try await signedIn(
            Fixtures.Account(id: nurse.id!, email: nurse.email, role: .healthPractitioner, agencyID: icb.id!))
        _ = try await icbLead.post(.rapidReviewStep(id, "agreement"), [("agreed", "yes")])
        assertEqual(try await RapidReviewRecord.query(on: app.db).first()!.review.stage, .agreed)

        // Submitted a day late, so with the reason; then the panel agrees.
        clock.advance(minutes: 22 * 24 * 60)  // Tuesday 24 March
        let unitLater = try await signedIn(fx[.businessUnitOfficer])
        let late = try await unitLater.post(
            .rapidReviewStep(id, "submit"),
            [("submitted-day", "24"), ("submitted-month", "3"), ("submitted-year", "2026")])
        XCTAssertTrue(late.text.contains("after the due date of 23 March 2026: say why it was late"))
        _ = try await unitLater.post(
            .rapidReviewStep(id, "submit"),
            [
                ("submitted-day", "24"), ("submitted-month", "3"), ("submitted-year", "2026"),
                ("late-reason", "The ICB's lead was away until the 24th"),
            ])
        assertEqual(
            try await unitLater.post(.rapidReviewStep(id, "panel-response"), [("response", "agrees")]).location,
            SiteURL.rapidReview(id).done("responded"))
        let done = try await unitLater.get(.rapidReview(id))
        XCTAssertTrue(
            done.text.contains("Submitted 24 March 2026, late: The ICB&#39;s lead was away until the 24th"), done.text)
        XCTAssertTrue(done.text.contains("The national panel agrees"))
        // The decision was a local review: the business unit commissions it under the name it will be published by.
        XCTAssertTrue(done.text.contains("Commission the local review"))
        let commissioned = try await unitLater.post(.rapidReviewStep(id, "commission"), [("title", "Child K")])
        XCTAssertEqual(commissioned.status, .seeOther, commissioned.text)
        let practice = try await PracticeReviewRecord.query(on: app.db).first()!
        XCTAssertEqual(practice.review.kind, .lcspr)
        XCTAssertEqual(
            practice.review.publicationDue, SimpleDate(year: 2026, month: 9, day: 24),
            "six months after the decision was submitted")
        assertTrue(
            try await unitLater.get(.rapidReview(id)).text.contains("Open the local child safeguarding practice review")
        )
        let trail = try await auditEntries().filter { $0.recordType == "rapid-review" }.map(\.reason)
        XCTAssertTrue(
            trail.contains("submitted to the national panel") && trail.contains("national panel's response"), "\(trail)"
        )
    }

    func testWhoMayOpenAndMoveIt() async throws {
        let id = try await notifiedIncident()
        for role in [Role.socialWorker, .boardMember, .teamManager] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get(.rapidReview(id)).status, .forbidden, "\(role)")
        }
        let la = try await lead(.teamManager)
        assertEqual(try await la.get(.rapidReview(id)).status, .ok)
        for step in ["sections", "decision", "submit", "panel-response", "commission"] {
            assertEqual(
                try await la.post(.rapidReviewStep(id, step), []).status, .forbidden,
                "a lead does not run the review: \(step)")
        }
        assertEqual(try await browser().get(.rapidReview(id)).location, SiteURL.signIn.path)
        for step in ["sections", "agreement", "commission"] {
            assertEqual(
                try await browser().post(.rapidReviewStep(id, step), []).location,
                SiteURL.signIn.path, step)
        }
        let unit = try await signedIn(fx[.businessUnitOfficer])
        assertEqual(
            try await unit.post(.rapidReviewStep(id, "sections"), [("facts", "x")], csrf: false).status, .forbidden)
        assertEqual(try await RapidReviewRecord.query(on: app.db).count(), 0, "nothing was saved by the refused posts")
    }

    /// The page sends the sections with the decision: what was typed is saved with it, never lost.
    func testTheDecisionSavesTheSectionsTypedWithIt() async throws {
        let id = try await notifiedIncident()
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let rationale = "Practice episodes show agencies did not share what they knew about the men in the home"
        let res = try await unit.post(
            .rapidReviewStep(id, "decision"),
            RapidReviewSection.allCases.map { ($0.rawValue, "Typed just now: \($0.rawValue)") } + [
                ("decision", "no-review"), ("rationale", rationale),
            ])
        XCTAssertEqual(res.location, SiteURL.rapidReview(id).done("decided"), res.text)
        let review = try await RapidReviewRecord.query(on: app.db).first()!.review
        XCTAssertEqual(review.sections[.livedContext], "Typed just now: lived-context")
        XCTAssertEqual(review.decision, .noReview)
        let missing = try await unit.post(
            .rapidReviewStep(id, "decision"),
            [("facts", "Kept when refused"), ("decision", "local-review"), ("rationale", rationale)])
        XCTAssertEqual(missing.status, .unprocessableEntity)
        XCTAssertTrue(
            missing.text.contains("Kept when refused</textarea>"), "refused, the typed text is still on the page")
    }
}
