import Testing

@testable import SafeguardCore
@testable import SafeguardDemoData

struct SevenMinuteBriefingTests {
    static let today = SimpleDate(year: 2026, month: 12, day: 5)!
    static let reviews: Set<String> = ["NM-SCR-2019-1"]

    static func full() -> SevenMinuteBriefing {
        SevenMinuteBriefing(
            title: "The men around a baby", sections: DemoLearning.menAroundABaby, themeKey: "engagement-of-fathers")
    }

    @Test func sevenNumberedSectionsInTheCommonOrder() {
        #expect(BriefingSection.allCases.map(\.number) == Array(1...7))
        #expect(BriefingSection.allCases.first?.heading == "Background")
        #expect(BriefingSection.allCases.last?.heading == "What to do, and questions to consider")
    }

    @Test func aDraftMayBeUnfinishedButNotTooLong() {
        var b = SevenMinuteBriefing(title: "", sections: [.background: String(repeating: "word ", count: 121)])
        #expect(
            b.draftProblems(vocabulary: .shipped, knownReviews: Self.reviews).map(\.field) == ["title", "background"])
        b.title = "Neglect"
        b.sections[.background] = "Short."
        #expect(b.draftProblems(vocabulary: .shipped, knownReviews: Self.reviews).isEmpty)
        b.themeKey = "no-such-theme"
        b.reviewReference = "SCR-404"
        #expect(b.draftProblems(vocabulary: .shipped, knownReviews: Self.reviews).map(\.field) == ["review", "theme"])
    }

    @Test func publishingNeedsEverySectionAndALink() {
        var b = SevenMinuteBriefing(title: "Neglect", sections: [.background: "Short."])
        let problems = b.publishProblems(vocabulary: .shipped, knownReviews: Self.reviews)
        #expect(
            problems.map(\.field) == [
                "why-it-matters", "key-information-1", "key-information-2", "key-information-3", "what-to-note",
                "what-to-do", "review",
            ])
        #expect(throws: FieldProblem.self) {
            try b.publish(on: Self.today, vocabulary: .shipped, knownReviews: Self.reviews)
        }
        #expect(b.status == .draft)
    }

    @Test func publishWithdrawAndPublishAgain() throws {
        var b = Self.full()
        #expect(b.mayEdit)
        try b.publish(on: Self.today, vocabulary: .shipped, knownReviews: Self.reviews)
        #expect(b.status == .published && b.publishedOn == Self.today && !b.mayEdit)
        #expect(throws: FieldProblem(field: "status", message: "This briefing is already published")) {
            try b.publish(on: Self.today, vocabulary: .shipped, knownReviews: Self.reviews)
        }
        #expect(throws: FieldProblem.self) { try b.withdraw(reason: "old") }
        try b.withdraw(reason: "Superseded by the 2027 procedures")
        #expect(b.status == .withdrawn && b.mayEdit && b.withdrawnReason == "Superseded by the 2027 procedures")
        #expect(throws: FieldProblem.self) { try b.withdraw(reason: "Superseded again, twice") }
        try b.publish(on: Self.today, vocabulary: .shipped, knownReviews: Self.reviews)
        #expect(b.status == .published && b.withdrawnReason == nil)
    }

    @Test func theDemoBriefingsFitTheirLimits() {
        for d in DemoLearning.briefings {
            let known = Set(DemoLearning.historicalReviews.map(\.review.reference))
            let problems =
                d.published
                ? d.briefing.publishProblems(vocabulary: .shipped, knownReviews: known)
                : d.briefing.draftProblems(vocabulary: .shipped, knownReviews: known)
            #expect(problems.isEmpty, "\(d.briefing.title): \(problems)")
        }
    }

    @Test func readsByAgencyAddUp() {
        let r = BriefingReadership(
            staff: ["Police": 10, "School": 3, "Housing": 0], reads: ["Police": 4, "School": 3, "Fire": 1])
        #expect(
            r.rows.map(\.agency) == ["Fire", "Police", "School"], "an agency with no users and no reads is left out")
        #expect(r.rows.map(\.percent) == [nil, 40, 100])
        #expect(r.total.staff == 13 && r.total.read == 8 && r.total.percent == 62)
        #expect(r.csvLines.last == ["Total", "13", "8", "62%"])
    }
}
