import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardDemoData
@testable import SafeguardServer

/// Issue 16's learning pages: historical reviews loaded whole or not at all, the thematic analysis giving seed
/// 004's figures back, and 7-minute briefings from draft to published, read and withdrawn.
final class LearningTests: ServerTestCase {
    let header = "reference,title,kind,completed_on,themes\n"

    /// The page without class attributes, so a table row reads as `<td>a</td><td>b</td>`.
    func cells(_ res: XCTHTTPResponse) -> String {
        res.text.replacingOccurrences(of: #" class="[^"]*""#, with: "", options: .regularExpression)
    }

    func loadSeed004() async throws {
        _ = try await ReviewsImport.load(DemoLearning.historicalReviews, source: "test", now: clock.now, on: app.db)
    }

    func testReviewsLoadOnceAndABadRowLoadsNothing() async throws {
        let good = "SCR-1,Child A,serious-case-review,2016-03-31,Professional curiosity; Think family\n"
        var report = try await ReviewsImport.run(csv: header + good, fileName: "reviews.csv", on: app)
        XCTAssertEqual(report, .init(added: 1, recoded: 0, unchanged: 0))
        report = try await ReviewsImport.run(csv: header + good, fileName: "reviews.csv", on: app)
        XCTAssertEqual(report, .init(added: 0, recoded: 0, unchanged: 1), "loading twice changes nothing")
        let recoded = "SCR-1,Child A,serious-case-review,2016-03-31,Professional curiosity; Escalation\n"
        report = try await ReviewsImport.run(csv: header + recoded, fileName: "reviews-2.csv", on: app)
        XCTAssertEqual(report, .init(added: 0, recoded: 1, unchanged: 0))
        assertEqual(try await CodedReviewRecord.query(on: app.db).first()?.themes, "escalation professional-curiosity")

        let bad = "SCR-2,Child B,serious-case-review,31/03/2016,Curiosity\nSCR-3,Child C,lcspr,2017-01-01,Recording\n"
        do {
            _ = try await ReviewsImport.run(csv: header + bad, fileName: "bad.csv", on: app)
            XCTFail("a bad file must be refused")
        } catch let p as ImportProblem {
            XCTAssertTrue(p.description.hasPrefix("bad.csv: nothing was loaded"))
            XCTAssertTrue(
                p.description.contains("row 2, completed_on: '31/03/2016' is not a date: write it as YYYY-MM-DD"))
            XCTAssertTrue(p.description.contains("row 2, themes: 'Curiosity' is not a theme"))
        }
        assertEqual(
            try await CodedReviewRecord.query(on: app.db).count(), 1, "the good row of a bad file is not loaded either")
        assertTrue(
            try await auditEntries().contains { $0.userID == "import:reviews.csv" && $0.recordType == "coded-reviews" })
    }

    func testTheThemesPageGivesSeed004sFiguresWithChartTableAndCSV() async throws {
        try await loadSeed004()
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let page = try await unit.get(.learningThemes)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.text.contains("27 reviews completed 31 March 2006 to"), page.text)
        XCTAssertTrue(page.text.contains("<svg"))
        let table = cells(page)
        XCTAssertTrue(
            table.contains(
                "Assessment / risk assessment</td><td>Practitioner factors</td><td>23 of 27</td><td>85%</td>"))
        XCTAssertTrue(
            table.contains("Lived experience of the child</td><td>Child factors</td><td>17 of 27</td><td>63%"))
        XCTAssertTrue(
            table.contains("Professional curiosity</td><td>Practitioner factors</td><td>17 of 27</td><td>63%"))
        XCTAssertEqual(
            table.components(separatedBy: "<td>1 of 27</td><td>4%</td>").count - 1, 11, "eleven themes at 4%")
        XCTAssertTrue(page.text.contains("How the three most frequent themes overlap"))

        let csv = try await unit.get(.learningThemesCSV)
        XCTAssertEqual(csv.headers.contentType?.description, "text/csv; charset=utf-8")
        XCTAssertTrue(csv.body.string.contains("Assessment / risk assessment,Practitioner factors,23,27,85%"))

        let sars = try await unit.get(.learningThemes, query: [("kind", "sar")])
        XCTAssertTrue(sars.text.contains("0 reviews completed"))
        let early = try await unit.get(.learningThemes, query: [("from", "2006-01-01"), ("to", "2010-12-31")])
        XCTAssertTrue(early.text.contains("10 reviews completed 1 January 2006 to 31 December 2010"))
        let wrong = try await unit.get(
            .learningThemes, query: [("from-day", "31"), ("from-month", "2"), ("from-year", "2010")])
        XCTAssertEqual(wrong.status, .unprocessableEntity)
        XCTAssertTrue(wrong.text.contains("Enter the start of the period as a real date"))

        let reviews = try await unit.get(.learningReviewsCSV)
        XCTAssertTrue(reviews.body.string.hasPrefix("reference,title,kind,completed_on,themes\n"))
        XCTAssertEqual(reviews.body.string.split(separator: "\n").count, 28)

        // The board sees the figures and starts there; it may not change the vocabulary.
        let board = try await signedIn(fx[.boardMember])
        assertEqual(try await board.get(.home).location, SiteURL.learning.path)
        let home = try await board.get(.learning)
        XCTAssertTrue(home.text.contains("assessment / risk assessment: 85% of reviews (23)"), home.text)
        assertEqual(
            try await board.post(.learningThemeVocabulary, [("name", "Neurodiversity"), ("group", "child")]).status,
            .forbidden)
    }

