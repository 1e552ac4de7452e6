import Foundation
import Testing

@testable import SafeguardCore

struct KeptFormRulesTests {
    @Test(arguments: [
        ("/people/1/other-names", true), ("/sign-in", false), ("/sign-out", false), ("/register", false),
        ("//evil.example/x", false), ("https://evil.example", false), ("/a\\b", false), ("relative", false),
    ])
    func whichPostsAreKept(path: String, kept: Bool) {
        #expect(KeptFormRules.keeps(path: path) == kept)
    }

    @Test func keptForTwoHoursAndWarnedFiveMinutesBefore() {
        let kept = Date(timeIntervalSince1970: 1_000_000)
        #expect(KeptFormRules.isOffered(keptAt: kept, now: kept.addingTimeInterval(7_200)))
        #expect(!KeptFormRules.isOffered(keptAt: kept, now: kept.addingTimeInterval(7_201)))
        #expect(KeptFormRules.warningDelay(remaining: 1_800) == 1_500)
        #expect(KeptFormRules.warningDelay(remaining: 240) == 120, "a short session warns halfway")
        #expect(KeptFormRules.warningDelay(remaining: 0) == 0)
    }

    @Test func formPairsKeepOrderAndRepeats() {
        let pairs = FormEncodedText.pairs(in: Array("a=1&b=two+words&a=%C3%A9&empty=&=x&flag".utf8))
        #expect(pairs.map(\.name) == ["a", "b", "a", "empty", "flag"])
        #expect(pairs.map(\.value) == ["1", "two words", "é", "", ""])
    }
}
