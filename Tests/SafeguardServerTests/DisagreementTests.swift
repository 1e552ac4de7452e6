import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 16, item 8: a professional disagreement climbs the partnership's stages until resolved. The test clock
/// starts on Monday 2 March 2026.
final class DisagreementTests: ServerTestCase {
    func raise(_ b: Browser) async throws -> UUID {
        let res = try await b.post(
            .disagreementNew,
            [
                ("other-agency", fx.socialCare.uuidString), ("case-reference", "MASH-2026-000142"),
                ("theme", "threshold-decision"),
                ("summary", "The MASH decided no further action but we have seen new bruising twice this week"),
                ("resolution", "A strategy discussion this week"),
            ])
        XCTAssertEqual(res.status, .seeOther, res.text)
        return try await DisagreementRecord.query(on: app.db).sort(\.$raisedAt, .descending).first()!.id!
    }

    func testASchoolRaisesOneAndItClimbsTheStagesToTheChair() async throws {
        let dsl = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        let empty = try await dsl.post(.disagreementNew, [("other-agency", fx.school.uuidString)])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        for message in [
            "A disagreement inside your own agency goes to your manager", "Give the case&#39;s reference",
            "Choose what the disagreement is about",
            "in at least 10 words", "Say what would resolve it",
        ] {
            XCTAssertTrue(empty.text.contains(message), message)
        }
        let id = try await raise(dsl)
        let page = try await dsl.get(.disagreement(id))
        XCTAssertTrue(page.text.contains("Stage 1 of 4, practitioner to practitioner"))
        XCTAssertTrue(page.text.contains("due by 4 March 2026 (2 working days left)"), page.text)
        assertTrue(
            try await dsl.get(.myWork).text.contains(
                "Disagreement PD-2026-0001: Calder Vale Primary School with Northmere Children&#39;s Services"))

        // The social worker, in the other agency, records the practitioners' outcome: not resolved.
        let sw = try await signedIn(fx[.socialWorker])
        let unsure = try await sw.post(.disagreementOutcome(id), [("outcome", "We talked")])
        XCTAssertEqual(unsure.status, .unprocessableEntity)
        XCTAssertTrue(unsure.text.contains("Say whether this stage resolved it"))
        XCTAssertTrue(unsure.text.contains("in at least 5 words"))
        assertEqual(
            try await sw.post(
                .disagreementOutcome(id),
                [("outcome", "We talked and could not agree on the threshold"), ("resolved", "no")]
            ).location,
            SiteURL.disagreement(id).done("escalated"))
        // The manager stage is the managers': the social worker may no longer record it.
        assertEqual(
            try await sw.post(
                .disagreementOutcome(id), [("outcome", "Trying again to settle it today"), ("resolved", "yes")]
            ).status, .forbidden)
        let tm = try await signedIn(fx[.teamManager])
        assertTrue(try await tm.get(.myWork).text.contains("PD-2026-0001"))
        _ = try await tm.post(
            .disagreementOutcome(id), [("outcome", "Managers met and could not agree either"), ("resolved", "no")])
        let unit = try await signedIn(fx[.businessUnitOfficer])
        _ = try await unit.post(
            .disagreementOutcome(id),
            [("outcome", "Heads of service could not agree, so to the chair"), ("resolved", "no")])
        assertTrue(try await unit.get(.myWork).text.contains("PD-2026-0001"))
        let chair = try await unit.get(.disagreement(id))
        XCTAssertTrue(chair.text.contains("Yes: the chair&#39;s decision is final"))
        assertEqual(
            try await unit.post(
                .disagreementOutcome(id),
                [("outcome", "The chair asked for a strategy discussion within two days"), ("resolved", "yes")]
            ).location,
            SiteURL.disagreement(id).done("resolved"))
        let record = try await DisagreementRecord.find(id, on: app.db)!
        XCTAssertEqual(record.status, "resolved")
        XCTAssertEqual(record.disagreement(.standard).highestStage, 3)

        let figures = try await unit.get(.disagreementFigures)
        XCTAssertTrue(figures.text.contains("1 disagreement recorded"))
        let csv = try await unit.get(.disagreementFiguresCSV).body.string
        XCTAssertTrue(csv.contains("Highest stage reached,Partnership chair,1,1"), csv)
        XCTAssertTrue(csv.contains("Agencies,Calder Vale Primary School and Northmere Children's Services,1,1"), csv)
        let trail = try await auditEntries().filter { $0.recordType == "disagreement" }.map(\.reason)
        XCTAssertTrue(trail.contains("escalated to stage 2") && trail.contains("resolved at stage 4"), "\(trail)")
    }