    func testTheBusinessUnitAddsATheme() async throws {
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let refused = try await unit.post(
            .learningThemeVocabulary, [("name", "Professional curiosity"), ("group", "")])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(refused.text.contains("Choose the group the theme belongs to"))
        XCTAssertTrue(refused.text.contains("already exists"))
        let added = try await unit.post(.learningThemeVocabulary, [("name", "Neurodiversity"), ("group", "child")])
        XCTAssertEqual(added.location, SiteURL.learningThemeVocabulary.done("theme-added"))
        let csv = "SCR-9,Child N,serious-case-review,2018-01-01,Neurodiversity\n"
        assertEqual(
            try await ReviewsImport.run(csv: header + csv, fileName: "n.csv", on: app).added, 1,
            "a review can be coded with the new theme")
    }

    func briefingFields(
        title: String = "The men around a baby", sections: [BriefingSection: String], theme: String = ""
    ) -> [(String, String)] {
        [("title", title), ("review", ""), ("theme", theme), ("course", "")]
            + BriefingSection.allCases.map { ($0.rawValue, sections[$0] ?? "") }
    }

    func testABriefingFromDraftToPublishedReadAndWithdrawn() async throws {
        let unit = try await signedIn(fx[.businessUnitOfficer])
        let worker = try await signedIn(fx[.socialWorker])
        // An unfinished draft saves; nobody else sees it.
        let saved = try await unit.post(
            .learningBriefingNew, briefingFields(sections: [.background: "Babies and the men around them."]))
        XCTAssertEqual(saved.status, .seeOther)
        let record = try await BriefingRecord.query(on: app.db).first()!
        let id = record.id!
        XCTAssertEqual(record.status, .draft)
        assertEqual(try await worker.get(.learningBriefing(id)).status, .notFound)
        assertFalse(try await worker.get(.learning).text.contains("The men around a baby"))

        // The check lists what is missing, and publishing refuses until it is there.
        let check = try await unit.get(.learningBriefingPublish(id))
        XCTAssertTrue(check.text.contains("Write section 2, why it matters"))
        XCTAssertTrue(check.text.contains("Link the briefing to the review or the theme it draws on"))
        XCTAssertFalse(check.text.contains("Publish to everyone"))
        assertEqual(try await unit.post(.learningBriefingPublish(id), []).status, .unprocessableEntity)
        assertEqual(try await BriefingRecord.find(id, on: app.db)?.status.rawValue, "draft")

        let tooLong = try await unit.post(
            .learningBriefingEdit(id),
            briefingFields(
                sections: [.background: String(repeating: "word ", count: 130)], theme: "engagement-of-fathers"))
        XCTAssertEqual(tooLong.status, .unprocessableEntity)
        XCTAssertTrue(tooLong.text.contains("has 130 words: keep it to 120"))
        XCTAssertTrue(tooLong.text.contains("word word word"), "what was typed is kept")

        let opened = Browser.hiddenValue("opened-as", in: try await unit.get(.learningBriefingEdit(id)).text) ?? ""
        let complete = try await unit.post(
            .learningBriefingEdit(id),
            briefingFields(sections: DemoLearning.menAroundABaby, theme: "engagement-of-fathers") + [
                ("opened-as", opened)
            ])
        XCTAssertEqual(complete.status, .seeOther)
        assertTrue(try await unit.get(.learningBriefingPublish(id)).text.contains("Publish to everyone"))
        assertEqual(
            try await unit.post(.learningBriefingPublish(id), []).location,
            SiteURL.learningBriefing(id).done("published"))

        // Everyone reads it; reading is recorded once, by agency.
        let list = try await worker.get(.learning)
        XCTAssertTrue(list.text.contains("The men around a baby"))
        XCTAssertTrue(list.text.contains("Not read yet"))
        let page = try await worker.get(.learningBriefing(id))
        XCTAssertTrue(page.text.contains("Theme: Engagement of fathers"))
        XCTAssertTrue(page.text.contains("7</span> What to do, and questions to consider"))
        assertEqual(try await worker.post(.learningBriefingRead(id), []).status, .seeOther)
        assertEqual(try await worker.post(.learningBriefingRead(id), []).status, .seeOther)
        assertEqual(try await BriefingReadRecord.query(on: app.db).count(), 1)
        assertTrue(try await worker.get(.learningBriefing(id)).text.contains("You marked this briefing read on"))
        let reads = try await unit.get(.learningBriefingReads(id))
        XCTAssertTrue(
            cells(reads).contains("Northmere Children&#39;s Services</td><td>12</td><td>1</td><td>8%</td>"), reads.text)
        XCTAssertTrue(reads.text.contains("1 of 16 people with an account have marked it read (6%)"))
        let readsCSV = try await unit.get(.learningBriefingReadsCSV(id))
        XCTAssertTrue(readsCSV.body.string.contains("Northmere Children's Services,"))

        // Published text is not changed in place; withdrawing needs a reason.
        assertEqual(
            try await unit.post(
                .learningBriefingEdit(id), briefingFields(sections: DemoLearning.menAroundABaby, theme: "escalation")
            ).status,
            .unprocessableEntity)
        let short = try await unit.post(.learningBriefingWithdraw(id), [("reason", "old")])
        XCTAssertEqual(short.status, .unprocessableEntity)
        XCTAssertTrue(short.text.contains("Say why it is withdrawn"))
        assertEqual(
            try await unit.post(.learningBriefingWithdraw(id), [("reason", "Superseded by the 2027 procedures")])
                .status, .seeOther)
        assertEqual(try await worker.get(.learningBriefing(id)).status, .notFound)
        assertTrue(
            try await unit.get(.learningBriefing(id)).text.contains("Withdrawn: Superseded by the 2027 procedures"))
        let trail = try await auditEntries().filter { $0.recordType == "briefing" }.map(\.reason)
        XCTAssertTrue(
            trail.contains("published") && trail.contains("marked read")
                && trail.contains("withdrawn: Superseded by the 2027 procedures"))
    }

