import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 16, item 4: practice reviews (LCSPR and SAR) from commissioning to publication.
final class PracticeReviewTests: ServerTestCase {
    /// A SAR the panel decided to hold, on Monday 2 March 2026, commissioned by the business unit.
    func commissionedSAR() async throws -> (UUID, Browser) {
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(
            .personSARReferral(fx.shannon),
            [("what-happened", "Found with serious injuries in her flat after months of reports of strangers there")])
        let sar = try await SARReferralRecord.query(on: app.db).first()!.id!
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let answers = S44Criterion.allCases.flatMap {
            [($0.rawValue, "yes"), ("\($0.rawValue)-note", "The agencies' records show this")]
        }
        _ = try await unit.post(
            .sarDecision(sar),
            answers + [("decision", "mandatory"), ("reasons", "Every criterion met; reports were not shared")])
        let refused = try await unit.post(.sarCommission(sar), [("title", "x")])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.text.contains("never the real name"))
        let res = try await unit.post(.sarCommission(sar), [("title", "Adult D")])
        XCTAssertEqual(res.status, .seeOther, res.text)
        assertEqual(
            try await unit.post(.sarCommission(sar), [("title", "Adult D")]).status, .conflict, "commissioned once")
        return (try await PracticeReviewRecord.query(on: app.db).first()!.id!, unit)
    }

    func testFromCommissioningToPublicationSixMonthsOn() async throws {
        let (id, unit) = try await commissionedSAR()
        let page = try await unit.get(.practiceReview(id))
        XCTAssertTrue(page.text.contains("Publication due by 2 September 2026"), page.text)
        let early = try await unit.post(.practiceReviewStep(id, "draft"), [("seen-by", "The family")])
        XCTAssertTrue(early.text.contains("Set up the review"))
        _ = try await unit.post(
            .practiceReviewStep(id, "set-up"),
            [
                ("terms", "How agencies shared reports of strangers at the flat and who acted on them"),
                ("reviewer", "Dr J Independent"), ("family", "Her sister met the reviewer"),
            ])
        _ = try await unit.post(
            .practiceReviewStep(id, "milestone"),
            [
                ("milestone", "Practitioner learning event"), ("milestone-due-day", "20"),
                ("milestone-due-month", "5"), ("milestone-due-year", "2026"),
            ])
        assertEqual(
            try await unit.post(.practiceReviewStep(id, "milestone-done"), [("index", "0")]).location,
            SiteURL.practiceReview(id).done("saved"))
        _ = try await unit.post(.practiceReviewStep(id, "draft"), [("seen-by", "The family\nThe agencies involved")])
        assertEqual(
            try await unit.post(
                .practiceReviewStep(id, "publish"),
                [("published-day", "1"), ("published-month", "6"), ("published-year", "2026")]
            ).status,
            .unprocessableEntity, "not before the board has responded")
        _ = try await unit.post(
            .practiceReviewStep(id, "board-response"),
            [("board-response", "The board accepts every recommendation and will monitor the plan quarterly")])
        assertEqual(
            try await unit.post(
                .practiceReviewStep(id, "publish"),
                [("published-day", "30"), ("published-month", "9"), ("published-year", "2026")]
            ).status,
            .unprocessableEntity, "late without a reason")
        _ = try await unit.post(
            .practiceReviewStep(id, "publish"),
            [
                ("published-day", "30"), ("published-month", "9"), ("published-year", "2026"),
                ("publish-late-reason", "Publication waited for the inquest"),
            ])
        let review = try await PracticeReviewRecord.find(id, on: app.db)!.review
        XCTAssertEqual(review.stage, .published)
        XCTAssertEqual(review.drafts.first?.seenBy, ["The family", "The agencies involved"])
        XCTAssertEqual(review.milestones.first?.doneOn, SimpleDate(year: 2026, month: 3, day: 2))
        // Published, the board reads it; before that it could not.
        let board = try await signedIn(fx[.boardMember])
        assertEqual(try await board.get(.practiceReview(id)).status, .ok)
        assertTrue(try await board.get(.practiceReviews).text.contains("Adult D"))

        // The business unit codes it with its themes, and the thematic analysis counts it as a SAR.
        let themes = ReviewThemeVocabulary.shipped.themes.prefix(2).map(\.key)
        let none = try await unit.post(.practiceReviewStep(id, "themes"), [])
        XCTAssertTrue(none.text.contains("Choose the themes the review found"), none.text)
        assertEqual(
            try await unit.post(.practiceReviewStep(id, "themes"), [("themes[]", "made-up")]).status,
            .unprocessableEntity)
        assertEqual(
            try await unit.post(.practiceReviewStep(id, "themes"), themes.map { ("themes[]", $0) }).location,
            SiteURL.practiceReview(id).done("coded"))
        _ = try await unit.post(.practiceReviewStep(id, "themes"), themes.map { ("themes[]", $0) })
        let coded = try await CodedReviewRecord.query(on: app.db).all()
        XCTAssertEqual(coded.count, 1, "coding again replaces, never adds")
        XCTAssertEqual(
            coded.first?.row?.review,
            CodedReview(
                reference: coded[0].reference, kind: .safeguardingAdultsReview,
                completedOn: SimpleDate(year: 2026, month: 9, day: 30)!, themes: Set(themes)))
        assertTrue(try await unit.get(.learningReviews).text.contains("Adult D"))
        assertTrue(try await board.get(.practiceReview(id)).text.contains(ReviewThemeVocabulary.shipped.themes[0].name))
        assertEqual(
            try await board.post(.practiceReviewStep(id, "themes"), themes.map { ("themes[]", $0) }).status, .forbidden)
    }

    func testWhoOpensAndRunsIt() async throws {
        let (id, _) = try await commissionedSAR()
        for role in [Role.socialWorker, .boardMember, .teamManager] {
            assertEqual(
                try await signedIn(fx[role]).get(.practiceReview(id)).status, .forbidden, "\(role) before publication")
        }
        let user = try await User.find(fx[.policePublicProtection].id, on: app.db)!
        user.reviewGroups = ReviewGroup.text([.sarPanel])
        try await user.save(on: app.db)
        let panel = try await signedIn(fx[.policePublicProtection])
        assertEqual(try await panel.get(.practiceReview(id)).status, .ok, "the SAR panel reads its SARs")
        let sar = try await SARReferralRecord.query(on: app.db).first()!.id!
        assertEqual(
            try await panel.post(.sarCommission(sar), [("title", "Adult E")]).status, .forbidden,
            "only the business unit commissions")
        assertEqual(try await browser().post(.sarCommission(sar), []).location, SiteURL.signIn.path)
        for step in [
            "set-up", "milestone", "milestone-done", "draft", "board-response", "publish", "not-publishing", "themes",
        ] {
            assertEqual(
                try await panel.post(.practiceReviewStep(id, step), []).status, .forbidden,
                "only the business unit runs it: \(step)")
        }
        assertEqual(try await browser().get(.practiceReview(id)).location, SiteURL.signIn.path)
        assertEqual(try await browser().post(.practiceReviewStep(id, "set-up"), []).location, SiteURL.signIn.path)
        let unit = try await signedIn(fx[.businessUnitOfficer])
        assertEqual(
            try await unit.post(
                .practiceReviewStep(id, "not-publishing"),
                [("not-publishing-reason", "Publishing would identify the adult's children")],
                csrf: false
            ).status, .forbidden)
        assertEqual(
            try await PracticeReviewRecord.find(id, on: app.db)?.notPublishingReason, "",
            "nothing was changed by the refused posts")
    }
}