    func testOnlyTheTwoAgenciesAndTheBusinessUnitOpenIt() async throws {
        let id = try await raise(try await signedIn(fx[.schoolDesignatedSafeguardingLead]))
        // Police and the hospital are not parties; the board sees figures only.
        for role in [Role.policeOfficer, .healthPractitioner, .boardMember, .trainer, .learner] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get(.disagreement(id)).status, .forbidden, "\(role)")
            assertEqual(
                try await b.post(
                    .disagreementOutcome(id), [("outcome", "We met and it is now resolved"), ("resolved", "yes")]
                ).status,
                .forbidden, "\(role)")
        }
        let police = try await signedIn(fx[.policeOfficer])
        assertFalse(try await police.get(.disagreements).text.contains("PD-2026-0001"), "not listed to a non-party")
        for role in [Role.boardMember, .trainer, .learner] {
            assertEqual(try await signedIn(fx[role]).get(.disagreements).status, .forbidden, "\(role)")
        }
        for role in [Role.socialWorker, .policeOfficer, .trainer] {
            assertEqual(try await signedIn(fx[role]).get(.disagreementFigures).status, .forbidden, "\(role)")
        }
        assertEqual(try await signedIn(fx[.boardMember]).get(.disagreementFigures).status, .ok)
        assertEqual(try await signedIn(fx[.auditor]).post(.disagreementNew, []).status, .forbidden)
        let anonymous = browser()
        for path in [
            SiteURL.disagreements.path, SiteURL.disagreementNew.path, SiteURL.disagreement(id).path,
            SiteURL.disagreementFigures.path, SiteURL.disagreementFiguresCSV.path,
        ] {
            assertEqual(try await anonymous.get(path).location, SiteURL.signIn.path, path)
        }
        for path in [SiteURL.disagreementNew.path, SiteURL.disagreementOutcome(id).path] {
            assertEqual(try await anonymous.post(path, []).location, SiteURL.signIn.path, path)
        }
        let sw = try await signedIn(fx[.socialWorker])
        assertEqual(
            try await sw.post(
                .disagreementOutcome(id), [("outcome", "We met and it is now resolved"), ("resolved", "yes")],
                csrf: false
            ).status,
            .forbidden)
        assertEqual(
            try await DisagreementRecord.find(id, on: app.db)?.status, "open",
            "nothing was changed by the refused posts")
    }

    func testThePartnershipsOwnStagesComeFromTheRulesFile() async throws {
        var rules = PartnershipRules()
        rules.escalation = EscalationLadder([
            .init(name: "Practitioners", workingDays: 3, level: .practitioner),
            .init(name: "Managers", workingDays: 5, level: .manager),
            .init(name: "Chair", workingDays: 10, level: .chair),
        ])
        try await startApp(rules: rules)
        let id = try await raise(try await signedIn(fx[.schoolDesignatedSafeguardingLead]))
        let page = try await signedIn(fx[.socialWorker]).get(.disagreement(id))
        XCTAssertTrue(page.text.contains("Stage 1 of 3, practitioners"), page.text)
        XCTAssertTrue(page.text.contains("due by 5 March 2026"))
    }
}