    func testEveryLearningRouteRefusesTheWrongRoleAndNoSession() async throws {
        try await loadSeed004()
        let unit = try await signedIn(fx[.businessUnitOfficer])
        _ = try await unit.post(
            .learningBriefingNew, briefingFields(sections: DemoLearning.menAroundABaby, theme: "engagement-of-fathers"))
        let id = try await BriefingRecord.query(on: app.db).first()!.id!
        _ = try await unit.post(.learningBriefingPublish(id), [])
        let manageGets = [
            SiteURL.learningBriefingNew.path, SiteURL.learningBriefingEdit(id).path,
            SiteURL.learningBriefingPublish(id).path,
            SiteURL.learningBriefingWithdraw(id).path, SiteURL.learningBriefingReads(id).path,
            SiteURL.learningBriefingReadsCSV(id).path,
        ]
        let managePosts = [
            SiteURL.learningBriefingNew.path, SiteURL.learningBriefingEdit(id).path,
            SiteURL.learningBriefingPublish(id).path,
            SiteURL.learningBriefingWithdraw(id).path, SiteURL.learningThemeVocabulary.path,
        ]
        let figures = [
            SiteURL.learningThemes.path, SiteURL.learningThemesCSV.path, SiteURL.learningReviews.path,
            SiteURL.learningReviewsCSV.path, SiteURL.learningThemeVocabulary.path,
        ]
        for role in [Role.socialWorker, .boardMember, .trainer, .mashManager] {
            let b = try await signedIn(fx[role])
            for path in manageGets { assertEqual(try await b.get(path).status, .forbidden, "\(role) GET \(path)") }
            for path in managePosts {
                assertEqual(
                    try await b.post(path, [("reason", "Superseded by the 2027 procedures")]).status, .forbidden,
                    "\(role) POST \(path)")
            }
            assertEqual(try await b.get(.learning).status, .ok, "\(role) reads the learning")
        }
        for role in [Role.socialWorker, .learner, .policeOfficer, .agencyManager] {
            let b = try await signedIn(fx[role])
            for path in figures { assertEqual(try await b.get(path).status, .forbidden, "\(role) GET \(path)") }
        }
        let anonymous = browser()
        for path in [SiteURL.learning.path, SiteURL.learningBriefing(id).path] + manageGets + figures {
            assertEqual(try await anonymous.get(path).location, SiteURL.signIn.path, path)
        }
        for path in managePosts + [SiteURL.learningBriefingRead(id).path] {
            assertEqual(try await anonymous.post(path, []).location, SiteURL.signIn.path, path)
        }
        // A form from another site has no token.
        let worker = try await signedIn(fx[.socialWorker])
        assertEqual(try await worker.post(.learningBriefingRead(id), [], csrf: false).status, .forbidden)
        assertEqual(
            try await unit.post(
                .learningBriefingWithdraw(id), [("reason", "Superseded by the 2027 procedures")], csrf: false
            ).status, .forbidden)
        assertEqual(try await BriefingReadRecord.query(on: app.db).count(), 0)
        assertEqual(
            try await BriefingRecord.find(id, on: app.db)?.status.rawValue, "published",
            "nothing was changed by the refused posts")
    }

