import Testing

@testable import SafeguardCore

@Suite struct ToolRatingTests {
    // MARK: Domestic abuse (count)

    @Test(arguments: [(0, "standard"), (9, "standard"), (10, "medium"), (13, "medium"), (14, "high"), (24, "high")])
    func dashCountBands(yes: Int, level: String) throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        let rating = tool.rate(TestTools.dash(tool, yes: yes), override: nil)
        #expect(rating.calculated.key == level)
        #expect(rating.score == Double(yes))
    }

    @Test func notKnownAndNoAreNotCounted() throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        var answers = TestTools.dash(tool, yes: 14)
        answers.values[TestTools.yesNoKeys(tool)[0]] = ["not-known"]
        #expect(tool.rate(answers, override: nil).calculated.key == "medium")
    }

    @Test(
        arguments: [(14, nil, true), (2, "3", true), (2, "2", false), (13, nil, false), (0, "7", true)]
            as [(Int, String?, Bool)])
    func maracPromptAtHighOrThreeIncidents(yes: Int, incidents: String?, prompted: Bool) throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        let rating = tool.rate(TestTools.dash(tool, yes: yes, incidents: incidents), override: nil)
        #expect(rating.prompts.map(\.key) == (prompted ? ["marac"] : []))
    }

    @Test func highRiskIsReassessedSoonerThanTheDefault() throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        #expect(tool.rate(TestTools.dash(tool, yes: 14), override: nil).reassessAfterDays == 28)
        #expect(tool.rate(TestTools.dash(tool, yes: 10), override: nil).reassessAfterDays == 90)
    }

    // MARK: Overrides

    @Test func overrideUpRaisesTheFinalLevelAndKeepsTheReason() throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        let answers = TestTools.dash(tool, yes: 4)
        let override = LevelOverride(level: "high", reason: "She believes he will kill her if she leaves.")
        #expect(tool.check(answers, for: .submission, override: override).isEmpty)
        let rating = tool.rate(answers, override: override)
        #expect(rating.calculated.key == "standard")
        #expect(rating.final.key == "high")
        #expect(rating.override == override)
        #expect(rating.prompts.map(\.key) == ["marac"], "prompts follow the final level")
        #expect(rating.reassessAfterDays == 28)
    }

    @Test func overrideDownIsRefusedAndIgnored() throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        let answers = TestTools.dash(tool, yes: 15)
        let override = LevelOverride(level: "medium", reason: "Victim says things have calmed down.")
        #expect(
            tool.check(answers, for: .submission, override: override) == [
                AnswerProblem(
                    field: "override-level",
                    message: "Professional judgement can raise the level but not lower it: the answers give High risk")
            ])
        let rating = tool.rate(answers, override: override)
        #expect(rating.final.key == "high")
        #expect(rating.override == nil)
    }

    @Test func overrideEqualToTheCalculatedLevelIsNoOverride() throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        let answers = TestTools.dash(tool, yes: 11)
        let override = LevelOverride(level: "medium", reason: "")
        #expect(tool.check(answers, for: .submission, override: override).isEmpty)
        #expect(tool.rate(answers, override: override).override == nil)
    }

    @Test(arguments: [("high", " ", "override-reason"), ("extreme", "Reason", "override-level")])
    func overrideProblems(level: String, reason: String, field: String) throws {
        let tool = try TestTools.shipped("domestic-abuse-risk")
        let answers = TestTools.dash(tool, yes: 1)
        let override = LevelOverride(level: level, reason: reason)
        #expect(tool.check(answers, for: .draft, override: override).map(\.field) == [field])
        #expect(tool.rate(answers, override: override).final.key == "standard")
    }

    // MARK: Exploitation (highest grade)

    @Test func exploitationTakesTheHighestCategory() throws {
        let tool = try TestTools.shipped("exploitation")
        var grades = [
            "missing-episodes": "emerging", "coercion-and-control": "significant",
            "online-activity": "emerging", "money-and-possessions": "moderate",
        ]
        var rating = tool.rate(TestTools.answers(grades), override: nil)
        #expect(rating.calculated.key == "significant")
        #expect(rating.prompts.map(\.key) == ["exploitation-panel"])
        #expect(rating.reassessAfterDays == 28)
        #expect(
            rating.questionLevels.map(\.question) == [
                "missing-episodes", "coercion-and-control",
                "online-activity", "money-and-possessions",
            ])
        grades["coercion-and-control"] = "emerging"
        rating = tool.rate(TestTools.answers(grades), override: nil)
        #expect(rating.calculated.key == "moderate")
        #expect(rating.reassessAfterDays == 56)
        #expect(rating.prompts.isEmpty)
    }

    @Test func exploitationWithNothingGradedIsNone() throws {
        let tool = try TestTools.shipped("exploitation")
        let rating = tool.rate(TestTools.answers(["known-to-police": "yes"]), override: nil)
        #expect(rating.calculated.key == "none")
        #expect(rating.score == nil)
        #expect(rating.questionLevels.isEmpty)
        #expect(rating.reassessAfterDays == 90)
    }

    // MARK: Clutter and neglect (highest score)

    @Test(arguments: [
        (3, "no-concern", false), (4, "help-needed", false), (5, "fire-risk", true),
        (6, "fire-risk", true), (7, "extreme", true), (9, "extreme", true),
    ])
    func clutterWorstRoomDecides(worst: Int, level: String, fireVisit: Bool) throws {
        let tool = try TestTools.shipped("clutter-rating")
        let answers = TestTools.answers(["living-room": "2", "kitchen": "\(worst)", "bedroom": "1"])
        let rating = tool.rate(answers, override: nil)
        #expect(rating.calculated.key == level)
        #expect(rating.score == Double(worst))
        #expect(rating.prompts.map(\.key) == (fireVisit ? ["fire-safety-visit"] : []))
        #expect(rating.reassessAfterDays == (level == "extreme" ? 28 : 90))
    }

    @Test(arguments: [
        (1, "needs-met"), (2, "needs-met"), (3, "some-needs-unmet"), (4, "neglectful"), (5, "severe-neglect"),
    ])
    func neglectWorstAreaDecides(worst: Int, level: String) throws {
        let tool = try TestTools.shipped("neglect-profile")
        let answers = TestTools.answers([
            "physical-care": "1", "safety-and-supervision": "\(worst)",
            "love-and-care": "2", "esteem-and-stimulation": "1",
        ])
        let rating = tool.rate(answers, override: nil)
        #expect(rating.calculated.key == level)
        let area = try #require(rating.questionLevels.first { $0.question == "safety-and-supervision" })
        #expect(area.value == Double(worst))
        #expect(area.level.key == level)
        #expect(rating.questionLevels.count == 4)
    }

    @Test func outOfRangeScoresCountAsNothing() throws {
        let tool = try TestTools.shipped("neglect-profile")
        let rating = tool.rate(TestTools.answers(["physical-care": "7", "love-and-care": "two"]), override: nil)
        #expect(rating.calculated.key == "needs-met")
        #expect(rating.score == nil)
    }

    // MARK: Harmful sexual behaviour (checklists behind an age band)

    @Test func redItemInTheChosenBandGivesRed() throws {
        let tool = try TestTools.shipped("harmful-sexual-behaviour")
        let answers = AssessmentAnswers(values: [
            "age-band": ["10-13"],
            "behaviours-10-13": ["wants-privacy", "exchange-for-goods"],
        ])
        let rating = tool.rate(answers, override: nil)
        #expect(rating.calculated.key == "red")
        #expect(rating.reassessAfterDays == 28)
        #expect(
            rating.questionLevels == [
                QuestionLevel(question: "behaviours-10-13", level: tool.level("red")!, value: nil)
            ])
    }

    @Test func itemsTickedInAnotherBandAreIgnored() throws {
        let tool = try TestTools.shipped("harmful-sexual-behaviour")
        let answers = AssessmentAnswers(values: [
            "age-band": ["5-9"], "behaviours-5-9": ["body-questions"],
            "behaviours-13-17": ["coercive-behaviour"],
        ])
        #expect(tool.applicableSections(answers).map(\.key) == ["about-the-child", "behaviours-5-9"])
        let rating = tool.rate(answers, override: nil)
        #expect(rating.calculated.key == "green")
        #expect(tool.check(answers, for: .submission, override: nil).isEmpty)
    }

    @Test func amberItemsGiveAmber() throws {
        let tool = try TestTools.shipped("harmful-sexual-behaviour")
        let answers = AssessmentAnswers(values: [
            "age-band": ["0-4"], "behaviours-0-4": ["enjoys-being-naked", "persistent-showing"],
        ])
        #expect(tool.rate(answers, override: nil).calculated.key == "amber")
    }
}
