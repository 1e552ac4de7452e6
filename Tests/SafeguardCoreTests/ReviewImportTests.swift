import Testing

@testable import SafeguardCore
@testable import SafeguardDemoData

struct ReviewImportTests {
    static let today = SimpleDate(year: 2026, month: 12, day: 5)!
    static let header = ["reference", "title", "kind", "completed_on", "themes"]

    static func check(_ rows: [[String]], header: [String] = header) -> (rows: [ReviewImport.Row], check: ImportCheck) {
        ReviewImport.check(header: header, rows: rows, vocabulary: .shipped, today: today)
    }

    @Test func aGoodRowIsReadByThemeNameOrKey() {
        let (rows, check) = Self.check([
            ["SCR-1", "Child A", "serious-case-review", "2016-03-31", "Professional curiosity; think-family"]
        ])
        #expect(check.isClean)
        #expect(rows.map(\.review.themes) == [["professional-curiosity", "think-family"]])
        #expect(rows.first?.review.completedOn == SimpleDate(year: 2016, month: 3, day: 31))
        #expect(rows.first?.review.kind == .seriousCaseReview)
    }

    @Test func everyBadRowIsNamedWithItsFieldAndNothingComesBack() {
        let (rows, check) = Self.check([
            ["SCR-1", "Child A", "serious-case-review", "2016-03-31", "Professional curiosity"],
            ["SCR-1", "", "case review", "31/03/2016", "Curiosity"],
            ["SCR-3", "Child C", "lcspr", "2027-01-01", ""],
        ])
        #expect(rows.isEmpty, "one bad row loads nothing")
        #expect(
            check.problems.map { "\($0.row) \($0.field)" } == [
                "3 reference", "3 title", "3 kind", "3 completed_on", "3 themes", "4 completed_on", "4 themes",
            ])
        #expect(check.problems[0].message == "SCR-1 is also on row 2: each review once")
        #expect(check.problems[4].message.contains("'Curiosity' is not a theme"))
        #expect(
            check.report(fileName: "reviews.csv").hasPrefix(
                "reviews.csv: nothing was loaded. Correct these and load the file again:\n  row 3, reference:"))
    }

    @Test func aMissingColumnIsReportedAgainstTheHeader() {
        let (_, check) = Self.check(
            [["SCR-1", "Child A", "2016-03-31"]], header: ["reference", "title", "completed_on"])
        #expect(
            check.problems.map(\.description) == [
                "row 1, kind: there is no column called kind: the header must name reference, title, kind, completed_on, themes",
                "row 1, themes: there is no column called themes: the header must name reference, title, kind, completed_on, themes",
            ])
    }

    @Test func loadingTwiceChangesNothingAndARecodingIsSeen() {
        let (rows, _) = Self.check([
            ["SCR-1", "Child A", "sar", "2016-03-31", "Escalation"],
            ["SCR-2", "Child B", "sar", "2017-03-31", "Recording"],
        ])
        let first = ReviewImport.plan(rows, existing: [:])
        #expect(first.added.count == 2 && first.recoded.isEmpty && first.unchanged == 0)
        let held = Dictionary(uniqueKeysWithValues: rows.map { ($0.review.reference, $0) })
        let again = ReviewImport.plan(rows, existing: held)
        #expect(again.added.isEmpty && again.recoded.isEmpty && again.unchanged == 2)
        var changed = rows
        changed[1].review.themes = ["recording", "escalation"]
        let recoded = ReviewImport.plan(changed, existing: held)
        #expect(recoded.recoded.map(\.review.reference) == ["SCR-2"] && recoded.unchanged == 1)
    }

    @Test func theDownloadLoadsBackTheSame() {
        let rows = DemoLearning.historicalReviews
        let lines = ReviewImport.csvLines(rows, vocabulary: .shipped)
        let (back, check) = Self.check(Array(lines.dropFirst()), header: lines[0])
        #expect(check.isClean)
        #expect(back == rows)
    }

    @Test func theDemoReviewsGiveSeed004sFigures() {
        let analysis = ThematicAnalysis(reviews: DemoLearning.historicalReviews.map(\.review), vocabulary: .shipped)
        #expect(analysis.reviews == 27)
        #expect(analysis.share("assessment-risk-assessment")?.percent == 85)
        #expect(analysis.share("lived-experience-of-the-child")?.percent == 63)
        #expect(analysis.share("professional-curiosity")?.percent == 63)
        #expect(analysis.shares.filter { $0.percent == 4 }.count == 11)
        #expect(analysis.overlapRows.count == 7)
        let inAny = analysis.overlapRows.map(\.reviews).reduce(0, +)
        #expect(inAny == analysis.overlap!.regions.values.reduce(0, +))
        #expect(analysis.csvLines.count == analysis.shares.count + 1)
        #expect(analysis.csvLines[1] == ["Assessment / risk assessment", "Practitioner factors", "23", "27", "85%"])
    }
}
