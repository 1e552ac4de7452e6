import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 16, item 3: a referral for a Safeguarding Adults Review, tested by the SAR panel against Care Act s44.
final class SARReferralTests: ServerTestCase {
    let what =
        "Found with serious injuries in her flat after months of reports of strangers there that no agency put together"

    func joinSARPanel(_ role: Role) async throws {
        let user = try await User.find(fx[role].id, on: app.db)!
        user.reviewGroups = ReviewGroup.text([.sarPanel])
        try await user.save(on: app.db)
    }

    func refer() async throws -> UUID {
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(.personSARReferral(fx.shannon), [("what-happened", what)])
        XCTAssertEqual(res.location, SiteURL.person(fx.shannon).done("sar-referral"), res.text)
        return try await SARReferralRecord.query(on: app.db).first()!.id!
    }

    func answers(_ met: [Bool]) -> [(String, String)] {
        zip(S44Criterion.allCases, met).flatMap { c, m in
            [(c.rawValue, m ? "yes" : "no"), ("\(c.rawValue)-note", "The agencies' records show this")]
        }
    }

    func testACaseWorkerRefersAnAdultAndThePanelTestsItAgainstS44() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        assertTrue(try await sw.get(.person(fx.shannon)).text.contains("Refer for a Safeguarding Adults Review"))
        assertFalse(
            try await sw.get(.person(fx.kayla)).text.contains("Refer for a Safeguarding Adults Review"),
            "not from a child's record")
        let short = try await sw.post(.personSARReferral(fx.shannon), [("what-happened", "injured")])
        XCTAssertEqual(short.status, .unprocessableEntity)
        let child = try await sw.post(.personSARReferral(fx.kayla), [("what-happened", what)])
        XCTAssertTrue(child.text.contains("for a child, raise a serious incident notification"))
        try await joinSARPanel(.policePublicProtection)
        let id = try await refer()
        let panel = try await signedIn(fx[.policePublicProtection])
        assertTrue(try await panel.get(.myWork).text.contains("Test SAR referral SAR-2026-0001 against s44"))
        assertEqual(
            try await UserNotification.query(on: app.db).filter(\.$user.$id == fx[.policePublicProtection].id).count(),
            1)
        let page = try await panel.get(.sar(id))
        XCTAssertTrue(page.text.contains("Shannon Smith"))
        XCTAssertFalse(page.html.contains("checked"), "nothing is chosen for the panel")

        // All four met: only a mandatory review will do.
        let wrong = try await panel.post(
            .sarDecision(id),
            answers([true, true, true, true]) + [
                ("decision", "discretionary"), ("reasons", "The panel met on Tuesday"),
            ])
        XCTAssertEqual(wrong.status, .unprocessableEntity)
        XCTAssertTrue(wrong.text.contains("All four s44 questions are met, so a review is mandatory"))
        let done = try await panel.post(
            .sarDecision(id),
            answers([true, true, true, true]) + [
                ("decision", "mandatory"),
                ("reasons", "Every criterion met; reports were not shared between agencies"),
            ])
        XCTAssertEqual(done.location, SiteURL.sar(id).done("decided"))
        let decided = try await SARReferralRecord.find(id, on: app.db)!.referral
        XCTAssertEqual(decided.decision, .mandatory)
        XCTAssertEqual(decided.answers.count, 4)
        assertTrue(try await panel.get(.sar(id)).text.contains("Mandatory Safeguarding Adults Review (s44(1))"))
        assertTrue(
            try await auditEntries().contains { $0.recordType == "sar-referral" && $0.reason == "decided: mandatory" })
    }

    func testOnlyTheBusinessUnitAndThePanelOpenIt() async throws {
        let id = try await refer()
        for role in [Role.socialWorker, .teamManager, .boardMember, .auditor, .partnershipAdmin] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.get(.sars).status, .forbidden, "\(role)")
            assertEqual(try await b.get(.sar(id)).status, .forbidden, "\(role)")
            assertEqual(
                try await b.post(.sarDecision(id), answers([true, true, true, true]) + [("decision", "mandatory")])
                    .status, .forbidden, "\(role)")
        }
        // The case review sub-group is for children; the SAR panel decides adults' reviews.
        let user = try await User.find(fx[.teamManager].id, on: app.db)!
        user.reviewGroups = ReviewGroup.text([.caseReviewSubGroup])
        try await user.save(on: app.db)
        assertEqual(try await signedIn(fx[.teamManager]).get(.sar(id)).status, .forbidden)
        assertEqual(try await signedIn(fx[.businessUnitOfficer]).get(.sar(id)).status, .ok)
        assertEqual(
            try await signedIn(fx[.boardMember]).post(.personSARReferral(fx.shannon), [("what-happened", what)]).status,
            .forbidden)
        assertEqual(
            try await signedIn(fx[.policeOfficer]).get(.personSARReferral(fx.shannon)).location,
            SiteURL.personBreakGlass(fx.shannon).path)
        let anonymous = browser()
        for path in [SiteURL.sars.path, SiteURL.sar(id).path, SiteURL.personSARReferral(fx.shannon).path] {
            assertEqual(try await anonymous.get(path).location, SiteURL.signIn.path, path)
        }
        assertEqual(try await anonymous.post(.sarDecision(id), []).location, SiteURL.signIn.path)
        let unit = try await signedIn(fx[.businessUnitOfficer])
        assertEqual(
            try await unit.post(
                .sarDecision(id),
                answers([true, true, true, true]) + [
                    ("decision", "mandatory"),
                    ("reasons", "Every criterion met; reports were not shared"),
                ], csrf: false
            ).status,
            .forbidden)
        assertNil(
            try await SARReferralRecord.find(id, on: app.db)?.decision, "nothing was changed by the refused posts")
    }
}
