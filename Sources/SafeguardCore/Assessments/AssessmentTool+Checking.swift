import Foundation

extension AssessmentTool {
    /// Everything wrong, in question order, each with a message a practitioner understands and that
    /// says what to do (GOV.UK error-message style). A draft only has its given values checked; a
    /// submission must also be complete and carry the evidence its questions ask for. Answers in
    /// sections that do not apply are ignored. Override problems come last, as the override
    /// fields sit below the questions.
    public func check(_ answers: AssessmentAnswers, for check: AnswerCheck, override: LevelOverride?) -> [AnswerProblem]
    {
        var problems: [AnswerProblem] = []
        for question in applicableQuestions(answers) {
            let values = (answers.values[question.key] ?? []).filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
            if values.isEmpty {
                if check == .submission, question.required {
                    problems.append(AnswerProblem(field: Self.field(question), message: missingMessage(question)))
                }
            } else if let message = invalidMessage(question, values) {
                problems.append(AnswerProblem(field: Self.field(question), message: message))
            } else if check == .submission, needsEvidence(question, values),
                (answers.evidence[question.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                problems.append(AnswerProblem(field: "evidence.\(question.key)", message: evidenceMessage(question)))
            }
        }
        if let override { problems += overrideProblems(override, answers) }
        return problems
    }

    /// The form field a question's problem points at: its control, or the day box of a date's three.
    public static func field(_ question: ToolQuestion) -> String {
        if case .date = question.answer { return "q.\(question.key)-day" }
        return "q.\(question.key)"
    }

    func overrideProblems(_ override: LevelOverride, _ answers: AssessmentAnswers) -> [AnswerProblem] {
        let wanted = override.level.trimmingCharacters(in: .whitespaces)
        let reason = override.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        // The server may build an override from two empty form fields; that is no override at all.
        if wanted.isEmpty && reason.isEmpty { return [] }
        guard self.override == .raiseOnly else {
            return [
                AnswerProblem(
                    field: "override-level",
                    message: "The level for this tool comes from the answers and cannot be changed")
            ]
        }
        guard let wantedRank = rank(of: wanted) else {
            let message = wanted.isEmpty ? "Choose the level you are raising it to" : "Choose a level from the list"
            return [AnswerProblem(field: "override-level", message: message)]
        }
        let calculated = rate(answers, override: nil).calculated
        let calculatedRank = rank(of: calculated.key)!
        if wantedRank < calculatedRank {
            return [
                AnswerProblem(
                    field: "override-level",
                    message:
                        "Professional judgement can raise the level but not lower it: the answers give \(calculated.label)"
                )
            ]
        }
        if wantedRank > calculatedRank, reason.isEmpty {
            return [AnswerProblem(field: "override-reason", message: "Give the reason for raising the level")]
        }
        return []
    }

    /// Whether the evidence box must be filled for this (valid) answer.
    func needsEvidence(_ question: ToolQuestion, _ values: [String]) -> Bool {
        switch question.evidence {
        case .none, .optional: false
        case .always: true
        case .whenConcern: isConcern(question, values)
        }
    }

    /// Whether the answer rates above the tool's lowest level.
    func isConcern(_ question: ToolQuestion, _ values: [String]) -> Bool {
        let answers = AssessmentAnswers(values: [question.key: values])
        switch question.answer {
        case .yesNo, .yesNoNotKnown:
            return values.first == "yes"
        case .grade, .checklist:
            return answerLevel(question, answers).flatMap { rank(of: $0) }.map { $0 > 0 } ?? false
        case .scale(let min, _, _):
            guard let value = scaleValue(question, answers) else { return false }
            // In a tool rated by score the bands say what is a concern; elsewhere, anything above the best value.
            guard let bands = scoreBands else { return value > Double(min) }
            return rank(of: band(value, bands).key)! > 0
        case .choice, .number, .percentage, .text, .date:
            return false
        }
    }
}