    func testTheThematicFiguresAsJSON() async throws {
        try await loadSeed004()
        let token = try await APITests.issue(in: self, agency: fx.police, permissions: [APIPrincipal.learningRead])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        let res = try await app.sendRequest(
            .GET, SiteURL.api(.learningThemes).with(query: [("kind", "serious-case-review")]), headers: h)
        XCTAssertEqual(res.status, .ok)
        let figures = try res.content.decode(APILearningController.ThematicFiguresDTO.self)
        XCTAssertEqual(figures.reviews, 27)
        XCTAssertEqual(figures.themes.first.map { "\($0.key) \($0.percent)" }, "assessment-risk-assessment 85")
        XCTAssertEqual(figures.themes.filter { $0.percent == 4 }.count, 11)
        XCTAssertEqual(figures.overlaps.count, 7)
        let bad = try await app.sendRequest(
            .GET, SiteURL.api(.learningThemes).with(query: [("from", "2020-02-31")]), headers: h)
        XCTAssertEqual(bad.status, .badRequest)

        let other = try await APITests.issue(in: self, agency: fx.police, permissions: [APIPrincipal.read])
        h.bearerAuthorization = .init(token: other)
        assertEqual(try await app.sendRequest(.GET, SiteURL.api(.learningThemes).path, headers: h).status, .forbidden)
        assertEqual(try await app.sendRequest(.GET, SiteURL.api(.learningThemes).path).status, .unauthorized)
    }
}

extension LearningTests {
    /// The example file the README points to loads, and gives the themes page seed 004's figures.
    func testTheExampleFileLoadsTheDemosReviews() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Examples/historical-reviews.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let report = try await ReviewsImport.run(csv: text, fileName: "historical-reviews.csv", on: app)
        XCTAssertEqual(report, .init(added: 27, recoded: 0, unchanged: 0))
        let rows = try await CodedReviewRecord.rows(on: app.db)
        XCTAssertEqual(
            rows.sorted { $0.review.reference < $1.review.reference },
            DemoLearning.historicalReviews.sorted { $0.review.reference < $1.review.reference })
    }
}
