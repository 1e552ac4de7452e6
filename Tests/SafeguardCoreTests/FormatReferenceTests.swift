import Foundation
import Testing

@testable import SafeguardCore

/// The administrators' format reference must not drift from what the parser accepts.
@Suite struct FormatReferenceTests {
    static func readmeExample() throws -> String {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SafeguardCore/Resources/tools/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let example = try #require(text.components(separatedBy: "## Example").last)
        return try #require(
            example.components(separatedBy: "```yaml\n").dropFirst().first?
                .components(separatedBy: "```").first)
    }

    @Test func theReadmeExampleParsesAndBehavesAsDescribed() throws {
        let tool = try ToolDefinition.parse(Self.readmeExample())
        let noAlarm = TestTools.answers(["smoke-alarm": "no"])
        #expect(tool.applicableSections(noAlarm).map(\.key) == ["home", "heating"])
        #expect(tool.rate(noAlarm, override: nil).prompts.map(\.key) == ["fire-service"])
        let alarm = AssessmentAnswers(values: [
            "smoke-alarm": ["yes"], "hazards": ["trip-hazards"], "heater-type": ["portable"],
        ])
        #expect(tool.applicableSections(alarm).map(\.key) == ["home"])
        let rating = tool.rate(alarm, override: nil)
        #expect(rating.calculated.key == "concern")
        #expect(rating.prompts.isEmpty)
        #expect(rating.reassessAfterDays == 180)
        #expect(tool.check(alarm, for: .submission, override: nil).map(\.field) == ["evidence.hazards"])
    }

    @Test func totalScoreAddsScalesAndNumbers() throws {
        let tool = try ToolDefinition.parse(
            """
            key: total
            version: 1
            title: Total
            summary: Adds things up.
            subject: any
            reassess-after-days: 60
            levels:
              - {key: low, label: Low, colour: green}
              - {key: high, label: High, colour: red}
            rating:
              method: total-score
              bands: [{at-least: 0, level: low}, {at-least: 7.5, level: high}]
            sections:
              - key: main
                title: Main
                questions:
                  - {key: a, text: A, answer: scale, min: 0, max: 5}
                  - {key: b, text: B, answer: number, max: 10, required: false}
            """)
        #expect(tool.rate(TestTools.answers(["a": "5", "b": "2.5"]), override: nil).calculated.key == "high")
        #expect(tool.rate(TestTools.answers(["a": "5", "b": "2"]), override: nil).score == 7)
        #expect(
            tool.rate(TestTools.answers(["a": "5", "b": "11"]), override: nil).score == 5,
            "out of range counts as nothing")
        #expect(
            tool.check(TestTools.answers(["b": "11"]), for: .draft, override: nil).map(\.message)
                == ["Enter b as a number of 10 or less"])
    }
}

struct YearlyReferenceTests {
    @Test func aPrefixTheYearAndANumberPadded() {
        #expect(YearlyReference.seriousIncident.make(year: 2026, number: 1) == "SIN-2026-0001")
        #expect(YearlyReference.mashReferral.make(year: 2026, number: 142) == "MASH-2026-000142")
        #expect(
            YearlyReference.disagreement.make(year: 2027, number: 10_000) == "PD-2027-10000",
            "a busy year runs past the padding, never wraps")
        #expect(YearlyReference.practiceReview.likePattern(year: 2026) == "PR-2026-%")
    }
}
