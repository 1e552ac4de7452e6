import Testing

@testable import SafeguardCore

/// Seed 004: 27 serious case reviews (2006 to 2019) coded for professional themes. The seed gives the top three
/// (assessment 85%, lived experience of the child 63%, professional curiosity 63%) and says eleven themes occur
/// once (4%); the other counts are read off its bar chart only roughly, so the fixture below fixes those stated
/// figures and spreads the rest plausibly.
struct ThematicAnalysisTests {
    static let vocabulary = ReviewThemeVocabulary.shipped

    static let counts: [String: Int] = [
        "assessment-risk-assessment": 23, "lived-experience-of-the-child": 17, "professional-curiosity": 17,
        "information-sharing": 14, "working-together": 12, "supervision-management-oversight": 11, "think-family": 9,
        "escalation": 8, "recording": 7, "identification-of-disguised-compliance": 7, "engagement-of-fathers": 6,
        "policies-procedures-and-protocols": 5, "rule-of-optimism": 5, "professional-challenge": 4, "think-sibling": 4,
        "needs-of-the-parent-over-the-child": 3, "roles-and-responsibilities": 3, "timeliness-of-support": 2,
        "resources": 2,
        "respectful-uncertainty": 2, "cultural-competence": 2,
        // The eleven that occur once.
        "confidence": 1, "awareness-of-child-sexual-abuse": 1, "think-the-unthinkable": 1,
        "awareness-of-child-sexual-exploitation": 1,
        "professional-judgement": 1, "desensitisation-to-poor-levels-of-care": 1, "trained-staff": 1,
        "understanding-child-and-adolescent-development": 1, "following-up-parents-accessing-services": 1,
        "making-verbal-agreements": 1, "community-intelligence": 1,
    ]

    /// 27 reviews, two a year from 2006 (one in 2019), each theme given to `count` reviews in turn.
    static let reviews: [CodedReview] = {
        var themes = Array(repeating: Set<String>(), count: 27)
        var next = 0
        for theme in vocabulary.themes {
            for _ in 0..<(counts[theme.key] ?? 0) {
                themes[next % 27].insert(theme.key)
                next += 1
            }
        }
        return (0..<27).map { i in
            CodedReview(
                reference: "SCR-\(i + 1)", kind: .seriousCaseReview,
                completedOn: SimpleDate(year: 2006 + i / 2, month: i % 2 == 0 ? 3 : 9, day: 1)!, themes: themes[i])
        }
    }()

    @Test func theShippedVocabularyIsSeed004sList() {
        let groups = Dictionary(grouping: Self.vocabulary.themes, by: \.group).mapValues(\.count)
        #expect(groups == [.practitioner: 19, .child: 3, .parental: 6, .external: 4])
        #expect(
            Set(Self.counts.keys).isSubset(of: Set(Self.vocabulary.themes.map(\.key))),
            "the fixture names only shipped themes")
    }

    @Test func seed004sFiguresComeBackExactly() {
        let analysis = ThematicAnalysis(reviews: Self.reviews, vocabulary: Self.vocabulary)
        #expect(analysis.reviews == 27)
        #expect(analysis.share("assessment-risk-assessment")?.percent == 85)
        #expect(analysis.share("lived-experience-of-the-child")?.percent == 63)
        #expect(analysis.share("professional-curiosity")?.percent == 63)
        #expect(analysis.shares.filter { $0.percent == 4 }.count == 11, "eleven themes at 4%")
        #expect(
            analysis.shares.prefix(3).map(\.theme.key) == [
                "assessment-risk-assessment", "professional-curiosity", "lived-experience-of-the-child",
            ],
            "most frequent first; a tie keeps the vocabulary's order")
        let overlap = try! #require(analysis.overlap)
        let withAny = Self.reviews.filter { r in overlap.themes.contains { r.themes.contains($0.key) } }.count
        #expect(
            overlap.regions.values.reduce(0, +) == withAny,
            "the Venn regions add up to the reviews with any of the three")
        #expect(
            overlap.regions[[true, true, true]]
                == Self.reviews.filter { r in overlap.themes.allSatisfy { r.themes.contains($0.key) } }.count)
    }

    @Test func aPeriodAndAKindNarrowTheReviewsCounted() {
        let since2013 = SimpleDate(year: 2013, month: 1, day: 1)!...SimpleDate(year: 2019, month: 12, day: 31)!
        let recent = ThematicAnalysis(reviews: Self.reviews, vocabulary: Self.vocabulary, period: since2013)
        #expect(recent.reviews == 13)
        #expect(
            ThematicAnalysis(reviews: Self.reviews, vocabulary: Self.vocabulary, kinds: [.safeguardingAdultsReview])
                .reviews == 0)
        #expect(ThematicAnalysis(reviews: [], vocabulary: Self.vocabulary).shares.isEmpty)
        #expect(
            ThematicAnalysis.percent(1, of: 27) == 4 && ThematicAnalysis.percent(1, of: 8) == 13
                && ThematicAnalysis.percent(0, of: 0) == 0)
    }

    @Test func aPartnershipAddsItsOwnThemes() throws {
        var vocabulary = Self.vocabulary
        let added = try vocabulary.add(name: "  Neurodiversity ", group: .child)
        #expect(added.key == "neurodiversity" && added.name == "Neurodiversity")
        #expect(throws: ReviewThemeVocabulary.Problem.keyInUse("professional-curiosity")) {
            _ = try vocabulary.add(name: "Professional Curiosity", group: .practitioner)
        }
        #expect(throws: ReviewThemeVocabulary.Problem.emptyName) { _ = try vocabulary.add(name: " ", group: .external) }
    }
}
