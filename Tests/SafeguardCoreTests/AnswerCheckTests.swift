import Testing

@testable import SafeguardCore

@Suite struct AnswerCheckTests {
    @Test func draftAcceptsPartialAnswers() throws {
        let tool = try TestTools.shipped("exploitation")
        let answers = TestTools.answers(["coercion-and-control": "moderate", "known-to-police": "no"])
        #expect(tool.check(answers, for: .draft, override: nil).isEmpty)
        #expect(tool.check(AssessmentAnswers(), for: .draft, override: nil).isEmpty)
    }

    @Test func submissionAsksForEveryRequiredAnswerInQuestionOrder() throws {
        let tool = try TestTools.shipped("exploitation")
        let problems = tool.check(AssessmentAnswers(), for: .submission, override: nil)
        let required = tool.sections.flatMap(\.questions).filter(\.required).map { "q.\($0.key)" }
        #expect(problems.map(\.field) == required)
        #expect(
            problems.contains(
                AnswerProblem(field: "q.coercion-and-control", message: "Choose a grade for coercion and control")))
        #expect(
            problems.contains(
                AnswerProblem(
                    field: "q.known-to-police",
                    message: "Select an answer for ‘Is the child known to the police?’")))
        #expect(!problems.contains { $0.field == "q.attendance" }, "attendance is optional")
    }

    @Test func submissionNeedsEvidenceOnlyWhenTheGradeIsAConcern() throws {
        let tool = try TestTools.shipped("exploitation")
        var answers = completeExploitation(tool)
        answers.values["online-activity"] = ["moderate"]
        #expect(
            tool.check(answers, for: .submission, override: nil) == [
                AnswerProblem(
                    field: "evidence.online-activity", message: "Give the evidence for the grade you chose")
            ])
        #expect(tool.check(answers, for: .draft, override: nil).isEmpty)
        answers.evidence["online-activity"] = "Police found messages arranging meetings with an adult."
        #expect(tool.check(answers, for: .submission, override: nil).isEmpty)
    }

    @Test func neglectEvidenceIsNeededFromThree() throws {
        let tool = try TestTools.shipped("neglect-profile")
        let answers = TestTools.answers([
            "physical-care": "2", "safety-and-supervision": "3",
            "love-and-care": "1", "esteem-and-stimulation": "1",
        ])
        #expect(
            tool.check(answers, for: .submission, override: nil).map(\.field) == ["evidence.safety-and-supervision"])
    }

    @Test(arguments: [
        ("attendance", "110", "Enter current attendance as a whole number from 0 to 100"),
        ("attendance", "85.5", "Enter current attendance as a whole number from 0 to 100"),
        ("legal-status", "section-99", "Select one of the answers listed for legal status"),
        ("coercion-and-control", "severe", "Choose one of the grades listed for coercion and control"),
        ("known-to-police", "maybe", "Select one of the answers listed for ‘Is the child known to the police?’"),
    ])
    func badValuesAreRefusedEvenInDrafts(question: String, value: String, message: String) throws {
        let tool = try TestTools.shipped("exploitation")
        let problems = tool.check(TestTools.answers([question: value]), for: .draft, override: nil)
        #expect(problems == [AnswerProblem(field: "q.\(question)", message: message)])
    }

    @Test(arguments: ["2026-02-30", "27/03/2026", "2026-3-27", "soon"])
    func badDatesAskForARealDate(value: String) throws {
        let tool = try ToolDefinition.parse(Self.datedTool)
        let problems = tool.check(TestTools.answers(["last-seen": value]), for: .draft, override: nil)
        #expect(
            problems == [AnswerProblem(field: "q.last-seen-day", message: "Enter a real date, for example 27 3 2026")])
        #expect(tool.check(TestTools.answers(["last-seen": "2024-02-29"]), for: .draft, override: nil).isEmpty)
    }

    /// A date answer is typed in three boxes, like every date on the site, and stored as one ISO date.
    @Test func aDateIsTypedInThreeBoxes() throws {
        let tool = try ToolDefinition.parse(Self.datedTool)
        #expect(
            tool.answers(fromForm: [
                "q.last-seen-day": [" 29 "], "q.last-seen-month": ["2"], "q.last-seen-year": ["2024"],
            ])
            .values["last-seen"] == ["2024-02-29"])
        let impossible = tool.answers(fromForm: [
            "q.last-seen-day": ["30"], "q.last-seen-month": ["2"], "q.last-seen-year": ["2024"],
        ])
        #expect(impossible.values["last-seen"] == ["30/2/2024"], "kept as typed, to show again")
        #expect(tool.check(impossible, for: .draft, override: nil).map(\.field) == ["q.last-seen-day"])
        #expect(
            tool.answers(fromForm: ["q.last-seen-day": [""], "q.last-seen-month": [""], "q.last-seen-year": [""]])
                .values["last-seen"] == nil)
    }

    @Test func numbersOutsideTheirRangeAndScalesAreRefused() throws {
        let dash = try TestTools.shipped("domestic-abuse-risk")
        #expect(
            dash.check(TestTools.answers(["incidents-last-12-months": "-1"]), for: .draft, override: nil)
                .map(\.message) == [
                    "Enter domestic abuse incidents reported in the last 12 months as a number of 0 or more"
                ])
        let clutter = try TestTools.shipped("clutter-rating")
        #expect(
            clutter.check(TestTools.answers(["kitchen": "10"]), for: .draft, override: nil)
                .map(\.message) == ["Choose a whole number from 1 to 9 for kitchen"])
    }

    @Test func checklistsRefuseUnknownItemsAndNeedAnItemOnSubmission() throws {
        let tool = try TestTools.shipped("harmful-sexual-behaviour")
        let unknown = AssessmentAnswers(values: ["age-band": ["5-9"], "behaviours-5-9": ["wants-privacy", "made-up"]])
        #expect(
            tool.check(unknown, for: .draft, override: nil).map(\.message) == [
                "Tick only the items listed for behaviours seen or reported"
            ])
        let none = AssessmentAnswers(values: ["age-band": ["5-9"]])
        #expect(
            tool.check(none, for: .submission, override: nil) == [
                AnswerProblem(
                    field: "q.behaviours-5-9", message: "Tick at least one item for behaviours seen or reported")
            ])
        let amber = AssessmentAnswers(values: ["age-band": ["5-9"], "behaviours-5-9": ["viewing-sexual-content"]])
        #expect(
            tool.check(amber, for: .submission, override: nil).map(\.message) == [
                "Give the evidence for the items you ticked"
            ])
    }

    @Test func overridesAreRefusedByAToolThatDoesNotAllowThem() throws {
        let tool = try ToolDefinition.parse(Self.datedTool)
        let problems = tool.check(
            AssessmentAnswers(), for: .draft, override: LevelOverride(level: "high", reason: "Worried"))
        #expect(problems.map(\.field) == ["override-level"])
        #expect(
            tool.rate(AssessmentAnswers(), override: LevelOverride(level: "high", reason: "Worried")).final.key == "low"
        )
    }

    @Test func formFieldsAreTrimmedAndUnknownKeysDropped() throws {
        let tool = try TestTools.shipped("harmful-sexual-behaviour")
        let answers = tool.answers(fromForm: [
            "q.age-band": ["  5-9 "],
            "q.behaviours-5-9": ["wants-privacy", " ", "body-questions\n"],
            "q.behaviours-0-4": [""],
            "q.favourite-colour": ["blue"],
            "evidence.behaviours-5-9": ["  Seen by the class teacher.  "],
            "evidence.age-band": ["no evidence box here"],
            "csrf-token": ["abc"],
        ])
        #expect(
            answers
                == AssessmentAnswers(
                    values: ["age-band": ["5-9"], "behaviours-5-9": ["wants-privacy", "body-questions"]],
                    evidence: ["behaviours-5-9": "Seen by the class teacher."]))
    }

    private func completeExploitation(_ tool: AssessmentTool) -> AssessmentAnswers {
        var values: [String: [String]] = [:]
        for question in tool.sections.flatMap(\.questions) where question.required {
            values[question.key] = [question.answer.optionKeys?.first ?? "none"]
        }
        return AssessmentAnswers(values: values)
    }

    static let datedTool = """
        key: dated
        version: 2
        title: Dated
        summary: A tool with a date.
        subject: any
        reassess-after-days: 30
        levels:
          - {key: low, label: Low, colour: green}
          - {key: high, label: High, colour: red}
        rating:
          method: highest-grade
        sections:
          - key: main
            title: Main
            questions:
              - {key: last-seen, text: Date last seen, answer: date, required: false}
              - key: worry
                text: Worry
                answer: grade
                required: false
                options: [{key: none, label: None, level: low}, {key: lots, label: Lots, level: high}]
        """
}
