import Testing

@testable import SafeguardCore

struct OpenedAsTests {
    @Test func theSameValuesGiveTheSameStampAndAnyChangeAnother() {
        let opened = OpenedAs(values: ["Kayla", nil, "Smith", "2018-06-14"])
        #expect(opened == OpenedAs(values: ["Kayla", nil, "Smith", "2018-06-14"]))
        #expect(opened.stamp.count == 24)
        #expect(opened.stamp.allSatisfy { $0.isHexDigit })
        for changed in [
            ["Kayleigh", nil, "Smith", "2018-06-14"], ["Kayla", "", "Smith", "2018-06-14"],
            ["Kayla", nil, "Smith", nil], ["Kayla", nil, "Smith", "2018-06-14", nil],
        ] {
            #expect(OpenedAs(values: changed) != opened, "\(changed)")
        }
    }

    @Test func valuesDoNotRunTogether() {
        #expect(OpenedAs(values: ["ab", "c"]) != OpenedAs(values: ["a", "bc"]))
        #expect(OpenedAs(values: ["a\u{1F}b"]) != OpenedAs(values: ["a", "b"]))
        #expect(OpenedAs(values: [nil]) != OpenedAs(values: ["-"]))
    }

    @Test func aSaveOverAChangeMadeMeanwhileIsHeldBackWithTheStampToSaveNext() {
        let opened = OpenedAs(values: ["Kayla", "Smith"])
        #expect(OpenedAs.decide(sent: opened.stamp, storedNow: opened) == .save)
        let now = OpenedAs(values: ["Kaylee", "Smith"])
        #expect(OpenedAs.decide(sent: opened.stamp, storedNow: now) == .changedMeanwhile(now: now))
        #expect(
            OpenedAs.decide(sent: nil, storedNow: now) == .changedMeanwhile(now: now),
            "a form without a stamp cannot say")
        #expect(OpenedAs.decide(sent: now.stamp, storedNow: now) == .save, "the next press, having seen it")
    }
}
