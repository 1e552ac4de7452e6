import Foundation
import Testing

@testable import SafeguardCore

struct TrainingEvaluationTests {
    static let questions = EvaluationQuestion.standardSet

    static func response(_ form: [String: String]) throws -> EvaluationResponse {
        try EvaluationResponse(
            courseID: UUID(), eventID: UUID(), submittedOn: TrainingFixture.day("2026-03-10"),
            form: form, questions: questions)
    }

    @Test func theStandardSetHasEachKind() {
        #expect(Self.questions.map(\.kind) == [.rating, .rating, .yesNo, .rating, .freeText])
        #expect(Self.questions[0].ratingLabels == ["Very poor", "Poor", "Satisfactory", "Good", "Excellent"])
        #expect(Self.questions[2].ratingLabels.isEmpty)
        #expect(Self.questions.map(\.isRequired) == [true, true, true, true, false])
        #expect(Set(Self.questions.map(\.key)).count == Self.questions.count)
    }

    @Test func aFormIsRead() throws {
        let r = try Self.response([
            "overall": "5", "trainer": " 4 ", "met-objectives": "Yes", "confidence": "3",
            "change-practice": "  Check the chronology first ", "csrf": "x",
        ])
        #expect(
            r.answers == [
                "overall": .rating(5), "trainer": .rating(4), "met-objectives": .yesNo(true),
                "confidence": .rating(3), "change-practice": .text("Check the chronology first"),
            ])
        let blankComment = try Self.response([
            "overall": "1", "trainer": "2", "met-objectives": "no", "confidence": "1",
            "change-practice": "  ",
        ])
        #expect(blankComment.answers["change-practice"] == nil)
    }

    @Test func everyProblemIsReportedAtOnce() {
        #expect(
            throws: EvaluationFormRefusal(problems: [
                .init(
                    questionKey: "overall",
                    message: "Select a rating from 1 to 5 for ‘How would you rate the course overall?’"),
                .init(
                    questionKey: "trainer", message: "Select a rating from 1 to 5 for ‘How would you rate the trainer?’"
                ),
                .init(
                    questionKey: "met-objectives",
                    message: "Select yes or no for ‘Did the course meet its learning outcomes?’"),
            ])
        ) {
            try Self.response(["overall": "6", "trainer": "", "met-objectives": "maybe", "confidence": "2"])
        }
    }

    @Test func theSummaryGivesMeansDistributionsPercentagesAndComments() throws {
        let forms: [[String: String]] = [
            [
                "overall": "5", "trainer": "5", "met-objectives": "yes", "confidence": "4",
                "change-practice": "Use the toolkit",
            ],
            ["overall": "4", "trainer": "5", "met-objectives": "yes", "confidence": "3"],
            [
                "overall": "4", "trainer": "4", "met-objectives": "no", "confidence": "3",
                "change-practice": "Ask for consent",
            ],
        ]
        var responses = try forms.map(Self.response)
        // An answer to a question since removed, and one of the wrong kind, are ignored.
        responses[0].answers["old-question"] = .rating(1)
        responses[1].answers["overall"] = .text("great")
        let summary = EvaluationSummary(questions: Self.questions, responses: responses)
        #expect(summary.responses == 3)
        let overall = summary.questions[0]
        #expect(overall.answered == 2 && overall.distribution == [0, 0, 0, 1, 1] && overall.mean == 4.5)
        let trainer = summary.questions[1]
        #expect(trainer.distribution == [0, 0, 0, 1, 2] && trainer.mean == 4.7)
        let met = summary.questions[2]
        #expect(met.yes == 2 && met.no == 1 && met.yesPercent == 66.7 && met.noPercent == 33.3)
        #expect(met.distribution.isEmpty && met.mean == nil)
        #expect(summary.questions[3].mean == 3.3)
        #expect(summary.questions[4].comments == ["Use the toolkit", "Ask for consent"])
        #expect(summary.questions[4].answered == 2)
    }

    @Test func anEmptySummaryHasNoFigures() {
        let summary = EvaluationSummary(questions: Self.questions, responses: [])
        #expect(summary.responses == 0)
        #expect(summary.questions.allSatisfy { $0.answered == 0 && $0.mean == nil && $0.yesPercent == nil })
        #expect(summary.questions[0].distribution == [0, 0, 0, 0, 0])
    }

    @Test func theSummaryExportsAsCSV() throws {
        let responses = try [
            [
                "overall": "5", "trainer": "4", "met-objectives": "yes", "confidence": "4",
                "change-practice": "More, please",
            ],
            ["overall": "3", "trainer": "4", "met-objectives": "yes", "confidence": "4"],
        ].map(Self.response)
        let rows = TrainingReports.csv(EvaluationSummary(questions: Self.questions, responses: responses))
        #expect(
            rows[0] == [
                "Question", "Answers", "Mean rating", "Rated 1", "Rated 2", "Rated 3", "Rated 4", "Rated 5",
                "Yes %", "No %", "Comment",
            ])
        #expect(rows[1] == ["How would you rate the course overall?", "2", "4.0", "0", "0", "1", "0", "1", "", "", ""])
        #expect(
            rows[3] == ["Did the course meet its learning outcomes?", "2", "", "", "", "", "", "", "100.0", "0.0", ""])
        #expect(
            rows.last == [
                "What will you do differently in your practice?", "", "", "", "", "", "", "", "", "", "More, please",
            ])
        #expect(rows.allSatisfy { $0.count == 11 })
    }
}
