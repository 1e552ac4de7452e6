import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// The MASH front door end to end: a school refers, the MASH rates and asks partners, partners
/// answer, the MASH decides, a manager signs off, the school sees the outcome and only that.
final class ReferralFlowTests: ServerTestCase {
    func testASchoolRefersAndGetsAReferenceAndADecisionClock() async throws {
        let (b, id) = try await refer()
        let sent = try await b.get(.referralSent(id))
        XCTAssertTrue(sent.text.contains("MASH-2026-000001"))
        // Received Monday 2 March 2026 at 10:00: a child's decision is due by the end of the next working day.
        XCTAssertTrue(sent.text.contains("3 March 2026, 5:00pm"))
        let referral = try await Referral.find(id, on: app.db)!
        XCTAssertEqual(referral.status, .submitted)
        XCTAssertEqual(referral.$district.id, fx.district, "district from the postcode")
        assertTrue(try await auditEntries().contains { $0.action == "create" && $0.recordType == "referral" })
        let mine = try await b.get(.referrals)
        XCTAssertTrue(mine.text.contains("MASH-2026-000001"))
        XCTAssertTrue(mine.text.contains("With the MASH"))
    }

    func testEachPageExplainsWhatIsMissing() async throws {
        let b = try await signedIn(fx[.healthPractitioner])
        let id = try await recordID(in: b.post(.referralNew, []).location)
        let none = try await b.post(.referralStep(id, .people), [("action", "continue")])
        XCTAssertTrue(none.text.contains("Add at least one person the referral is about"))
        let concerns = try await b.post(.referralStep(id, .concerns), [("what-happened", "short")])
        XCTAssertTrue(concerns.text.contains("href=\"#concerns\">Select at least one kind of concern"))
        XCTAssertTrue(concerns.text.contains("href=\"#what-happened\">Describe what happened"))
        let consent = try await b.post(
            .referralStep(id, .sharing), [("family-awareness", "told-and-disagrees"), ("lawful-basis", "consent")])
        XCTAssertTrue(consent.text.contains("consent cannot be the basis"))
        let phone = try await b.post(
            .referralStep(id, .contact), [("urgency", "standard"), ("referrer-phone", "call me")])
        XCTAssertTrue(phone.text.contains("Enter a telephone number"))
        let early = try await b.post(.referralSubmit(id), [])
        XCTAssertEqual(early.status, .unprocessableEntity, "a half-written referral cannot be sent")
        assertEqual(try await Referral.find(id, on: app.db)?.status, .draft)
    }

    func testADraftIsTheAuthorsAlone() async throws {
        let author = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        let id = try await recordID(in: author.post(.referralNew, []).location)
        let other = try await signedIn(fx[.healthPractitioner])
        assertEqual(try await other.get(.referralStep(id, .people)).status, .forbidden)
        let mash = try await signedIn(fx[.mashManager])
        assertEqual(try await mash.get(.referral(id)).status, .notFound)
        assertFalse(try await mash.get(.mash).text.contains("DRAFT-"))
        for role in [Role.trainer, .boardMember, .partnershipAdmin, .auditor] {
            let b = try await signedIn(fx[role])
            assertEqual(try await b.post(.referralNew, []).status, .forbidden, "\(role)")
        }
    }

    /// A change made from "Check your answers" goes back there, even when the first try had a problem.
    func testAChangeFromTheCheckPageGoesBackThereAfterAProblem() async throws {
        let (b, id) = try await refer(submit: false)
        let bad = try await b.post(
            .referralStep(id, .contact), [("return", "check"), ("urgency", "today"), ("referrer-phone", "call me")])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.text.contains("Enter a telephone number"))
        XCTAssertTrue(bad.text.contains("name=\"return\" value=\"check\""), "the way back is kept with the problem")
        XCTAssertTrue(bad.text.contains("href=\"\(SiteURL.referralCheck(id).path)\" class=\"sg-back-link\""))
        let fixed = try await b.post(
            .referralStep(id, .contact),
            [("return", "check"), ("urgency", "today"), ("referrer-phone", "01632 960 002")])
        XCTAssertEqual(fixed.location, SiteURL.referralCheck(id).path)
        let another = try await b.post(
            .referralStep(id, .people),
            [
                ("return", "check"), ("action", "add"), ("subject-first-name", "Tia"), ("subject-last-name", "Smyth"),
                ("subject-dob-day", "1"), ("subject-dob-month", "2"), ("subject-dob-year", "2020"),
                ("subject-gender", "female"), ("subject-nhs-number", ""),
            ])
        XCTAssertEqual(another.location, SiteURL.referralStep(id, .people).with(query: [("return", "check")]))
    }
}
